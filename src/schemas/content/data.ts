import { z } from 'zod';
import { DateSchema, LocalizedTextSchema, SourceIdSchema } from './common.ts';

/** A source a fact comes from: content/data/sources.yaml. */
export const SourceSchema = z.object({
  /** Id cited by pages. Example: "S9". */
  id: SourceIdSchema,
  /** The address as recorded in FACTS.md, without the scheme. Example: "pasal.id/peraturan/uu/uu-no-18-tahun-2017". */
  ref: z.string().min(3),
  /** What the source is. Example: "UU 18/2017, teks pasal (Wikisource)". */
  title: z.string().min(3).optional(),
  /** True when the recorded address is shortened ("...") and cannot be linked. */
  partial: z.boolean().default(false),
});
export type Source = z.infer<typeof SourceSchema>;

const phonePattern = /^\+?[0-9][0-9 -]{1,20}[0-9]$/;

/** One way to reach a hotline. */
export const ContactChannelSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('phone'),
    /** The number as people write it. Example: "0800-1000" or "+62 21 2924 4800". */
    value: z.string().regex(phonePattern, 'Tulis nomor telepon dengan angka, spasi atau tanda hubung'),
    note: LocalizedTextSchema.optional(),
  }),
  z.object({
    kind: z.literal('whatsapp'),
    /** An Indonesian mobile number. Example: "0811-8080-141". */
    value: z.string().regex(phonePattern, 'Tulis nomor WhatsApp dengan angka, spasi atau tanda hubung'),
    note: LocalizedTextSchema.optional(),
  }),
  z.object({
    kind: z.literal('sms'),
    value: z.string().regex(phonePattern, 'Tulis nomor SMS dengan angka'),
    note: LocalizedTextSchema.optional(),
  }),
  z.object({
    kind: z.literal('web'),
    /** An https address of an official site. */
    value: z.url({ protocol: /^https$/, error: 'Tulis alamat situs lengkap dengan https://' }),
    note: LocalizedTextSchema.optional(),
  }),
]);
export type ContactChannel = z.infer<typeof ContactChannelSchema>;

/** A hotline or complaint channel: content/data/hotlines.yaml. Never add a number without a source. */
export const HotlineSchema = z.object({
  /** Stable id. Example: "kp2mi". */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Who answers. */
  name: LocalizedTextSchema,
  /** What to contact them for. */
  purpose: LocalizedTextSchema,
  /** Ways to reach them, most useful first. */
  channels: z.array(ContactChannelSchema).min(1),
  /** Shown on the home page and in the footer as an emergency number. */
  emergency: z.boolean().default(false),
  /** Sources for every number listed. */
  sources: z.array(SourceIdSchema).default([]),
  /** False when the number comes from a weak or old source: shown as needing confirmation. */
  confirmed: z.boolean(),
  /** Why it is unconfirmed (required when confirmed is false). */
  caveat: LocalizedTextSchema.optional(),
  /** Position in lists. */
  order: z.number().int().min(1),
})
  .refine((h) => !h.confirmed || h.sources.length > 0, {
    message: 'Nomor yang dikonfirmasi harus punya sumber (sources)',
    path: ['sources'],
  })
  .refine((h) => h.confirmed || h.caveat !== undefined, {
    message: 'Nomor yang belum dikonfirmasi harus menjelaskan alasannya (caveat)',
    path: ['caveat'],
  });
export type Hotline = z.infer<typeof HotlineSchema>;

/** A regency (kabupaten) or city (kota) of Lampung: content/data/regencies.yaml. */
export const RegencySchema = z.object({
  /** Four-digit Kemendagri code. Example: "1801". */
  id: z.string().regex(/^18\d{2}$/, 'Kode kabupaten/kota Lampung adalah 4 angka yang diawali 18'),
  /** Name without the word Kabupaten. Example: "Lampung Barat". */
  name: z.string().min(3),
  kind: z.enum(['kabupaten', 'kota']),
  /** The seat of government, when known. */
  capital: z.string().min(3).optional(),
});
export type Regency = z.infer<typeof RegencySchema>;

