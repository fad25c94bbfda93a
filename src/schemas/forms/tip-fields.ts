/**
 * The closed lists of the tip (lapor) form: codes sent by the form and the API, with their labels
 * in both languages. Plain data, imported by the schema, the views, the browser script and the functions.
 */
import type { Option } from './preregistration-fields.ts';

/** What the report is about; readable without a key, so officers can sort reports before decrypting. */
export const TIP_CATEGORIES = [
  { value: 'calo', label: { id: 'Calo atau perekrut tanpa izin', en: 'A calo or unlicensed recruiter' } },
  { value: 'p3mi-tanpa-izin', label: { id: 'Perusahaan penempatan (P3MI) tanpa izin', en: 'A placement company (P3MI) without a licence' } },
  { value: 'lpk-jual-sertifikat', label: { id: 'Lembaga pelatihan (LPK) yang menjual sertifikat', en: 'A training centre (LPK) selling certificates' } },
  { value: 'dokumen-palsu', label: { id: 'Dokumen palsu atau umur diubah', en: 'Fake documents or a changed age' } },
  { value: 'visa-bukan-kerja', label: { id: 'Berangkat kerja dengan visa kunjungan, turis atau umrah', en: 'Going to work on a visit, tourist or umrah visa' } },
  { value: 'penampungan', label: { id: 'Ditahan di penampungan', en: 'Held in a shelter (penampungan)' } },
  { value: 'kekerasan-gaji', label: { id: 'Kekerasan atau gaji tidak dibayar di luar negeri', en: 'Abuse or unpaid wages abroad' } },
  { value: 'lainnya', label: { id: 'Lainnya', en: 'Other' } },
] as const satisfies readonly Option[];
export type TipCategory = (typeof TIP_CATEGORIES)[number]['value'];

/** Whether a child (under 18) is involved. "ya" marks the report urgent. */
export const CHILD_INVOLVED = [
  { value: 'ya', label: { id: 'Ya, ada anak (di bawah 18 tahun)', en: 'Yes, a child (under 18) is involved' } },
  { value: 'tidak', label: { id: 'Tidak', en: 'No' } },
  { value: 'tidak-tahu', label: { id: 'Tidak tahu', en: "I don't know" } },
] as const satisfies readonly Option[];
export type ChildInvolved = (typeof CHILD_INVOLVED)[number]['value'];

/** How many people are affected, as ranges: a frightened reporter should not have to count. */
export const PEOPLE_COUNTS = [
  { value: '1', label: { id: '1 orang', en: '1 person' } },
  { value: '2-5', label: { id: '2 sampai 5 orang', en: '2 to 5 people' } },
  { value: '6-20', label: { id: '6 sampai 20 orang', en: '6 to 20 people' } },
  { value: 'lebih-20', label: { id: 'Lebih dari 20 orang', en: 'More than 20 people' } },
  { value: 'tidak-tahu', label: { id: 'Tidak tahu', en: "I don't know" } },
] as const satisfies readonly Option[];
export type PeopleCount = (typeof PEOPLE_COUNTS)[number]['value'];

/** Where: a Lampung regency code, or one of these (then the free-text place says more). */
export const PLACE_ELSEWHERE = [
  { value: 'luar-lampung', label: { id: 'Di luar Lampung (di Indonesia)', en: 'Outside Lampung (in Indonesia)' } },
  { value: 'luar-negeri', label: { id: 'Di luar negeri', en: 'Abroad' } },
] as const satisfies readonly Option[];

/** The destination, when it is not one of the countries the site covers. */
export const DESTINATION_ELSEWHERE = [
  { value: 'lainnya', label: { id: 'Negara lain', en: 'Another country' } },
  { value: 'tidak-tahu', label: { id: 'Tidak tahu', en: "I don't know" } },
] as const satisfies readonly Option[];

export const MONTHS = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
} as const;

/** How far back a year can be chosen; older events are reported with "earlier" and described in the text. */
export const EARLIEST_YEAR_OFFSET = 15;
