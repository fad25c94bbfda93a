/**
 * The personal document checklist shown after online pre-registration: what to bring to the LTSA
 * visit and what the applicant will need later, derived from the form's answers.
 *
 * Every item rests on a source listed in content/data/sources.yaml and names its legal basis,
 * because applicants may show the list to an officer or a recruiter: a requirement we made up would
 * cost them a trip or money. UU 18/2017 Ps 13's eight documents are cited as huruf a–h, in the
 * order the law lists them.
 */
import { JOB_SECTORS } from '../schemas/forms/preregistration-fields.ts';
import type { Education, JobSector, MaritalStatus, SchemeChoice } from '../schemas/forms/preregistration-fields.ts';

export interface ChecklistInput {
  maritalStatus: MaritalStatus;
  hasPassport: boolean;
  scheme: SchemeChoice;
  jobSector: JobSector;
  education: Education;
  /** Destination slug, e.g. 'korea-selatan'. */
  destinationCountry: string;
}

type Text = { id: string; en: string };

export interface ChecklistItem {
  /** Stable kebab-case id, e.g. 'ktp', 'buku-nikah'. */
  id: string;
  /** Bring it to the office visit, or needed later in the process. */
  when: 'visit' | 'later';
  /** Plain instruction, action first. */
  text: Text;
  /** Legal or procedural basis. */
  basis: string;
  /** Optional extra guidance. */
  note?: Text;
}

/** One rule: the items it adds for an applicant, in the order they should appear. */
type Rule = (input: ChecklistInput) => ChecklistItem[];

const REGISTRATION = 'Prosedur pendaftaran di Disnaker kabupaten/kota';
const KOREA = 'korea-selatan';

/** Levels below SLTP/SMP, the Korea EPS minimum. */
const BELOW_SLTP: readonly Education[] = ['tidak-sekolah', 'sd'];

const isFeeFree = (sector: JobSector): boolean => JOB_SECTORS.some((s) => s.value === sector && s.feeFree);
const isKoreaEps = (i: ChecklistInput): boolean => i.scheme === 'g-to-g' && i.destinationCountry === KOREA;

// ---- At the visit: Disnaker registration documents (FACTS §2 step 1) ----

const identity: Rule = () => [
  {
    id: 'ktp',
    when: 'visit',
    text: { id: 'Bawa KTP asli dan fotokopinya', en: 'Bring your original ID card (KTP) and a photocopy' },
    basis: REGISTRATION,
    // Applicants often go to the nearest office; registration belongs to the KTP address's Disnaker.
    note: {
      id: 'Pendaftaran gratis dan dilakukan oleh Disnaker kabupaten/kota sesuai alamat di KTP Anda.',
      en: 'Registration is free and is done by the Disnaker of the regency/city on your KTP address.',
    },
  },
  {
    id: 'kk',
    when: 'visit',
    text: { id: 'Bawa Kartu Keluarga (KK) asli dan fotokopinya', en: 'Bring your original family card (Kartu Keluarga, KK) and a photocopy' },
    basis: REGISTRATION,
  },
];

const diploma: Rule = (i) => {
  if (i.education !== 'tidak-sekolah') {
    return [
      {
        id: 'ijazah',
        when: 'visit',
        text: { id: 'Bawa ijazah terakhir asli dan fotokopinya', en: 'Bring your latest school diploma (ijazah), original and a photocopy' },
        basis: REGISTRATION,
      },
    ];
  }
  // No diploma to bring, but the applicant should learn early that some programmes set a minimum.
  // FACTS.md only documents Korea's minimum, so it is named only when Korea or G to G is in play.
  const korea = i.destinationCountry === KOREA || i.scheme === 'g-to-g';
  return [
    {
      id: 'pendidikan-minimum',
      when: 'visit',
      text: {
        id: 'Tanyakan ke petugas apakah pekerjaan yang Anda inginkan mensyaratkan pendidikan minimum',
        en: 'Ask the officer whether the job you want requires a minimum level of education',
      },
      basis: korea ? `${REGISTRATION}; persyaratan G to G Korea Selatan (EPS)` : REGISTRATION,
      note: korea
        ? {
            id: 'Beberapa negara tujuan atau program mensyaratkan pendidikan minimum. Contohnya, program G to G Korea Selatan (EPS) mensyaratkan minimal SLTP/SMP.',
            en: 'Some destinations or programmes require a minimum level of education. For example, the South Korea G to G programme (EPS) requires at least junior secondary school (SLTP/SMP).',
          }
        : {
            id: 'Beberapa negara tujuan atau program mensyaratkan pendidikan minimum.',
            en: 'Some destinations or programmes require a minimum level of education.',
          },
    },
  ];
};

