/** Reads the YAML data files in content/data as plain objects, for tests that check them against FACTS. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export const root = new URL('../../', import.meta.url);

export function readData<T = unknown>(name: string): T {
  return parse(readFileSync(new URL(`content/data/${name}`, root), 'utf8')) as T;
}
