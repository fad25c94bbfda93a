/**
 * A local Netlify: serves dist/ with the headers from netlify.toml, the functions in netlify/functions
 * and a file-backed Blobs store under .netlify/, on one port. Used by `npm start`, the browser tests
 * and the benchmark. Edge functions, database, images and the AI gateway are off: they would try to
 * download Deno or start Postgres, and the site uses none of them.
 *
 * Two things differ from a bare `@netlify/dev`, so that the local server keeps the promises Netlify
 * keeps under load (issue 6: 120 concurrent submissions gave 81 × 500 and records nobody was told of):
 *  - Function calls wait in a queue, at most FUNCTION_CONCURRENCY at once (see `limiter`).
 *  - The Blobs server is ours, and makes its conditional writes atomic (see `atomicWrites`).
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { NetlifyDev } from '@netlify/dev';
import { BlobsServer } from '@netlify/blobs/server';
import { atomicWrites } from './local-blobs.ts';

/**
 * @netlify/functions-dev 2.0.8 reads a request body as text and then marks a multipart body as base64
 * (dev-utils' shouldBase64Encode), so the function decodes text that is not base64 and gets garbage.
 * Netlify itself base64-encodes such bodies; do the same here, so file uploads arrive as sent.
 */
const isMultipart = (req: http.IncomingMessage) => req.method === 'POST' && /^multipart\//i.test(req.headers['content-type'] ?? '');

async function multipartRequest(req: http.IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === 'content-length' || name === 'transfer-encoding') continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return new Request(new URL(req.url ?? '/', origin), { method: 'POST', headers, body: Buffer.concat(chunks).toString('base64') });
}

export interface LocalSite {
  url: string;
  port: number;
  /** The local Blobs server, for tests that read the store: pass these to `getStore`. */
  blobs: { directory: string; edgeURL: string; siteID: string; token: string };
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Project root (where netlify.toml is). */
  root: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** Extra environment for the functions. */
  env?: Record<string, string>;
  quiet?: boolean;
  /** Where Blobs keeps its files; default `<root>/.netlify/blobs-serve`, where @netlify/dev keeps them. */
  blobsDirectory?: string;
  /** Function calls running at once; more wait their turn. Default FUNCTION_CONCURRENCY. */
  functionConcurrency?: number;
}

/**
 * How many function calls run at once. @netlify/dev bundles the function again for every call
 * (about 2 s of CPU for ours; calls that arrive while a bundle is being made share it), then starts
 * a new worker thread (a fresh V8 isolate that loads the bundle) and gives the handler 30 s from the
 * moment the bundle is loaded. 120 calls at once on a 2-core machine were 120 isolates competing for
 * 2 cores: most handlers passed 30 s and got a 500, while their workers went on and stored records
 * (@netlify/dev never stops a timed-out worker). With a limit, each call gets a fair share of the
 * cores and the rest wait outside the timeout. 8 measured best of 1, 4 and 8 on 2 cores (60 posts:
 * 0.4, 1.1 and 1.7 a second, since more calls share each bundle), with each call holding its place
 * about 5 s, far from 30 s even with a build or tests running beside it. More (16: 2.6 a second)
 * would be faster still here but leaves less room on a slower or busier machine. Production runs
 * each call in its own instance; this limit only protects the one machine `npm start` runs on.
 */
export const FUNCTION_CONCURRENCY = 8;

const silentLogger = { log() {}, warn() {}, error() {}, info() {}, debug() {} };

