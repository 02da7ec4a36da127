import type { FieldProblem, MlElementType, SchemaIssueCode } from '../../model/value-chain/schema';
import { checkBranches, checkChanges, storedProblems, type Branch, type BranchRouting, type ExtraRule, type StoredAttributes } from '../../model/value-chain/edit-check';
import type { ValueChainEdit } from '../../model/value-chain/edit';
import type ValueChainEditor from '../../modeler/features/value-chain/ValueChainEditor';
import type { ElementLike } from '../../modeler/features/value-chain/ValueChainEditor';

/** A problem to show at a field: a code the panel translates, the text it concerns, and for sums the sum. */
export interface ShownProblem {
  code: SchemaIssueCode | 'probability-sum' | 'probability-missing';
  value?: string;
  sum?: number;
}

/**
 * The attributes of one ml: element as a form edits them. Several fields of a group
 * are checked together (period, target and unit, min / most likely / max).
 */
export interface AttrGroup {
  /** Unique per edited ml: element, e.g. `Task_1/kpi/Kpi_4`. */
  key: string;
  type: MlElementType;
  /** The stored attribute text now. */
  stored: StoredAttributes;
  extraRule?: ExtraRule;
  /** The element the edits are sent with (null for value-chain edits). */
  element: ElementLike | null;
  /** The edits that write accepted changes (stored text, undefined = remove). */
  edits: (accepted: Record<string, string | undefined>) => ValueChainEdit[];
}

/** A value the user typed that was not written: shown instead of the stored one until the model changes. */
interface Draft {
  /** What the user typed, shown back unchanged. */
  text: string;
  /** The text as it would be stored. */
  stored: string | undefined;
  problem: ShownProblem;
}

interface DraftSet {
  /** The stored attributes the drafts were made against; when they change (undo, another edit) the drafts go. */
  basis: string;
  fields: Map<string, Draft>;
}

/**
 * Holds the panel's refused input and decides what a field change writes: valid
 * changes (together with earlier refused ones of the same group that have become
 * valid) go to the editor as one command; invalid ones stay as drafts with their
 * reason, and are never written into the model.
 */
export class FormState {
  private drafts = new Map<string, DraftSet>();
  private problems = new Map<string, { basis: string; problems: Record<string, FieldProblem> }>();

  /** `changed` is called when refused input appears or goes, so the panel shows it. */
  constructor(
    private readonly editor: () => ValueChainEditor,
    private readonly changed: () => void
  ) {}

  /** Forgets all refused input (another model was opened). */
  clear(): void {
    this.drafts.clear();
    this.problems.clear();
  }

  /** The text to show in a field: the refused input if there is one, else the stored value (optionally converted for display). */
  text(group: AttrGroup, field: string, display: (stored: string | undefined) => string = (s) => s ?? ''): string {
    const draft = this.current(group)?.fields.get(field);
    return draft ? draft.text : display(group.stored[field]);
  }

  /** The problem to show at a field: of the refused input, else of the stored value. */
  problem(group: AttrGroup, field: string): ShownProblem | undefined {
    const draft = this.current(group)?.fields.get(field);
    if (draft) return draft.problem;
    const stored = this.storedProblems(group)[field];
    return stored ? fromFieldProblem(stored) : undefined;
  }

  /**
   * The stored values' problems of a group, validated once per stored state (a form
   * asks field by field). Groups with an extra rule depend on more than their own
   * values, so they are validated each time.
   */
  private storedProblems(group: AttrGroup): Record<string, FieldProblem> {
    if (group.extraRule) return storedProblems(group.type, group.stored, group.extraRule);
    const basis = canonical(group.stored);
    const cached = this.problems.get(group.key);
    if (cached && cached.basis === basis) return cached.problems;
    const problems = storedProblems(group.type, group.stored);
    this.problems.set(group.key, { basis, problems });
    return problems;
  }

  /** True when the group has refused input waiting. */
  hasDrafts(group: AttrGroup): boolean {
    return (this.current(group)?.fields.size ?? 0) > 0;
  }

