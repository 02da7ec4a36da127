import type { ModdleElement } from '../../model/moddle-types';
import { AuditState } from './engine';
import type { AuditFinding, AuditOptions, AuditResult } from './types';

/** What changed in the findings since the previous result of a session. */
export interface AuditUpdate {
  result: AuditResult;
  /** Findings (active or exempted) whose id was not there before. */
  added: AuditFinding[];
  /** Findings whose id is gone. */
  removed: AuditFinding[];
  /** Findings with the same id whose severity, message, evidence or exemption changed. */
  changed: AuditFinding[];
}

/**
 * An audit that follows a model being edited (the modeler's business objects): after
 * each command the caller names the elements it changed and gets the full current
 * result plus what was added and removed, so markers update without a full re-audit.
 */
export interface AuditSession {
  /** The current result. */
  readonly result: AuditResult;
  /**
   * Re-audits what an edit of these elements can affect: the elements, their flows,
   * nodes that changed lane, new elements, and the chain rules. Changing a lane, pool,
   * process or the collaboration (which carries the rule settings) re-audits all.
   */
  update(changedElementIds: Iterable<string>): AuditUpdate;
  /** Re-audits everything, optionally with new options (audit date, overrides). */
  reset(options?: AuditOptions): AuditUpdate;
}

/** Starts an incremental audit of a model that will be edited in place. */
export function createAuditSession(definitions: ModdleElement, options: AuditOptions = {}): AuditSession {
  const state = new AuditState(definitions, options, true);
  let current = state.result();
  let currentById = findingsById(current);
  const advance = (): AuditUpdate => {
    const next = state.result();
    const nextById = findingsById(next);
    const update = diffFindings(currentById, nextById, next);
    current = next;
    currentById = nextById;
    return update;
  };
  return {
    get result() {
      return current;
    },
    update(changedElementIds) {
      state.update(changedElementIds);
      return advance();
    },
    reset(newOptions) {
      state.full(newOptions ?? options);
      if (newOptions) options = newOptions;
      return advance();
    }
  };
}

/** Compares two results finding by finding (active and exempted together). */
export function diffResults(before: AuditResult, after: AuditResult): AuditUpdate {
  return diffFindings(findingsById(before), findingsById(after), after);
}

function findingsById(result: AuditResult): Map<string, AuditFinding> {
  const map = new Map<string, AuditFinding>();
  for (const f of result.findings) map.set(f.id, f);
  for (const f of result.exempted) map.set(f.id, f);
  return map;
}

function diffFindings(old: Map<string, AuditFinding>, now: Map<string, AuditFinding>, after: AuditResult): AuditUpdate {
  const added: AuditFinding[] = [];
  const changed: AuditFinding[] = [];
  const removed: AuditFinding[] = [];
  for (const [id, finding] of now) {
    const previous = old.get(id);
    if (!previous) added.push(finding);
    else if (previous !== finding && !sameFinding(previous, finding)) changed.push(finding);
  }
  for (const [id, finding] of old) if (!now.has(id)) removed.push(finding);
  return { result: after, added, removed, changed };
}

function sameFinding(a: AuditFinding, b: AuditFinding): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
