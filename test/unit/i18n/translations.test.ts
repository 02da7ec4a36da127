import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile, cp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const root = resolve(import.meta.dirname, '../../..');
const xliffPath = join(root, 'src/i18n/xliff/nl.xlf');

function units(xliff: string): { id: string; source: string; target?: string }[] {
  return [...xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)].map(([, id, body]) => ({
    id: id!,
    source: /<source>([\s\S]*?)<\/source>/.exec(body!)?.[1] ?? '',
    target: /<target>([\s\S]*?)<\/target>/.exec(body!)?.[1]
  }));
}

describe('Dutch translation of the UI', () => {
  it('has a Dutch text for every English text in the XLIFF file', async () => {
    const all = units(await readFile(xliffPath, 'utf8'));
    expect(all.length).toBeGreaterThan(50);
    const untranslated = all.filter((u) => !u.target?.trim()).map((u) => u.source);
    expect(untranslated).toEqual([]);
  });

  it('keeps every placeholder of the English text in the Dutch one', async () => {
    for (const u of units(await readFile(xliffPath, 'utf8'))) {
      const placeholders = (s: string) => [...s.matchAll(/<x id="(\d+)"/g)].map((m) => m[1]).sort();
      expect(placeholders(u.target ?? ''), u.source).toEqual(placeholders(u.source));
    }
  });

  it('ships the built Dutch module with every translated text', async () => {
    const generated = await readFile(join(root, 'src/i18n/generated/nl.ts'), 'utf8');
    for (const u of units(await readFile(xliffPath, 'utf8'))) expect(generated, u.source).toContain(`'${u.id}'`);
  });

  it('lists every text the source code shows (no msg() call is missing from the XLIFF file)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ml-l10n-'));
    try {
      await cp(join(root, 'src/i18n/xliff'), join(dir, 'xliff'), { recursive: true });
      const config = {
        sourceLocale: 'en',
        targetLocales: ['nl'],
        inputFiles: [join(root, 'src/**/*.ts')],
        output: { mode: 'runtime', outputDir: join(dir, 'generated'), language: 'ts' },
        interchange: { format: 'xliff', xliffDir: join(dir, 'xliff') }
      };
      await writeFile(join(dir, 'config.json'), JSON.stringify(config));
      await promisify(execFile)(process.execPath, [join(root, 'node_modules/@lit/localize-tools/bin/lit-localize.js'), 'extract', '--config', join(dir, 'config.json')], { cwd: root });
      const fresh = units(await readFile(join(dir, 'xliff/nl.xlf'), 'utf8'));
      const missing = fresh.filter((u) => !u.target?.trim()).map((u) => u.source);
      expect(missing, 'run `npm run i18n:extract` and translate the new texts in src/i18n/xliff/nl.xlf').toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
