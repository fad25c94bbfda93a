/**
 * A throwaway copy of the project (sources and content, node_modules linked) in which a test or the
 * benchmark can add files and build without touching the working tree.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

const copied = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'netlify.toml', 'src', 'content', 'public', 'netlify'];

export interface ProjectCopy {
  dir: string;
  /** Runs an npx command in the copy; returns its exit status and combined output. */
  run(args: string[], env?: Record<string, string>): { status: number; output: string };
  remove(): void;
}

export function copyProject(prefix = 'ltsa-copy-'): ProjectCopy {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const name of copied) {
    if (existsSync(join(projectRoot, name))) cpSync(join(projectRoot, name), join(dir, name), { recursive: true });
  }
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return {
    dir,
    run(args, env = {}) {
      const result = spawnSync(join(projectRoot, 'node_modules/.bin', args[0]!), args.slice(1), {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, ...env, PATH: `${join(projectRoot, 'node_modules/.bin')}:${process.env.PATH}`, FORCE_COLOR: '0', NO_COLOR: '1' },
        maxBuffer: 64 * 1024 * 1024,
      });
      return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
