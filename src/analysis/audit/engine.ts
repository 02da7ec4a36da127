import { findHandovers } from '../../model/handovers';
import { indexLanes } from '../../model/lanes';
import type { ModdleElement } from '../../model/moddle-types';
import { resolveAuditConfig } from './config';
import {
  buildContext,
  evaluateActivity,
  evaluateChain,
  evaluateFlow,
  findValueChain,
  handoversAmong,
  toAuditHandover,
  type AuditContext
} from './evaluate';
import { utcToday } from './facts';
import { descendantsOf, isActivity, SUB_PROCESS_TYPES, walkModel, type IndexedWalk } from './model-walk';
import { isRuleId } from './rules';
import type { AuditExemption, AuditFinding, AuditHandover, AuditOptions, AuditResult, ConfigProblem, ExemptedFinding } from './types';

/** Element types whose change may alter lanes, pools, departments or the rule settings: a full re-audit. */
const STRUCTURAL_TYPES = new Set(['bpmn:Definitions', 'bpmn:Collaboration', 'bpmn:Process', 'bpmn:Participant', 'bpmn:Lane', 'bpmn:LaneSet']);

/**
 * The state of an audit: the findings of every element, kept per element so that an
 * edit re-evaluates only what it can affect. runAudit uses it once; a session keeps it.
 */
export class AuditState {
  private ctx!: AuditContext;
  private configProblems: ConfigProblem[] = [];
  /** Activity or flow id → its findings before exemptions. */
  private elementFindings = new Map<string, AuditFinding[]>();
  /** The element object each entry of elementFindings was computed for (ids may be reused). */
  private evaluated = new Map<string, ModdleElement>();
  private handovers = new Map<string, AuditHandover>();
  private chainFindings = new Map<string, AuditFinding[]>();

  /** The walk of the last audit with its lookups, kept by a session for the next update. */
  private indexed?: IndexedWalk;
  /** Without a session: the findings of walk.auditable[i] at [i] (no per-id maps to fill). */
  private lists?: Array<AuditFinding[] | undefined>;

  /** `incremental`: keep what update() needs (an element index); runAudit does without. */
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
    const walk = this.incremental ? (this.indexed = walkModel(this.definitions, { index: true })) : walkModel(this.definitions);
    const index = indexLanes(this.definitions);
    const valueChain = findValueChain(walk);
    const { config, problems } = resolveAuditConfig(valueChain?.ruleSettings ?? [], valueChain?.elementId, options.overrides);
    this.configProblems = problems;
    this.ctx = buildContext(walk, index, options.today ?? utcToday(), config);
    this.elementFindings.clear();
    this.evaluated.clear();
    this.handovers.clear();

