/**
 * The local Netlify Blobs server, made to keep the promises the real one keeps. Used by `npm start`
 * (src/cli/serve.ts) and by the in-process integration tests (test/support/blobs.ts).
 */
import { stat, utimes } from 'node:fs/promises';
import { BlobsServer } from '@netlify/blobs/server';

/**
 * The local BlobsServer checks If-None-Match / If-Match and then writes, with awaits in between, so
 * two concurrent conditional writes to one key can both succeed. Netlify Blobs does not allow that,
 * and the pre-registration rules (one NIK, N places a day, one answer per idempotency key) rely on
 * it. So writes here run one at a time. Second, its ETag is a hash of the file's modification time
 * in whole milliseconds, and the kernel's clock moves in steps of a few: two writes to one key in
 * quick succession often get the same ETag, and a writer holding the older one would pass
 * If-Match. A write that leaves the ETag unchanged moves the time on by 1 ms, so every write makes
 * a new ETag. Both reach into the server's private methods (`put`, `getLocalPaths`,
 * `generateETag`) of @netlify/blobs 11.1.1; there is no option for either.
 */
export function atomicWrites(server: BlobsServer): BlobsServer {
  const internals = server as unknown as {
    address: string;
    put(request: Request): Promise<Response>;
    getLocalPaths(url: URL): { dataPath?: string };
  };
  const generateETag = (BlobsServer as unknown as { generateETag(path: string): Promise<string> }).generateETag.bind(BlobsServer);
  const put = internals.put.bind(server);
  // The modification time as the ETag sees it: the Date of stat(), in whole (rounded) milliseconds.
  const mtimeMs = async (path: string) => (await stat(path).catch(() => undefined))?.mtime.getTime() ?? -1;

  const putWithNewEtag = async (request: Request): Promise<Response> => {
    const { dataPath } = internals.getLocalPaths(new URL(request.url, internals.address));
    const before = dataPath ? await mtimeMs(dataPath) : -1;
    const response = await put(request);
    if (!dataPath || before < 0 || response.status !== 200 || (await mtimeMs(dataPath)) > before) return response;
    const moved = new Date(before + 1);
    await utimes(dataPath, moved, moved);
    return new Response(null, { status: 200, headers: { etag: await generateETag(dataPath) } });
  };

  let queue: Promise<unknown> = Promise.resolve();
  internals.put = (request) => {
    const run = queue.then(() => putWithNewEtag(request));
    queue = run.catch(() => undefined);
    return run;
  };
  return server;
}