/** A public holiday or collective leave day when the office is closed: content/data/holidays.yaml. */
export const HolidaySchema = z.object({
  /** The day, YYYY-MM-DD. */
  id: z.iso.date({ error: 'Tulis tanggal sebagai "YYYY-MM-DD" dalam tanda kutip' }),
  name: LocalizedTextSchema,
  /** "libur" is a national holiday, "cuti-bersama" a collective leave day. */
  kind: z.enum(['libur', 'cuti-bersama']),
  /** Legal basis. Example: "SKB 3 Menteri 2025 tentang hari libur 2026". */
  basis: z.string().min(3),
  sources: z.array(SourceIdSchema).default([]),
  confirmed: z.boolean(),
});
export type Holiday = z.infer<typeof HolidaySchema>;

/**
 * content/data/holidays.yaml as a whole: the years whose holidays are all known, and the days. The
 * booking form offers no visit day in a year missing from `covers`, so a year is added only once its
 * SKB 3 Menteri is sourced and every day of it is listed.
 */
export const HolidaysFileSchema = z
  .object({
    /** Years whose list of holidays and collective leave is complete. Example: [2026]. */
    covers: z
      .array(z.number({ error: 'Tulis tahun sebagai angka, misalnya 2026' }).int('Tulis tahun sebagai angka, misalnya 2026').min(2000, 'Tulis tahun dengan 4 angka, misalnya 2026').max(2100, 'Tulis tahun dengan 4 angka, misalnya 2026'), {
        error: 'Tulis daftar tahun yang lengkap sebagai covers: [2026]',
      })
      .min(1, 'Tulis paling sedikit satu tahun di covers, misalnya covers: [2026]')
      .refine((years) => new Set(years).size === years.length, 'Setiap tahun cukup ditulis sekali di covers'),
    /** The closed days, each dated in a year listed in `covers`. */
    days: z.array(HolidaySchema, { error: 'Tulis hari libur sebagai daftar di bawah days:' }),
  })
  .superRefine((file, ctx) => {
    const covered = new Set(file.covers);
    const seen = new Set<string>();
    file.days.forEach((day, i) => {
      const year = Number(day.id.slice(0, 4));
      if (!covered.has(year)) {
        ctx.addIssue({
          code: 'custom',
          path: ['days', i, 'id'],
          message: `Tahun ${year} belum ada di covers. Tambahkan ${year} ke covers hanya setelah semua hari libur ${year} dari SKB 3 Menteri dicatat`,
        });
      }
      if (seen.has(day.id)) ctx.addIssue({ code: 'custom', path: ['days', i, 'id'], message: `Tanggal ${day.id} ditulis dua kali. Hapus salah satunya` });
      seen.add(day.id);
    });
  });
export type HolidaysFile = z.infer<typeof HolidaysFileSchema>;

/** A glossary term: content/data/glossary.yaml. Pages link to /glosarium/#<id>. */
export const GlossaryTermSchema = z.object({
  /** Anchor id, lowercase. Example: "cpmi". */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** The term as written. Example: "CPMI". */
  term: z.string().min(2),
  /** What the letters stand for, when an acronym. */
  expansion: LocalizedTextSchema.optional(),
  /** A plain explanation. */
  definition: LocalizedTextSchema,
  sources: z.array(SourceIdSchema).default([]),
});
export type GlossaryTerm = z.infer<typeof GlossaryTermSchema>;

/** A desk (loket) of the LTSA under PP 59/2021 Ps 31: content/data/desks.yaml. */
export const DeskSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: LocalizedTextSchema,
  /** What the applicant gets there. */
  service: LocalizedTextSchema,
  order: z.number().int().min(1),
  sources: z.array(SourceIdSchema).min(1),
  confirmed: z.boolean(),
});
export type Desk = z.infer<typeof DeskSchema>;

/** The LTSA office: content/data/office.yaml (a single entry with id "ltsa"). */
export const OfficeSchema = z.object({
  id: z.literal('ltsa'),
  name: LocalizedTextSchema,
  /** Where it is, as far as sources say. */
  address: LocalizedTextSchema,
  addressConfirmed: z.boolean(),
  /** Opening hours, or null when not confirmed by an official source. */
  hours: LocalizedTextSchema.nullable(),
  hoursConfirmed: z.boolean(),
  /** What people should do while address and hours are unconfirmed. */
  advice: LocalizedTextSchema,
  /** Pre-registrations taken per visit day (used from issue 3 on). */
  capacityPerDay: z.number().int().min(1).max(1000).default(40),
  sources: z.array(SourceIdSchema).min(1),
  reviewed: DateSchema,
});
export type Office = z.infer<typeof OfficeSchema>;
