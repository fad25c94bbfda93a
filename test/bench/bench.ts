/**
 * `npm run bench`: the figures the project steers by. Nothing here is asserted; tests never time.
 *  1. Page weight (`weight`): gzip bytes a first visit transfers per page type (everything Chromium fetches).
 *  2. Build (`build`): time per page and peak memory, with the content multiplied to at least 1,000
 *     pages in a temporary copy of the project, against a bare Astro + MDX site of the same size.
 *  3. Functions (`functions`): pre-registrations per second through the local server, against a
 *     baseline function that only writes one blob of the same size, with p50 and p99 latency; and
 *     (`handlers`) the same with the handler called in process.
 *  5. Tips (`tips`): tip submissions per second in process, sealed in the browser and by the function,
 *     without a file and with a 1 MB photo, each beside a baseline that writes one blob of the same size.
 *  4. Storage (`storage`): Blobs calls and time per request for the pre-registration endpoints, in
 *     process against a real local Blobs server holding 10,000 past records, on an open day and on a
 *     full day, beside the figures measured on the code before issue 6 (commit ae43e81).
 * `npm run bench -- <part> [<part>…]` runs some parts. Every table is printed in Markdown, so the
 * output pastes into a note as it is; it is also written to bench-results/latest.md, and the figures
 * to bench-results/latest.json.
 * Targets (from the issue): a guide page under 14 KB in total and under a third of Starlight's ~22 KB
 * (HTML 6, CSS 12, JS 4); build time per page at most half of Starlight's ~13 ms at 1,000 pages.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawn } from 'node:child_process';
import { launchBrowser } from '../support/browser.ts';
import { copyProject, projectRoot } from '../support/project-copy.ts';
import { serveSite } from '../../src/cli/serve.ts';
import { testKeys } from '../support/keys.ts';
import { applicant, nikFor, openDays } from '../support/applicants.ts';
import { startBlobs } from '../support/blobs.ts';
import { getStore, type Store } from '@netlify/blobs';
import { handlePreregistrations } from '../../src/server/handlers/preregistrations.ts';
import { handleDays } from '../../src/server/handlers/preregistration-days.ts';
import { formData } from '../../src/generated/form-data.ts';
import { startCountingBlobs } from '../support/counting-blobs.ts';

const STARLIGHT = { guideKb: 22, msPerPage: 13 };
const results: Record<string, unknown> = { date: new Date().toISOString() };
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** What the run printed, in order: written to bench-results/latest.md at the end. */
const report: string[] = [];
function say(line = ''): void {
  console.log(line);
  report.push(line);
}

