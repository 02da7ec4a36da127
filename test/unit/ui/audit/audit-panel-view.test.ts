import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../../src/analysis/audit/audit';
import { parseBpmn } from '../../../../src/model/bpmn-io';
import {
  findingGroups,
  groupKey,
  hasWholeProcessFindings,
  isGroupOpen,
  setGroupOpen,
  UNFOLD_ALL_UP_TO
} from '../../../../src/ui/audit/audit-panel-view';
import { AUDIT_DATE, repoFile } from '../../analysis/audit/support';

async function sampleAudit() {
  const { definitions } = await parseBpmn(repoFile('processes/van-lead-tot-order.bpmn'));
  return runAudit(definitions, { today: AUDIT_DATE });
}

describe('findingGroups', () => {
  it('given the sample, when grouped by pain point, then every finding is in exactly one group, titled with its number, and counted per severity', async () => {
    const result = await sampleAudit();
    const groups = findingGroups(result, 'pain-point');
    expect(groups.flatMap((g) => g.findings).length).toBe(result.findings.length);
    for (const g of groups) {
      expect(g.title).toMatch(/^\d+ · \S/);
      expect(g.explanation).toBeTruthy();
      expect(g.counts.reduce((n, c) => n + c.count, 0)).toBe(g.findings.length);
      expect(g.findings.every((f) => groupKey(f, 'pain-point') === g.key)).toBe(true);
    }
    // severities appear most severe first
    const order = ['error', 'warning', 'info'];
    for (const g of groups)
      expect(g.counts.map((c) => order.indexOf(c.severity))).toEqual([...g.counts.map((c) => order.indexOf(c.severity))].sort());
  });

  it('given the sample, when grouped by department, then departments are sorted by name and the process as a whole comes last', async () => {
    const result = await sampleAudit();
    const groups = findingGroups(result, 'department');
    const named = groups.filter((g) => g.key !== 'd').map((g) => g.title);
    expect(named).toEqual([...named].sort((a, b) => a.localeCompare(b)));
    if (hasWholeProcessFindings(result)) expect(groups.at(-1)!.title).toBe('The process as a whole');
    expect(groups.flatMap((g) => g.findings).length).toBe(result.findings.length);
  });
});

describe('group folding', () => {
  it('given a small audit, then groups start unfolded and a toggle folds one; given a large one, they start folded', () => {
    const none = new Set<string>();
    expect(isGroupOpen('p1', UNFOLD_ALL_UP_TO, none)).toBe(true);
    expect(isGroupOpen('p1', UNFOLD_ALL_UP_TO + 1, none)).toBe(false);
    const folded = setGroupOpen('p1', false, 10, none);
    expect(isGroupOpen('p1', 10, folded)).toBe(false);
    expect(isGroupOpen('p2', 10, folded)).toBe(true);
    const opened = setGroupOpen('p1', true, 500, none);
    expect(isGroupOpen('p1', 500, opened)).toBe(true);
  });

  it('given a group already in the wanted state, then the same set comes back (no re-render)', () => {
    const none = new Set<string>();
    expect(setGroupOpen('p1', true, 10, none)).toBe(none);
  });
});