// ---- At the visit: marital status and family consent (UU 18/2017 Ps 13 huruf a–b) ----

const STATUS_LABEL: Record<MaritalStatus, Text> = {
  'belum-kawin': { id: 'belum kawin', en: 'not married' },
  kawin: { id: 'kawin', en: 'married' },
  'cerai-hidup': { id: 'cerai hidup', en: 'divorced' },
  'cerai-mati': { id: 'cerai mati', en: 'widowed' },
};

// Ps 13 huruf a lists the statement for every CPMI, so it is never skipped, whatever the status.
const maritalStatement: Rule = (i) => {
  const label = STATUS_LABEL[i.maritalStatus];
  return [
    {
      id: 'surat-status-perkawinan',
      when: 'visit',
      text: {
        id: `Bawa surat keterangan status perkawinan (${label.id})`,
        en: `Bring a statement of your marital status (surat keterangan status perkawinan: ${label.en})`,
      },
      basis: 'UU 18/2017 Pasal 13 huruf a',
    },
  ];
};

// Proof that goes with the statement: Ps 13 huruf a names the buku nikah; the Disnaker registration
// list names the court's akta cerai. FACTS.md names nothing extra for widows/widowers, so neither do we.
const maritalEvidence: Rule = (i) => {
  if (i.maritalStatus === 'kawin') {
    return [
      {
        id: 'buku-nikah',
        when: 'visit',
        text: { id: 'Bawa buku nikah asli dan fotokopinya', en: 'Bring your marriage book (buku nikah), original and a photocopy' },
        basis: `UU 18/2017 Pasal 13 huruf a; ${REGISTRATION}`,
      },
    ];
  }
  if (i.maritalStatus === 'cerai-hidup') {
    return [
      {
        id: 'akta-cerai',
        when: 'visit',
        text: { id: 'Bawa akta cerai dari pengadilan, asli dan fotokopinya', en: 'Bring your divorce certificate (akta cerai) from the court, original and a photocopy' },
        basis: REGISTRATION,
      },
    ];
  }
  return [];
};

const CONSENT_BASIS = `UU 18/2017 Pasal 13 huruf b; ${REGISTRATION}`;
const CONSENT_NOTE: Text = {
  id: 'Surat harus diketahui kepala desa/lurah (dengan cap desa/kelurahan) dan bermeterai.',
  en: 'The letter must be acknowledged by the village head (kepala desa/lurah, with the village stamp) and bear a duty stamp (meterai).',
};

// Ps 13 huruf b: the spouse consents for a married applicant; otherwise a parent or guardian does.
const familyConsent: Rule = (i) =>
  i.maritalStatus === 'kawin'
    ? [
        {
          id: 'izin-suami-istri',
          when: 'visit',
          text: {
            id: 'Bawa surat izin dari suami atau istri, diketahui kepala desa/lurah dan bermeterai',
            en: 'Bring a letter of consent from your husband or wife, acknowledged by the village head and with a duty stamp (meterai)',
          },
          basis: CONSENT_BASIS,
          note: CONSENT_NOTE,
        },
      ]
    : [
        {
          id: 'izin-orang-tua-wali',
          when: 'visit',
          text: {
            id: 'Bawa surat izin dari orang tua atau wali, diketahui kepala desa/lurah dan bermeterai',
            en: 'Bring a letter of consent from your parents or guardian, acknowledged by the village head and with a duty stamp (meterai)',
          },
          basis: CONSENT_BASIS,
          note: CONSENT_NOTE,
        },
      ];

