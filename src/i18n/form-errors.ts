/**
 * Error messages of the pre-registration and status forms, in the GOV.UK style: a plain
 * instruction that says how to fix the problem. The schema gives codes; this gives sentences.
 */
import type { Lang } from './index.ts';
import { closedRule, type DestinationRules, type FieldError } from '../schemas/forms/preregistration.ts';
import { JOB_SECTORS } from '../schemas/forms/preregistration-fields.ts';
import { formatDate } from '../lib/dates.ts';

type Message = string | ((p: Record<string, string>, x: MessageContext) => string);
interface MessageContext {
  lang: Lang;
  destinations: readonly DestinationRules[];
}

const day = (value: string | undefined, lang: Lang) => (value ? formatDate(new Date(`${value}T00:00:00Z`), lang === 'id' ? 'id-ID' : 'en-GB') : '');
const country = (slug: string | undefined, x: MessageContext) => x.destinations.find((d) => d.slug === slug)?.name[x.lang] ?? slug ?? '';
const sector = (code: string | undefined, lang: Lang) => {
  const label = JOB_SECTORS.find((s) => s.value === code)?.label[lang] ?? code ?? '';
  return label.replace(/\s*\(.*\)$/, '').toLowerCase();
};
/** Why the destination is closed for the sector: the same rule the schema applied. */
const basis = (p: Record<string, string>, x: MessageContext) => {
  const destination = x.destinations.find((d) => d.slug === p.country);
  return (destination && closedRule(destination, p.sector ?? '')?.basis[x.lang]) ?? '';
};

