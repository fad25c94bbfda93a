/** Structured data (schema.org) for search engines: HowTo for guides, GovernmentService for the LTSA. */
import type { Guide } from '../schemas/content/guide.ts';
import type { Lang } from '../i18n/index.ts';
import { isoDay } from '../lib/dates.ts';

export function howToJsonLd(guide: Guide, url: string, lang: Lang) {
  return {
    '@context': 'https://schema.org',
    '@type': 'HowTo',
    name: guide.title,
    description: guide.description,
    inLanguage: lang,
    url,
    dateModified: isoDay(guide.reviewed),
    step: guide.steps.map((step, i) => ({
      '@type': 'HowToStep',
      position: i + 1,
      name: step.title,
      text: step.body.join(' '),
      url: `${url}#langkah-${i + 1}`,
    })),
  };
}

export function governmentServiceJsonLd(opts: { name: string; description: string; url: string; lang: Lang; areaServed: string }) {
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: opts.name,
    description: opts.description,
    url: opts.url,
    inLanguage: opts.lang,
    serviceType: opts.lang === 'id' ? 'Layanan penempatan dan pelindungan pekerja migran' : 'Placement and protection services for migrant workers',
    areaServed: { '@type': 'AdministrativeArea', name: opts.areaServed },
    provider: { '@type': 'GovernmentOrganization', name: 'Pemerintah Provinsi Lampung' },
  };
}
