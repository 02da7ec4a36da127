import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * A user who clones the repository has nothing beside it: no source file, test, bench,
 * CI script or config may name a path that leaves the checkout. Relative paths are
 * resolved from the file that names them (for import.meta.url-style URLs) and from the
 * repository root (for paths handed to the shell or to new URL(…, repoRoot)); either
 * one leaving the checkout is an error. Absolute machine paths are refused too.
 */

const ROOT = resolve(import.meta.dirname, '../../..');
const SCANNED = ['src', 'test', 'bench', '.ci', 'bin', 'public', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json', 'lit-localize.json'];
const TEXT = /\.(ts|mts|mjs|js|cjs|json|html|sh|css)$|^run$/;
const SKIP_DIRS = new Set(['node_modules', 'fixtures', 'results', 'generated', 'screenshots']);

function files(path: string): string[] {
  const abs = join(ROOT, path);
  let stat;
  try {
    stat = statSync(abs);
  } catch {
    return [];
  }
  if (stat.isFile()) return TEXT.test(path.split('/').pop()!) ? [abs] : [];
  return readdirSync(abs).flatMap((name) => (SKIP_DIRS.has(name) ? [] : files(`${path}/${name}`)));
}

/** Every '../'-led path literal in a file: the string between its quotes or up to white space. */
const PARENT_PATH = /(?:['"`(]|\s)((?:\.\.\/)+[^'"`\s)]*)/g;
/** Paths of this machine or another one that a repository must never carry. */
const MACHINE_PATH = /['"`](?:\/work\/|\/root\/|\/home\/[a-z]|\/Users\/[A-Za-z]|[A-Z]:\\\\)/;

export function pathsLeavingRepository(file: string, text: string, root = ROOT): string[] {
  const found: string[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    for (const m of line.matchAll(PARENT_PATH)) {
      const literal = m[1]!.replace(/\$\{[^}]*\}/g, 'x');
      const fromFile = resolve(join(file, '..'), literal);
      const fromRoot = resolve(root, literal);
      const outside = (p: string) => relative(root, p).startsWith('..');
      if (outside(fromFile) && outside(fromRoot)) found.push(`${relative(root, file)}:${i + 1}: ${m[1]}`);
      else if (/(^|\/)shared\/(bpmn-corpus|docs|seeds|hooks)\b/.test(m[1]!)) found.push(`${relative(root, file)}:${i + 1}: ${m[1]}`);
    }
    if (MACHINE_PATH.test(line)) found.push(`${relative(root, file)}:${i + 1}: machine path`);
  });
  return found;
}

describe('the repository stands alone', () => {
  const scanned = SCANNED.flatMap(files).filter((f) => !f.endsWith('stands-alone.test.ts'));

  it('scans the source, tests, benches, CI and configs', () => {
    expect(scanned.length).toBeGreaterThan(200);
    expect(scanned.some((f) => f.endsWith(join('.ci', 'run')))).toBe(true);
  });

  it('no file names a path outside the checkout', () => {
    const found = scanned.flatMap((f) => pathsLeavingRepository(f, readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('finds a path that leaves the checkout, the way the old tests did', () => {
    const file = join(ROOT, 'test/unit/model/example.test.ts');
    expect(pathsLeavingRepository(file, "const corpus = new URL('../../../../shared/bpmn-corpus/miwg/', import.meta.url);")).toHaveLength(1);
    expect(pathsLeavingRepository(join(ROOT, 'test/unit/storage/support.ts'), 'new URL(`../shared/bpmn-corpus/miwg/Reference/${file}`, repoRoot)')).toHaveLength(1);
    expect(pathsLeavingRepository(file, "const exe = '/work/main/node_modules/x';")).toHaveLength(1);
    expect(pathsLeavingRepository(file, "import { a } from '../../../src/model/walk';")).toEqual([]);
    expect(pathsLeavingRepository(join(ROOT, 'src/ui/audit/panel.ts'), "import { reveal } from '../shared/reveal';")).toEqual([]);
    expect(pathsLeavingRepository(file, "const corpus = new URL('../../fixtures/miwg/', import.meta.url);")).toEqual([]);
  });

  it('carries the interchange corpus it tests with, with its licence and attribution', () => {
    const miwg = join(ROOT, 'test/fixtures/miwg');
    expect(readFileSync(join(miwg, 'LICENSE.txt'), 'utf8')).toMatch(/Creative Commons|Attribution 3\.0/i);
    const source = readFileSync(join(miwg, 'SOURCE.md'), 'utf8');
    expect(source).toMatch(/CC BY 3\.0/);
    expect(source).toMatch(/[0-9a-f]{40}/);
    expect(readdirSync(join(miwg, 'Reference')).filter((f) => f.endsWith('.bpmn'))).toHaveLength(21);
  });
});