/** A Markdown table, columns padded so it also reads well in a terminal. Numbers align right. */
function table(headers: string[], rows: (string | number)[][]): void {
  const cells = rows.map((row) => row.map(String));
  const widths = headers.map((h, i) => Math.max(h.length, 3, ...cells.map((row) => row[i]?.length ?? 0)));
  const right = headers.map((_, i) => cells.length > 0 && cells.every((row) => /^[-+]?[\d.,]+( \S+)?$|^–$/.test(row[i] ?? '')));
  const line = (row: string[]) => `| ${row.map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  say(line(headers));
  say(`|${widths.map((w, i) => (right[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`);
  for (const row of cells) say(line(row));
}

// ---------------------------------------------------------------- page weight
async function pageWeights() {
  if (!existsSync(join(projectRoot, 'dist/index.html'))) throw new Error('Build first: npm run build');
  // The form pages call functions (open days): give them keys, and let the local server bundle them before measuring.
  const site = await serveSite({ root: projectRoot, port: 0, quiet: true, env: (await testKeys({ capacity: 1000 })).env });
  await fetch(`${site.url}/api/preregistrations/days`).then((r) => r.arrayBuffer());
  const browser = await launchBrowser();
  const types: [string, string, string?][] = [
    ['home', '/'],
    ['guide', '/panduan/alur-bekerja-ke-luar-negeri/'],
    ['country', '/negara/malaysia/'],
    ['notice list', '/pengumuman/'],
    ['search', '/cari/'],
    ['search + 1 query', '/cari/', 'paspor'],
    ['pre-registration form', '/pra-daftar/'],
    ['tip form', '/lapor/'],
  ];
  const rows: Record<string, { html: number; css: number; js: number; other: number; total: number; requests: number }> = {};
  let tipScript = 0;
  try {
    for (const [name, path, query] of types) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const bodies: Promise<[string, string, number]>[] = [];
      page.on('response', (response) => {
        const type = response.request().resourceType();
        bodies.push(response.body().then((b) => [type, response.url(), gzipSync(b, { level: 6 }).length] as [string, string, number]).catch(() => [type, response.url(), 0]));
      });
      await page.goto(`${site.url}${path}`, { waitUntil: 'networkidle' });
      if (query) {
        await page.getByRole('searchbox').fill(query);
        await page.keyboard.press('Enter');
        await page.locator('#search-results li').first().waitFor({ timeout: 15_000 });
        await page.waitForLoadState('networkidle');
      }
      const all = await Promise.all(bodies);
      const sum = (pred: (t: string, u: string) => boolean) => all.filter(([t, u]) => pred(t, u)).reduce((a, [, , n]) => a + n, 0);
      const html = sum((t) => t === 'document');
      const css = sum((t) => t === 'stylesheet');
      const js = sum((t) => t === 'script' || t === 'fetch' || t === 'xhr');
      const total = sum(() => true);
      // Inline CSS is part of the HTML bytes; report how much of the HTML it is.
      rows[name] = { html, css, js, other: total - html - css - js, total, requests: all.length };
      if (name === 'tip form') tipScript = sum((t) => t === 'script');
      await context.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
  const pageHtml = readFileSync(join(projectRoot, 'dist/panduan/alur-bekerja-ke-luar-negeri/index.html'), 'utf8');
  const inlineCss = [...pageHtml.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
  const cspMeta = /<meta http-equiv="content-security-policy"[^>]*>/.exec(pageHtml)?.[0] ?? '';
  say('\n### Page weight (gzip KB a first visit transfers)\n');
  table(
    ['page type', 'html', 'css', 'js', 'other', 'total', 'requests'],
    Object.entries(rows).map(([name, r]) => [name, kb(r.html), kb(r.css), kb(r.js), kb(r.other), kb(r.total), r.requests]),
  );
  const guide = rows.guide!.total;
  say(`\n- guide page: ${kb(guide)} KB (target < 14 KB; < ${kb((STARLIGHT.guideKb * 1024) / 3)} KB = a third of Starlight's ~${STARLIGHT.guideKb} KB): ${guide < 14 * 1024 && guide < (STARLIGHT.guideKb * 1024) / 3 ? 'met' : 'NOT met'}`);
  say(`- of the guide HTML: inline CSS ${kb(gzipSync(inlineCss).length)} KB gzip alone, CSP meta ${cspMeta.length} bytes raw`);
  say(`- tip form's scripts, sealing included: ${tipScript} bytes gzip (${kb(tipScript)} KB; budget 40 KB): ${tipScript <= 40 * 1024 ? 'met' : 'NOT met'}`);
  results.pageWeight = rows;
  results.tipScriptBytes = tipScript;
}

// ---------------------------------------------------------------- build at scale
/** Runs a command, sampling the resident memory of its whole process tree. */
function runMeasured(cmd: string, args: string[], cwd: string): Promise<{ ms: number; peakRssMb: number; output: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(cmd, args, { cwd, env: { ...process.env, PATH: `${join(projectRoot, 'node_modules/.bin')}:${process.env.PATH}`, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peak = 0;
    const treeRss = () => {
      const pids = [child.pid!];
      for (let i = 0; i < pids.length; i++) {
        try {
          const kids = readFileSync(`/proc/${pids[i]}/task/${pids[i]}/children`, 'utf8').trim();
          if (kids) pids.push(...kids.split(/\s+/).map(Number));
        } catch {}
      }
      let rss = 0;
      for (const pid of pids) {
        try {
          rss += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
        } catch {}
      }
      peak = Math.max(peak, rss);
    };
    const timer = setInterval(treeRss, 50);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`${cmd} ${args.join(' ')} failed:\n${output.slice(-3000)}`));
      resolve({ ms: performance.now() - start, peakRssMb: peak / 1024, output });
    });
  });
}

/** Multiplies guides, countries and safety pages in a copy until the site has at least `target` pages. */
function multiplyContent(dir: string, target: number): void {
  const collections = ['guides', 'countries', 'safety'];
  const base = collections.flatMap((c) => readdirSync(join(dir, 'content', c, 'id')).filter((f) => f.endsWith('.mdx')).map((f) => [c, f] as const));
  let copies = 0;
  // Each copy makes two pages (Indonesian and English).
  const needed = Math.ceil(target / 2);
  while (copies < needed) {
    for (const [collection, file] of base) {
      if (copies >= needed) break;
      if (collection === 'safety' && file === 'index.mdx') continue;
      copies++;
      for (const lang of ['id', 'en']) {
        const source = join(dir, 'content', collection, lang, file);
        if (!existsSync(source)) continue;
        const text = readFileSync(source, 'utf8').replace(/^title: (.*)$/m, (_, t: string) => `title: ${t.replace(/^["']|["']$/g, '').slice(0, 70)} ${copies}`);
        writeFileSync(join(dir, 'content', collection, lang, file.replace(/\.mdx$/, `-salinan-${copies}.mdx`)), text);
      }
    }
  }
}

/**
 * A bare Astro 7 + MDX site (one page template, no layout, no components) with the same page count
 * and the same MDX bodies: the floor any MDX site pays on this machine, measured in the same run.
 */
function bareProject(pages: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'ltsa-bare-'));
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  mkdirSync(join(dir, 'content/docs'), { recursive: true });
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{"name":"bare","type":"module","private":true}');
  writeFileSync(join(dir, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ integrations: [mdx()], markdown: { syntaxHighlight: false }, cacheDir: './.astro/cache' });\n");
  writeFileSync(join(dir, 'src/content.config.ts'), "import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nimport { z } from 'astro/zod';\nexport const collections = { docs: defineCollection({ loader: glob({ base: './content/docs', pattern: '*.mdx' }), schema: z.object({ title: z.string() }) }) };\n");
  writeFileSync(join(dir, 'src/pages/[slug].astro'), "---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() { return (await getCollection('docs')).map((entry) => ({ params: { slug: entry.id }, props: { entry } })); }\nconst { entry } = Astro.props; const { Content } = await render(entry);\n---\n<html lang=\"id\"><head><title>{entry.data.title}</title></head><body><main><h1>{entry.data.title}</h1><Content /></main></body></html>\n");
  const bodies = ['guides', 'countries', 'safety'].flatMap((c) =>
    readdirSync(join(projectRoot, 'content', c, 'id')).map((f) => readFileSync(join(projectRoot, 'content', c, 'id', f), 'utf8').split('---').slice(2).join('---').replace(/<\/?[A-Z][A-Za-z]*[^>]*>/g, '')),
  );
  for (let i = 0; i < pages; i++) writeFileSync(join(dir, `content/docs/doc-${i + 1}.mdx`), `---\ntitle: Halaman ${i + 1}\n---\n${bodies[i % bodies.length]}`);
  return dir;
}

