import { indexLanes, type LaneIndex } from '../../model/lanes';
import { typeOf, type ModdleElement } from '../../model/moddle-types';
import { resolveAuditConfig } from './config';
import { auditHandoverOf, buildElementContext, evaluateActivity, evaluateChain, evaluateFlow, valueChainFactsOf, type AuditContext } from './evaluate';
import { readDepartmentFacts, readValueChainFacts, utcToday } from './facts';
import { chainCarriers, descendantsOf, isActivity, SUB_PROCESS_TYPES, walkModel, type ModelWalk } from './model-walk';
import { isRuleId } from './rules';
import type { AuditExemption, AuditFinding, AuditHandover, AuditOptions, AuditResult, ConfigProblem, ExemptedFinding } from './types';

/** Element types whose change may alter lanes, pools, departments or the rule settings: a full re-audit. */
const STRUCTURAL_TYPES = new Set(['bpmn:Definitions', 'bpmn:Collaboration', 'bpmn:Process', 'bpmn:Participant', 'bpmn:Lane', 'bpmn:LaneSet']);

/**
 * What the audit takes from a lane, pool, process or collaboration: its name, place,
 * department, and for the value chain's carrier its ml:valueChain. Undefined for other
 * types. With `recorded`, the signature as recorded at the last full audit.
 */
function structuralSignature(element: ModdleElement, index: LaneIndex, recorded?: Map<ModdleElement, string>): string | undefined {
  if (recorded) return recorded.get(element);
  switch (element.$type) {
    case 'bpmn:Lane': {
      const lane = index.lanes.get(element.id!);
      return lane && JSON.stringify([element.name, lane.processId, lane.participantId, lane.parentLaneId, readDepartmentFacts(element)]);
    }
    case 'bpmn:Participant':
      return JSON.stringify([element.name, element.processRef?.id, readDepartmentFacts(element)]);
    case 'bpmn:Process':
    case 'bpmn:Collaboration': {
      const chain = readValueChainFacts(element);
      return JSON.stringify([element.name, chain && { ...chain, roleNames: [...chain.roleNames] }]);
    }
    default:
      return undefined;
  }
}

/** The structural signatures of every lane, pool, process and collaboration. */
function recordSignatures(walk: ModelWalk, index: LaneIndex): Map<ModdleElement, string> {
  const out = new Map<ModdleElement, string>();
  const elements = [...walk.collaborations, ...walk.processes, ...[...index.participants.values()].map((p) => p.element), ...[...index.lanes.values()].map((l) => l.element)];
  for (const element of elements) out.set(element, structuralSignature(element, index)!);
  return out;
}

/**
 * The ids of the nodes whose lane differs between two lane indexes (moving a shape
 * into another lane changes the lanes' flowNodeRef lists only, and bpmn-js does not
 * report the lanes). Compared by node object, which reads no node's id except a
 * moved one's; by id when an index has no object lookup (two listed nodes share an id).
 */
function movedNodeIds(before: LaneIndex, after: LaneIndex): Set<string> {
  const moved = new Set<string>();
  const [old, now] = [before.laneOfElement, after.laneOfElement];
  if (old && now) {
    for (const [node, lane] of now) if (old.get(node)?.id !== lane.id && node.id) moved.add(node.id);
    for (const node of old.keys()) if (!now.has(node) && node.id) moved.add(node.id);
    return moved;
  }
  for (const [nodeId, laneId] of after.laneOfNode) if (before.laneOfNode.get(nodeId) !== laneId) moved.add(nodeId);
  for (const nodeId of before.laneOfNode.keys()) if (!after.laneOfNode.has(nodeId)) moved.add(nodeId);
  return moved;
}

/**
 * The state of an audit: the findings of every element, kept per element object so
 * that an edit re-evaluates only what it can affect. runAudit uses it once; a session
 * keeps it.
 */
export class AuditState {
  private ctx!: AuditContext;
  private configProblems: ConfigProblem[] = [];
  /**
   * Activity or flow → its findings before exemptions. Keyed by the element object:
   * an element created after the last audit (even under an old id) has no entry and
   * is evaluated, and a deleted one is simply no longer visited.
   */
  private findingsOf = new WeakMap<ModdleElement, readonly AuditFinding[]>();
  private handoverOf = new WeakMap<ModdleElement, AuditHandover>();
  private chainFindings = new Map<string, AuditFinding[]>();
  /** With a session: the structural signatures at the last full audit. */
  private signatures = new Map<ModdleElement, string>();
  /** Without a session: the findings of walk.auditable[i] at [i] (cheaper than filling a map). */
  private lists?: Array<readonly AuditFinding[] | undefined>;
  /** Without a session: the handovers in document order, as the full audit found them. */
  private handoverList?: AuditHandover[];

