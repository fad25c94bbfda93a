/**
 * A fault injector between the handlers and the real local Blobs server: it forwards every request,
 * except those a rule picks, which get an HTTP 500 as if Blobs had failed — either instead of the
 * request, or after forwarding it (the write landed, its answer was lost). Storage stays real; only
 * the network between them misbehaves, the way it can in production. It also logs what passes, so
 * tests can count storage calls.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setEnvironmentContext } from '@netlify/blobs';

type Rule = (method: string, path: string) => boolean;

/** Passes a request on to `target` and its answer back; `lose` drops the answer and sends a 500 after the request was served. */
export function forward(req: http.IncomingMessage, res: http.ServerResponse, target: string, options: { agent?: http.Agent; lose?: () => void } = {}): void {
  const upstream = http.request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers, agent: options.agent }, (up) => {
    if (options.lose) {
      options.lose();
      up.resume();
      up.on('end', () => res.writeHead(500).end('injected fault after the write'));
      return;
    }
    res.writeHead(up.statusCode ?? 502, up.headers);
    up.pipe(res);
  });
  upstream.on('error', () => res.writeHead(502).end());
  req.pipe(upstream);
}

export interface FaultyProxy {
  url: string;
  /** Decides which requests fail without reaching Blobs; `undefined` heals the proxy. */
  fail(rule: Rule | undefined): void;
  /** Decides which requests reach Blobs and then fail on the way back (the write happened). */
  failAfter(rule: Rule | undefined): void;
  /** Heals the proxy: no rule for either kind of fault (fail(undefined) and failAfter(undefined)). */
  clearFaults(): void;
  /** Requests that were failed on purpose. */
  failed: string[];
  /** Every request seen, "METHOD /path?query", in order. */
  seen: string[];
  close(): Promise<void>;
}

export async function faultyProxy(target: string, token = 'test-token'): Promise<FaultyProxy> {
  let before: Rule | undefined;
  let after: Rule | undefined;
  const failed: string[] = [];
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent(req.url ?? '');
    const method = req.method ?? 'GET';
    seen.push(`${method} ${path}`);
    if (before?.(method, path)) {
      failed.push(`${method} ${path}`);
      req.resume();
      res.writeHead(500).end('injected fault');
      return;
    }
    const lose = after?.(method, path) ?? false;
    forward(req, res, target, lose ? { lose: () => failed.push(`${method} ${path} (after)`) } : {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  setEnvironmentContext({ edgeURL: url, uncachedEdgeURL: url, siteID: 'ltsa-test', token });
  return {
    url,
    fail(next) {
      before = next;
    },
    failAfter(next) {
      after = next;
    },
    clearFaults() {
      before = undefined;
      after = undefined;
    },
    failed,
    seen,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
