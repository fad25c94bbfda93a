import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { localizePath, t, type Lang } from '../../../i18n/index.ts';
import { getNotices, pick } from '../../../site/content.ts';
import { langPaths } from '../../../site/paths.ts';

export const getStaticPaths = langPaths;

/** The notices feed, newest first, one per language. */
export async function GET(context: APIContext) {
  const { lang } = context.props as { lang: Lang };
  const notices = await getNotices();
  const site = context.site ?? new URL('http://localhost:8888');
  return rss({
    title: `${t(lang, 'notices.title')} · ${t(lang, 'site.name')}`,
    description: t(lang, 'notices.lead'),
    site,
    customData: `<language>${lang}</language>`,
    items: notices.map((notice) => ({
      title: pick(notice.data.title, lang).text,
      description: `${pick(notice.data.summary, lang).text} (${notice.data.legalBasis})`,
      pubDate: notice.data.date,
      link: new URL(`${localizePath('/pengumuman/', lang)}#${notice.id}`, site).href,
      categories: [notice.data.status],
    })),
  });
}
