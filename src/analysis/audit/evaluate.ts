import { messageFlowHandover, readAgreement, sequenceFlowHandover, type Handover, type HandoverSide } from '../../model/handovers';
import { laneOf, participantOf, type LaneIndex } from '../../model/lanes';
import { typeOf, type ModdleElement } from '../../model/moddle-types';
import { getExtension } from '../../model/value-chain/extension';
import { valueChainCarriers } from '../../model/value-chain/locate';
import type { Agreement } from '../../model/value-chain/schema';
import { addDays, readDepartmentFacts, readStepFacts, readValueChainFacts, type DepartmentFacts, type KpiFacts, type ResourceFacts, type ValueChainFacts } from './facts';
import { fieldListText, smartGapsText } from '../../i18n/messages/render';
import { englishList, englishMessage, type MessageKey } from './messages';
import type { ModelWalk } from './model-walk';
import { RULES, type RuleId } from './rules';
import type { AuditConfig, AuditEvidence, AuditFinding, AuditHandover } from './types';

/*
 * The rules themselves: pure functions of one element (an activity, a flow) or of the
 * chain as a whole, over a context built once per audit. Every function here is
 * linear in what it looks at, so a full audit is linear in the model and the
 * session can re-run exactly the elements an edit touched.
 */

/** What every rule may look at; built once per full audit, patched by the session. */
export interface AuditContext {
  today: string;
  config: AuditConfig;
  index: LaneIndex;
  walk: ModelWalk;
  /** Lane or participant id → its ml:department. */
  departments: Map<string, DepartmentFacts>;
  /** Lanes that are the customer: marked so, inside a customer lane, or in a customer pool. */
  customerLanes: Set<string>;
  customerParticipants: Set<string>;
  valueChain?: ValueChainFacts;
}

/** What the rules of one activity or flow look at: everything but the walk, which only the chain rules need. */
export type ElementContext = Omit<AuditContext, 'walk'>;

/** Builds the context of a full audit from a walk and a fresh lane index. */
export function buildContext(walk: ModelWalk, index: LaneIndex, today: string, config: AuditConfig): AuditContext {
  return { ...buildElementContext(index, today, config, valueChainFactsOf(walk)), walk };
}

/** Builds what the element rules need, before the walk (the full audit evaluates elements during it). */
export function buildElementContext(index: LaneIndex, today: string, config: AuditConfig, valueChain: ValueChainFacts | undefined): ElementContext {
  const departments = new Map<string, DepartmentFacts>();
  for (const id of [...index.participants.keys(), ...index.lanes.keys()]) {
    const element = index.participants.get(id)?.element ?? index.lanes.get(id)?.element;
    const facts = element ? readDepartmentFacts(element) : undefined;
    if (facts) departments.set(id, facts);
  }
  const customerParticipants = new Set([...index.participants.keys()].filter((id) => departments.get(id)?.customer));
  const customerLanes = new Set<string>();
  for (const lane of index.lanes.values()) {
    let customer = lane.participantId !== undefined && customerParticipants.has(lane.participantId);
    for (let id: string | undefined = lane.id; id && !customer; id = index.lanes.get(id)?.parentLaneId) {
      customer = departments.get(id)?.customer ?? false;
    }
    if (customer) customerLanes.add(lane.id);
  }
  return { today, config, index, departments, customerLanes, customerParticipants, valueChain };
}

/** The facts of the ml:valueChain that governs the audit, searched as everywhere else (src/model/value-chain/locate.ts). */
export function valueChainFactsOf(walk: Pick<ModelWalk, 'collaborations' | 'processes'>): ValueChainFacts | undefined {
  for (const carrier of valueChainCarriers([...walk.collaborations, ...walk.processes])) {
    const facts = readValueChainFacts(carrier);
    if (facts) return facts;
  }
  return undefined;
}

/** Where an element sits, for the finding's lane and department. */
interface Location {
  laneId?: string;
  participantId?: string;
  department?: string;
}

