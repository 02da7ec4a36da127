import { describe, expect, it } from 'vitest';
import { handoverMatrix, type AuditHandover } from '../../../../src/analysis/audit';
import { handoverGrid } from '../../../../src/ui/audit/handover-grid';

function handover(id: string, from: string, to: string, covered: boolean): AuditHandover {
  return {
    flowId: id,
    kind: 'sequence',
    from: { elementId: `${from}-lane` },
    to: { elementId: `${to}-lane` },
    fromDepartment: from,
    toDepartment: to,
    covered
  } as unknown as AuditHandover;
}

describe('handoverGrid', () => {
  it('given handovers between three departments, then providers are rows, receivers columns, and missing pairs are empty cells', () => {
    const matrix = handoverMatrix([
      handover('f1', 'Sales', 'Service', true),
      handover('f2', 'Sales', 'Finance', false),
      handover('f3', 'Service', 'Finance', false)
    ]);
    const grid = handoverGrid(matrix);
    expect(grid.receivers.map((d) => d.name)).toEqual(['Service', 'Finance']);
    expect(grid.rows.map((r) => r.provider.name)).toEqual(['Sales', 'Service']);
    expect(grid.rows.map((r) => r.cells.map((c) => (c ? `${c.from}>${c.to} ${c.count}` : '–')))).toEqual([
      ['Sales>Service 1', 'Sales>Finance 1'],
      ['–', 'Service>Finance 1']
    ]);
  });

  it('given no handovers, then the grid is empty', () => {
    expect(handoverGrid(handoverMatrix([]))).toEqual({ receivers: [], rows: [] });
  });
});