  /** `incremental`: keep what update() needs; runAudit does without. */
  constructor(
    private readonly definitions: ModdleElement,
    private options: AuditOptions = {},
    private readonly incremental = false
  ) {
    this.full();
  }

  /** Re-audits everything (new options, or an edit of lanes, pools or rule settings). */
  full(options: AuditOptions = this.options): void {
    this.options = options;
    const index = indexLanes(this.definitions);
    const valueChain = valueChainFactsOf(chainCarriers(this.definitions));
    const { config, problems } = resolveAuditConfig(valueChain?.ruleSettings ?? [], valueChain?.elementId, options.overrides);
    this.configProblems = problems;
    const ctx = buildElementContext(index, options.today ?? utcToday(), config, valueChain);
    this.findingsOf = new WeakMap();
    this.handoverOf = new WeakMap();

    // Every activity and flow is evaluated as the walk reaches it (see AuditableVisitor),
    // and each flow's handover is found there too: one pass over the model, in document order.
    const lists = this.incremental ? undefined : new Array<readonly AuditFinding[] | undefined>();
    const handovers: AuditHandover[] = [];
    const walk = walkModel(this.definitions, {
      onAuditable: (element, kind, position) => {
        let findings: readonly AuditFinding[];
        if (kind === 'activity') findings = evaluateActivity(ctx, element);
        else {
          const handover = auditHandoverOf(ctx, element, kind);
          if (handover) {
            if (!lists) this.handoverOf.set(element, handover);
            handovers.push(handover);
          }
          findings = evaluateFlow(ctx, element, handover);
        }
        if (lists) lists[position] = findings;
        else this.findingsOf.set(element, findings);
      }
    });
    this.ctx = { ...ctx, walk };
    if (this.incremental) this.signatures = recordSignatures(walk, index);
    this.lists = lists;
    // The walk reaches the flows in the order of walk.flows, so these are in document order.
    this.handoverList = lists ? handovers : undefined;
    this.chainFindings = evaluateChain(this.ctx, handovers);
  }

  /**
   * Re-audits after an edit of the given elements. Lanes and pools are re-indexed
   * (bpmn-js changes lane membership without reporting the lanes), elements that
   * appeared are evaluated, and the chain rules run again; everything else is kept.
   */
  update(changedIds: Iterable<string>): void {
    if (!this.incremental) throw new Error('update() needs an incremental audit state');
    const previous = this.ctx;
    const index = indexLanes(this.definitions);
    const changed = new Set(changedIds);
    const moved = movedNodeIds(previous.index, index);
    const dirtyNodes = new Set<ModdleElement>();
    const dirtyFlows = new Set<ModdleElement>();
    const walk = walkModel(this.definitions, { find: new Set([...changed, ...moved]) });
    if (this.structureChanged(changed, walk, index)) {
      this.full();
      return;
    }
    this.ctx = { ...previous, walk, index };

    for (const element of walk.found!.values()) {
      const type = typeOf(element);
      if (type === 'bpmn:SequenceFlow' || type === 'bpmn:MessageFlow') dirtyFlows.add(element);
      else dirtyNodes.add(element);
    }
    // Created (or re-created) elements have not been evaluated in this form.
    for (const activity of walk.activities) if (!this.findingsOf.has(activity)) dirtyNodes.add(activity);
    for (const flow of walk.flows) if (!this.findingsOf.has(flow)) dirtyFlows.add(flow);
    // A sub-process that changed lane takes its contents along.
    for (const element of [...dirtyNodes]) if (SUB_PROCESS_TYPES.has(typeOf(element))) for (const inner of descendantsOf(element)) dirtyNodes.add(inner);
    // The flows of a changed node may have become (or stopped being) handovers.
    if (dirtyNodes.size > 0) {
      for (const flow of walk.flows) {
        if (dirtyNodes.has(flow.sourceRef as ModdleElement) || dirtyNodes.has(flow.targetRef as ModdleElement)) dirtyFlows.add(flow);
      }
    }

    for (const flow of dirtyFlows) {
      const type = typeOf(flow);
      if (type !== 'bpmn:SequenceFlow' && type !== 'bpmn:MessageFlow') continue;
      const handover = auditHandoverOf(this.ctx, flow, type === 'bpmn:SequenceFlow' ? 'sequence' : 'message');
      if (handover) this.handoverOf.set(flow, handover);
      else this.handoverOf.delete(flow);
      this.findingsOf.set(flow, evaluateFlow(this.ctx, flow, handover));
    }
    for (const element of dirtyNodes) if (isActivity(element)) this.findingsOf.set(element, evaluateActivity(this.ctx, element));
    this.chainFindings = evaluateChain(this.ctx, this.currentHandovers());
  }