// ---- Passport (Ps 13 huruf e; FACTS §2 steps 5 and 7) ----

const passport: Rule = (i) =>
  i.hasPassport
    ? [
        {
          id: 'paspor',
          when: 'visit',
          text: { id: 'Bawa paspor Anda', en: 'Bring your passport' },
          basis: 'UU 18/2017 Pasal 13 huruf e',
        },
      ]
    : [
        {
          id: 'paspor',
          when: 'later',
          text: {
            id: 'Buat paspor di Kantor Imigrasi setelah mendapat rekomendasi paspor dari Disnaker',
            en: 'Apply for your passport at the immigration office (Kantor Imigrasi) after Disnaker gives you a passport recommendation',
          },
          basis: 'UU 18/2017 Pasal 13 huruf e; Prosedur penempatan, langkah 5 dan 7 (panduan "Alur bekerja ke luar negeri")',
          // Calo offering "fast passports" are a known trafficking route, so the free, official path is spelled out.
          note: {
            id: 'Rekomendasi paspor dari Disnaker gratis dan selesai dalam 1–3 hari. Ke Kantor Imigrasi bawa KTP, KK, akta kelahiran/ijazah/buku nikah dan surat rekomendasi itu; ambil antrean lewat aplikasi M-Paspor. Di Lampung: Kanim Kelas I TPI Bandar Lampung atau Kanim Kelas II Kalianda. Jangan memakai calo.',
            en: 'The Disnaker passport recommendation is free and takes 1–3 days. At the immigration office bring your KTP, KK, birth certificate/diploma/marriage book and the recommendation; book your queue in the M-Paspor app. In Lampung: Kanim Kelas I TPI Bandar Lampung or Kanim Kelas II Kalianda. Do not use a broker (calo).',
          },
        },
      ];

// ---- At the visit: placement costs ----

// Perban 9/2020 frees the listed jobs from placement costs; for the rest Ps 30(1) still bars charging
// placement costs to the PMI. Personal costs (Perban 2/2020) are mentioned so the BPJS fee below does
// not look like a contradiction.
const placementCosts: Rule = (i) =>
  isFeeFree(i.jobSector)
    ? [
        {
          id: 'bebas-biaya-penempatan',
          when: 'visit',
          text: {
            id: 'Ingat: pekerjaan ini bebas biaya penempatan. Jangan membayar calo atau P3MI untuk penempatan',
            en: 'Remember: this job is free of placement costs. Never pay a broker (calo) or a placement agency (P3MI) for placement',
          },
          basis: 'Perban BP2MI 9/2020 (Pembebasan Biaya Penempatan)',
          note: {
            id: 'Pelatihan dan sertifikasi juga tidak dibebankan kepada Anda. Biaya pribadi seperti paspor, SKCK, jaminan sosial dan pemeriksaan kesehatan ditanggung calon PMI dan/atau pemberi kerja (Perban 2/2020); tanyakan rinciannya ke Disnaker.',
            en: 'Training and certification are not charged to you either. Personal costs such as the passport, police certificate, social security and medical checks fall on the prospective worker and/or the employer (Perban 2/2020); ask Disnaker for the details.',
          },
        },
      ]
    : [
        {
          id: 'larangan-biaya-penempatan',
          when: 'visit',
          text: {
            id: 'Tanyakan ke Disnaker setiap biaya yang diminta dari Anda: undang-undang melarang membebankan biaya penempatan kepada PMI',
            en: 'Ask Disnaker about any fee you are asked to pay: the law forbids charging placement costs to migrant workers',
          },
          basis: 'UU 18/2017 Pasal 30 ayat (1)',
        },
      ];

// ---- Later in the process, in procedure order (FACTS §2) ----

