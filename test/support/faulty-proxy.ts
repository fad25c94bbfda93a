/**
 * A fault injector between the handlers and the real local Blobs server: it forwards every request,
 * except those a rule picks, which get an HTTP 500 as if Blobs had failed. Storage stays real; only
 * the network between them misbehaves, the way it can in production.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setEnvironmentContext } from '@netlify/blobs';

export interface FaultyProxy {
  url: string;
  /** Decides which requests fail; `undefined` heals the proxy. */
  fail(rule: ((method: string, path: string) => boolean) | undefined): void;
  /** Requests that were failed on purpose. */
  failed: string[];
  close(): Promise<void>;
}

export async function faultyProxy(target: string, token = 'test-token'): Promise<FaultyProxy> {
  let rule: ((method: string, path: string) => boolean) | undefined;
  const failed: string[] = [];
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent(req.url ?? '');
    if (rule?.(req.method ?? 'GET', path)) {
      failed.push(`${req.method} ${path}`);
      req.resume();
      res.writeHead(500).end('injected fault');
      return;
    }
    const upstream = http.request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  setEnvironmentContext({ edgeURL: url, uncachedEdgeURL: url, siteID: 'ltsa-test', token });
  return {
    url,
    fail(next) {
      rule = next;
    },
    failed,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
