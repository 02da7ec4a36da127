/** Collects the compiler's issues per code, with the elements each concerns. */
import type { SimulationIssueCode } from '../../i18n/messages/codes';
import { simulationIssueText } from '../../i18n/messages/render';
import type { SimIssue } from '../model';
import { ISSUE_KINDS } from './issue-kinds';

/** Groups issues by code, each element once, and renders them most severe first. */
export class IssueCollector {
  private readonly groups = new Map<SimulationIssueCode, string[]>();
  private readonly seen = new Set<string>();

  /** Records an issue; without an element id it concerns the model as a whole. */
  add(code: SimulationIssueCode, elementId?: string): void {
    let ids = this.groups.get(code);
    if (!ids) this.groups.set(code, (ids = []));
    if (elementId === undefined) return;
    const key = `${code}\u0000${elementId}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    ids.push(elementId);
  }

  has(code: SimulationIssueCode): boolean {
    return this.groups.has(code);
  }

  list(label: (id: string) => string): SimIssue[] {
    const out: SimIssue[] = [];
    for (const [code, ids] of this.groups) {
      const t = ISSUE_KINDS[code];
      // `message` is the English text of the JSON contract; the UI and `--lang` word the code again.
      const issue: SimIssue = { severity: t.severity, code, elementIds: ids, message: simulationIssueText({ code, elementIds: ids }, 'en', label) };
      if (t.defaultUsed) issue.defaultUsed = t.defaultUsed;
      if (t.scenario) issue.scenario = t.scenario;
      out.push(issue);
    }
    const order = { error: 0, warning: 1, info: 2 } as const;
    return out.sort((a, b) => order[a.severity] - order[b.severity]);
  }
}