/** Runs at most `max` tasks at once; the rest wait in arrival order. */
function limiter(max: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      // Hand the place straight to the next in line, or give it back.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

/**
 * The paths that reach a function: each function's own routes (its `config.path`, read by the same
 * zip-it-and-ship-it code @netlify/dev uses to route), the default /.netlify/functions/<name> URLs,
 * and anything under /api/ (a function added while the server runs, which the list misses).
 * NetlifyDev keeps its router private, so this asks the same source instead of a hard-coded list.
 */
async function functionMatcher(root: string): Promise<(method: string, pathname: string) => boolean> {
  type Route = { literal?: string; expression?: string; methods?: string[] };
  let routes: Route[] = [];
  let excluded: Route[] = [];
  try {
    const { listFunctions } = await import('@netlify/zip-it-and-ship-it');
    const listed = await listFunctions([join(root, 'netlify/functions')], { parseISC: true });
    routes = listed.flatMap((f) => (f.routes ?? []) as Route[]);
    excluded = listed.flatMap((f) => (f.excludedRoutes ?? []) as Route[]);
  } catch {
    // Without the list, the /api/ rule still queues the API; only page-path functions run unqueued.
  }
  // The same matching as @netlify/functions-dev: no trailing slash, lower case, literal or regex.
  const hits = (route: Route, path: string) =>
    route.literal !== undefined ? path === route.literal : route.expression !== undefined && new RegExp(route.expression).test(path);
  return (method, pathname) => {
    const path = (pathname !== '/' && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname).toLowerCase();
    if (path.startsWith('/api/') || /^\/\.netlify\/(functions|builders)\//.test(path)) return true;
    const routed = routes.some((r) => (!r.methods?.length || r.methods.includes(method)) && hits(r, path));
    return routed && !excluded.some((r) => hits(r, path));
  };
}

/** The site ID @netlify/dev would use: a linked site's, or "0". Blobs files are kept under it. */
function localSiteID(root: string): string {
  try {
    return (JSON.parse(readFileSync(join(root, '.netlify/state.json'), 'utf8')) as { siteId?: string }).siteId || '0';
  } catch {
    return '0';
  }
}

export async function serveSite(options: ServeOptions): Promise<LocalSite> {
  Object.assign(process.env, options.env ?? {});

  // Our own Blobs server in place of @netlify/dev's (which it keeps out of reach), on the same folder
  // and site ID, so data from earlier runs stays visible. Functions find it the way @netlify/dev's
  // runtime tells them: NETLIFY_BLOBS_CONTEXT, which each worker inherits from this process.
  const directory = options.blobsDirectory ?? join(options.root, '.netlify', 'blobs-serve');
  const siteID = localSiteID(options.root);
  const token = randomBytes(16).toString('hex');
  const blobsServer = atomicWrites(new BlobsServer({ directory, token }));
  const edgeURL = `http://localhost:${(await blobsServer.start()).port}`;
  const previousContext = process.env.NETLIFY_BLOBS_CONTEXT;
  const context = { deployID: '0', edgeURL, uncachedEdgeURL: edgeURL, primaryRegion: 'us-east-2', siteID, token };
  process.env.NETLIFY_BLOBS_CONTEXT = Buffer.from(JSON.stringify(context)).toString('base64');

  const netlify = new NetlifyDev({
    projectRoot: options.root,
    blobs: { enabled: false },
    edgeFunctions: { enabled: false },
    database: { enabled: false },
    images: { enabled: false },
    aiGateway: { enabled: false },
    geolocation: { enabled: false },
    ...(options.quiet ? { logger: silentLogger as never } : {}),
  });
  await netlify.start();

  const isFunction = await functionMatcher(options.root);
  const queued = limiter(options.functionConcurrency ?? FUNCTION_CONCURRENCY);

  const server = http.createServer(async (req, res) => {
    try {
      const origin = `http://${req.headers.host ?? 'localhost'}`;
      const { pathname } = new URL(req.url ?? '/', origin);
      // Static files are answered at once. A function call waits for a place before @netlify/dev sees
      // it: its 30 s timeout starts in the worker, so time spent waiting here never counts against it.
      // A client that gave up while waiting is not served: like a proxy that never forwarded it.
      let gone = false;
      res.once('close', () => (gone = true));
      const handle = () => (gone ? Promise.resolve(undefined) : isMultipart(req) ? multipartRequest(req, origin).then((r) => netlify.handleAndIntrospect(r)) : netlify.handleAndIntrospectNodeRequest(req));
      let result = await (isFunction(req.method ?? 'GET', pathname) ? queued(handle) : handle());
      if (gone) return;
      let status = result?.response.status ?? 404;
      if (!result) {
        // What Netlify's CDN does for an unknown path: the site's 404 page with status 404.
        const notFound = await netlify.handleAndIntrospect(new Request(new URL('/404.html', origin)));
        result = notFound;
        status = 404;
      }
      if (!result) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      const headers: Record<string, string | string[]> = {};
      result.response.headers.forEach((value, key) => {
        headers[key] = key === 'set-cookie' ? [...(headers[key] ?? []), value] : value;
      });
      res.writeHead(status, headers);
      if (result.response.body && req.method !== 'HEAD') {
        Readable.fromWeb(result.response.body as never).pipe(res);
      } else {
        res.end();
      }
    } catch (error) {
      if (!options.quiet) console.error(error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal error');
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${options.host === '0.0.0.0' ? 'localhost' : options.host ?? 'localhost'}:${port}`;

  return {
    url,
    port,
    blobs: { directory, edgeURL, siteID, token },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await netlify.stop();
      await blobsServer.stop();
      if (previousContext === undefined) delete process.env.NETLIFY_BLOBS_CONTEXT;
      else process.env.NETLIFY_BLOBS_CONTEXT = previousContext;
    },
  };
}