    for (const handover of findHandovers(this.definitions, index)) this.handovers.set(handover.flowId, toAuditHandover(this.ctx, handover));
    if (this.incremental) {
      this.lists = undefined;
      for (const flow of walk.flows) this.evaluateFlow(flow);
      for (const activity of walk.activities) this.evaluateActivity(activity);
    } else {
      const lists = (this.lists = new Array<AuditFinding[] | undefined>(walk.auditable.length));
      walk.auditable.forEach((element, i) => {
        const type = element.$type;
        if (type === 'bpmn:SequenceFlow' || type === 'bpmn:MessageFlow') lists[i] = evaluateFlow(this.ctx, element, this.handovers.get(element.id!));
        else if (isActivity(element)) lists[i] = evaluateActivity(this.ctx, element);
      });
    }
    this.chainFindings = evaluateChain(this.ctx, this.currentHandovers());
  }

  /**
   * Re-audits after an edit of the given elements. Lanes and pools are re-indexed
   * (bpmn-js changes lane membership without reporting the lanes), elements that
   * appeared are evaluated, and the chain rules run again; everything else is kept.
   */
  update(changedIds: Iterable<string>): void {
    if (!this.indexed) throw new Error('update() needs an incremental audit state');
    const previous = this.ctx;
    const before = this.indexed;
    const walk = (this.indexed = walkModel(this.definitions, { index: true }));
    for (const id of changedIds) {
      const element = walk.byId.get(id) ?? before.byId.get(id);
      if (id === this.definitions.id || (element && STRUCTURAL_TYPES.has(element.$type))) {
        this.full();
        return;
      }
    }
    const index = indexLanes(this.definitions);
    this.ctx = { ...previous, walk, index };

    const dirtyNodes = new Set<string>();
    const dirtyFlows = new Set<string>();
    for (const id of changedIds) {
      const element = walk.byId.get(id);
      if (!element) continue;
      if (element.$type === 'bpmn:SequenceFlow' || element.$type === 'bpmn:MessageFlow') dirtyFlows.add(id);
      else dirtyNodes.add(id);
    }
    // Moving a shape into another lane changes the lanes' flowNodeRef lists only.
    for (const [nodeId, laneId] of index.laneOfNode) if (previous.index.laneOfNode.get(nodeId) !== laneId) dirtyNodes.add(nodeId);
    for (const nodeId of previous.index.laneOfNode.keys()) if (!index.laneOfNode.has(nodeId)) dirtyNodes.add(nodeId);
    // Created (or re-created) elements have not been evaluated in this form.
    for (const activity of walk.activities) if (this.evaluated.get(activity.id!) !== activity) dirtyNodes.add(activity.id!);
    for (const flow of walk.flows) if (this.evaluated.get(flow.id!) !== flow) dirtyFlows.add(flow.id!);
    // A sub-process that changed lane takes its contents along.
    for (const id of [...dirtyNodes]) {
      const element = walk.byId.get(id);
      if (element && SUB_PROCESS_TYPES.has(element.$type)) for (const inner of descendantsOf(element)) if (inner.id) dirtyNodes.add(inner.id);
    }
    for (const id of dirtyNodes) for (const flow of walk.flowsOf.get(id) ?? []) dirtyFlows.add(flow.id!);

    const flows = [...dirtyFlows].map((id) => walk.byId.get(id)).filter((f): f is ModdleElement => f !== undefined);
    for (const id of dirtyFlows) this.handovers.delete(id);
    for (const handover of handoversAmong(flows, index)) this.handovers.set(handover.flowId, toAuditHandover(this.ctx, handover));
    for (const flow of flows) this.evaluateFlow(flow);
    for (const id of dirtyNodes) {
      const element = walk.byId.get(id);
      if (element && isActivity(element)) this.evaluateActivity(element);
    }
    this.chainFindings = evaluateChain(this.ctx, this.currentHandovers());
  }

  private evaluateFlow(flow: ModdleElement): void {
    this.evaluated.set(flow.id!, flow);
    this.elementFindings.set(flow.id!, evaluateFlow(this.ctx, flow, this.handovers.get(flow.id!)));
  }

  private evaluateActivity(activity: ModdleElement): void {
    this.evaluated.set(activity.id!, activity);
    this.elementFindings.set(activity.id!, evaluateActivity(this.ctx, activity));
  }

  /** The handovers of the flows that still exist, in document order. */
  private currentHandovers(): AuditHandover[] {
    const out: AuditHandover[] = [];
    for (const flow of this.ctx.walk.flows) {
      const handover = this.handovers.get(flow.id!);
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
    let present = 0;

    const lists = this.lists;
    for (let i = 0; i < walk.auditable.length; i++) {
      const element = walk.auditable[i]!;
      const id = element.id!;
      const chain = this.chainFindings.get(id);
      const own = lists ? lists[i] : this.evaluated.get(id) === element ? this.elementFindings.get(id) : undefined;
      if (own) present++;
      const list = chain && own ? [...chain, ...own] : (chain ?? own);
      if (!list || list.length === 0) continue;
      const exemptions = walk.exemptions.get(id)?.list;
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
    // Forget elements that were deleted.
    if (!lists && this.evaluated.size > present) {
      const ids = new Set(walk.auditable.map((e) => e.id!));
      for (const id of [...this.evaluated.keys()]) {
        if (!ids.has(id)) {
          this.evaluated.delete(id);
          this.elementFindings.delete(id);
          this.handovers.delete(id);
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
