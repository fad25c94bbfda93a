/**
 * The personal document checklist against the rules drawn from FACTS.md (UU 18/2017 Ps 13, the
 * Disnaker registration list, Perban 9/2020, Permenaker 4/2023). One test per rule, plus invariants
 * checked over every combination of the form's closed lists.
 */
import { describe, expect, it } from 'vitest';
import { buildChecklist, type ChecklistInput, type ChecklistItem } from '../../src/lib/checklist.ts';
import { EDUCATION_LEVELS, JOB_SECTORS, MARITAL_STATUSES, SCHEMES } from '../../src/schemas/forms/preregistration-fields.ts';

const base: ChecklistInput = {
  maritalStatus: 'belum-kawin',
  hasPassport: false,
  scheme: 'p-to-p',
  jobSector: 'manufaktur',
  education: 'sma',
  destinationCountry: 'malaysia',
};

const build = (over: Partial<ChecklistInput> = {}) => buildChecklist({ ...base, ...over });
const ids = (items: ChecklistItem[]) => items.map((i) => i.id);
const find = (items: ChecklistItem[], id: string) => items.find((i) => i.id === id);
const allText = (item: ChecklistItem | undefined) => JSON.stringify([item?.text, item?.note]);

/** Every combination of the closed lists, with two destinations and both passport answers. */
function* everyInput(): Generator<ChecklistInput> {
  for (const m of MARITAL_STATUSES)
    for (const s of SCHEMES)
      for (const j of JOB_SECTORS)
        for (const e of EDUCATION_LEVELS)
          for (const hasPassport of [true, false])
            for (const destinationCountry of ['korea-selatan', 'malaysia'])
              yield { maritalStatus: m.value, scheme: s.value, jobSector: j.value, education: e.value, hasPassport, destinationCountry };
}

describe('buildChecklist: always at the visit', () => {
  it('asks everyone to bring KTP (original and photocopy), KK and the marital-status statement', () => {
    for (const maritalStatus of MARITAL_STATUSES.map((m) => m.value)) {
      const items = build({ maritalStatus });
      for (const id of ['ktp', 'kk', 'surat-status-perkawinan']) expect(find(items, id)?.when, `${maritalStatus}/${id}`).toBe('visit');
      expect(find(items, 'surat-status-perkawinan')?.basis).toBe('UU 18/2017 Pasal 13 huruf a');
    }
    expect(find(build(), 'ktp')?.text.id).toMatch(/KTP asli dan fotokopi/);
  });

  it('asks for the latest diploma at the visit for every education level except "tidak-sekolah"', () => {
    for (const education of EDUCATION_LEVELS.map((e) => e.value).filter((e) => e !== 'tidak-sekolah')) {
      expect(find(build({ education }), 'ijazah')?.when, education).toBe('visit');
      expect(ids(build({ education }))).not.toContain('pendidikan-minimum');
    }
  });
});

describe('buildChecklist: no diploma', () => {
  it('drops the diploma item and adds a minimum-education note instead', () => {
    const items = build({ education: 'tidak-sekolah' });
    expect(ids(items)).not.toContain('ijazah');
    const note = find(items, 'pendidikan-minimum');
    expect(note?.when).toBe('visit');
    expect(note?.note?.en).toMatch(/minimum level of education/);
  });

  it("names Korea's SLTP/SMP minimum only for Korea or G to G", () => {
    const plain = find(build({ education: 'tidak-sekolah' }), 'pendidikan-minimum');
    expect(allText(plain)).not.toMatch(/Korea|SLTP/);
    expect(plain?.basis).not.toContain('Korea');
    for (const over of [{ destinationCountry: 'korea-selatan' }, { scheme: 'g-to-g' as const }]) {
      const item = find(build({ education: 'tidak-sekolah', ...over }), 'pendidikan-minimum');
      expect(item?.note?.id).toMatch(/Korea Selatan \(EPS\).*SLTP\/SMP/);
      expect(item?.basis).toContain('Korea Selatan (EPS)');
    }
  });
});

