import { indexLanes, laneOf } from '../../model/lanes';
import type { ModdleElement } from '../../model/moddle-types';
import { RESPONSIBILITIES, type Responsibility, type RuleSeverity } from '../../model/value-chain/schema';
import { defaultAuditConfig } from './config';
import { buildContext, isCustomerSide } from './evaluate';
import { readStepFacts } from './facts';
import { walkModel } from './model-walk';
import { PAIN_POINTS, RULE_IDS, RULES, type PainPoint, type RuleId } from './rules';
import type { AuditFinding, AuditHandover, AuditResult } from './types';
import { emptyDict } from '../../model/dict';

/*
 * Pure data for the auditor's views (handover matrix, RACI matrix, summary per pain
 * point); the UI and the exports render them.
 */

/** A department as it appears in the handover matrix. */
export interface MatrixDepartment {
  /** The department name (ml:department name, else the lane or pool label, else its id). */
  name: string;
  /** Lane or pool ids that carry this department. */
  elementIds: string[];
}

/** One cell of the handover matrix: all handovers from one department to another. */
export interface HandoverMatrixCell {
  from: string;
  to: string;
  count: number;
  /** How many are covered by an agreed agreement naming deliverable, provider and receiver. */
  covered: number;
  flowIds: string[];
  /** The flows of this cell that are not covered. */
  uncoveredFlowIds: string[];
}

/** Provider department × receiver department with the number of handovers and how many are covered. */
export interface HandoverMatrix {
  /** Departments that provide or receive, in the order they first occur in the model. */
  departments: MatrixDepartment[];
  cells: HandoverMatrixCell[];
  total: number;
  covered: number;
}

function sideName(department: string | undefined, side: AuditHandover['from']): string {
  return department ?? side.name ?? side.elementId;
}