  /**
   * The user changed one field (text as typed; `toStored` converts it, e.g. days to an
   * ISO duration). Writes what is valid, keeps what is not. `alsoWrite` adds edits to
   * the same command when something is written (e.g. the default budget group).
   */
  commit(group: AttrGroup, field: string, text: string, toStored: (text: string) => string | undefined = (t) => t, alsoWrite?: (accepted: Record<string, string | undefined>) => Record<string, string | undefined>): void {
    const set = this.current(group);
    const changes: Record<string, string | undefined> = {};
    const typed = new Map<string, string>();
    for (const [name, draft] of set?.fields ?? []) {
      changes[name] = draft.stored;
      typed.set(name, draft.text);
    }
    changes[field] = blankToUndefined(toStored(text));
    typed.set(field, text);

    const { accepted, rejected } = checkChanges(group.type, group.stored, changes, group.extraRule);
    const fields = new Map<string, Draft>();
    for (const [name, problem] of Object.entries(rejected)) {
      fields.set(name, { text: typed.get(name) ?? '', stored: changes[name], problem: { ...fromFieldProblem(problem), value: typed.get(name) ?? problem.value } });
    }
    let toWrite = Object.fromEntries(Object.entries(accepted).filter(([name, value]) => (group.stored[name] ?? undefined) !== value));
    if (Object.keys(toWrite).length > 0 && alsoWrite) toWrite = { ...toWrite, ...alsoWrite(toWrite) };
    // The drafts belong to the state after this write, so they survive its re-render.
    this.setDrafts(group.key, { ...group.stored, ...toWrite }, fields);
    this.changed();
    if (Object.keys(toWrite).length > 0) this.editor().update(group.element, group.edits(toWrite));
  }

  /**
   * The user changed the probability of one outgoing flow of a gateway. The flows of
   * one gateway are written together, and only when their probabilities add up as
   * the simulation needs (checkBranches); until then the typed values wait as drafts.
   */
  commitBranch(
    gatewayKey: string,
    routing: BranchRouting,
    branches: Array<Branch & { element: ElementLike; stored: StoredAttributes }>,
    flowId: string,
    text: string
  ): void {
    const key = `${gatewayKey}/branches`;
    const basis = JSON.stringify(branches.map((b) => b.probability ?? ''));
    const set = this.drafts.get(key);
    const pending = new Map<string, { text: string; stored: string | undefined }>();
    if (set && set.basis === basis) for (const [id, d] of set.fields) pending.set(id, { text: d.text, stored: d.stored });
    pending.set(flowId, { text, stored: blankToUndefined(text) });

    const fields = new Map<string, Draft>();
    const merged = branches.map((b) => ({ ...b }));
    for (const [id, p] of pending) {
      const branch = merged.find((b) => b.id === id);
      if (!branch) continue;
      const { rejected } = checkChanges('ml:Simulation', branch.stored, { probability: p.stored });
      const problem = rejected.probability;
      if (problem) fields.set(id, { text: p.text, stored: p.stored, problem: { ...fromFieldProblem(problem), value: p.text } });
      else branch.probability = p.stored;
    }
    const sumProblem = fields.size === 0 ? checkBranches(routing, merged) : undefined;
    if (fields.size > 0 || sumProblem) {
      for (const [id, p] of pending) {
        if (!fields.has(id)) fields.set(id, { text: p.text, stored: p.stored, problem: { code: sumProblem?.code ?? 'probability-sum', sum: sumProblem?.sum } });
      }
      this.drafts.set(key, { basis, fields });
      this.changed();
      return;
    }
    this.drafts.delete(key);
    this.changed();
    const batch = merged
      .filter((b) => pending.has(b.id) && (b.stored.probability ?? undefined) !== b.probability)
      .map((b) => ({ element: b.element, edits: [{ kind: 'simulation', attrs: { probability: b.probability ?? null } }] as ValueChainEdit[] }));
    if (batch.length) this.editor().updateMany(batch);
  }

  /** The refused probability typed for one flow of a gateway, if any. */
  branchDraft(gatewayKey: string, branches: Branch[], flowId: string): { text: string; problem: ShownProblem } | undefined {
    const set = this.drafts.get(`${gatewayKey}/branches`);
    if (!set || set.basis !== JSON.stringify(branches.map((b) => b.probability ?? ''))) return undefined;
    const draft = set.fields.get(flowId);
    return draft ? { text: draft.text, problem: draft.problem } : undefined;
  }

  private current(group: AttrGroup): DraftSet | undefined {
    const set = this.drafts.get(group.key);
    if (set && set.basis !== canonical(group.stored)) {
      this.drafts.delete(group.key);
      return undefined;
    }
    return set;
  }

  private setDrafts(key: string, stored: StoredAttributes, fields: Map<string, Draft>): void {
    if (fields.size === 0) this.drafts.delete(key);
    else this.drafts.set(key, { basis: canonical(stored), fields });
  }
}

/** Attributes as comparable text: sorted, absent and blank values left out. */
function canonical(attrs: StoredAttributes): string {
  return JSON.stringify(
    Object.keys(attrs)
      .filter((k) => attrs[k] !== undefined && attrs[k]!.trim() !== '')
      .sort()
      .map((k) => [k, attrs[k]])
  );
}

function fromFieldProblem(problem: FieldProblem): ShownProblem {
  return { code: problem.code, ...(problem.value !== undefined ? { value: problem.value } : {}) };
}

function blankToUndefined(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}
