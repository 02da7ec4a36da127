import { describe, expect, it } from 'vitest';
import { importCycles, importsOf, sourceFiles } from '../../support/import-graph';

/*
 * The layers of docs/architecture.md, enforced. Each row names a layer (a folder of
 * src, or a floor of src/ui) and the layers its files may import besides their own.
 * Keep this table and the one in docs/architecture.md the same.
 */
const LAYERS: ReadonlyArray<readonly [layer: string, mayImport: readonly string[]]> = [
  ['preferences', []],
  ['model', []],
  ['i18n/messages', []],
  ['analysis', ['model', 'i18n/messages']],
  ['simulation', ['model', 'analysis', 'i18n/messages']],
  ['workspace', ['model', 'analysis']],
  ['cli', ['model', 'analysis', 'simulation', 'workspace', 'i18n/messages']],
  ['i18n', ['preferences', 'model']],
  ['storage', ['model', 'analysis']],
  ['modeler', ['model', 'analysis', 'simulation', 'i18n', 'i18n/messages', 'preferences']],
  ['offline', []],
  ['app', ['model', 'analysis', 'simulation', 'i18n', 'i18n/messages', 'preferences', 'storage', 'modeler']],
  ['ui/shared', ['model', 'analysis', 'simulation', 'i18n', 'i18n/messages', 'preferences', 'modeler', 'app']],
  ['ui/panel-api', ['app']],
  ['ui/feature', ['model', 'analysis', 'simulation', 'i18n', 'i18n/messages', 'preferences', 'modeler', 'app', 'ui/shared', 'ui/panel-api']],
  ['ui/shell', ['model', 'analysis', 'simulation', 'i18n', 'i18n/messages', 'preferences', 'modeler', 'app', 'ui/shared', 'ui/panel-api', 'ui/feature']],
  ['main', ['i18n', 'app', 'ui/shell']],
  ['build', []]
];

const UI_FLOORS = new Set(['shared', 'panel-api', 'shell']);

/** The layer of a source file; every feature folder of src/ui (audit, tables, …) is the layer 'ui/feature'. */
function layerOf(file: string): string {
  if (file === 'src/main.ts') return 'main';
  const [, top, sub] = file.match(/^src\/([^/]+)\/(?:([^/]+)\/)?/) ?? [];
  if (!top) throw new Error(`${file} is in no layer`);
  // The message catalogue is a layer of its own: plain data every layer that shows text may read.
  if (top === 'i18n' && sub === 'messages') return 'i18n/messages';
  if (top !== 'ui') return top;
  return sub && UI_FLOORS.has(sub) ? `ui/${sub}` : 'ui/feature';
}

/** The feature folder of a UI feature file (audit, tables, …). */
function featureOf(file: string): string | undefined {
  return layerOf(file) === 'ui/feature' ? file.split('/')[2] : undefined;
}

const FILES = sourceFiles('src');
const ALLOWED = new Map(LAYERS.map(([layer, may]) => [layer, new Set([layer, ...may])]));

describe('the layers of the application', () => {
  it('has a row for every folder of src', () => {
    expect(FILES.map(layerOf).filter((layer) => !ALLOWED.has(layer))).toEqual([]);
  });

  it('given the layer table, then no file imports a layer its row does not allow', () => {
    const violations: string[] = [];
    for (const file of FILES) {
      const from = layerOf(file);
      for (const target of importsOf(file).files) {
        if (!target.startsWith('src/')) {
          // A build script may use the test support (render-icons drives a browser); nothing else reads outside src.
          if (!(from === 'build' && target.startsWith('test/support/'))) violations.push(`${file} → ${target} (outside src)`);
          continue;
        }
        const to = layerOf(target);
        if (!ALLOWED.get(from)!.has(to)) violations.push(`${file} (${from}) → ${target} (${to})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('nothing in src/ui imports src/storage: panels get their data through the app services', () => {
    const uiToStorage = FILES.filter((f) => f.startsWith('src/ui/')).flatMap((f) =>
      importsOf(f)
        .files.filter((t) => t.startsWith('src/storage/'))
        .map((t) => `${f} → ${t}`)
    );
    expect(uiToStorage).toEqual([]);
  });

  it('a UI feature does not reach into another feature: shared pieces live in src/ui/shared', () => {
    const crossings = FILES.filter((f) => featureOf(f)).flatMap((f) =>
      importsOf(f)
        .files.filter((t) => t.startsWith('src/') && featureOf(t) && featureOf(t) !== featureOf(f))
        .map((t) => `${f} → ${t}`)
    );
    expect(crossings).toEqual([]);
  });

  // The library's second copy is data, not a preference: it lives in localStorage because a
  // full disk makes Chromium drop IndexedDB and OPFS together (docs/durability.md).
  const LIBRARY_COPY = ['src/storage/library-copy.ts', 'src/storage/library-start.ts'];

  it('only src/preferences (and the library copy) touch localStorage and sessionStorage: one mechanism for what the browser remembers', async () => {
    const { readFileSync } = await import('node:fs');
    const direct = FILES.filter(
      (f) =>
        !f.startsWith('src/preferences/') &&
        !LIBRARY_COPY.includes(f) &&
        /\b(localStorage|sessionStorage)\b/.test(
          readFileSync(f, 'utf8')
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/\/\/.*$/gm, '')
        )
    );
    expect(direct).toEqual([]);
  });

  it('only the shell and the entry that starts it find the shell: no panel looks it up in the document', async () => {
    const { readFileSync } = await import('node:fs');
    const lookups = FILES.filter(
      (f) => !f.startsWith('src/ui/shell/') && f !== 'src/main.ts' && /querySelector[^(]*\(\s*['"]ml-app['"]/.test(readFileSync(f, 'utf8'))
    );
    expect(lookups).toEqual([]);
  });

  it('has no import cycle anywhere in src', () => {
    expect(importCycles(FILES).map((cycle) => cycle.join(' → '))).toEqual([]);
  });
});

describe('the import-graph helpers', () => {
  it('report a cycle as the path that returns to its start', async () => {
    const { mkdtempSync, writeFileSync, rmSync, mkdirSync } = await import('node:fs');
    const { join, relative } = await import('node:path');
    const { ROOT } = await import('../../support/import-graph');
    const dir = mkdtempSync(join(ROOT, 'test/unit/architecture/.cycle-'));
    try {
      mkdirSync(join(dir, 'x'));
      writeFileSync(join(dir, 'a.ts'), "import { b } from './x/b';\nexport const a = b;\n");
      writeFileSync(join(dir, 'x/b.ts'), "import type { C } from '../c';\nexport const b = 1 as unknown as C;\n");
      writeFileSync(join(dir, 'c.ts'), "export type { a as C } from './a';\nexport const c = 3;\n");
      writeFileSync(join(dir, 'd.ts'), "import { c } from './c';\nexport const d = c;\n");
      const rel = (name: string) => relative(ROOT, join(dir, name));
      const files = ['a.ts', 'x/b.ts', 'c.ts', 'd.ts'].map(rel);
      expect(importCycles(files)).toEqual([[rel('a.ts'), rel('x/b.ts'), rel('c.ts'), rel('a.ts')]]);
      expect(importCycles([rel('d.ts'), rel('c.ts')]).length).toBe(1); // d is outside the cycle but reaches it
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
