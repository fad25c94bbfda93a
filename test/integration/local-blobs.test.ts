/**
 * The local Blobs server `npm start` runs (src/cli/serve.ts) keeps the promises of Netlify Blobs that
 * the pre-registration rules rely on: of concurrent conditional writes to one key exactly one wins,
 * and every write gives the key a new ETag, so a writer holding an older one is refused.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobsServer } from '@netlify/blobs/server';
import { getStore, type Store } from '@netlify/blobs';
import { atomicWrites } from '../../src/cli/local-blobs.ts';

let directory: string;
let server: BlobsServer;
let store: Store;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'ltsa-local-blobs-'));
  server = atomicWrites(new BlobsServer({ directory, token: 'local-token' }));
  const url = `http://localhost:${(await server.start()).port}`;
  store = getStore({ name: 'writes', siteID: 'local', token: 'local-token', edgeURL: url, uncachedEdgeURL: url, consistency: 'strong' });
});
afterAll(async () => {
  await server?.stop();
  rmSync(directory, { recursive: true, force: true });
});

it('lets exactly one of 30 concurrent onlyIfNew writes to a key succeed', async () => {
  const results = await Promise.all(Array.from({ length: 30 }, (_, i) => store.setJSON('new/one', { i }, { onlyIfNew: true })));
  expect(results.filter((r) => r.modified)).toHaveLength(1);
  const winner = results.findIndex((r) => r.modified);
  expect(await store.get('new/one', { type: 'json' })).toEqual({ i: winner });
});

it('lets exactly one of 30 concurrent onlyIfMatch writes with the same ETag succeed', async () => {
  const { etag } = await store.setJSON('match/one', { v: 0 });
  const results = await Promise.all(Array.from({ length: 30 }, (_, i) => store.setJSON('match/one', { v: i + 1 }, { onlyIfMatch: etag! })));
  expect(results.filter((r) => r.modified)).toHaveLength(1);
});

it('gives every write a new ETag, however quickly writes follow each other', async () => {
  let { etag } = await store.setJSON('chain/one', { v: 0 });
  const seen = new Set([etag]);
  for (let v = 1; v <= 40; v++) {
    const held = etag!;
    const next = await store.setJSON('chain/one', { v }, { onlyIfMatch: held });
    expect(next.modified).toBe(true);
    expect(seen.has(next.etag), `write ${v} reused an ETag`).toBe(false);
    seen.add(next.etag);
    // A writer still holding the ETag from before this write is refused.
    expect((await store.setJSON('chain/one', { v: -1 }, { onlyIfMatch: held })).modified).toBe(false);
    etag = next.etag;
  }
  // The listing (where the pre-registration store reads ETags locally) agrees with the write.
  const { blobs } = await store.list({ prefix: 'chain/' });
  expect(blobs[0]?.etag).toBe(etag);
});