const messages: Record<Lang, Record<string, Message>> = {
  id: {
    'fullName.required': 'Masukkan nama lengkap sesuai KTP',
    'fullName.invalid': 'Masukkan nama lengkap sesuai KTP',
    'fullName.tooLong': 'Nama lengkap harus 100 huruf atau kurang',
    'fullName.chars': 'Nama lengkap hanya boleh berisi huruf, spasi, titik, koma, tanda petik dan tanda hubung',
    'nik.required': 'Masukkan NIK (Nomor Induk Kependudukan) dari KTP Anda',
    'nik.invalid': 'Masukkan NIK 16 angka',
    'nik.length': 'NIK harus 16 angka',
    'nik.digits': 'NIK hanya boleh berisi angka',
    'nik.date': 'Angka tanggal lahir di NIK (angka ke-7 sampai ke-12) tidak benar. Periksa lagi NIK di KTP Anda',
    'nik.serial': '4 angka terakhir NIK tidak boleh 0000. Periksa lagi NIK di KTP Anda',
    'nik.mismatch': (p) =>
      `${p.fields === 'sex' ? 'Jenis kelamin' : p.fields === 'birthDate' ? 'Tanggal lahir' : 'Tanggal lahir dan jenis kelamin'} yang Anda isi berbeda dengan NIK. Periksa lagi. Jika isian Anda sudah sesuai KTP, centang “Data saya sudah benar”`,
    'birthDate.required': 'Masukkan tanggal lahir',
    'birthDate.invalid': 'Masukkan tanggal lahir',
    'birthDate.format': 'Tanggal lahir harus tanggal yang benar, misalnya 2000-08-17',
    'birthDate.future': 'Tanggal lahir harus sebelum hari ini',
    'birthDate.underage': 'Anda harus berumur paling sedikit 18 tahun pada hari kunjungan (UU 18/2017 Pasal 5)',
    'sex.required': 'Pilih jenis kelamin sesuai KTP',
    'sex.invalid': 'Pilih jenis kelamin sesuai KTP',
    'phone.required': 'Masukkan nomor HP (WhatsApp)',
    'phone.invalid': 'Masukkan nomor HP (WhatsApp)',
    'phone.format': 'Masukkan nomor HP Indonesia yang diawali 08 atau +62, dengan 10 sampai 13 angka',
    'phone.tooMany': (p) =>
      `Nomor HP ini sudah dipakai untuk ${p.limit ?? '3'} pendaftaran awal yang masih aktif. Pakai nomor HP lain yang bisa kami hubungi, misalnya nomor keluarga atau tetangga`,
    'regency.required': 'Pilih kabupaten/kota sesuai KTP',
    'regency.invalid': 'Pilih kabupaten/kota di Provinsi Lampung dari daftar',
    'address.required': 'Masukkan alamat sesuai KTP',
    'address.invalid': 'Masukkan alamat sesuai KTP',
    'address.tooShort': 'Alamat terlalu pendek. Tulis jalan atau dusun, RT/RW, desa/kelurahan dan kecamatan',
    'address.tooLong': 'Alamat harus 300 huruf atau kurang',
    'address.chars': 'Alamat tidak boleh berisi tanda < atau > atau karakter khusus. Tulis alamat dengan huruf, angka dan tanda baca biasa',
    'education.required': 'Pilih pendidikan terakhir',
    'education.invalid': 'Pilih pendidikan terakhir dari daftar',
    'destinationCountry.required': 'Pilih negara tujuan',
    'destinationCountry.invalid': 'Pilih negara tujuan dari daftar',
    'jobSector.required': 'Pilih jenis pekerjaan',
    'jobSector.invalid': 'Pilih jenis pekerjaan dari daftar',
    'jobSector.moratorium': (p, x) =>
      `Penempatan untuk ${sector(p.sector, 'id')} ke ${country(p.country, x)} sedang dihentikan (moratorium). ${basis(p, x)} Pilih pekerjaan atau negara lain`,
    'jobSector.closed': (p, x) =>
      `Penempatan untuk ${sector(p.sector, 'id')} ke ${country(p.country, x)} sedang ditutup. ${basis(p, x)} Pilih pekerjaan atau negara lain`,
    'scheme.required': 'Pilih skema penempatan, atau “Belum tahu”',
    'scheme.invalid': 'Pilih skema penempatan dari daftar',
    'hasPassport.required': 'Pilih apakah Anda sudah punya paspor',
    'hasPassport.invalid': 'Pilih apakah Anda sudah punya paspor',
    'maritalStatus.required': 'Pilih status perkawinan',
    'maritalStatus.invalid': 'Pilih status perkawinan dari daftar',
    'visitDate.required': 'Pilih hari kunjungan',
    'visitDate.invalid': 'Pilih hari kunjungan',
    'visitDate.format': 'Hari kunjungan harus tanggal yang benar, misalnya 2026-12-01',
    'visitDate.too-soon': 'Hari kunjungan paling cepat besok',
    'visitDate.too-far': (p) => `Hari kunjungan paling lambat ${day(p.last, 'id')}`,
    'visitDate.not-covered': (p) =>
      p.lastBookable
        ? `Hari kunjungan pada tahun ${p.year} belum bisa dipilih karena daftar hari libur ${p.year} belum pasti. Pilih hari sampai ${day(p.lastBookable, 'id')}`
        : `Hari kunjungan pada tahun ${p.year} belum bisa dipilih karena daftar hari libur ${p.year} belum pasti. Coba daftar lagi nanti, atau tanyakan ke Disnaker kabupaten/kota Anda`,
    'visitDate.weekend': 'Kantor tutup pada hari Sabtu dan Minggu. Pilih hari Senin sampai Jumat',
    'visitDate.holiday': (p) => `Kantor tutup pada ${day(p.date, 'id')} karena hari libur. Pilih hari lain`,
    'visitDate.full': (p) =>
      `Hari kunjungan ${day(p.date, 'id')} sudah penuh. Pilih hari lain${p.next ? `, misalnya ${p.next.split(',').map((d) => day(d, 'id')).join(' atau ')}` : ''}`,
    'consent.required': 'Centang persetujuan jika Anda setuju data Anda diproses. Tanpa persetujuan, kami tidak bisa menerima pendaftaran',
    'consent.invalid': 'Centang persetujuan jika Anda setuju data Anda diproses. Tanpa persetujuan, kami tidak bisa menerima pendaftaran',
    'code.required': 'Masukkan kode pendaftaran',
    'code.invalid': 'Masukkan kode pendaftaran seperti LPG-7K3M-9QX1',
  },
  en: {
    'fullName.required': 'Enter your full name as on your ID card (KTP)',
    'fullName.invalid': 'Enter your full name as on your ID card (KTP)',
    'fullName.tooLong': 'Full name must be 100 characters or fewer',
    'fullName.chars': 'Full name must only include letters, spaces, full stops, commas, apostrophes and hyphens',
    'nik.required': 'Enter the NIK (national identity number) from your ID card',
    'nik.invalid': 'Enter a 16-digit NIK',
    'nik.length': 'NIK must be 16 digits',
    'nik.digits': 'NIK must only include numbers',
    'nik.date': 'The birth-date digits of the NIK (digits 7 to 12) are not right. Check the NIK on your ID card',
    'nik.serial': 'The last 4 digits of the NIK cannot be 0000. Check the NIK on your ID card',
    'nik.mismatch': (p) =>
      `The ${p.fields === 'sex' ? 'sex' : p.fields === 'birthDate' ? 'date of birth' : 'date of birth and sex'} you entered differs from the NIK. Check again. If what you entered matches your ID card, tick “My details are correct”`,
    'birthDate.required': 'Enter your date of birth',
    'birthDate.invalid': 'Enter your date of birth',
    'birthDate.format': 'Date of birth must be a real date, for example 2000-08-17',
    'birthDate.future': 'Date of birth must be in the past',
    'birthDate.underage': 'You must be at least 18 years old on the day of your visit (UU 18/2017 article 5)',
    'sex.required': 'Select your sex as on your ID card',
    'sex.invalid': 'Select your sex as on your ID card',
    'phone.required': 'Enter your mobile (WhatsApp) number',
    'phone.invalid': 'Enter your mobile (WhatsApp) number',
    'phone.format': 'Enter an Indonesian mobile number starting with 08 or +62, with 10 to 13 digits',
    'phone.tooMany': (p) =>
      `This mobile number is already used for ${p.limit ?? '3'} active pre-registrations. Use another number we can reach you on, for example a relative's or a neighbour's`,
    'regency.required': 'Select the regency or city on your ID card',
    'regency.invalid': 'Select a regency or city of Lampung Province from the list',
    'address.required': 'Enter your address as on your ID card',
    'address.invalid': 'Enter your address as on your ID card',
    'address.tooShort': 'Address is too short. Include the street or hamlet, RT/RW, village and district',
    'address.tooLong': 'Address must be 300 characters or fewer',
    'address.chars': 'Address must not include < or > or special characters. Write it with letters, numbers and ordinary punctuation',
    'education.required': 'Select your highest education',
    'education.invalid': 'Select your highest education from the list',
    'destinationCountry.required': 'Select a destination country',
    'destinationCountry.invalid': 'Select a destination country from the list',
    'jobSector.required': 'Select the kind of job',
    'jobSector.invalid': 'Select the kind of job from the list',
    'jobSector.moratorium': (p, x) =>
      `Placement for ${sector(p.sector, 'en')} in ${country(p.country, x)} is stopped (moratorium). ${basis(p, x)} Choose another job or country`,
    'jobSector.closed': (p, x) => `Placement for ${sector(p.sector, 'en')} in ${country(p.country, x)} is closed. ${basis(p, x)} Choose another job or country`,
    'scheme.required': 'Select a placement scheme, or “Not sure yet”',
    'scheme.invalid': 'Select a placement scheme from the list',
    'hasPassport.required': 'Select whether you already have a passport',
    'hasPassport.invalid': 'Select whether you already have a passport',
    'maritalStatus.required': 'Select your marital status',
    'maritalStatus.invalid': 'Select your marital status from the list',
    'visitDate.required': 'Select a visit day',
    'visitDate.invalid': 'Select a visit day',
    'visitDate.format': 'Visit day must be a real date, for example 2026-12-01',
    'visitDate.too-soon': 'The earliest visit day is tomorrow',
    'visitDate.too-far': (p) => `The latest visit day is ${day(p.last, 'en')}`,
    'visitDate.not-covered': (p) =>
      p.lastBookable
        ? `Visit days in ${p.year} cannot be chosen yet because the ${p.year} public holidays are not yet confirmed. Choose a day up to ${day(p.lastBookable, 'en')}`
        : `Visit days in ${p.year} cannot be chosen yet because the ${p.year} public holidays are not yet confirmed. Try again later, or ask the Disnaker (manpower office) of your regency or city`,
    'visitDate.weekend': 'The office is closed on Saturdays and Sundays. Choose a day from Monday to Friday',
    'visitDate.holiday': (p) => `The office is closed on ${day(p.date, 'en')} for a public holiday. Choose another day`,
    'visitDate.full': (p) =>
      `${day(p.date, 'en')} is fully booked. Choose another day${p.next ? `, for example ${p.next.split(',').map((d) => day(d, 'en')).join(' or ')}` : ''}`,
    'consent.required': 'Tick the consent box if you agree to your data being processed. Without consent we cannot accept the registration',
    'consent.invalid': 'Tick the consent box if you agree to your data being processed. Without consent we cannot accept the registration',
    'code.required': 'Enter your registration code',
    'code.invalid': 'Enter a registration code like LPG-7K3M-9QX1',
  },
};

/** The sentence for a field error in a language. Unknown codes fall back to a generic instruction. */
export function formErrorMessage(lang: Lang, error: FieldError, destinations: readonly DestinationRules[]): string {
  const message = messages[lang][error.code] ?? messages[lang][`${error.code.split('.')[0]}.invalid`] ?? (lang === 'id' ? 'Periksa isian ini' : 'Check this answer');
  return typeof message === 'function' ? message(error.params ?? {}, { lang, destinations }) : message;
}

export const FORM_ERROR_CODES = Object.keys(messages.id);
export const FORM_ERROR_CODES_EN = Object.keys(messages.en);
