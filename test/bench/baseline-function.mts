/**
 * Benchmark baseline, never deployed: a function that only writes one blob of the size of a
 * pre-registration record. `npm run bench` copies it into a temporary copy of the project.
 */
import type { Config } from '@netlify/functions';
import { getStore } from '@netlify/blobs';
import { randomBytes } from 'node:crypto';

export default async (request: Request) => {
  const body = await request.text();
  const size = Number(new URL(request.url).searchParams.get('size') ?? '1200');
  const key = `baseline/${randomBytes(12).toString('hex')}`;
  await getStore({ name: 'bench-baseline', consistency: 'strong' }).set(key, 'x'.repeat(Math.max(size, body.length)));
  return new Response(JSON.stringify({ key }), { status: 201, headers: { 'Content-Type': 'application/json' } });
};

export const config: Config = { path: '/api/bench-baseline' };
