/**
 * The closed lists of the pre-registration form: codes sent by the form and the API, with their
 * labels in both languages. Plain data, imported by the schema, the checklist rules, the pages,
 * the browser script and the functions.
 */

export interface Option<T extends string = string> {
  value: T;
  label: { id: string; en: string };
}

export const SEXES = [
  { value: 'L', label: { id: 'Laki-laki', en: 'Male' } },
  { value: 'P', label: { id: 'Perempuan', en: 'Female' } },
] as const satisfies readonly Option[];
export type Sex = (typeof SEXES)[number]['value'];

export const EDUCATION_LEVELS = [
  { value: 'tidak-sekolah', label: { id: 'Tidak tamat SD', en: 'Did not finish primary school' } },
  { value: 'sd', label: { id: 'SD atau sederajat', en: 'Primary school (SD)' } },
  { value: 'smp', label: { id: 'SMP atau sederajat', en: 'Junior secondary school (SMP)' } },
  { value: 'sma', label: { id: 'SMA/SMK atau sederajat', en: 'Senior secondary school (SMA/SMK)' } },
  { value: 'diploma', label: { id: 'Diploma (D1–D4)', en: 'Diploma (D1–D4)' } },
  { value: 'sarjana', label: { id: 'Sarjana (S1) atau lebih tinggi', en: "Bachelor's degree (S1) or higher" } },
] as const satisfies readonly Option[];
export type Education = (typeof EDUCATION_LEVELS)[number]['value'];

/**
 * Job sectors. The first four are the household and other jobs that Perban 9/2020 frees from
 * placement costs (FACTS.md §1); `feeFree` marks them.
 */
export const JOB_SECTORS = [
  { value: 'rumah-tangga', feeFree: true, label: { id: 'Pekerjaan rumah tangga (pengurus rumah, juru masak, sopir keluarga, perawat taman, petugas kebersihan)', en: 'Household work (housekeeper, cook, family driver, gardener, cleaner)' } },
  { value: 'pengasuh', feeFree: true, label: { id: 'Pengasuh bayi, anak atau lansia', en: 'Carer for babies, children or the elderly' } },
  { value: 'perkebunan', feeFree: true, label: { id: 'Pertanian, ladang atau perkebunan', en: 'Farm, field or plantation work' } },
  { value: 'perikanan', feeFree: true, label: { id: 'Awak kapal perikanan', en: 'Fishing-vessel crew' } },
  { value: 'manufaktur', feeFree: false, label: { id: 'Pabrik (manufaktur)', en: 'Factory (manufacturing)' } },
  { value: 'konstruksi', feeFree: false, label: { id: 'Konstruksi dan bangunan', en: 'Construction' } },
  { value: 'jasa', feeFree: false, label: { id: 'Hotel, restoran dan jasa lain', en: 'Hotels, restaurants and other services' } },
  { value: 'kesehatan', feeFree: false, label: { id: 'Perawat kesehatan', en: 'Health care (nursing)' } },
  { value: 'lainnya', feeFree: false, label: { id: 'Lainnya', en: 'Other' } },
] as const satisfies readonly (Option & { feeFree: boolean })[];
export type JobSector = (typeof JOB_SECTORS)[number]['value'];

export const SCHEMES = [
  { value: 'p-to-p', label: { id: 'P to P: lewat perusahaan penempatan swasta (P3MI)', en: 'P to P: through a private placement agency (P3MI)' } },
  { value: 'g-to-g', label: { id: 'G to G: program antarpemerintah', en: 'G to G: government-to-government programme' } },
  { value: 'perseorangan', label: { id: 'Perseorangan (mandiri), untuk pemberi kerja berbadan hukum', en: 'Individual (independent), for an employer that is a legal entity' } },
  { value: 'belum-tahu', label: { id: 'Belum tahu', en: 'Not sure yet' } },
] as const satisfies readonly Option[];
export type SchemeChoice = (typeof SCHEMES)[number]['value'];

export const MARITAL_STATUSES = [
  { value: 'belum-kawin', label: { id: 'Belum kawin', en: 'Not married' } },
  { value: 'kawin', label: { id: 'Kawin', en: 'Married' } },
  { value: 'cerai-hidup', label: { id: 'Cerai hidup', en: 'Divorced' } },
  { value: 'cerai-mati', label: { id: 'Cerai mati', en: 'Widowed' } },
] as const satisfies readonly Option[];
export type MaritalStatus = (typeof MARITAL_STATUSES)[number]['value'];

export const values = <T extends string>(options: readonly Option<T>[]) => options.map((o) => o.value) as [T, ...T[]];