async function measureBuild(dir: string) {
  const astro = await runMeasured(join(projectRoot, 'node_modules/.bin/astro'), ['build'], dir);
  const pages = Number(/(\d+) page\(s\) built/.exec(astro.output)?.[1] ?? NaN);
  const pagefind = await runMeasured(join(projectRoot, 'node_modules/.bin/pagefind'), ['--site', 'dist', '--silent'], dir);
  return { pages, astro, pagefind, msPerPage: (astro.ms + pagefind.ms) / pages };
}

async function buildAtScale() {
  const copy = copyProject('ltsa-bench-');
  let ours: Awaited<ReturnType<typeof measureBuild>>;
  try {
    multiplyContent(copy.dir, 1000);
    ours = await measureBuild(copy.dir);
  } finally {
    copy.remove();
  }
  const bareDir = bareProject(ours.pages);
  let bare: Awaited<ReturnType<typeof measureBuild>>;
  try {
    bare = await measureBuild(bareDir);
  } finally {
    rmSync(bareDir, { recursive: true, force: true });
  }
  const row = (site: string, step: string, r: { ms: number; peakRssMb: number }, pages: number) => [site, step, pages, (r.ms / 1000).toFixed(1), (r.ms / pages).toFixed(2), r.peakRssMb.toFixed(0)];
  say(`\n### Build at scale (content multiplied in a temporary copy; bare = Astro 7 + MDX + Pagefind with the same MDX bodies, the floor for any MDX site here)\n`);
  table(
    ['site', 'step', 'pages', 's', 'ms/page', 'peak RSS MB'],
    [
      row('this site', 'astro build', ours.astro, ours.pages),
      row('this site', 'pagefind', ours.pagefind, ours.pages),
      ['this site', 'total', ours.pages, ((ours.astro.ms + ours.pagefind.ms) / 1000).toFixed(1), ours.msPerPage.toFixed(2), '–'],
      row('bare', 'astro build', bare.astro, bare.pages),
      row('bare', 'pagefind', bare.pagefind, bare.pages),
      ['bare', 'total', bare.pages, ((bare.astro.ms + bare.pagefind.ms) / 1000).toFixed(1), bare.msPerPage.toFixed(2), '–'],
    ],
  );
  say(`\n- ${ours.msPerPage.toFixed(2)} ms/page (target <= ${STARLIGHT.msPerPage / 2} ms, half of Starlight's ~${STARLIGHT.msPerPage} ms): ${ours.msPerPage <= STARLIGHT.msPerPage / 2 ? 'met' : 'NOT met'}; this site costs ${(ours.msPerPage / bare.msPerPage).toFixed(2)}x the bare floor`);
  results.build = {
    pages: ours.pages, astroMs: ours.astro.ms, pagefindMs: ours.pagefind.ms, msPerPage: ours.msPerPage, astroPeakRssMb: ours.astro.peakRssMb, pagefindPeakRssMb: ours.pagefind.peakRssMb,
    bare: { pages: bare.pages, astroMs: bare.astro.ms, pagefindMs: bare.pagefind.ms, msPerPage: bare.msPerPage, astroPeakRssMb: bare.astro.peakRssMb },
  };
}