/** Builds the handover matrix from an audit's handovers. */
export function handoverMatrix(handovers: readonly AuditHandover[]): HandoverMatrix {
  const departments = new Map<string, MatrixDepartment>();
  const cells = new Map<string, HandoverMatrixCell>();
  const department = (name: string, elementId: string) => {
    const entry = departments.get(name);
    if (!entry) departments.set(name, { name, elementIds: [elementId] });
    else if (!entry.elementIds.includes(elementId)) entry.elementIds.push(elementId);
  };
  let covered = 0;
  for (const h of handovers) {
    const from = sideName(h.fromDepartment, h.from);
    const to = sideName(h.toDepartment, h.to);
    department(from, h.from.laneId ?? h.from.elementId);
    department(to, h.to.laneId ?? h.to.elementId);
    const key = `${from}\u0000${to}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { from, to, count: 0, covered: 0, flowIds: [], uncoveredFlowIds: [] }));
    cell.count++;
    cell.flowIds.push(h.flowId);
    if (h.covered) {
      cell.covered++;
      covered++;
    } else {
      cell.uncoveredFlowIds.push(h.flowId);
    }
  }
  return { departments: [...departments.values()], cells: [...cells.values()], total: handovers.length, covered };
}

/** The cell of a matrix for one provider and receiver, if they have handovers. */
export function matrixCell(matrix: HandoverMatrix, from: string, to: string): HandoverMatrixCell | undefined {
  return matrix.cells.find((c) => c.from === from && c.to === to);
}

/** A role of the RACI matrix: from the role catalogue, or referenced without being in it. */
export interface RaciRole {
  id: string;
  name: string;
  /** False for a role id that steps use but the catalogue lacks. */
  inCatalogue: boolean;
}

/** One activity row of the RACI matrix. */
export interface RaciRow {
  activityId: string;
  activityName?: string;
  laneId?: string;
  department?: string;
  /** Role id → the responsibilities the role has for this activity. */
  cells: Record<string, Responsibility[]>;
  /** Number of accountable roles (the audit expects exactly one). */
  accountable: number;
}

/** Activities × roles with their RACI responsibilities. */
export interface RaciMatrix {
  roles: RaciRole[];
  rows: RaciRow[];
}

/** Builds the RACI matrix of the organisation's activities (the customer's own are left out). */
export function raciMatrix(definitions: ModdleElement): RaciMatrix {
  const walk = walkModel(definitions);
  const index = indexLanes(definitions);
  const ctx = buildContext(walk, index, '1970-01-01', defaultAuditConfig());
  const roles = new Map<string, RaciRole>();
  for (const [id, name] of ctx.valueChain?.roleNames ?? []) roles.set(id, { id, name, inCatalogue: true });
  const rows: RaciRow[] = [];
  for (const activity of walk.activities) {
    if (isCustomerSide(ctx, activity)) continue;
    const facts = readStepFacts(activity);
    const cells = emptyDict<Responsibility[]>();
    for (const { role, responsibility } of facts.assignments) {
      if (!role || !responsibility) continue;
      if (!roles.has(role)) roles.set(role, { id: role, name: role, inCatalogue: false });
      const list = (cells[role] ??= []);
      if (!list.includes(responsibility)) list.push(responsibility);
    }
    for (const list of Object.values(cells)) list.sort((a, b) => RESPONSIBILITIES.indexOf(a) - RESPONSIBILITIES.indexOf(b));
    const lane = laneOf(index, activity)?.id;
    const department = lane ? (ctx.departments.get(lane)?.name ?? index.lanes.get(lane)?.name) : undefined;
    rows.push({
      activityId: activity.id!,
      ...(activity.name ? { activityName: activity.name as string } : {}),
      ...(lane ? { laneId: lane } : {}),
      ...(department ? { department } : {}),
      cells,
      accountable: facts.assignments.filter((a) => a.responsibility === 'accountable').length
    });
  }
  return { roles: [...roles.values()], rows };
}

/** The findings of one pain point, counted. */
export interface PainPointSummary {
  painPoint: PainPoint;
  /** English title; the UI translates by number. */
  title: string;
  rules: RuleId[];
  findings: number;
  bySeverity: Record<RuleSeverity, number>;
  exempted: number;
}

/** Counts the findings of a result per pain point (1 to 6, all listed even when clean). */
export function summarizeByPainPoint(result: Pick<AuditResult, 'findings' | 'exempted'>): PainPointSummary[] {
  const summaries = new Map<PainPoint, PainPointSummary>();
  for (const p of [1, 2, 3, 4, 5, 6] as const) {
    summaries.set(p, {
      painPoint: p,
      title: PAIN_POINTS[p],
      rules: RULE_IDS.filter((r) => RULES[r].painPoint === p),
      findings: 0,
      bySeverity: { error: 0, warning: 0, info: 0 },
      exempted: 0
    });
  }
  for (const f of result.findings) {
    const s = summaries.get(f.painPoint)!;
    s.findings++;
    s.bySeverity[f.severity]++;
  }
  for (const f of result.exempted) summaries.get(f.painPoint)!.exempted++;
  return [...summaries.values()];
}

/** Groups findings by a key, keeping the order of first occurrence. */
function groupBy<K>(findings: readonly AuditFinding[], key: (f: AuditFinding) => K): Map<K, AuditFinding[]> {
  const groups = new Map<K, AuditFinding[]>();
  for (const f of findings) {
    const k = key(f);
    const list = groups.get(k);
    if (list) list.push(f);
    else groups.set(k, [f]);
  }
  return groups;
}

/** Findings per pain point, in pain-point order. */
export function findingsByPainPoint(findings: readonly AuditFinding[]): Map<PainPoint, AuditFinding[]> {
  const groups = groupBy(findings, (f) => f.painPoint);
  return new Map([...groups].sort(([a], [b]) => a - b));
}

/** Findings per department; findings about the chain as a whole (no department) come under ''. */
export function findingsByDepartment(findings: readonly AuditFinding[]): Map<string, AuditFinding[]> {
  return groupBy(findings, (f) => f.department ?? '');
}
