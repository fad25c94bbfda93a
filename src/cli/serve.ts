/**
 * A local Netlify: serves dist/ with the headers from netlify.toml, the functions in netlify/functions
 * and a file-backed Blobs store under .netlify/, on one port. Used by `npm start`, the browser tests
 * and the benchmark. Edge functions, database, images and the AI gateway are off: they would try to
 * download Deno or start Postgres, and the site uses none of them.
 */
import http from 'node:http';
import { Readable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { NetlifyDev } from '@netlify/dev';

export interface LocalSite {
  url: string;
  port: number;
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
}

const silentLogger = { log() {}, warn() {}, error() {}, info() {}, debug() {} };

export async function serveSite(options: ServeOptions): Promise<LocalSite> {
  Object.assign(process.env, options.env ?? {});
  const netlify = new NetlifyDev({
    projectRoot: options.root,
    edgeFunctions: { enabled: false },
    database: { enabled: false },
    images: { enabled: false },
    aiGateway: { enabled: false },
    geolocation: { enabled: false },
    ...(options.quiet ? { logger: silentLogger as never } : {}),
  });
  await netlify.start();

  const server = http.createServer(async (req, res) => {
    try {
      const origin = `http://${req.headers.host ?? 'localhost'}`;
      let result = await netlify.handleAndIntrospectNodeRequest(req);
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
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await netlify.stop();
    },
  };
}
