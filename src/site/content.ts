/**
 * Content access for pages: per-language entries with a visible fallback to Indonesian,
 * and cross-checks that schemas alone cannot do (a cited source or notice must exist).
 * A failed check throws with the file and field named, which fails the build.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { Lang } from '../i18n/index.ts';

export type LocalizedCollection = 'guides' | 'countries' | 'safety' | 'pages';

export interface Localized<C extends LocalizedCollection> {
  /** The entry to render: in the requested language, or the Indonesian one when untranslated. */
  entry: CollectionEntry<C>;
  slug: string;
  /** True when the requested language is missing and Indonesian is shown instead. */
  fallback: boolean;
}

/** "en/paspor-pmi" -> en + paspor-pmi. The glob loader gives a folder's index.mdx the folder's id ("id"), so that is "index". */
function splitId(id: string): { lang: string; slug: string } {
  const [lang, ...rest] = id.split('/');
  return { lang: lang ?? '', slug: rest.join('/') || 'index' };
}

/** Every entry of a collection in one language, Indonesian entries standing in for missing translations. */
export async function getLocalized<C extends LocalizedCollection>(collection: C, lang: Lang): Promise<Localized<C>[]> {
  const all = (await getCollection(collection)) as CollectionEntry<C>[];
  const bySlug = new Map<string, Localized<C>>();
  for (const entry of all) {
    const parts = splitId(entry.id);
    if (parts.lang === 'id' && !bySlug.has(parts.slug)) bySlug.set(parts.slug, { entry, slug: parts.slug, fallback: lang !== 'id' });
    if (parts.lang === lang) bySlug.set(parts.slug, { entry, slug: parts.slug, fallback: false });
  }
  await Promise.all([...bySlug.values()].map((item) => checkSources(item.entry.data.sources, `content/${collection}/${item.entry.id}.mdx`)));
  return [...bySlug.values()];
}

export async function getLocalizedEntry<C extends LocalizedCollection>(collection: C, slug: string, lang: Lang): Promise<Localized<C> | undefined> {
  return (await getLocalized(collection, lang)).find((item) => item.slug === slug);
}

let sourceIds: Set<string> | undefined;

/** Fails the build when a page cites a source id that content/data/sources.yaml does not have. */
export async function checkSources(ids: readonly string[], file: string): Promise<void> {
  sourceIds ??= new Set((await getCollection('sources')).map((s) => s.id));
  ids.forEach((id, index) => {
    if (!sourceIds!.has(id)) throw new Error(`${file}: sources[${index}] "${id}" is not in content/data/sources.yaml`);
  });
}

export async function getSources(ids: readonly string[]) {
  const entries = await Promise.all(ids.map((id) => getEntry('sources', id)));
  return entries.filter((e): e is CollectionEntry<'sources'> => e !== undefined).map((e) => e.data);
}

/** Notices newest first, with their sources and country references checked. */
export async function getNotices() {
  const [notices, countries] = await Promise.all([getCollection('notices'), getCollection('countries')]);
  const slugs = new Set(countries.map((c) => splitId(c.id).slug));
  for (const notice of notices) {
    const file = `content/notices/${notice.id}.yaml`;
    await checkSources(notice.data.sources, file);
    notice.data.countries.forEach((slug, index) => {
      if (!slugs.has(slug)) throw new Error(`${file}: countries[${index}] "${slug}" has no page in content/countries`);
    });
  }
  return notices.sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id));
}

/** Checks that every notice a country's sector cites exists. */
export async function checkCountryNotices(entry: CollectionEntry<'countries'>): Promise<void> {
  const ids = new Set((await getCollection('notices')).map((n) => n.id));
  entry.data.sectors.forEach((sector, i) => {
    sector.notices.forEach((id, j) => {
      if (!ids.has(id)) throw new Error(`content/countries/${entry.id}.mdx: sectors[${i}].notices[${j}] "${id}" is not in content/notices`);
    });
  });
  await checkSources(entry.data.sectors.flatMap((s) => s.sources), `content/countries/${entry.id}.mdx (sectors)`);
}

let hotlines: Promise<CollectionEntry<'hotlines'>['data'][]> | undefined;

/** Hotlines in order, checked once per build (many pages show them). */
export function getHotlines() {
  hotlines ??= (async () => {
    const list = (await getCollection('hotlines')).map((h) => h.data).sort((a, b) => a.order - b.order);
    for (const h of list) await checkSources(h.sources, `content/data/hotlines.yaml (${h.id})`);
    return list;
  })();
  return hotlines;
}

export async function getOffice() {
  const office = await getEntry('office', 'ltsa');
  if (!office) throw new Error('content/data/office.yaml: the entry with id "ltsa" is missing');
  return office.data;
}

/** The text of a two-language field in a language, and whether it fell back to Indonesian. */
export function pick(text: { id: string; en?: string | undefined }, lang: Lang): { text: string; fallback: boolean } {
  if (lang === 'en' && text.en) return { text: text.en, fallback: false };
  return { text: text.id, fallback: lang !== 'id' };
}