function departmentName(ctx: ElementContext, id: string | undefined): string | undefined {
  if (!id) return undefined;
  const named = ctx.departments.get(id)?.name;
  if (named) return named;
  return (ctx.index.lanes.get(id)?.name || ctx.index.participants.get(id)?.name) ?? undefined;
}

function toLocation(ctx: ElementContext, laneId: string | undefined, participantId: string | undefined): Location {
  return { laneId, participantId, department: departmentName(ctx, laneId ?? participantId) };
}

function locate(ctx: ElementContext, element: ModdleElement): Location {
  return toLocation(ctx, laneOf(ctx.index, element)?.id, participantOf(ctx.index, element));
}

/** Whether a flow node (or a collapsed pool) is on the customer's side. */
export function isCustomerSide(ctx: ElementContext, element: ModdleElement | undefined): boolean {
  if (!element?.id) return false;
  if (typeOf(element) === 'bpmn:Participant') return ctx.customerParticipants.has(element.id);
  const lane = laneOf(ctx.index, element);
  if (lane) return ctx.customerLanes.has(lane.id);
  const participantId = participantOf(ctx.index, element);
  return participantId !== undefined && ctx.customerParticipants.has(participantId);
}

function isCustomerHandoverSide(ctx: ElementContext, side: HandoverSide): boolean {
  return (side.laneId !== undefined && ctx.customerLanes.has(side.laneId)) || (side.participantId !== undefined && ctx.customerParticipants.has(side.participantId));
}

function label(element: ModdleElement): string {
  return element.name || element.id || '';
}

/** Where a finding's element sits, resolved to a department on the first finding only. */
interface Place {
  laneId?: string;
  participantId?: string;
  resolved?: Location;
}

function resolve(ctx: ElementContext, place: Place): Location {
  return (place.resolved ??= toLocation(ctx, place.laneId, place.participantId));
}

function makeFinding(
  ctx: ElementContext,
  rule: RuleId,
  element: ModdleElement,
  place: Place,
  messageKey: MessageKey,
  params: Record<string, string | number>,
  evidence: AuditEvidence,
  subject?: string
): AuditFinding {
  // Built in one literal (absent optional fields are undefined, which JSON leaves out):
  // an audit of 10,000 flow nodes creates thousands of these.
  const location = resolve(ctx, place);
  return {
    id: `${rule}|${element.id}|${subject ?? ''}`,
    rule,
    severity: ctx.config[rule].severity,
    painPoint: RULES[rule].painPoint,
    elementId: element.id!,
    elementName: (element.name as string | undefined) || undefined,
    elementType: typeOf(element),
    subject,
    laneId: location.laneId,
    participantId: location.participantId,
    department: location.department,
    messageKey,
    params,
    message: englishMessage(messageKey, params, evidence),
    evidence
  };
}

function on(ctx: ElementContext, rule: RuleId): boolean {
  return ctx.config[rule].enabled;
}

function kpiSubject(kpi: KpiFacts): string {
  return kpi.id ?? `#${kpi.index + 1}`;
}

function kpiLabel(kpi: KpiFacts): string {
  return kpi.name ?? kpi.id ?? `#${kpi.index + 1}`;
}

/** Formats a number for a message: at most two decimals, no exponent. */
function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** What most elements of a model yield: one shared empty list, not an array per element. */
const NO_FINDINGS: readonly AuditFinding[] = Object.freeze([]);

