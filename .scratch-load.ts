import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveSite } from './src/cli/serve.ts';
import { testKeys } from './test/support/keys.ts';
import { applicant, openDays } from './test/support/applicants.ts';
const k = Number(process.argv[2] ?? 4);
const n = Number(process.argv[3] ?? 24);
const keys = await testKeys({ capacity: 1000 });
const site = await serveSite({ root: process.cwd(), port: 0, quiet: true, env: keys.env, blobsDirectory: mkdtempSync(join(tmpdir(), 'scr-')), functionConcurrency: k });
const days = openDays();
const post = async (path: string, body: unknown) => { const t = performance.now(); const r = await fetch(site.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }); await r.text(); return [r.status, performance.now() - t] as const; };
// warm
console.log('warm', await post('/api/preregistrations', applicant({ visitDate: days[0] })));
for (let i = 0; i < 3; i++) console.log('seq', await post('/api/preregistrations', applicant({ visitDate: days[0] })));
for (let i = 0; i < 2; i++) { const t = performance.now(); const r = await fetch(site.url + '/api/preregistrations/days'); await r.text(); console.log('days', r.status, performance.now() - t); }
const t0 = performance.now();
const res = await Promise.all(Array.from({ length: n }, () => post('/api/preregistrations', applicant({ visitDate: days[1] }))));
const s = (performance.now() - t0) / 1000;
console.log(`K=${k} n=${n} total ${s.toFixed(1)} s, ${(n / s).toFixed(2)} req/s, statuses`, JSON.stringify(res.map(r => r[0]).reduce((a: any, x) => (a[x] = (a[x] ?? 0) + 1, a), {})), 'max latency', Math.max(...res.map(r => r[1])).toFixed(0));
await site.close(); process.exit(0);
