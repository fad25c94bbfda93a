/** Content schemas give editors specific, plain-language errors (Starlight's friendly validation). */
import { describe, expect, it } from 'vitest';
import { GuideSchema } from '../../src/schemas/content/guide.ts';
import { NoticeSchema } from '../../src/schemas/content/notice.ts';
import { CountrySchema } from '../../src/schemas/content/country.ts';

const step = { title: 'Daftar di Disnaker', body: ['Datang ke kantor.'], who: 'Disnaker', where: 'Kantor Disnaker', cost: 'Gratis', time: '1 hari' };
const guide = { title: 'Mendaftar di Disnaker', description: 'Cara mendaftar sebagai calon pekerja migran.', summary: 'Langkah pertama.', order: 1, reviewed: '2026-11-28', steps: [step] };

function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('guide schema', () => {
  it('accepts a complete guide and fills defaults', () => {
    const parsed = GuideSchema.parse(guide);
    expect(parsed.reviewed).toEqual(new Date('2026-11-28T00:00:00Z'));
    expect(parsed.sources).toEqual([]);
    expect(parsed.steps[0]?.documents).toEqual([]);
  });

  it('names the missing step field in words an editor understands', () => {
    const { cost: _cost, ...noCost } = step;
    expect(messages(GuideSchema.safeParse({ ...guide, steps: [step, noCost] }))).toEqual(['steps.1.cost: Wajib diisi: biaya (cost), atau "Gratis"']);
  });

  it('refuses a guide without steps, an empty title and a bad date', () => {
    expect(messages(GuideSchema.safeParse({ ...guide, steps: [] }))).toEqual(['steps: Panduan harus punya paling sedikit satu langkah (steps)']);
    expect(messages(GuideSchema.safeParse({ ...guide, title: '  ' }))[0]).toMatch(/^title: judul halaman \(title\) terlalu pendek/);
    expect(messages(GuideSchema.safeParse({ ...guide, reviewed: 'kemarin' }))).toEqual(['reviewed: Tulis tanggal sebagai YYYY-MM-DD, misalnya 2026-11-28']);
  });

  it('refuses a source id that is not of the S<number> form', () => {
    expect(messages(GuideSchema.safeParse({ ...guide, sources: ['kompas'] }))[0]).toMatch(/^sources.0: Tulis id sumber/);
  });
});

describe('notice and country schemas', () => {
  const notice = {
    title: { id: 'Moratorium' }, summary: { id: 'Penghentian penempatan.' }, countries: ['arab-saudi'], sector: { id: 'PRT' },
    status: 'moratorium', legalBasis: 'Kepmenaker 260/2015', issuer: 'Kemnaker', date: '2015-07-01', sources: ['S42'], reviewed: '2026-11-28', confirmed: true,
  };

  it('accepts a notice with English missing (shown with a visible fallback)', () => {
    expect(NoticeSchema.parse(notice).title.en).toBeUndefined();
  });

  it('lists the allowed statuses when one is wrong', () => {
    expect(messages(NoticeSchema.safeParse({ ...notice, status: 'tutup' }))).toEqual([
      'status: Status harus salah satu dari: open, restricted, closed, moratorium, under-review',
    ]);
  });

  it('refuses a country slug that is not kebab-case', () => {
    expect(messages(NoticeSchema.safeParse({ ...notice, countries: ['Arab Saudi'] }))[0]).toMatch(/^countries.0: Slug harus huruf kecil/);
  });

  it('needs every sector of a country to say whether its status is confirmed', () => {
    const country = { title: 'Jepang', description: 'Status penempatan ke Jepang per sektor.', name: 'Jepang', order: 1, reviewed: '2026-11-28', sectors: [{ sector: 'Manufaktur', status: 'open', basis: 'Program G to G.' }] };
    expect(messages(CountrySchema.safeParse(country))).toEqual(['sectors.0.confirmed: Invalid input: expected boolean, received undefined']);
  });
});
