/**
 * A missing or wrong field fails the build with the file and the field named. Each case copies the
 * project, adds one bad fixture from test/fixtures/bad-content, and runs Astro on the copy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, projectRoot, type ProjectCopy } from '../support/project-copy.ts';

const fixture = (name: string) => join(projectRoot, 'test/fixtures/bad-content', name);
let copy: ProjectCopy;

beforeAll(() => {
  copy = copyProject();
});
afterAll(() => copy?.remove());

/** Adds a fixture to the copy, runs `astro <command>`, then restores the copy. */
function withFixture(name: string, target: string, command: 'sync' | 'build', mode: 'add' | 'append' = 'add') {
  const path = join(copy.dir, target);
  const before = mode === 'append' ? readFileSync(path, 'utf8') : undefined;
  if (before !== undefined) appendFileSync(path, readFileSync(fixture(name), 'utf8'));
  else copyFileSync(fixture(name), path);
  try {
    return copy.run(['astro', command]);
  } finally {
    if (before !== undefined) writeFileSync(path, before);
    else rmSync(path, { force: true });
  }
}

describe('content validation', () => {
  it('builds the untouched content (the control case)', () => {
    const result = copy.run(['astro', 'sync']);
    expect(result.output).not.toMatch(/Error/);
    expect(result.status).toBe(0);
  });

  it('names the guide and the step field when a step has no cost', () => {
    const result = withFixture('guide-step-without-cost.mdx', 'content/guides/id/uji.mdx', 'sync');
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('guides → id/uji');
    expect(result.output).toContain('steps.0.cost');
    expect(result.output).toContain('Wajib diisi: biaya (cost), atau "Gratis"');
  });

  it('names the country and lists the allowed statuses for an unknown status', () => {
    const result = withFixture('country-bad-status.mdx', 'content/countries/id/uji.mdx', 'sync');
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('countries → id/uji');
    expect(result.output).toContain('sectors.0.status');
    expect(result.output).toContain('open, restricted, closed, moratorium, under-review');
  });

  it('refuses a hotline whose number is not a number', () => {
    const result = withFixture('hotline-bad-number.yaml', 'content/data/hotlines.yaml', 'sync', 'append');
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('hotlines');
    expect(result.output).toContain('channels.0.value');
    expect(result.output).toContain('Tulis nomor telepon dengan angka');
  });

  it('refuses a notice with an impossible date', () => {
    const result = withFixture('notice-bad-date.yaml', 'content/notices/uji.yaml', 'sync');
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('notices → uji');
    expect(result.output).toContain('date');
    expect(result.output).toContain('Tulis tanggal sebagai YYYY-MM-DD');
  });

  it('fails the build naming the file when a page cites a source that does not exist', () => {
    const result = withFixture('guide-unknown-source.mdx', 'content/guides/id/uji.mdx', 'build');
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('content/guides/id/uji.mdx: sources[0] "S9999" is not in content/data/sources.yaml');
  });

  it('shows the Indonesian text, marked as untranslated, when an English file is missing', () => {
    const english = join(copy.dir, 'content/guides/en/paspor-pmi.mdx');
    const text = readFileSync(english, 'utf8');
    rmSync(english);
    try {
      const result = copy.run(['astro', 'build']);
      expect(result.status, result.output.slice(-2000)).toBe(0);
      const html = readFileSync(join(copy.dir, 'dist/en/panduan/paspor-pmi/index.html'), 'utf8');
      expect(html).toContain('<html lang="en">');
      expect(html).toContain('This page has not been translated yet. You are reading the Indonesian version.');
      expect(html).toMatch(/<div lang="id"[^>]*>\s*<h1>Membuat paspor/);
      // The English guide list links the untranslated guide, marked as Indonesian.
      const list = readFileSync(join(copy.dir, 'dist/en/panduan/index.html'), 'utf8');
      expect(list).toMatch(/<li lang="id"><a href="\/en\/panduan\/paspor-pmi\/">/);
    } finally {
      writeFileSync(english, text);
    }
  });
});
