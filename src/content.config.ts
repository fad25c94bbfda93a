import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { GuideSchema } from './schemas/content/guide.ts';
import { CountrySchema } from './schemas/content/country.ts';
import { NoticeSchema } from './schemas/content/notice.ts';
import { SafetyPageSchema } from './schemas/content/safety.ts';
import { StandalonePageSchema } from './schemas/content/page.ts';
import {
  DeskSchema,
  GlossaryTermSchema,
  HolidaySchema,
  HotlineSchema,
  OfficeSchema,
  RegencySchema,
  SourceSchema,
} from './schemas/content/data.ts';

// Content lives in the top-level content/ folder, outside src, so editors never touch code.
const mdx = (folder: string) => glob({ base: `./content/${folder}`, pattern: '{id,en}/*.mdx' });

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
  holidays: defineCollection({ loader: file('./content/data/holidays.yaml'), schema: HolidaySchema }),
  glossary: defineCollection({ loader: file('./content/data/glossary.yaml'), schema: GlossaryTermSchema }),
  desks: defineCollection({ loader: file('./content/data/desks.yaml'), schema: DeskSchema }),
  office: defineCollection({ loader: file('./content/data/office.yaml'), schema: OfficeSchema }),
};
