import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { GuideSchema } from './schemas/content/guide.ts';
import { CountrySchema } from './schemas/content/country.ts';
import { NoticeSchema } from './schemas/content/notice.ts';
import { SafetyPageSchema } from './schemas/content/safety.ts';
import { StandalonePageSchema } from './schemas/content/page.ts';
import {
  DeskSchema,
  GlossaryTermSchema,
  HolidaySchema,
  HolidaysFileSchema,
  HotlineSchema,
  OfficeSchema,
  RegencySchema,
  SourceSchema,
} from './schemas/content/data.ts';

// Content lives in the top-level content/ folder, outside src, so editors never touch code.
const mdx = (folder: string) => glob({ base: `./content/${folder}`, pattern: '{id,en}/*.mdx' });

// holidays.yaml is an object (the years it covers, and the days); the collection holds the days. The
// whole file is checked first, so a day in a year it does not cover fails the build.
function holidayDays(text: string) {
  const result = HolidaysFileSchema.safeParse(parseYaml(text));
  if (!result.success) {
    const issues = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`content/data/holidays.yaml does not match its schema:\n${issues}`);
  }
  return result.data.days;
}

export const collections = {
  guides: defineCollection({ loader: mdx('guides'), schema: GuideSchema }),
  countries: defineCollection({ loader: mdx('countries'), schema: CountrySchema }),
  safety: defineCollection({ loader: mdx('safety'), schema: SafetyPageSchema }),
  pages: defineCollection({ loader: mdx('pages'), schema: StandalonePageSchema }),
  notices: defineCollection({
    loader: glob({ base: './content/notices', pattern: '*.yaml' }),
    schema: NoticeSchema,
  }),
  sources: defineCollection({ loader: file('./content/data/sources.yaml'), schema: SourceSchema }),
  hotlines: defineCollection({ loader: file('./content/data/hotlines.yaml'), schema: HotlineSchema }),
  regencies: defineCollection({ loader: file('./content/data/regencies.yaml'), schema: RegencySchema }),
  holidays: defineCollection({ loader: file('./content/data/holidays.yaml', { parser: holidayDays }), schema: HolidaySchema }),
  glossary: defineCollection({ loader: file('./content/data/glossary.yaml'), schema: GlossaryTermSchema }),
  desks: defineCollection({ loader: file('./content/data/desks.yaml'), schema: DeskSchema }),
  office: defineCollection({ loader: file('./content/data/office.yaml'), schema: OfficeSchema }),
};