  /**
   * Whether an edit touched what every finding depends on: lanes, pools, processes,
   * collaborations, rule settings. A lane or pool that was only resized (bpmn-js
   * reports those after many edits near a border) keeps its signature and changes nothing.
   */
  private structureChanged(changed: ReadonlySet<string>, walk: ModelWalk, index: LaneIndex): boolean {
    const before = this.ctx;
    if (changed.has(this.definitions.id ?? '')) return true;
    for (const element of walk.found!.values()) {
      if (!STRUCTURAL_TYPES.has(typeOf(element))) continue;
      const signature = structuralSignature(element, index);
      if (signature === undefined || signature !== structuralSignature(element, before.index, this.signatures)) return true;
    }
    const sameKeys = (a: Map<string, unknown>, b: Map<string, unknown>) => a.size === b.size && [...a.keys()].every((k) => b.has(k));
    const sameList = (a: readonly ModdleElement[], b: readonly ModdleElement[]) => a.length === b.length && a.every((e, i) => e === b[i]);
    return (
      !sameKeys(index.lanes, before.index.lanes) ||
      !sameKeys(index.participants, before.index.participants) ||
      !sameList(walk.processes, before.walk.processes) ||
      !sameList(walk.collaborations, before.walk.collaborations)
    );
  }

  /** The handovers of the flows that still exist, in document order. */
  private currentHandovers(): AuditHandover[] {
    if (this.handoverList) return this.handoverList;
    const out: AuditHandover[] = [];
    for (const flow of this.ctx.walk.flows) {
      const handover = this.handoverOf.get(flow);
      if (handover) out.push(handover);
    }
    return out;
  }

  /** The audit result as it stands: findings in document order, exemptions applied. */
  result(): AuditResult {
    const { walk } = this.ctx;
    const findings: AuditFinding[] = [];
    const exempted: ExemptedFinding[] = [];
    const suppressed = new Map<string, number>();
    const counts = { error: 0, warning: 0, info: 0 };

    const lists = this.lists;
    const { auditable, kinds } = walk;
    const anyExemptions = walk.exemptions.size > 0;
    for (let i = 0; i < auditable.length; i++) {
      const element = auditable[i]!;
      // Chain findings are about a collaboration or a process, and only those are looked up.
      const chain = kinds[i] === 'chain' ? this.chainFindings.get(element.id!) : undefined;
      const own = lists ? lists[i] : this.findingsOf.get(element);
      const list = chain && own ? [...chain, ...own] : (chain ?? own);
      if (!list || list.length === 0) continue;
      // Every finding in the list is about this element (and naming it reads no cold element).
      const id = list[0]!.elementId;
      const exemptions = anyExemptions ? walk.exemptions.get(id)?.list : undefined;
      for (const finding of list) {
        const exemption = exemptions?.find((e) => e.rule === finding.rule);
        if (exemption) {
          const key = `${id}|${finding.rule}`;
          suppressed.set(key, (suppressed.get(key) ?? 0) + 1);
          exempted.push({ ...finding, exemption: { ...(exemption.reason ? { reason: exemption.reason } : {}), ...(exemption.by ? { by: exemption.by } : {}), ...(exemption.date ? { date: exemption.date } : {}) } });
        } else {
          findings.push(finding);
          counts[finding.severity]++;
        }
      }
    }
    const exemptions: AuditExemption[] = [];
    for (const [elementId, { element, list }] of walk.exemptions) {
      for (const e of list) {
        exemptions.push({
          elementId,
          ...(element.name ? { elementName: element.name as string } : {}),
          rule: e.rule ?? '',
          knownRule: isRuleId(e.rule),
          suppressed: suppressed.get(`${elementId}|${e.rule}`) ?? 0,
          ...(e.reason ? { reason: e.reason } : {}),
          ...(e.by ? { by: e.by } : {}),
          ...(e.date ? { date: e.date } : {})
        });
        // Two exemptions for the same rule on one element: the first one carries the count.
        suppressed.delete(`${elementId}|${e.rule}`);
      }
    }

    return {
      today: this.ctx.today,
      config: this.ctx.config,
      configProblems: this.configProblems,
      findings,
      exempted,
      exemptions,
      handovers: this.currentHandovers(),
      counts
    };
  }
}