/** The findings of the activity rules for one activity (none for the customer's own activities). */
export function evaluateActivity(ctx: ElementContext, activity: ModdleElement): readonly AuditFinding[] {
  const laneId = laneOf(ctx.index, activity)?.id;
  const participantId = participantOf(ctx.index, activity);
  if (laneId ? ctx.customerLanes.has(laneId) : participantId !== undefined && ctx.customerParticipants.has(participantId)) return NO_FINDINGS;
  const facts = readStepFacts(activity);
  // Most activities of a well-kept model have no findings: the department is named only when needed.
  const place: Place = { laneId, participantId };
  const name = label(activity);
  const out: AuditFinding[] = [];

  if (on(ctx, 'activity-kpi') && facts.kpis.length === 0) {
    out.push(makeFinding(ctx, 'activity-kpi', activity, place, 'activity-kpi.missing', { activity: name }, { missing: ['kpi'] }));
  }

  if (on(ctx, 'kpi-smart')) {
    for (const kpi of facts.kpis) {
      if (kpi.unit !== undefined && kpi.target !== undefined && kpi.periodStart !== undefined && kpi.periodEnd !== undefined) continue;
      const missing: string[] = [];
      if (kpi.unit === undefined) missing.push('unit');
      if (kpi.target === undefined) missing.push('target');
      if (kpi.periodStart === undefined) missing.push('periodStart');
      if (kpi.periodEnd === undefined) missing.push('periodEnd');
      const invalid = kpi.invalid.filter((v) => /\.(target|periodStart|periodEnd)$/.test(v.field));
      out.push(
        makeFinding(
          ctx,
          'kpi-smart',
          activity,
          place,
          'kpi-smart.incomplete',
          { activity: name, kpi: kpiLabel(kpi), missing: smartGapsText(missing, 'en') },
          { missing, values: { kpiId: kpi.id ?? null, kpiName: kpi.name ?? null }, ...(invalid.length > 0 ? { invalid } : {}) },
          kpiSubject(kpi)
        )
      );
    }
  }

  if (on(ctx, 'kpi-realised')) {
    const grace = ctx.config['kpi-realised'].tolerance ?? 0;
    for (const kpi of facts.kpis) {
      if (kpi.periodEnd === undefined || kpi.realised !== undefined || kpi.evidence !== undefined) continue;
      if (addDays(kpi.periodEnd, grace) >= ctx.today) continue;
      const invalid = kpi.invalid.filter((v) => v.field.endsWith('.realised'));
      out.push(
        makeFinding(
          ctx,
          'kpi-realised',
          activity,
          place,
          'kpi-realised.missing',
          { activity: name, kpi: kpiLabel(kpi), periodEnd: kpi.periodEnd },
          {
            missing: ['realised'],
            values: { kpiId: kpi.id ?? null, kpiName: kpi.name ?? null, periodEnd: kpi.periodEnd, today: ctx.today, graceDays: grace, measurements: kpi.measurements },
            ...(invalid.length > 0 ? { invalid } : {})
          },
          kpiSubject(kpi)
        )
      );
    }
  }

  const resources = facts.resources;
  if (on(ctx, 'activity-resources') && resources?.plannedBudget === undefined && resources?.plannedHours === undefined) {
    const invalid = (resources?.invalid ?? []).filter((v) => /\.planned/.test(v.field));
    out.push(
      makeFinding(
        ctx,
        'activity-resources',
        activity,
        place,
        'activity-resources.missing',
        { activity: name },
        { missing: resources ? ['plannedBudget', 'plannedHours'] : ['resources'], ...(invalid.length > 0 ? { invalid } : {}) }
      )
    );
  }

  if (on(ctx, 'resource-overrun') && resources) {
    const tolerance = ctx.config['resource-overrun'].tolerance ?? 0;
    const budget = overrun(ctx, activity, place, name, resources, 'budget', resources.plannedBudget, resources.realisedBudget, tolerance);
    if (budget) out.push(budget);
    const hours = overrun(ctx, activity, place, name, resources, 'hours', resources.plannedHours, resources.realisedHours, tolerance);
    if (hours) out.push(hours);
  }

  if (on(ctx, 'activity-accountable')) {
    let count = 0;
    for (const a of facts.assignments) if (a.responsibility === 'accountable') count++;
    if (count !== 1) {
      const accountable = facts.assignments.filter((a) => a.responsibility === 'accountable').map((a) => a.role ?? '?');
      out.push(
        accountable.length === 0
          ? makeFinding(ctx, 'activity-accountable', activity, place, 'activity-accountable.none', { activity: name }, {
              missing: ['accountable'],
              values: { assignments: facts.assignments.map((a) => ({ role: a.role ?? null, responsibility: a.responsibility ?? null })) }
            })
          : makeFinding(
              ctx,
              'activity-accountable',
              activity,
              place,
              'activity-accountable.several',
              { activity: name, count: accountable.length, roles: englishList(accountable.map((id) => ctx.valueChain?.roleNames.get(id) ?? id)) },
              { values: { accountable } }
            )
      );
    }
  }
  return out.length > 0 ? out : NO_FINDINGS;
}

