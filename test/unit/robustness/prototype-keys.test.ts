import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../src/analysis/audit/audit';
import { auditMarkdown } from '../../../src/analysis/audit/export';
import { raciMatrix } from '../../../src/analysis/audit/views';
import { runAuditCommand } from '../../../src/cli/audit';
import { parseBpmn } from '../../../src/model/bpmn-io';
import type { ModdleElement } from '../../../src/model/moddle-types';
import { raciCsvRows, raciRoles, raciRows } from '../../../src/ui/tables/raci-rows';
import { isActivity, type ActivityEntry } from '../../../src/ui/tables/table-data';
import { memoryIo } from '../cli/support';

/*
 * Role ids taken from a file are keys of the RACI cells. A file whose roles are called
 * like Object.prototype's members (constructor, __proto__, toString, hasOwnProperty)
 * crashed the RACI panel, the audit report and `missinglink audit --format md`, because
 * `{}` already has those keys. Each entry point reads such a file as any other.
 */

const XML = readFileSync(new URL('../../fixtures/robustness/prototype-roles.bpmn', import.meta.url), 'utf8');
const DATE = '2026-11-22';

describe('role ids equal to Object.prototype names', () => {
  it('the audit’s RACI matrix lists them as ordinary roles and cells', async () => {
    const { definitions } = await parseBpmn(XML);
    const raci = raciMatrix(definitions);
    expect(raci.roles.map((r) => r.id)).toEqual(['constructor', '__proto__', 'toString', 'hasOwnProperty']);
    const qualify = raci.rows.find((r) => r.activityId === 'Task_qualify')!;
    expect(qualify.cells['__proto__']).toEqual(['responsible']);
    expect(qualify.cells['toString']).toEqual(['consulted']);
    expect(qualify.cells['constructor']).toBeUndefined();
    const offer = raci.rows.find((r) => r.activityId === 'Task_offer')!;
    expect(offer.cells['constructor']).toEqual(['accountable']);
    expect(offer.cells['hasOwnProperty']).toBeUndefined();
  });

  it('the audit report (as Markdown) has its RACI matrix, with the letters under those roles', async () => {
    const { definitions } = await parseBpmn(XML);
    const result = runAudit(definitions, { today: DATE });
    const markdown = auditMarkdown([{ file: 'roles.bpmn', result, raci: raciMatrix(definitions) }]);
    expect(markdown).toContain('| activity | department | Marketing director | Campaign manager | Account manager | Buyer |');
    expect(markdown).toContain('| Qualify request | Marketing |  | R | C |  |');
    expect(markdown).toContain('| Send offer | Sales | A |  | A |  |');
    expect(markdown).toContain('| “Send offer” has 2 accountable roles (Account manager and Marketing director)');
    expect(markdown).toContain('accountable: \\["toString","constructor"\\]');
  });

  it('missinglink audit --format md exits as for any file, not 2', async () => {
    const io = memoryIo({ 'roles.bpmn': XML });
    const code = await runAuditCommand(['roles.bpmn', '--date', DATE, '--format', 'md'], io);
    expect(io.err()).toBe('');
    expect(code).toBeLessThan(2);
    expect(io.out()).toContain('| Qualify request | Marketing |  | R | C |  |');
  });

  it('the RACI panel’s rows and CSV hold the letters under those roles', async () => {
    const { definitions } = await parseBpmn(XML);
    const collaboration = (definitions.rootElements as ModdleElement[]).find((r) => r.$type === 'bpmn:Collaboration')!;
    const valueChain = (collaboration.extensionElements!.values as ModdleElement[]).find((v) => v.$type === 'ml:ValueChain');
    const process = (definitions.rootElements as ModdleElement[]).find((r) => r.$type === 'bpmn:Process')!;
    const activities: ActivityEntry[] = (process.flowElements as ModdleElement[])
      .filter((e) => isActivity(e))
      .map((e) => ({ id: e.id!, name: e.name as string, element: e }));
    const roles = raciRoles(valueChain);
    const rows = raciRows(activities, roles);
    expect(rows.map((r) => r.unknownRoles)).toEqual([[], []]);
    const labels = { department: 'Department', activity: 'Activity', check: 'Check', role: (r: { name: string }) => r.name, checkText: () => '' };
    const csv = raciCsvRows(rows, roles, labels);
    expect(csv.map((r) => r.slice(3))).toEqual([
      ['Marketing director', 'Campaign manager', 'Account manager', 'Buyer'],
      ['', 'R', 'C', ''],
      ['A', '', 'A', '']
    ]);
  });
});

describe('element ids equal to Object.prototype names in the simulation', () => {
  it('counts visits and tokens under those ids', async () => {
    const { runBatch } = await import('../../../src/simulation/batch');
    const { createRun } = await import('../../../src/simulation/run');
    const { compileModel } = await import('../../../src/simulation/compile');
    const { definitions: d } = await import('../../support/attacks');
    // given start "constructor" → task "__proto__" → end "toString"
    const xml = d(
      '<bpmn:startEvent id="constructor"/><bpmn:task id="__proto__"/><bpmn:endEvent id="toString"/>' +
        '<bpmn:sequenceFlow id="valueOf" sourceRef="constructor" targetRef="__proto__"/><bpmn:sequenceFlow id="hasOwnProperty" sourceRef="__proto__" targetRef="toString"/>'
    );
    const model = compileModel((await parseBpmn(xml)).definitions);
    // when a batch runs, then every element is visited once per case
    const result = runBatch(model, { cases: 5, seed: 1 });
    expect(Object.hasOwn(result.visitsPerCase, '__proto__')).toBe(true);
    expect(result.visitsPerCase['__proto__']).toBe(1);
    expect(result.visitsPerCase['constructor']).toBe(1);
    expect(result.visitsPerCase['toString']).toBe(1);
    // and a stepped run shows its token on "constructor" as a number
    const run = createRun(model, { seed: 1 });
    const tokens = run.snapshot().tokens;
    for (const count of Object.values(tokens)) expect(typeof count).toBe('number');
  });
});
