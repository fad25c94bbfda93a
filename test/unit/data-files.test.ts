/**
 * The data files against the facts they come from. A wrong hotline number can hurt someone, so the
 * numbers FACTS.md gives are pinned here: changing one in content/data must be a deliberate act that
 * also changes this test, with its source.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readData } from '../support/content-data.ts';
import {
  DeskSchema,
  GlossaryTermSchema,
  HolidaysFileSchema,
  HotlineSchema,
  OfficeSchema,
  RegencySchema,
  SourceSchema,
} from '../../src/schemas/content/data.ts';

const hotlines = z.array(HotlineSchema).parse(readData('hotlines.yaml'));
const sources = z.array(SourceSchema).parse(readData('sources.yaml'));
const sourceIds = new Set(sources.map((s) => s.id));

describe('hotlines.yaml', () => {
  const numbers = (id: string) => hotlines.find((h) => h.id === id)?.channels.map((c) => `${c.kind}:${c.value}`);

  it('lists exactly the numbers FACTS.md gives, each on its channel', () => {
    expect(numbers('kp2mi')).toEqual(['phone:0800-1000', 'phone:+62 21 2924 4800', 'whatsapp:0811-8080-141', 'web:https://siskop2mi.bp2mi.go.id']);
    expect(numbers('sapa129')).toEqual(['phone:129', 'whatsapp:08111-129-129']);
    expect(numbers('kemlu')).toEqual(['phone:+62 812 9007 0027', 'web:https://peduliwni.kemlu.go.id']);
    expect(numbers('lapor')).toEqual(['web:https://lapor.go.id', 'sms:1708']);
    expect(numbers('polri')).toEqual(['phone:110']);
    expect(numbers('kemnaker')).toEqual(['phone:1500630']);
  });

  it('never lists the retired SMS 7266 "Halo TKI" number', () => {
    expect(JSON.stringify(hotlines)).not.toContain('7266');
  });

  it('marks the numbers FACTS.md flags as weak or old as unconfirmed, with a reason', () => {
    for (const id of ['kemlu', 'polri', 'kemnaker']) {
      const hotline = hotlines.find((h) => h.id === id)!;
      expect(hotline.confirmed, id).toBe(false);
      expect(hotline.caveat?.id, id).toBeTruthy();
      expect(hotline.caveat?.en, id).toBeTruthy();
    }
  });

  it('cites sources that exist', () => {
    for (const h of hotlines) for (const s of h.sources) expect(sourceIds.has(s), `${h.id}: ${s}`).toBe(true);
  });

  it('refuses a confirmed number without a source and an unconfirmed one without a reason', () => {
    const base = { id: 'x', order: 9, name: { id: 'X' }, purpose: { id: 'Y' }, channels: [{ kind: 'phone', value: '123' }] };
    expect(HotlineSchema.safeParse({ ...base, confirmed: true }).error?.issues[0]?.message).toMatch(/harus punya sumber/);
    expect(HotlineSchema.safeParse({ ...base, confirmed: false }).error?.issues[0]?.message).toMatch(/alasannya/);
    expect(HotlineSchema.safeParse({ ...base, confirmed: false, caveat: { id: 'lama' }, channels: [{ kind: 'phone', value: 'call us' }] }).success).toBe(false);
  });
});

describe('regencies.yaml', () => {
  it('has the 15 kabupaten/kota of Lampung with their Kemendagri codes', () => {
    const regencies = z.array(RegencySchema).parse(readData('regencies.yaml'));
    expect(regencies.map((r) => r.id)).toEqual([
      '1801', '1802', '1803', '1804', '1805', '1806', '1807', '1808', '1809', '1810', '1811', '1812', '1813', '1871', '1872',
    ]);
    expect(regencies.find((r) => r.id === '1813')?.name).toBe('Pesisir Barat');
    expect(regencies.filter((r) => r.kind === 'kota').map((r) => r.name)).toEqual(['Bandar Lampung', 'Metro']);
  });
});

describe('holidays.yaml', () => {
  const file = HolidaysFileSchema.parse(readData('holidays.yaml'));

  it('covers 2026 only: no source for the 2027 SKB 3 Menteri was found (FACTS.md §7)', () => {
    expect(file.covers).toEqual([2026]);
    expect(file.days.every((d) => d.id.startsWith('2026-'))).toBe(true);
  });

  it('refuses a day in a year it does not cover, and a day listed twice, naming the day', () => {
    const day = { kind: 'libur', name: { id: 'Tahun Baru 2027 Masehi' }, basis: 'Libur tanggal tetap', confirmed: false };
    const outside = HolidaysFileSchema.safeParse({ covers: [2026], days: [{ ...day, id: '2027-01-01' }] });
    expect(outside.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['days.0.id', 'Tahun 2027 belum ada di covers. Tambahkan 2027 ke covers hanya setelah semua hari libur 2027 dari SKB 3 Menteri dicatat'],
    ]);
    const twice = HolidaysFileSchema.safeParse({ covers: [2026], days: [{ ...day, id: '2026-01-01' }, { ...day, id: '2026-01-01' }] });
    expect(twice.error?.issues[0]?.path).toEqual(['days', 1, 'id']);
    expect(HolidaysFileSchema.safeParse({ covers: [], days: [] }).success).toBe(false);
    expect(HolidaysFileSchema.safeParse({ covers: ['2026'], days: [] }).success).toBe(false);
    expect(HolidaysFileSchema.safeParse([{ ...day, id: '2026-01-01' }]).success).toBe(false);
  });
});

describe('other data files', () => {
  it('validate against their schemas and cite existing sources', () => {
    const files: [string, z.ZodType][] = [
      ['desks.yaml', z.array(DeskSchema)],
      ['glossary.yaml', z.array(GlossaryTermSchema)],
      ['holidays.yaml', HolidaysFileSchema.transform((file) => file.days)],
      ['office.yaml', z.array(OfficeSchema).length(1)],
    ];
    for (const [name, schema] of files) {
      const parsed = schema.safeParse(readData(name));
      expect(parsed.error?.issues, name).toBeUndefined();
      for (const entry of parsed.data as { sources?: string[] }[]) {
        for (const s of entry.sources ?? []) expect(sourceIds.has(s), `${name}: ${s}`).toBe(true);
      }
    }
  });

  it('keeps the LTSA office address and hours marked unconfirmed (FACTS.md §6)', () => {
    const [office] = z.array(OfficeSchema).parse(readData('office.yaml'));
    expect(office?.addressConfirmed).toBe(false);
    expect(office?.hoursConfirmed).toBe(false);
    expect(office?.hours).toBeNull();
  });

  it('has the eight LTSA desks of PP 59/2021 Ps 31', () => {
    const desks = z.array(DeskSchema).parse(readData('desks.yaml'));
    expect(desks.map((d) => d.id)).toEqual(['ketenagakerjaan', 'pengaduan', 'dukcapil', 'kesehatan', 'keimigrasian', 'kepolisian', 'perbankan', 'jaminan-sosial']);
  });

  it('numbers sources S1 to S99 once each', () => {
    expect(sources.map((s) => s.id)).toEqual(Array.from({ length: 99 }, (_, i) => `S${i + 1}`));
  });
});