// ---------------------------------------------------------------- function throughput
/** Sends `count` requests with `concurrency` in flight; returns requests per second and latency percentiles. */
async function load(count: number, concurrency: number, send: (i: number) => Promise<Response>, expect: number) {
  const latencies: number[] = [];
  let next = 0;
  let wrong = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        const response = await send(i);
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (response.status !== expect) wrong++;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  return { perSecond: count / seconds, p50: pct(50), p99: pct(99), wrong };
}

type Throughput = Awaited<ReturnType<typeof load>>;

function throughputTable(prereg: Throughput, baseline: Throughput): void {
  const row = (name: string, r: Throughput) => [name, r.perSecond.toFixed(1), r.p50.toFixed(1), r.p99.toFixed(1), r.wrong];
  table(['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'not 201'], [row('pre-registration', prereg), row('baseline (1 blob)', baseline)]);
  say(`\n- pre-registration: ${(prereg.perSecond / baseline.perSecond).toFixed(2)} of the baseline's throughput`);
}

async function functionThroughput() {
  const copy = copyProject('ltsa-bench-fn-');
  const keys = await testKeys({ capacity: 1000 });
  try {
    cpSync(join(projectRoot, 'test/bench/baseline-function.mts'), join(copy.dir, 'netlify/functions/bench-baseline.mts'));
    symlinkSync(join(projectRoot, 'dist'), join(copy.dir, 'dist'), 'dir');
    const site = await serveSite({ root: copy.dir, port: 0, quiet: true, env: keys.env });
    try {
      const days = openDays();
      const submissions = 400;
      const concurrency = 8;
      const bodies = Array.from({ length: submissions }, (_, i) => {
        const birthDate = '1998-03-14';
        return JSON.stringify(applicant({ birthDate, sex: 'L', nik: nikFor(birthDate, 'L', 5000 + i), visitDate: days[i % days.length]! }));
      });
      const size = bodies[0]!.length;
      // Warm both paths (bundling, first Blobs connection) before measuring.
      await load(10, 2, (i) => fetch(`${site.url}/api/bench-baseline?size=1200`, { method: 'POST', body: bodies[i]! }), 201);
      const warm = applicant({ birthDate: '1997-01-02', sex: 'L', nik: nikFor('1997-01-02', 'L', 9000), visitDate: days[0]! });
      await fetch(`${site.url}/api/preregistrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(warm) });
      const prereg = await load(submissions, concurrency, (i) => fetch(`${site.url}/api/preregistrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies[i]! }), 201);
      const baseline = await load(submissions, concurrency, (i) => fetch(`${site.url}/api/bench-baseline?size=1200`, { method: 'POST', body: bodies[i]! }), 201);
      say(`\n### Function throughput (local server, ${submissions} requests, ${concurrency} in flight, request body ${size} bytes)\n`);
      throughputTable(prereg, baseline);
      say('\n- @netlify/dev bundles the function again and starts a fresh worker for every call, so these absolute figures are the emulator\'s.');
      results.functions = { submissions, concurrency, prereg, baseline, ratio: prereg.perSecond / baseline.perSecond };
    } finally {
      await site.close();
    }
  } finally {
    copy.remove();
  }
}