const koreaEps: Rule = (i) => {
  if (!isKoreaEps(i)) return [];
  const below = BELOW_SLTP.includes(i.education);
  return [
    {
      id: 'eps-korea',
      when: 'later',
      text: {
        id: 'Daftar program G to G Korea Selatan (EPS) di SISKOP2MI, lalu ikuti ujian EPS-TOPIK dan uji keterampilan',
        en: 'Register for the South Korea G to G programme (EPS) on SISKOP2MI, then take the EPS-TOPIK exam and a skill test',
      },
      basis: 'Persyaratan G to G Korea Selatan (EPS)',
      // The education answer is known, so say so plainly rather than let the applicant find out at the test.
      note: {
        id: `Syarat: usia 18–39 tahun, pendidikan minimal SLTP/SMP, tidak buta warna; biaya USD 28.${below ? ' Pendidikan yang Anda isi di bawah syarat minimal ini.' : ''} Periksa pengumuman resmi tahun berjalan.`,
        en: `Requirements: age 18–39, at least junior secondary school (SLTP/SMP), not colour-blind; fee USD 28.${below ? ' The education you entered is below this minimum.' : ''} Check the official announcement for the current year.`,
      },
    },
  ];
};

const health: Rule = () => [
  {
    id: 'surat-sehat',
    when: 'later',
    text: {
      id: 'Jalani pemeriksaan kesehatan dan psikologi di sarana kesehatan yang ditunjuk untuk mendapat surat keterangan sehat',
      en: 'Take the medical and psychological check at a designated health facility to get your health certificate (surat keterangan sehat)',
    },
    basis: 'UU 18/2017 Pasal 13 huruf d; Prosedur penempatan, langkah 3 (panduan "Alur bekerja ke luar negeri")',
  },
];

const competence: Rule = (i) => [
  {
    id: 'sertifikat-kompetensi',
    when: 'later',
    text: {
      id: 'Ikuti pelatihan dan dapatkan sertifikat kompetensi kerja',
      en: 'Complete the training and get your certificate of work competence (sertifikat kompetensi kerja)',
    },
    basis: 'UU 18/2017 Pasal 13 huruf c; Prosedur penempatan, langkah 4 (panduan "Alur bekerja ke luar negeri")',
    note: isFeeFree(i.jobSector)
      ? {
          id: 'Pelatihan di LPK/BLK, sertifikat dari LSP/BNSP. Untuk pekerjaan ini, biaya pelatihan dan sertifikasi tidak dibebankan kepada Anda (Perban 9/2020).',
          en: 'Training is at an LPK/BLK; the certificate comes from an LSP/BNSP. For this job, training and certification are not charged to you (Perban 9/2020).',
        }
      : {
          id: 'Pelatihan di LPK/BLK, sertifikat dari LSP/BNSP.',
          en: 'Training is at an LPK/BLK; the certificate comes from an LSP/BNSP.',
        },
  },
];

// FACTS.md describes the placement agreement only for P to P (signed with the P3MI). "Not sure yet"
// applicants get the same item, worded conditionally; G to G and perseorangan are left out.
const placementAgreement: Rule = (i) => {
  if (i.scheme === 'p-to-p') {
    return [
      {
        id: 'perjanjian-penempatan',
        when: 'later',
        text: {
          id: 'Tanda tangani Perjanjian Penempatan dengan P3MI (perusahaan penempatan) yang memberangkatkan Anda',
          en: 'Sign the placement agreement (Perjanjian Penempatan) with the placement agency (P3MI) that places you',
        },
        basis: 'UU 18/2017 Pasal 13 huruf g; Prosedur penempatan, langkah 5 (panduan "Alur bekerja ke luar negeri")',
        note: {
          id: 'Perjanjian ini antara Anda dan P3MI; setelah itu Disnaker menerbitkan ID calon PMI dan rekomendasi paspor.',
          en: 'This agreement is between you and the P3MI; after it, Disnaker issues your prospective-worker ID and the passport recommendation.',
        },
      },
    ];
  }
  if (i.scheme === 'belum-tahu') {
    return [
      {
        id: 'perjanjian-penempatan',
        when: 'later',
        text: {
          id: 'Jika Anda berangkat lewat P3MI (perusahaan penempatan), tanda tangani Perjanjian Penempatan dengan P3MI itu',
          en: 'If you go through a placement agency (P3MI), sign the placement agreement (Perjanjian Penempatan) with it',
        },
        basis: 'UU 18/2017 Pasal 13 huruf g; Prosedur penempatan, langkah 5 (panduan "Alur bekerja ke luar negeri")',
      },
    ];
  }
  return [];
};

