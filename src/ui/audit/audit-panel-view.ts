import { msg } from '@lit/localize';
import { findingsByDepartment, findingsByPainPoint, type AuditFinding, type AuditResult } from '../../analysis/audit';
import { RULE_SEVERITIES, type RuleSeverity } from '../../model/value-chain/schema';
import { painPointExplanation, painPointTitle } from './pain-points';

/*
 * What the audit panel shows, computed without a browser: the groups of findings and
 * which of them start unfolded. The component only draws these.
 */

/** How the findings are grouped. */
export type Grouping = 'pain-point' | 'department';

/** Findings listed per group before "show more": keeps a panel of a 10,000-step model responsive. */
export const PAGE = 50;
/** Up to this many findings in total, every group starts unfolded. */
export const UNFOLD_ALL_UP_TO = 60;

/** One group of findings as the panel lists it. */
export interface FindingGroup {
  key: string;
  title: string;
  explanation?: string;
  findings: AuditFinding[];
  /** The severities that occur in the group, with their counts, most severe first. */
  counts: Array<{ severity: RuleSeverity; count: number }>;
}

/** The key of a finding's group. */
export function groupKey(finding: AuditFinding, grouping: Grouping): string {
  return grouping === 'pain-point' ? `p${finding.painPoint}` : `d${finding.department ?? ''}`;
}

/** The groups of an audit's findings: per pain point in rule order, or per department by name with the process as a whole last. */
export function findingGroups(result: AuditResult, grouping: Grouping): FindingGroup[] {
  const groups =
    grouping === 'pain-point'
      ? [...findingsByPainPoint(result.findings)].map(([p, findings]) => ({
          key: `p${p}`,
          title: `${p} · ${painPointTitle(p)}`,
          explanation: painPointExplanation(p),
          findings
        }))
      : [...findingsByDepartment(result.findings)]
          .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
          .map(([department, findings]) => ({ key: `d${department}`, title: department || msg('The process as a whole'), findings }));
  return groups.map((g) => {
    const counts = new Map<RuleSeverity, number>();
    for (const f of g.findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
    return { ...g, counts: RULE_SEVERITIES.filter((s) => counts.has(s)).map((severity) => ({ severity, count: counts.get(severity)! })) };
  });
}

/** Whether the audit has findings about the process as a whole (no lane, no pool). */
export function hasWholeProcessFindings(result: AuditResult): boolean {
  return result.findings.some(
    (f) => !f.laneId && !f.participantId && (f.elementType === 'bpmn:Collaboration' || f.elementType === 'bpmn:Process')
  );
}

/**
 * Whether a group is unfolded. Small audits start unfolded (then `toggled` lists the
 * groups the user folded); large ones start folded (then it lists the unfolded ones).
 */
export function isGroupOpen(key: string, total: number, toggled: ReadonlySet<string>): boolean {
  return total <= UNFOLD_ALL_UP_TO ? !toggled.has(key) : toggled.has(key);
}

/** The toggled set after the user (or a badge click) opens or closes a group; the same set when nothing changes. */
export function setGroupOpen(key: string, open: boolean, total: number, toggled: ReadonlySet<string>): ReadonlySet<string> {
  if (isGroupOpen(key, total, toggled) === open) return toggled;
  const next = new Set(toggled);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}
