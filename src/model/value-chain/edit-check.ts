import { validateAttributes, type FieldProblem, type MlAttributes, type MlElementType } from './schema';

/*
 * Deciding which user changes may be written. A form changes a few fields of one
 * ml: element; each changed field must be valid on its own, and the change must not
 * create a new cross-field problem (a period that ends before it starts, a target
 * without unit, an incomplete or unordered min / most likely / max). Fields that were
 * invalid in the file and are not touched do not block anything: they stay as they
 * are until someone fixes them.
 */

/** The outcome of checking a set of changed fields. */
export interface ChangeCheck {
  /** Changes that may be written (stored text; undefined removes the attribute). */
  accepted: Record<string, string | undefined>;
  /** Changed fields that must not be written, each with the reason. */
  rejected: Record<string, FieldProblem>;
}

/** Stored text of one ml: element's attributes, as moddle holds them. */
export type StoredAttributes = Record<string, string | undefined>;

/** A rule across fields that the schema cannot see alone (e.g. the budget group against the step's activity group). */
export type ExtraRule = (value: Record<string, unknown>) => FieldProblem[];

/** Fields whose values are judged together: a problem on one may be caused by a change of another. */
const RELATED_FIELDS: readonly string[][] = [
  ['periodStart', 'periodEnd'],
  ['target', 'unit', 'measure'],
  ['min', 'mostLikely', 'max']
];

/** Codes of problems that arise between fields rather than in one. */
const CROSS_FIELD_CODES: ReadonlySet<string> = new Set(['period-reversed', 'unit-missing', 'triangle-incomplete', 'triangle-order']);

/** Validates changed fields of one ml: element against its stored attributes; see ChangeCheck. */
export function checkChanges<T extends MlElementType>(
  type: T,
  stored: StoredAttributes,
  changes: Record<string, string | undefined>,
  extraRule?: ExtraRule
): ChangeCheck {
  const candidate: Record<string, string | undefined> = {};
  for (const [field, value] of Object.entries(changes)) candidate[field] = value === undefined || value.trim() === '' ? undefined : value;
  const baseline = new Set(problemsOf(type, stored, extraRule).map(key));
  const rejected: Record<string, FieldProblem> = {};

  for (;;) {
    const blame = new Map<string, FieldProblem>();
    for (const problem of problemsOf(type, { ...stored, ...candidate }, extraRule)) {
      const changed = problem.field in candidate;
      if (!changed && baseline.has(key(problem))) continue;
      // A problem between related fields is the joint fault of every changed field among them.
      const group = changed && !CROSS_FIELD_CODES.has(problem.code) ? undefined : RELATED_FIELDS.find((fields) => fields.includes(problem.field));
      const culprits = group?.filter((f) => f in candidate) ?? (changed ? [problem.field] : []);
      for (const field of culprits.length ? culprits : Object.keys(candidate)) if (!blame.has(field)) blame.set(field, problem);
    }
    if (blame.size === 0) break;
    for (const [field, problem] of blame) {
      rejected[field] = problem;
      delete candidate[field];
    }
  }
  return { accepted: candidate, rejected };
}

/** The problems of the stored values, by field (first problem per field), for showing them at the fields. */
export function storedProblems<T extends MlElementType>(type: T, stored: StoredAttributes, extraRule?: ExtraRule): Record<string, FieldProblem> {
  const out: Record<string, FieldProblem> = {};
  for (const problem of problemsOf(type, stored, extraRule)) out[problem.field] ??= problem;
  return out;
}

/** The typed, valid values of stored attributes (invalid ones left out). */
export function typedValues<T extends MlElementType>(type: T, stored: StoredAttributes): Partial<MlAttributes<T>> {
  return validateAttributes(type, stored).value;
}

function problemsOf(type: MlElementType, attrs: StoredAttributes, extraRule?: ExtraRule): FieldProblem[] {
  const { value, problems } = validateAttributes(type, attrs);
  return extraRule ? [...problems, ...extraRule(value as Record<string, unknown>)] : problems;
}

function key(problem: FieldProblem): string {
  return `${problem.field}|${problem.code}`;
}

// ---- gateway branches ------------------------------------------------------------------------

/** How a gateway chooses its outgoing flows: exactly one (exclusive, event-based) or each on its own (inclusive). */
export type BranchRouting = 'exactly-one' | 'independent';

/** One outgoing flow of a gateway with its stored probability text. */
export interface Branch {
  id: string;
  probability: string | undefined;
  isDefault: boolean;
}

/** Why a set of branch probabilities cannot be written. */
export interface BranchProblem {
  code: 'probability-sum' | 'probability-missing';
  message: string;
  /** The sum of the valid probabilities, in percent. */
  sum: number;
}

/** The sum of the valid probabilities of a gateway's outgoing flows, in percent (invalid and empty ones count 0). */
export function branchSum(branches: Branch[]): number {
  let sum = 0;
  for (const b of branches) {
    const p = validateAttributes('ml:Simulation', { probability: b.probability }).value.probability;
    if (p !== undefined) sum += p;
  }
  return Math.round(sum * 1e6) / 1e6;
}

/**
 * Checks the probabilities of a gateway's outgoing flows as the simulation reads
 * them. Exactly-one routing: either none is given, or all add up to 100 %, or all but
 * the default flow are given and add up to at most 100 % (the default flow takes the
 * rest). Independent routing (inclusive gateway): each flow is taken on its own, so
 * there is no sum to check.
 */
export function checkBranches(routing: BranchRouting, branches: Branch[]): BranchProblem | undefined {
  if (routing === 'independent') return undefined;
  const given = branches.filter((b) => b.probability !== undefined && b.probability.trim() !== '');
  if (given.length === 0) return undefined;
  const sum = branchSum(branches);
  const missing = branches.filter((b) => !given.includes(b));
  if (missing.length === 0) {
    if (Math.abs(sum - 100) < 1e-6) return undefined;
    return { code: 'probability-sum', sum, message: `The probabilities of the outgoing flows add up to ${sum} %; they must add up to 100 %.` };
  }
  if (missing.length === 1 && missing[0]!.isDefault) {
    if (sum <= 100 + 1e-6) return undefined;
    return { code: 'probability-sum', sum, message: `The probabilities of the outgoing flows add up to ${sum} %; the default flow cannot take less than nothing.` };
  }
  return {
    code: 'probability-missing',
    sum,
    message: `${missing.length} outgoing flows have no probability yet; give every flow one (the default flow may take the rest), adding up to 100 %.`
  };
}