describe('buildChecklist: marital status and family consent (Ps 13 huruf a–b)', () => {
  it('married: buku nikah and spouse consent, no parent consent', () => {
    const items = build({ maritalStatus: 'kawin' });
    expect(find(items, 'buku-nikah')?.when).toBe('visit');
    expect(find(items, 'izin-suami-istri')?.when).toBe('visit');
    expect(ids(items)).not.toContain('izin-orang-tua-wali');
    expect(ids(items)).not.toContain('akta-cerai');
  });

  it('not married, divorced or widowed: parent or guardian consent, no spouse consent, no buku nikah', () => {
    for (const maritalStatus of ['belum-kawin', 'cerai-hidup', 'cerai-mati'] as const) {
      const items = build({ maritalStatus });
      expect(find(items, 'izin-orang-tua-wali')?.when, maritalStatus).toBe('visit');
      expect(ids(items), maritalStatus).not.toContain('izin-suami-istri');
      expect(ids(items), maritalStatus).not.toContain('buku-nikah');
    }
  });

  it('says the consent letter is acknowledged by the village head and carries a meterai, citing Ps 13 huruf b', () => {
    for (const id of ['izin-suami-istri', 'izin-orang-tua-wali']) {
      const item = build({ maritalStatus: id === 'izin-suami-istri' ? 'kawin' : 'belum-kawin' }).find((i) => i.id === id);
      expect(item?.text.id).toMatch(/kepala desa\/lurah/);
      expect(item?.text.id).toMatch(/meterai/);
      expect(item?.basis).toContain('Pasal 13 huruf b');
    }
  });

  it('divorced: the akta cerai from the court', () => {
    const item = find(build({ maritalStatus: 'cerai-hidup' }), 'akta-cerai');
    expect(item?.when).toBe('visit');
    expect(item?.text.id).toMatch(/pengadilan/);
    for (const maritalStatus of ['belum-kawin', 'kawin', 'cerai-mati'] as const) expect(ids(build({ maritalStatus }))).not.toContain('akta-cerai');
  });

  it('widowed: only the marital-status statement, no invented death-certificate item', () => {
    const items = build({ maritalStatus: 'cerai-mati' });
    expect(find(items, 'surat-status-perkawinan')?.text.id).toContain('cerai mati');
    expect(JSON.stringify(items)).not.toMatch(/akta kematian|death certificate/i);
    expect(ids(items).filter((id) => !ids(build({ maritalStatus: 'belum-kawin' })).includes(id))).toEqual([]);
  });
});

describe('buildChecklist: passport', () => {
  it('with a passport: bring it to the visit', () => {
    const item = find(build({ hasPassport: true }), 'paspor');
    expect(item?.when).toBe('visit');
    expect(item?.basis).toContain('Pasal 13 huruf e');
  });

  it('without one: a later item, made at Imigrasi after the free Disnaker recommendation', () => {
    const item = find(build({ hasPassport: false }), 'paspor');
    expect(item?.when).toBe('later');
    expect(item?.text.id).toMatch(/Kantor Imigrasi.*rekomendasi paspor dari Disnaker/);
    expect(item?.note?.id).toMatch(/gratis/);
    expect(item?.note?.id).toMatch(/1–3 hari/);
    expect(item?.note?.id).toMatch(/KTP, KK, akta kelahiran\/ijazah\/buku nikah/);
  });
});

describe('buildChecklist: the later documents of Ps 13 and the procedure', () => {
  it('lists competence, health, SKCK, BPJS, visa and employment contract as later items for everyone', () => {
    const expected: Record<string, string> = {
      'sertifikat-kompetensi': 'Pasal 13 huruf c',
      'surat-sehat': 'Pasal 13 huruf d',
      'visa-kerja': 'Pasal 13 huruf f',
      'perjanjian-kerja': 'Pasal 13 huruf h',
      skck: 'langkah 6',
      'bpjs-ketenagakerjaan': 'Permenaker 4/2023',
    };
    for (const scheme of SCHEMES.map((s) => s.value)) {
      const items = build({ scheme });
      for (const [id, basis] of Object.entries(expected)) {
        expect(find(items, id)?.when, `${scheme}/${id}`).toBe('later');
        expect(find(items, id)?.basis, `${scheme}/${id}`).toContain(basis);
      }
    }
  });

  it('health certificate covers both the medical and the psychological check', () => {
    expect(find(build(), 'surat-sehat')?.text.id).toMatch(/kesehatan dan psikologi/);
  });

  it('BPJS: JKK and JKM mandatory, JHT optional, Rp37,500 before work', () => {
    const item = find(build(), 'bpjs-ketenagakerjaan');
    expect(item?.text.id).toMatch(/JKK dan JKM wajib, JHT pilihan/);
    expect(item?.note?.id).toContain('Rp37.500');
    expect(item?.note?.en).toContain('Rp37,500');
    expect(item?.basis).toContain('Pasal 18');
  });

  it('placement agreement: signed with the P3MI for P to P, conditional when not sure, absent otherwise', () => {
    const p2p = find(build({ scheme: 'p-to-p' }), 'perjanjian-penempatan');
    expect(p2p?.when).toBe('later');
    expect(p2p?.text.id).toMatch(/dengan P3MI/);
    expect(p2p?.basis).toContain('Pasal 13 huruf g');
    expect(find(build({ scheme: 'belum-tahu' }), 'perjanjian-penempatan')?.text.en).toMatch(/^If you go through a placement agency/);
    expect(ids(build({ scheme: 'g-to-g' }))).not.toContain('perjanjian-penempatan');
    expect(ids(build({ scheme: 'perseorangan' }))).not.toContain('perjanjian-penempatan');
  });
});

