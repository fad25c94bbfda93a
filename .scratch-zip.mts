import { zipFunction } from '@netlify/zip-it-and-ship-it';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const r = await zipFunction(join(process.cwd(), 'netlify/functions/preregistrations.mts'), mkdtempSync(join(tmpdir(), 'z-')), { archiveFormat: 'none', basePath: process.cwd(), config: { '*': { nodeBundler: 'esbuild' } }, featureFlags: { zisi_pure_esm: true, zisi_pure_esm_mjs: true, zisi_functions_api_v2: true } } as never);
  console.log('zip', (performance.now() - t).toFixed(0), r?.path, r?.entryFilename);
}
