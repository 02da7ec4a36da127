import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The command line and the audit must run without a browser: their import graph may
 * reach the pure layers only (model, analysis, simulation, cli), never the modeler,
 * the UI, storage or the app, and no package that needs a DOM or IndexedDB.
 */

const ROOT = join(import.meta.dirname, '../../..');
const SPECIFIER = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveLocal(from: string, specifier: string): string {
  const base = join(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate) && candidate.match(/\.(ts|json)$/)) return candidate;
  throw new Error(`cannot resolve ${specifier} from ${relative(ROOT, from)}`);
}

/** Every source file and every package the entry reaches through static and dynamic imports. */
function importGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const stack = [join(ROOT, entry)];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    if (file.endsWith('.json')) continue;
    // Type-only imports vanish at runtime, but they are kept: a type from the UI would still tie the layers together.
    const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    for (const m of source.matchAll(SPECIFIER)) {
      const specifier = (m[1] ?? m[2] ?? m[3])!;
      if (specifier.startsWith('.')) stack.push(resolveLocal(file, specifier));
      else packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
    }
  }
  return { files: [...files].map((f) => relative(ROOT, f)).sort(), packages: [...packages].sort() };
}

// src/workspace is the team workspace's pure part (documents, rules, the CouchDB HTTP client on fetch).
const PURE_FOLDERS = /^src\/(model|analysis|simulation|workspace|cli)\//;
const BROWSER_PACKAGES = ['bpmn-js', 'diagram-js', 'dexie', 'lit', '@lit/localize', 'chart.js', 'bpmn-js-bpmnlint', 'fake-indexeddb'];

describe('the command line imports only pure layers', () => {
  const graph = importGraph('src/cli/main.ts');

  it('reaches the audit and the simulation through the command modules', () => {
    expect(graph.files).toContain('src/cli/audit.ts');
    expect(graph.files).toContain('src/cli/simulate.ts');
    expect(graph.files).toContain('src/analysis/audit/audit.ts');
    expect(graph.files).toContain('src/model/lanes.ts');
  });

  it('reaches no file of the modeler, the UI, storage or the app', () => {
    expect(graph.files.filter((f) => !PURE_FOLDERS.test(f))).toEqual([]);
  });

  it('uses no package that needs a browser', () => {
    expect(graph.packages.filter((p) => BROWSER_PACKAGES.includes(p))).toEqual([]);
    expect(graph.packages.filter((p) => !p.startsWith('node:'))).toEqual(expect.arrayContaining(['bpmn-moddle', 'zod']));
  });
});

describe('the audit module imports only pure layers', () => {
  it('runs on the model layer, bpmn-moddle, zod and bpmn-js-differ alone', () => {
    const graph = importGraph('src/analysis/audit/index.ts');
    const withDiff = importGraph('src/analysis/audit/diff.ts');
    const plugin = importGraph('src/analysis/audit/bpmnlint-plugin/index.ts');
    for (const g of [graph, withDiff, plugin]) {
      expect(g.files.filter((f) => !/^src\/(model|analysis)\//.test(f))).toEqual([]);
      expect(g.packages.filter((p) => !['bpmn-moddle', 'zod', 'bpmn-js-differ'].includes(p))).toEqual([]);
    }
  });
});
