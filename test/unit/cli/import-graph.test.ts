import { describe, expect, it } from 'vitest';
import { importGraph } from '../../support/import-graph';

/*
 * The command line and the audit must run without a browser: their import graph may
 * reach the pure layers only (model, analysis, simulation, cli), never the modeler,
 * the UI, storage or the app, and no package that needs a DOM or IndexedDB. The
 * layer rules of the whole app are in test/unit/architecture/layers.test.ts.
 */

// src/workspace is the team workspace's pure part (documents, rules, the CouchDB HTTP client on fetch);
// src/i18n/messages is the message catalogue: plain data and functions, read by the pure layers and the UI alike.
const PURE_FOLDERS = /^src\/(model|analysis|simulation|workspace|cli|i18n\/messages)\//;
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

describe('the message catalogue imports nothing', () => {
  it('is plain modules: no package, no file outside src/i18n/messages', () => {
    const graph = importGraph('src/i18n/messages/index.ts');
    expect(graph.files.filter((f) => !f.startsWith('src/i18n/messages/'))).toEqual([]);
    expect(graph.packages).toEqual([]);
  });
});

describe('the audit module imports only pure layers', () => {
  it('runs on the model layer, bpmn-moddle, zod and bpmn-js-differ alone', () => {
    const graph = importGraph('src/analysis/audit/index.ts');
    const withDiff = importGraph('src/analysis/audit/diff.ts');
    const plugin = importGraph('src/analysis/audit/bpmnlint-plugin/index.ts');
    for (const g of [graph, withDiff, plugin]) {
      expect(g.files.filter((f) => !/^src\/(model|analysis|i18n\/messages)\//.test(f))).toEqual([]);
      expect(g.packages.filter((p) => !['bpmn-moddle', 'zod', 'bpmn-js-differ'].includes(p))).toEqual([]);
    }
  });
});