/** The same comparison with the handler called in this process against a real local Blobs server: the cost of our own code. */
async function handlerThroughput() {
  const blobs = await startBlobs();
  const keys = await testKeys({ capacity: 1000 });
  Object.assign(process.env, keys.env);
  try {
    const days = openDays();
    const submissions = 1000;
    const concurrency = 8;
    const bodies = Array.from({ length: submissions }, (_, i) => JSON.stringify(applicant({ birthDate: '1996-05-20', sex: 'P', nik: nikFor('1996-05-20', 'P', 100 + i), visitDate: days[i % days.length]! })));
    const store = getStore({ name: 'bench-baseline', consistency: 'strong' });
    const record = 'x'.repeat(1200);
    const baselineHandler = async () => {
      await store.set(`baseline/${Math.random().toString(36).slice(2)}`, record);
      return new Response(null, { status: 201 });
    };
    const request = (i: number) => new Request('http://localhost/api/preregistrations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies[i]! });
    await load(20, 4, (i) => handlePreregistrations(new Request('http://localhost/api/preregistrations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(applicant({ visitDate: days[0]!, nik: nikFor('1990-01-01', 'P', 9000 + i), birthDate: '1990-01-01' })) })), 201);
    const prereg = await load(submissions, concurrency, (i) => handlePreregistrations(request(i)), 201);
    const baseline = await load(submissions, concurrency, () => baselineHandler(), 201);
    say(`\n### Handler throughput in process (${submissions} requests, ${concurrency} in flight, real local Blobs server)\n`);
    throughputTable(prereg, baseline);
    results.handlers = { submissions, concurrency, prereg, baseline, ratio: prereg.perSecond / baseline.perSecond };
  } finally {
    await blobs.stop();
  }
}

// ---------------------------------------------------------------- tip submissions
/** The bodies a tip submission sends: plain multipart (the function strips and seals) and sealed JSON (the browser did). */
async function tipBodies(withImage: boolean) {
  const { newSealId, fromBase64 } = await import('../../src/lib/sealing.ts');
  const { sealEvidence, sealReport } = await import('../../src/lib/tip-sealing.ts');
  const { handleTipKeys } = await import('../../src/server/handlers/tip-keys.ts');
  const sharp = (await import('sharp')).default;
  // A photo-like 1 MB JPEG: noise compresses badly, as a real photo does.
  const image = withImage ? new Uint8Array(await sharp(randomBytes(1024 * 1000 * 3), { raw: { width: 1024, height: 1000, channels: 3 } }).jpeg({ quality: 95 }).toBuffer()) : undefined;
  const keys = (await (await handleTipKeys(new Request('http://localhost/api/tips/keys'))).json()) as { keys: { id: string; publicKey: string }[] };
  const officers = keys.keys.map((k) => ({ id: k.id, publicKey: fromBase64(k.publicKey) }));
  const fields = { category: 'calo', what: 'Calo meminta uang untuk berangkat ke Malaysia tanpa dokumen resmi.', childInvolved: 'tidak', contactWanted: 'tidak', consent: 'ya' };
  const multipart = () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (image) form.append('files', new File([image], 'foto.jpg', { type: 'image/jpeg' }));
    return form;
  };
  const sealedJson = async () => {
    const sealId = newSealId();
    const files = image ? [await sealEvidence(image, officers, sealId)] : [];
    const report = await sealReport({ category: 'calo', what: fields.what, childInvolved: 'tidak', contactWanted: false, files: image ? [{ name: 'bukti-1.jpg', type: 'image/jpeg', size: image.length }] : [] }, officers, sealId);
    return JSON.stringify({ sealed: { sealId, category: 'calo', childInvolved: 'tidak', report, files } });
  };
  return { image, multipart, sealedJson };
}

/**
 * Tip submissions per second with the handler called in process against a real local Blobs server,
 * with and without a 1 MB photo, beside the baseline (one blob of the same size) in the same run.
 */
async function tipThroughput() {
  const blobs = await startBlobs();
  const keys = await testKeys();
  Object.assign(process.env, keys.env);
  const { handleTips } = await import('../../src/server/handlers/tips.ts');
  try {
    const count = 200;
    const concurrency = 8;
    const store = getStore({ name: 'bench-baseline', consistency: 'strong' });
    const rows: (string | number)[][] = [];
    const figures: Record<string, unknown> = {};
    for (const withImage of [false, true]) {
      const { image, multipart, sealedJson } = await tipBodies(withImage);
      const sealed = await Promise.all(Array.from({ length: count }, () => sealedJson()));
      const size = sealed[0]!.length;
      const blob = 'x'.repeat(size);
      const baselineHandler = async () => {
        await store.set(`baseline/${randomBytes(12).toString('hex')}`, blob);
        return new Response(null, { status: 201 });
      };
      const post = (body: BodyInit, type?: string) => handleTips(new Request('http://localhost/api/tips', { method: 'POST', headers: { accept: 'application/json', ...(type ? { 'content-type': type } : {}) }, body }));
      await load(10, 4, () => post(multipart()), 201);
      const plain = await load(count, concurrency, () => post(multipart()), 201);
      const browserSealed = await load(count, concurrency, (i) => post(sealed[i]!, 'application/json'), 201);
      const baseline = await load(count, concurrency, () => baselineHandler(), 201);
      const label = withImage ? `with a ${kb(image!.length)} KB photo` : 'no file';
      const row = (name: string, r: Throughput) => [`${name}, ${label}`, r.perSecond.toFixed(1), r.p50.toFixed(1), r.p99.toFixed(1), (r.perSecond / baseline.perSecond).toFixed(2), r.wrong];
      rows.push(row('sealed in the browser (JSON)', browserSealed), row('sealed by the function (multipart)', plain), row(`baseline (1 blob of ${kb(size)} KB)`, baseline));
      figures[withImage ? 'withImage' : 'noFile'] = { browserSealed, plain, baseline, bodyBytes: size };
    }
    say(`\n### Tip submissions in process (${count} each, ${concurrency} in flight, real local Blobs server)\n`);
    table(['submission', 'req/s', 'p50 ms', 'p99 ms', 'of baseline', 'not 201'], rows);
    say('\n- Each submission computes one scrypt hash of its new receipt (about 55 ms of CPU); the function path also re-encodes the photo with sharp and seals it.');
    results.tips = figures;
  } finally {
    await blobs.stop();
  }
}

// ---------------------------------------------------------------- storage calls per request
type StorageScenario = 'open' | 'fullFirst' | 'fullSteady' | 'days';
interface StorageFigure {
  requests: number;
  msPerRequest: number;
  /** Mean storage calls per request, by kind ("list slots", "put nik", …). */
  calls: Record<string, number>;
  /** Answers other than the expected status. */
  wrong: number;
}
type StorageFigures = Record<StorageScenario, StorageFigure>;

const STORAGE_SCENARIOS: [StorageScenario, string, number][] = [
  ['open', 'POST, open day', 201],
  ['fullFirst', 'POST, full day: first refusal', 422],
  ['fullSteady', 'POST, full day: next refusals', 422],
  ['days', 'GET /api/preregistrations/days', 200],
];

/**
 * Baseline: this `storage` part, measured once on the code before issue 6 (a worktree of commit
 * ae43e81 with this bench, test/support/counting-blobs.ts and src/cli/serve.ts copied in, so the
 * seeding and the Blobs server are the same), on 2026-11-29, on this machine (2 vCPU). Printed as
 * "before" beside the live figures; measure again the same way on another machine.
 */
const STORAGE_BEFORE: { commit: string; measured: string; machine: string; figures: StorageFigures } | undefined = {
  commit: 'ae43e81',
  measured: '2026-11-29',
  machine: '2 × AMD EPYC, Node 24.21.0',
  figures: {
    open: {
      requests: 20,
      msPerRequest: 21.3,
      calls: { 'list slots/<day>/': 0.1, 'put nik': 1, 'put records': 1, 'put slots': 1.1 },
      wrong: 0,
    },
    fullFirst: {
      requests: 1,
      msPerRequest: 1761.3,
      calls: {
        'delete nik': 1,
        'get slots': 40,
        'list slots/': 1,
        'list slots/<day>/': 1,
        'put nik': 1,
        'put slots': 1,
      },
      wrong: 0,
    },
    fullSteady: {
      requests: 20,
      msPerRequest: 1665.7,
      calls: { 'delete nik': 1, 'list slots/': 1, 'list slots/<day>/': 1, 'put nik': 1 },
      wrong: 0,
    },
    days: { requests: 20, msPerRequest: 1534, calls: { 'list slots/': 1 }, wrong: 0 },
  },
};

/** 250 past office days of 40 places: 10,000 past records. */
const PAST_DAYS = 250;
const PLACES = 40;

/** Weekdays before today (Jakarta), newest first. */
function pastOfficeDays(count: number): string[] {
  const days: string[] = [];
  const day = new Date(`${new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10)}T00:00:00Z`);
  while (days.length < count) {
    day.setUTCDate(day.getUTCDate() - 1);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) days.push(day.toISOString().slice(0, 10));
  }
  return days;
}

const CODE_LETTERS = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const randomCode = () => `LPG-${[0, 1].map(() => Array.from(randomBytes(4), (b) => CODE_LETTERS[b % CODE_LETTERS.length]).join('')).join('-')}`;
const b64 = (bytes: number) => randomBytes(bytes).toString('base64');
const b64url = (bytes: number) => randomBytes(bytes).toString('base64url');

/**
 * 250 past office days of 40 places each: per place a record (the stored shape, sealed personal data
 * as random bytes of the real size, the listing metadata), its NIK entry and its slot hold. Raw
 * writes, 200 at a time.
 */
async function seedPastRecords(store: Store): Promise<number> {
  const writes: (() => Promise<unknown>)[] = [];
  const days = pastOfficeDays(PAST_DAYS);
  days.forEach((visitDate, d) => {
    const createdDay = days[Math.min(d + 5, days.length - 1)]!;
    const at = Date.parse(`${createdDay}T03:00:00Z`);
    for (let n = 0; n < PLACES; n++) {
      const code = randomCode();
      const nikKey = b64url(32);
      const record = {
        v: 2, code, status: 'received', visitDate, regency: '1804', destination: 'malaysia', createdDay,
        statusCheck: `v1.${b64url(32)}`, nikKey: `v1.${nikKey}`, phoneKey: `v1.${b64url(32)}`,
        personal: { alg: 'xchacha20poly1305-ietf+x25519-sealedbox', nonce: b64(24), ciphertext: b64(640), recipients: [{ keyId: 'officer', sealedKey: b64(80) }] },
        history: [{ status: 'received', day: createdDay }],
      };
      const metadata = { visitDate, regency: '1804', destination: 'malaysia', status: 'received', createdDay };
      writes.push(() => store.setJSON(`records/${code}`, record, { metadata }));
      writes.push(() => store.setJSON(`nik/${nikKey}`, { code, at }));
      writes.push(() => store.setJSON(`slots/${visitDate}/${String(n).padStart(4, '0')}`, { code, at }));
    }
  });
  for (let i = 0; i < writes.length; i += 200) await Promise.all(writes.slice(i, i + 200).map((write) => write()));
  return days.length * PLACES;
}

async function storageCalls() {
  const blobs = await startCountingBlobs();
  // The real capacity (40 a day), and a new secret: no figure from an earlier part carries over.
  const keys = await testKeys();
  delete process.env.PREREG_CAPACITY;
  Object.assign(process.env, keys.env);
  try {
    const seedStarted = performance.now();
    const seeded = await seedPastRecords(blobs.seedStore('preregistrations'));
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    const [openDay, fullDay, warmDay] = openDays();
    if (!openDay || !fullDay) throw new Error('The storage bench needs two bookable days in the window (holidays.yaml covers the next year?)');
    const post = (visitDate: string) => () =>
      handlePreregistrations(new Request('http://localhost/api/preregistrations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(applicant({ visitDate })) }));
    const days = () => handleDays(new Request('http://localhost/api/preregistrations/days'));

    /** Requests one after another, so each one's storage calls are its own. */
    const measure = async (count: number, send: () => Promise<Response>, expect: number): Promise<StorageFigure> => {
      const calls = new Map<string, number>();
      let ms = 0;
      let wrong = 0;
      blobs.take();
      for (let i = 0; i < count; i++) {
        const started = performance.now();
        const response = await send();
        const body = await response.text();
        ms += performance.now() - started;
        if (response.status !== expect) {
          if (wrong === 0) say(`- (expected ${expect}, got ${response.status}: ${body.slice(0, 200)})`);
          wrong++;
        }
        for (const [kind, n] of blobs.take()) calls.set(kind, (calls.get(kind) ?? 0) + n);
      }
      return { requests: count, msPerRequest: ms / count, calls: Object.fromEntries([...calls].sort().map(([kind, n]) => [kind, n / count])), wrong };
    };

    // Warm up (module and crypto set-up, first connections) on a third day, not measured.
    await (await post(warmDay ?? openDay)()).arrayBuffer();
    await (await days()).arrayBuffer();

    const open = await measure(20, post(openDay), 201);
    // Fill the other day to its capacity, 4 at a time, then ask for more places on it.
    const capacity = formData.capacityPerDay;
    for (let i = 0; i < capacity; i += 4) await Promise.all(Array.from({ length: Math.min(4, capacity - i) }, () => post(fullDay)().then((r) => r.arrayBuffer())));
    const fullFirst = await measure(1, post(fullDay), 422);
    const fullSteady = await measure(20, post(fullDay), 422);
    const daysFigure = await measure(20, days, 200);
    const figures: StorageFigures = { open, fullFirst, fullSteady, days: daysFigure };

    const before = STORAGE_BEFORE?.figures;
    const total = (f: StorageFigure | undefined) => (f ? Object.values(f.calls).reduce((a, b) => a + b, 0).toFixed(1) : '–');
    const ms = (f: StorageFigure | undefined) => (f ? f.msPerRequest.toFixed(1) : '–');
    say(`\n### Storage calls per request (in process, real local Blobs server, ${seeded.toLocaleString('en')} past records, ${formData.capacityPerDay} places a day)\n`);
    say(`- now: this working tree; before: ${STORAGE_BEFORE ? `commit ${STORAGE_BEFORE.commit}, measured ${STORAGE_BEFORE.measured} on ${STORAGE_BEFORE.machine}` : 'no baseline recorded'}`);
    say(`- seeding ${(seeded * 3).toLocaleString('en')} blobs took ${seedSeconds.toFixed(1)} s; requests run one at a time\n`);
    table(
      ['request', 'n', 'calls now', 'calls before', 'ms now', 'ms before', 'not expected'],
      STORAGE_SCENARIOS.map(([id, label]) => [label, figures[id].requests, total(figures[id]), total(before?.[id]), ms(figures[id]), ms(before?.[id]), figures[id].wrong]),
    );
    say('\nCalls per request by kind ("list slots/<day>/" is one listing of a day\'s slots, "put nik" one write of a nik/ entry, "meta" a metadata read; other stores are named):\n');
    const rows: string[][] = [];
    for (const [id, label] of STORAGE_SCENARIOS) {
      const kinds = [...new Set([...Object.keys(figures[id].calls), ...Object.keys(before?.[id]?.calls ?? {})])].sort();
      for (const kind of kinds) {
        const now = figures[id].calls[kind];
        const then = before?.[id]?.calls[kind];
        rows.push([label, kind, now === undefined ? '–' : now.toFixed(2), then === undefined ? '–' : then.toFixed(2)]);
      }
    }
    table(['request', 'call', 'now', 'before'], rows);
    results.storage = { seeded, seedSeconds, machine: machine(), figures, before: STORAGE_BEFORE };
  } finally {
    await blobs.stop();
  }
}

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, Node ${process.versions.node}`;
}

const only = process.argv.slice(2);
const runs = (part: string) => only.length === 0 || only.includes(part);
say(`## npm run bench${only.length ? ` -- ${only.join(' ')}` : ''}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${machine()}`);
if (runs('weight')) await pageWeights();
if (runs('build')) await buildAtScale();
if (runs('functions')) await functionThroughput();
if (runs('functions') || only.includes('handlers')) await handlerThroughput();
if (runs('storage')) await storageCalls();
if (runs('tips')) await tipThroughput();
mkdirSync(join(projectRoot, 'bench-results'), { recursive: true });
writeFileSync(join(projectRoot, 'bench-results/latest.json'), JSON.stringify(results, null, 2));
writeFileSync(join(projectRoot, 'bench-results/latest.md'), `${report.join('\n')}\n`);
console.log('\nWritten to bench-results/latest.md (the tables above) and bench-results/latest.json (every figure)');