const policeCertificate: Rule = () => [
  {
    id: 'skck',
    when: 'later',
    text: {
      id: 'Urus SKCK (Surat Keterangan Catatan Kepolisian) di Polres atau Polda',
      en: 'Get a police certificate of good conduct (SKCK) from the police (Polres or Polda)',
    },
    basis: 'Prosedur penempatan, langkah 6 (panduan "Alur bekerja ke luar negeri"); Perban BP2MI 2/2020',
  },
];

const socialSecurity: Rule = () => [
  {
    id: 'bpjs-ketenagakerjaan',
    when: 'later',
    text: {
      id: 'Daftar kepesertaan BPJS Ketenagakerjaan sebelum berangkat: JKK dan JKM wajib, JHT pilihan',
      en: 'Register with BPJS Ketenagakerjaan before departure: work-accident (JKK) and death (JKM) cover are mandatory, old-age savings (JHT) is optional',
    },
    basis: 'UU 18/2017 Pasal 5; Permenaker 4/2023 Pasal 18',
    note: {
      id: 'Iuran sebelum bekerja Rp37.500.',
      en: 'The pre-work contribution is Rp37,500.',
    },
  },
];

const workVisa: Rule = () => [
  {
    id: 'visa-kerja',
    when: 'later',
    text: {
      id: 'Dapatkan visa kerja dari kedutaan negara tujuan',
      en: "Get a work visa from the destination country's embassy",
    },
    basis: 'UU 18/2017 Pasal 13 huruf f; Prosedur penempatan, langkah 9 (panduan "Alur bekerja ke luar negeri")',
    // Visit and tourist visas are the usual cover for non-procedural departures (FACTS §4).
    note: {
      id: 'Jangan pernah berangkat bekerja dengan visa turis atau visa kunjungan, termasuk dengan alasan umrah atau ziarah.',
      en: 'Never travel to work on a tourist or visit visa, including one for umrah or a pilgrimage.',
    },
  },
];

const employmentContract: Rule = () => [
  {
    id: 'perjanjian-kerja',
    when: 'later',
    text: {
      id: 'Baca dan tanda tangani Perjanjian Kerja sebelum berangkat',
      en: 'Read and sign your employment contract (Perjanjian Kerja) before departure',
    },
    basis: 'UU 18/2017 Pasal 13 huruf h dan Pasal 15; Prosedur penempatan, langkah 9 (panduan "Alur bekerja ke luar negeri")',
    // Vague or foreign-language contracts are a listed red flag (FACTS §4), so the minimum contents are spelled out.
    note: {
      id: 'Perjanjian harus memuat paling sedikit: para pihak, jenis pekerjaan, hak dan kewajiban, jam kerja, upah dan cara pembayarannya, cuti, jaminan sosial, jangka waktu, serta keselamatan kerja. Pastikan Anda memahami bahasanya.',
      en: 'The contract must state at least: the parties, the job, rights and duties, working hours, wage and how it is paid, leave, social security, duration and work safety. Make sure you understand the language it is written in.',
    },
  },
];

/** The rules in display order; visit and later items are then grouped, keeping this order within each. */
const RULES: readonly Rule[] = [
  identity,
  diploma,
  maritalStatement,
  maritalEvidence,
  familyConsent,
  passport,
  placementCosts,
  koreaEps,
  health,
  competence,
  placementAgreement,
  policeCertificate,
  socialSecurity,
  workVisa,
  employmentContract,
];

/**
 * The applicant's checklist: items to bring to the visit first, then items needed later.
 * Rules are written so each id appears at most once; the unit tests check every answer combination.
 */
export function buildChecklist(input: ChecklistInput): ChecklistItem[] {
  const items = RULES.flatMap((rule) => rule(input));
  return [...items.filter((item) => item.when === 'visit'), ...items.filter((item) => item.when === 'later')];
}