/** The resource-overrun finding of one measure (budget or hours), if realised exceeds planned by more than the tolerance. */
function overrun(
  ctx: ElementContext,
  activity: ModdleElement,
  place: Place,
  name: string,
  resources: ResourceFacts,
  subject: 'budget' | 'hours',
  planned: number | undefined,
  realised: number | undefined,
  tolerance: number
): AuditFinding | undefined {
  if (planned === undefined || realised === undefined) return undefined;
  // (realised − planned) / planned > tolerance %, without dividing (planned may be 0).
  if ((realised - planned) * 100 <= tolerance * planned) return undefined;
  const percent = planned > 0 ? Math.round(((realised - planned) / planned) * 1000) / 10 : null;
  return makeFinding(
    ctx,
    'resource-overrun',
    activity,
    place,
    subject === 'budget' ? 'resource-overrun.budget' : 'resource-overrun.hours',
    {
      activity: name,
      planned: formatNumber(planned),
      realised: formatNumber(realised),
      percent: percent === null ? '∞' : String(percent),
      tolerance: formatNumber(tolerance),
      currency: resources.currency
    },
    { values: { planned, realised, overrunPercent: percent, tolerancePercent: tolerance, ...(subject === 'budget' ? { currency: resources.currency } : {}) } },
    subject
  );
}

/** Whether an agreement covers a handover: agreed (or agreed and under review), naming deliverable, provider and receiver. */
export function agreementGaps(agreement: Agreement | null): string[] {
  if (!agreement) return ['agreement'];
  const gaps: string[] = [];
  if (agreement.status !== 'agreed' && agreement.status !== 'under-review') gaps.push('status');
  if (!agreement.deliverable) gaps.push('deliverable');
  if (!agreement.providerRole) gaps.push('providerRole');
  if (!agreement.receiverRole) gaps.push('receiverRole');
  return gaps;
}

/** Whether an agreement covers its handover: agreementGaps finds nothing (without building the list). */
function covers(agreement: Agreement | null): boolean {
  return (
    agreement !== null &&
    (agreement.status === 'agreed' || agreement.status === 'under-review') &&
    !!agreement.deliverable &&
    !!agreement.providerRole &&
    !!agreement.receiverRole
  );
}

/**
 * A handover with its departments and coverage. It completes the fresh handover that
 * auditHandoverOf just made, in place: the departments and `covered` come after the
 * handover's own fields, as a copy would have them, without copying every handover.
 */
function toAuditHandover(ctx: ElementContext, handover: Handover): AuditHandover {
  const fromDepartment = departmentName(ctx, handover.from.laneId ?? handover.from.participantId);
  const toDepartment = departmentName(ctx, handover.to.laneId ?? handover.to.participantId);
  const audited = handover as AuditHandover;
  if (fromDepartment) audited.fromDepartment = fromDepartment;
  if (toDepartment) audited.toDepartment = toDepartment;
  audited.covered = covers(handover.agreement);
  return audited;
}

/** A flow's handover as the audit reports it (by the model's own definition, src/model/handovers.ts), if it is one. */
export function auditHandoverOf(ctx: ElementContext, flow: ModdleElement, kind: 'sequence' | 'message'): AuditHandover | undefined {
  const handover = kind === 'sequence' ? sequenceFlowHandover(flow, ctx.index) : messageFlowHandover(flow, ctx.index);
  return handover && toAuditHandover(ctx, handover);
}

