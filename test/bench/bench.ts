/**
 * `npm run bench`: the figures the project steers by. Nothing here is asserted; tests never time.
 *  1. Page weight: gzip bytes a first visit transfers per page type (everything Chromium fetches).
 *  2. Build: time per page and peak memory, with the content multiplied to at least 1,000 pages in a
 *     temporary copy of the project, against a bare Astro + MDX site of the same size.
 *  3. Functions: pre-registrations per second through the local server, against a baseline function
 *     that only writes one blob of the same size, with p50 and p99 latency.
 * Targets (from the issue): a guide page under 14 KB in total and under a third of Starlight's ~22 KB
 * (HTML 6, CSS 12, JS 4); build time per page at most half of Starlight's ~13 ms at 1,000 pages.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawn } from 'node:child_process';
import { launchBrowser } from '../support/browser.ts';
import { copyProject, projectRoot } from '../support/project-copy.ts';
import { serveSite } from '../../src/cli/serve.ts';
import { testKeys } from '../support/keys.ts';
import { applicant, nikFor, openDays } from '../support/applicants.ts';
import { startBlobs } from '../support/blobs.ts';
import { getStore } from '@netlify/blobs';
import { handlePreregistrations } from '../../src/server/handlers/preregistrations.ts';

const STARLIGHT = { guideKb: 22, msPerPage: 13 };
const results: Record<string, unknown> = { date: new Date().toISOString() };
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

// ---------------------------------------------------------------- page weight
async function pageWeights() {
  if (!existsSync(join(projectRoot, 'dist/index.html'))) throw new Error('Build first: npm run build');
  const site = await serveSite({ root: projectRoot, port: 0, quiet: true });
  const browser = await launchBrowser();
  const types: [string, string, string?][] = [
    ['home', '/'],
    ['guide', '/panduan/alur-bekerja-ke-luar-negeri/'],
    ['country', '/negara/malaysia/'],
    ['notice list', '/pengumuman/'],
    ['search', '/cari/'],
    ['search + 1 query', '/cari/', 'paspor'],
  ];
  const rows: Record<string, { html: number; css: number; js: number; other: number; total: number; requests: number }> = {};
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
      await context.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
  const pageHtml = readFileSync(join(projectRoot, 'dist/panduan/alur-bekerja-ke-luar-negeri/index.html'), 'utf8');
  const inlineCss = [...pageHtml.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
  const cspMeta = /<meta http-equiv="content-security-policy"[^>]*>/.exec(pageHtml)?.[0] ?? '';
  console.log('\nPage weight (gzip bytes a first visit transfers, KB)');
  console.log('page type          html    css     js  other  total  requests');
  for (const [name, r] of Object.entries(rows)) {
    console.log(`${name.padEnd(17)} ${kb(r.html).padStart(5)} ${kb(r.css).padStart(6)} ${kb(r.js).padStart(6)} ${kb(r.other).padStart(6)} ${kb(r.total).padStart(6)} ${String(r.requests).padStart(9)}`);
  }
  const guide = rows.guide!.total;
  console.log(`  guide page: ${kb(guide)} KB (target < 14 KB; < ${kb((STARLIGHT.guideKb * 1024) / 3)} KB = a third of Starlight's ~${STARLIGHT.guideKb} KB): ${guide < 14 * 1024 && guide < (STARLIGHT.guideKb * 1024) / 3 ? 'met' : 'NOT met'}`);
  console.log(`  of the guide HTML: inline CSS ${kb(gzipSync(inlineCss).length)} KB gzip alone, CSP meta ${cspMeta.length} bytes raw`);
  results.pageWeight = rows;
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
  const line = (name: string, r: { ms: number; peakRssMb: number }, pages: number) =>
    `  ${name.padEnd(12)} ${(r.ms / 1000).toFixed(1).padStart(5)} s  ${(r.ms / pages).toFixed(2).padStart(6)} ms/page  peak RSS ${r.peakRssMb.toFixed(0)} MB`;
  console.log(`\nBuild at scale (${ours.pages} pages, content multiplied in a temporary copy)`);
  console.log(line('astro build', ours.astro, ours.pages));
  console.log(line('pagefind', ours.pagefind, ours.pages));
  console.log(`  total        ${ours.msPerPage.toFixed(2)} ms/page (target <= ${STARLIGHT.msPerPage / 2} ms, half of Starlight's ~${STARLIGHT.msPerPage} ms): ${ours.msPerPage <= STARLIGHT.msPerPage / 2 ? 'met' : 'NOT met'}`);
  console.log(`Same run, bare Astro 7 + MDX + Pagefind, ${bare.pages} pages with the same MDX bodies (the floor for any MDX site here):`);
  console.log(line('astro build', bare.astro, bare.pages));
  console.log(line('pagefind', bare.pagefind, bare.pages));
  console.log(`  total        ${bare.msPerPage.toFixed(2)} ms/page; this site costs ${(ours.msPerPage / bare.msPerPage).toFixed(2)}x the bare floor`);
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
      console.log(`\nFunction throughput (${submissions} requests, ${concurrency} in flight, local server, request body ${size} bytes)`);
      console.log(`  pre-registration  ${prereg.perSecond.toFixed(1).padStart(7)} req/s  p50 ${prereg.p50.toFixed(1)} ms  p99 ${prereg.p99.toFixed(1)} ms${prereg.wrong ? `  (${prereg.wrong} not 201)` : ''}`);
      console.log(`  baseline (1 blob) ${baseline.perSecond.toFixed(1).padStart(7)} req/s  p50 ${baseline.p50.toFixed(1)} ms  p99 ${baseline.p99.toFixed(1)} ms${baseline.wrong ? `  (${baseline.wrong} not 201)` : ''}`);
      console.log(`  ratio             ${(prereg.perSecond / baseline.perSecond).toFixed(2)} of the baseline's throughput`);
      console.log('  (@netlify/dev starts a fresh worker for every invocation, so these absolute figures are the emulator\'s.)');
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
    console.log(`\nHandler throughput in process (${submissions} requests, ${concurrency} in flight, real local Blobs server)`);
    console.log(`  pre-registration  ${prereg.perSecond.toFixed(1).padStart(7)} req/s  p50 ${prereg.p50.toFixed(1)} ms  p99 ${prereg.p99.toFixed(1)} ms${prereg.wrong ? `  (${prereg.wrong} not 201)` : ''}`);
    console.log(`  baseline (1 blob) ${baseline.perSecond.toFixed(1).padStart(7)} req/s  p50 ${baseline.p50.toFixed(1)} ms  p99 ${baseline.p99.toFixed(1)} ms`);
    console.log(`  ratio             ${(prereg.perSecond / baseline.perSecond).toFixed(2)} of the baseline's throughput`);
    results.handlers = { submissions, concurrency, prereg, baseline, ratio: prereg.perSecond / baseline.perSecond };
  } finally {
    await blobs.stop();
  }
}

const only = process.argv.slice(2);
if (only.length === 0 || only.includes('weight')) await pageWeights();
if (only.length === 0 || only.includes('build')) await buildAtScale();
if (only.length === 0 || only.includes('functions')) await functionThroughput();
if (only.length === 0 || only.includes('functions') || only.includes('handlers')) await handlerThroughput();
mkdirSync(join(projectRoot, 'bench-results'), { recursive: true });
writeFileSync(join(projectRoot, 'bench-results/latest.json'), JSON.stringify(results, null, 2));
console.log('\nWritten to bench-results/latest.json');