describe('buildChecklist: Korea EPS (G to G)', () => {
  it('adds the EPS requirements only for G to G to South Korea', () => {
    const item = find(build({ scheme: 'g-to-g', destinationCountry: 'korea-selatan' }), 'eps-korea');
    expect(item?.when).toBe('later');
    expect(item?.basis).toContain('Korea Selatan (EPS)');
    expect(item?.text.id).toMatch(/SISKOP2MI.*EPS-TOPIK.*uji keterampilan/);
    for (const part of ['18–39', 'SLTP/SMP', 'buta warna', 'USD 28']) expect(item?.note?.id).toContain(part);
    expect(ids(build({ scheme: 'p-to-p', destinationCountry: 'korea-selatan' }))).not.toContain('eps-korea');
    expect(ids(build({ scheme: 'g-to-g', destinationCountry: 'jepang' }))).not.toContain('eps-korea');
  });

  it('warns when the education entered is below the EPS minimum', () => {
    const eps = (education: ChecklistInput['education']) =>
      find(build({ scheme: 'g-to-g', destinationCountry: 'korea-selatan', education }), 'eps-korea')?.note?.en;
    expect(eps('sd')).toMatch(/below this minimum/);
    expect(eps('tidak-sekolah')).toMatch(/below this minimum/);
    expect(eps('smp')).not.toMatch(/below this minimum/);
  });
});

describe('buildChecklist: placement costs', () => {
  it('fee-free jobs (Perban 9/2020): a visit note never to pay a calo or P3MI', () => {
    for (const sector of JOB_SECTORS.filter((s) => s.feeFree)) {
      const items = build({ jobSector: sector.value });
      const item = find(items, 'bebas-biaya-penempatan');
      expect(item?.when, sector.value).toBe('visit');
      expect(item?.basis).toContain('9/2020');
      expect(item?.text.id).toMatch(/calo atau P3MI/);
      expect(ids(items)).not.toContain('larangan-biaya-penempatan');
      expect(find(items, 'sertifikat-kompetensi')?.note?.id).toContain('Perban 9/2020');
    }
  });

  it('other jobs: Ps 30(1) forbids charging placement costs; ask Disnaker', () => {
    for (const sector of JOB_SECTORS.filter((s) => !s.feeFree)) {
      const items = build({ jobSector: sector.value });
      const item = find(items, 'larangan-biaya-penempatan');
      expect(item?.when, sector.value).toBe('visit');
      expect(item?.basis).toBe('UU 18/2017 Pasal 30 ayat (1)');
      expect(item?.text.id).toMatch(/^Tanyakan ke Disnaker/);
      expect(ids(items)).not.toContain('bebas-biaya-penempatan');
      expect(find(items, 'sertifikat-kompetensi')?.note?.id).not.toContain('Perban 9/2020');
    }
  });
});

describe('buildChecklist: invariants over every answer combination', () => {
  // Problems are collected and compared with [] so one failure names every offending combination.
  it('has unique kebab-case ids', () => {
    const problems: string[] = [];
    for (const input of everyInput()) {
      const list = ids(buildChecklist(input));
      if (new Set(list).size !== list.length) problems.push(`duplicate id: ${JSON.stringify(input)}`);
      for (const id of list) if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) problems.push(`bad id ${id}`);
    }
    expect(problems).toEqual([]);
  });

  it('puts every visit item before every later item', () => {
    const problems: string[] = [];
    for (const input of everyInput()) {
      const whens = buildChecklist(input).map((i) => i.when);
      const firstLater = whens.indexOf('later');
      if (firstLater <= 0 || whens.slice(firstLater).some((w) => w !== 'later')) problems.push(JSON.stringify(input));
    }
    expect(problems).toEqual([]);
  });

  it('gives every item non-empty text in both languages, a basis, and a complete note when there is one', () => {
    const problems: string[] = [];
    const blank = (s: string | undefined) => !s || s.trim() === '';
    for (const input of everyInput()) {
      for (const item of buildChecklist(input)) {
        const bad =
          blank(item.text.id) ||
          blank(item.text.en) ||
          !/UU 18\/2017|Perban|Permenaker|Prosedur|Persyaratan/.test(item.basis) ||
          (item.note !== undefined && (blank(item.note.id) || blank(item.note.en)));
        if (bad) problems.push(`${item.id} ${JSON.stringify(input)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