/** A handover's findings belong to the provider; another flow's to its source. */
function flowPlace(ctx: ElementContext, flow: ModdleElement, handover: AuditHandover | undefined): Place {
  if (!handover) return { resolved: locate(ctx, flow.sourceRef ?? flow) };
  return { resolved: { laneId: handover.from.laneId, participantId: handover.from.participantId, department: handover.fromDepartment } };
}

/** A flow in a message: provider → receiver (and its name), or just its name. */
function describeFlow(flow: ModdleElement, handover: AuditHandover | undefined): string {
  if (!handover) return `“${label(flow)}”`;
  const from = handover.fromDepartment ?? handover.from.name ?? handover.from.elementId;
  const to = handover.toDepartment ?? handover.to.name ?? handover.to.elementId;
  return `“${from}” → “${to}”${flow.name ? ` (“${flow.name}”)` : ''}`;
}

/** The findings of the flow rules for one sequence or message flow. */
export function evaluateFlow(ctx: ElementContext, flow: ModdleElement, handover: AuditHandover | undefined): readonly AuditFinding[] {
  if (!handover && !flow.extensionElements) return NO_FINDINGS;
  const out: AuditFinding[] = [];

  if (handover && on(ctx, 'handover-agreement')) {
    const gaps = agreementGaps(handover.agreement);
    if (gaps.length > 0) {
      const sides = { from: handover.from.name ?? handover.from.elementId, to: handover.to.name ?? handover.to.elementId };
      const values = { from: sides.from, to: sides.to, kind: handover.kind, status: handover.agreementStatus };
      if (gaps[0] === 'agreement') {
        out.push(makeFinding(ctx, 'handover-agreement', flow, flowPlace(ctx, flow, handover), 'handover-agreement.missing', { handover: describeFlow(flow, handover) }, { missing: ['agreement'], values }));
      } else if (gaps[0] === 'status') {
        out.push(
          makeFinding(
            ctx,
            'handover-agreement',
            flow,
            flowPlace(ctx, flow, handover),
            'handover-agreement.not-agreed',
            { handover: describeFlow(flow, handover), status: handover.agreementStatus },
            { missing: gaps.map((g) => (g === 'status' ? 'status:agreed' : g)), values }
          )
        );
      } else {
        out.push(
          makeFinding(
            ctx,
            'handover-agreement',
            flow,
            flowPlace(ctx, flow, handover),
            'handover-agreement.incomplete',
            { handover: describeFlow(flow, handover), missing: fieldListText(gaps, 'en') },
            { missing: gaps, values }
          )
        );
      }
    }
  }

  if (on(ctx, 'agreement-overdue')) {
    const agreement = handover ? handover.agreement : getExtension(flow, 'ml:Agreement') ? readAgreement(flow) : null;
    const grace = ctx.config['agreement-overdue'].tolerance ?? 0;
    if (agreement?.reviewDate !== undefined && addDays(agreement.reviewDate, grace) < ctx.today) {
      out.push(
        makeFinding(
          ctx,
          'agreement-overdue',
          flow,
          flowPlace(ctx, flow, handover),
          'agreement-overdue.passed',
          { handover: describeFlow(flow, handover), reviewDate: agreement.reviewDate },
          { values: { reviewDate: agreement.reviewDate, today: ctx.today, graceDays: grace, status: agreement.status ?? 'draft' } }
        )
      );
    }
  }
  return out.length > 0 ? out : NO_FINDINGS;
}

/** A unit the chain rules judge: the collaboration with all processes, or one process when there is none. */
interface ChainUnit {
  element: ModdleElement;
  processIds: Set<string>;
}

function chainUnits(walk: ModelWalk): ChainUnit[] {
  if (walk.collaboration) return [{ element: walk.collaboration, processIds: new Set(walk.processes.map((p) => p.id!)) }];
  return walk.processes.map((p) => ({ element: p, processIds: new Set([p.id!]) }));
}

