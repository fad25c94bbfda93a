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
 * a new ETag. Third, its GET sends no ETag, which Netlify Blobs does: without one, every conditional
 * update must list the entry's folder to learn it (storage.ts's fallback), which grows slow as a
 * folder fills. A GET here carries the ETag when the file did not change while it was read (the
 * ETag is taken before and after; a write in between changes it, and then none is sent, so a
 * conditional write can never pass with data older than its ETag). All three reach into the
 * server's private methods (`put`, `get`, `parseAPIRequest`, `getLocalPaths`, `generateETag`) of
 * @netlify/blobs 11.1.1; there is no option for any.
 */
export function atomicWrites(server: BlobsServer): BlobsServer {
  const internals = server as unknown as {
    address: string;
    put(request: Request): Promise<Response>;
    get(request: Request): Promise<Response>;
    parseAPIRequest(request: Request): { url?: URL } | null;
    getLocalPaths(url: URL): { dataPath?: string; key?: string };
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

  const get = internals.get.bind(server);
  const etagOf = (path: string) => generateETag(path).catch(() => undefined);
  internals.get = async (request) => {
    const { dataPath, key } = internals.getLocalPaths(internals.parseAPIRequest(request)?.url ?? new URL(request.url, internals.address));
    if (!dataPath || !key) return get(request);
    const before = await etagOf(dataPath);
    const response = await get(request);
    if (response.status !== 200 || !before || (await etagOf(dataPath)) !== before) return response;
    const headers = new Headers(response.headers);
    headers.set('etag', before);
    return new Response(await response.arrayBuffer(), { status: 200, headers });
  };

  let queue: Promise<unknown> = Promise.resolve();
  internals.put = (request) => {
    const run = queue.then(() => putWithNewEtag(request));
    queue = run.catch(() => undefined);
    return run;
  };
  return server;
}
