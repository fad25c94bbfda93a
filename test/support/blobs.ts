/**
 * A real local Netlify Blobs server on a temporary folder, wired into the handlers' environment.
 * Storage is never mocked: handlers read and write through @netlify/blobs to this server.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobsServer } from '@netlify/blobs/server';
import { setEnvironmentContext } from '@netlify/blobs';
// Writes one at a time with a fresh ETag each, as Netlify Blobs promises (see src/cli/local-blobs.ts).
import { atomicWrites } from '../../src/cli/local-blobs.ts';
import { testKeys, useKeys, type TestKeys } from './keys.ts';

export interface LocalBlobs {
  directory: string;
  url: string;
  /** Every stored file's bytes, for checks such as "no personal value in plain text". */
  files(): { path: string; text: string }[];
  stop(): Promise<void>;
  /** Stops the server (Blobs unreachable) until `start` is called again. */
  pause(): Promise<void>;
  resume(): Promise<void>;
}

export async function startBlobs(): Promise<LocalBlobs> {
  const directory = mkdtempSync(join(tmpdir(), 'ltsa-blobs-'));
  const token = 'test-token';
  let server = atomicWrites(new BlobsServer({ directory, token }));
  let { port } = await server.start();
  const context = () => {
    const url = `http://localhost:${port}`;
    setEnvironmentContext({ edgeURL: url, uncachedEdgeURL: url, siteID: 'ltsa-test', token });
    return url;
  };
  let url = context();
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [full];
    });
  return {
    directory,
    get url() {
      return url;
    },
    files: () => walk(directory).map((path) => ({ path, text: readFileSync(path, 'latin1') })),
    async pause() {
      await server.stop();
    },
    async resume() {
      server = atomicWrites(new BlobsServer({ directory, token, port }));
      ({ port } = await server.start());
      url = context();
    },
    async stop() {
      await server.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** Keys stored under a prefix of one store, read from the Blobs server's files. */
export function storedKeys(blobs: LocalBlobs, store: string, prefix: string): string[] {
  const marker = `/entries/ltsa-test/site:${store}/`;
  return blobs
    .files()
    .map((f) => f.path.split(marker)[1])
    .filter((key): key is string => key !== undefined && key.startsWith(prefix));
}

/** Starts a local Blobs server and sets a new test key set (testKeys(options)) for the handlers in this process. */
export async function startBlobsWithKeys(options: { capacity?: number } = {}): Promise<{ blobs: LocalBlobs; keys: TestKeys }> {
  const blobs = await startBlobs();
  const keys = await testKeys(options);
  useKeys(keys);
  return { blobs, keys };
}
