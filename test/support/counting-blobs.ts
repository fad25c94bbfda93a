/**
 * A real local Blobs server (with the write rules of `npm start`'s, see atomicWrites in
 * src/cli/local-blobs.ts) behind a counting proxy, wired into the handlers' environment: every storage
 * call the handlers make passes the proxy and is counted by kind ("list slots", "put nik", …).
 * Storage is never mocked. Seeding goes to a second, plain server on the same folder, uncounted and
 * in parallel (unconditional writes to distinct keys need no serialising).
 */
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { BlobsServer } from '@netlify/blobs/server';
import { getStore, setEnvironmentContext, type Store } from '@netlify/blobs';
import { atomicWrites } from '../../src/cli/local-blobs.ts';
import { forward } from './faulty-proxy.ts';

const SITE_ID = 'ltsa-bench';
const TOKEN = 'bench-token';
const MAIN_STORE = 'preregistrations';

export interface CountingBlobs {
  /** A store on the seeding server: raw writes, not counted. */
  seedStore(name: string): Store;
  /** The calls counted since the last `take`, by kind, and starts counting afresh. */
  take(): Map<string, number>;
  stop(): Promise<void>;
}

/**
 * What a storage call is, from its URL: "list <prefix>" for a listing (a day in it written <day>, a month <month>),
 * else the operation and the key's first folder ("put slots", "meta records"). Stores other than
 * the pre-registrations store are named: "get abuse-limits:nik-submissions".
 */
export function callKind(method: string, rawUrl: string): string {
  const url = new URL(rawUrl, 'http://blobs');
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0]?.startsWith('region:')) parts.shift();
  const [, store = '', first] = parts;
  const name = store.replace(/^site:/, '');
  const where = name === MAIN_STORE || name.startsWith(`${MAIN_STORE}--`) ? '' : `${name}:`;
  if (first === undefined) return `list ${where}${(url.searchParams.get('prefix') ?? '').replace(/\d{4}-\d{2}-\d{2}/g, '<day>').replace(/\d{4}-\d{2}-/g, '<month>-') || '(all)'}`;
  const verb = ({ GET: 'get', HEAD: 'meta', PUT: 'put', DELETE: 'delete' } as Record<string, string>)[method] ?? method.toLowerCase();
  return `${verb} ${where}${first}`;
}

export async function startCountingBlobs(): Promise<CountingBlobs> {
  const directory = mkdtempSync(join(tmpdir(), 'ltsa-bench-blobs-'));
  const server = atomicWrites(new BlobsServer({ directory, token: TOKEN }));
  const target = `http://127.0.0.1:${(await server.start()).port}`;
  const seeder = new BlobsServer({ directory, token: TOKEN });
  const seedURL = `http://127.0.0.1:${(await seeder.start()).port}`;

  let counts = new Map<string, number>();
  const agent = new http.Agent({ keepAlive: true });
  const proxy = http.createServer((req, res) => {
    const kind = callKind(req.method ?? 'GET', req.url ?? '/');
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    forward(req, res, target, { agent });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  setEnvironmentContext({ edgeURL: url, uncachedEdgeURL: url, siteID: SITE_ID, token: TOKEN });

  return {
    seedStore: (name) => getStore({ name, siteID: SITE_ID, token: TOKEN, edgeURL: seedURL, uncachedEdgeURL: seedURL, consistency: 'strong' }),
    take() {
      const taken = counts;
      counts = new Map();
      return taken;
    },
    async stop() {
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      agent.destroy();
      await Promise.all([server.stop(), seeder.stop()]);
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