/** The findings of the chain rules (customer to customer, customer promise), by element id. */
export function evaluateChain(ctx: AuditContext, handovers: Iterable<AuditHandover>): Map<string, AuditFinding[]> {
  const out = new Map<string, AuditFinding[]>();
  const add = (finding: AuditFinding) => {
    const list = out.get(finding.elementId);
    if (list) list.push(finding);
    else out.set(finding.elementId, [finding]);
  };
  const units = chainUnits(ctx.walk);

  if (on(ctx, 'customer-to-customer')) {
    const handoverList = [...handovers];
    for (const unit of units) {
      const chain = label(unit.element);
      const inUnit = (laneOrParticipant: { laneId?: string; participantId?: string }) => {
        const processId = laneOrParticipant.laneId
          ? ctx.index.lanes.get(laneOrParticipant.laneId)?.processId
          : ctx.index.participants.get(laneOrParticipant.participantId ?? '')?.processId;
        return ctx.walk.collaboration !== undefined || (processId !== undefined && unit.processIds.has(processId));
      };
      const customers = [
        ...[...ctx.customerParticipants].filter(() => ctx.walk.collaboration !== undefined),
        ...[...ctx.customerLanes].filter((id) => inUnit({ laneId: id }))
      ];
      if (customers.length === 0) {
        add(makeFinding(ctx, 'customer-to-customer', unit.element, {}, 'customer-to-customer.no-customer', { chain }, { missing: ['customer'] }));
        continue;
      }
      const starts = ctx.walk.startEvents.filter(({ process }) => unit.processIds.has(process.id!) && !isCustomersOwnProcess(ctx, process));
      const fromCustomer = new Set<ModdleElement>();
      for (const f of ctx.walk.messageFlows) if (isCustomerSide(ctx, f.sourceRef as ModdleElement | undefined)) fromCustomer.add(f.targetRef as ModdleElement);
      const triggered = starts.filter(({ event }) => fromCustomer.has(event) || isCustomerSide(ctx, event));
      const toCustomer = handoverList.filter((h) => inUnit(h.to) && isCustomerHandoverSide(ctx, h.to) && !isCustomerHandoverSide(ctx, h.from));
      const missing = [...(triggered.length === 0 ? ['start-from-customer'] : []), ...(toCustomer.length === 0 ? ['end-at-customer'] : [])];
      if (missing.length === 0) continue;
      const key: MessageKey =
        missing.length === 2 ? 'customer-to-customer.start-and-end' : missing[0] === 'start-from-customer' ? 'customer-to-customer.start' : 'customer-to-customer.end';
      add(
        makeFinding(ctx, 'customer-to-customer', unit.element, {}, key, { chain }, {
          missing,
          values: { customer: customers, startEvents: starts.map(({ event }) => event.id!) }
        })
      );
    }
  }

  if (on(ctx, 'customer-promise')) {
    const carrier = ctx.valueChain
      ? [...ctx.walk.collaborations, ...ctx.walk.processes].find((e) => e.id === ctx.valueChain!.elementId)
      : units[0]?.element;
    if (carrier) {
      const chain = label(carrier);
      const promise = ctx.valueChain?.customerPromise;
      if (!ctx.valueChain) {
        add(makeFinding(ctx, 'customer-promise', carrier, {}, 'customer-promise.no-value-chain', { chain }, { missing: ['valueChain'] }));
      } else if (!promise) {
        add(makeFinding(ctx, 'customer-promise', carrier, {}, 'customer-promise.missing', { chain }, { missing: ['customerPromise'] }));
      } else if (promise.text === undefined && promise.target === undefined) {
        add(makeFinding(ctx, 'customer-promise', carrier, {}, 'customer-promise.empty', { chain }, { missing: ['text', 'target'], values: { ...promise } }));
      }
    }
  }
  return out;
}

/** A process drawn in the customer's pool is the customer's own, not the organisation's. */
function isCustomersOwnProcess(ctx: AuditContext, process: ModdleElement): boolean {
  const participantId = ctx.index.participantOfProcess.get(process.id!);
  return participantId !== undefined && ctx.customerParticipants.has(participantId);
}
