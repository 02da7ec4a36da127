/** Reads what each node does: activity durations, costs and loops, and the events of the model. */
import type { ModdleElement } from '../../model/moddle-types';
import { getExtension } from '../../model/value-chain/extension';
import { parseDecimal } from '../../model/decimal';
import { LENIENT } from './elements';
import { EventKind, LoopKind, NodeKind, type DurationSpec, type SimNode } from '../model';
import type { Compiler } from './compiler';
import { isActivityKind, isCompensationHandler, ZERO } from './elements';
import { catchThrown, linkThrow, readBoundary, readCatch } from './events';
import { readActivityRouting, readExclusiveRouting, readInclusiveRouting } from './routing';

/** Reads durations, costs, loops, routing and events of every node. */
export function readNodeDetails(c: Compiler): void {
  for (const node of c.nodes) {
    const el = c.elementOf[node.index]!;
    if (isActivityKind(node.kind)) readActivity(c, node, el);
    switch (node.kind) {
      case NodeKind.Exclusive:
        readExclusiveRouting(c, node, el);
        break;
      case NodeKind.Inclusive:
        readInclusiveRouting(c, node, el);
        break;
      case NodeKind.Catch:
        readCatch(c, node, el);
        break;
      case NodeKind.Boundary:
        readBoundary(c, node, el);
        break;
      default:
        break;
    }
    if (isActivityKind(node.kind) && node.outgoing.length > 1) readActivityRouting(c, node, el);
  }
  for (const node of c.nodes) {
    if (isCompensationHandler(c.elementOf[node.index]!)) c.issues.add('compensation', node.id);
    if (node.kind === NodeKind.Throw && node.event === EventKind.Link) linkThrow(c, node);
    if (node.kind === NodeKind.End && (node.event === EventKind.Error || node.event === EventKind.Escalation)) catchThrown(c, node);
    if (node.event === EventKind.Compensate && node.kind !== NodeKind.Start) c.issues.add('compensation', node.id);
  }
}

function readActivity(c: Compiler, node: SimNode, el: ModdleElement): void {
  const step = getExtension(el, 'ml:Step');
  node.accountable = (step?.assignments ?? []).some(
    (a) => a.responsibility === 'accountable' && typeof a.role === 'string' && a.role.trim() !== ''
  );
  if (node.kind === NodeKind.Task) readDuration(c, node, step?.duration as ModdleElement | undefined);
  readCost(c, node, step?.resources as ModdleElement | undefined);
  node.receives = el.$type === 'bpmn:ReceiveTask';
  const loop = el.loopCharacteristics as ModdleElement | undefined;
  if (loop?.$type === 'bpmn:StandardLoopCharacteristics') {
    node.loop = LoopKind.Standard;
    node.testBefore = loop.testBefore === true;
    const max = Number(loop.loopMaximum);
    if (loop.loopMaximum != null && Number.isFinite(max) && max >= 0) node.loopMaximum = Math.floor(max);
    const repeat = c.percent(node.id, getExtension(el, 'ml:Simulation')?.repeatProbability);
    if (repeat === undefined) {
      c.issues.add('missing-repeat-probability', node.id);
      node.repeat = 0.5;
    } else node.repeat = repeat;
  } else if (loop?.$type === 'bpmn:MultiInstanceLoopCharacteristics') {
    node.loop = loop.isSequential ? LoopKind.Sequential : LoopKind.Parallel;
    const body = loop.loopCardinality?.body;
    const n = parseDecimal(typeof body === 'string' ? body : undefined, LENIENT);
    if (n === undefined || n < 0 || !Number.isInteger(n)) {
      c.issues.add('missing-cardinality', node.id);
      node.cardinality = 1;
    } else node.cardinality = n;
    if (loop.completionCondition) c.issues.add('completion-condition', node.id);
  }
}

function readDuration(c: Compiler, node: SimNode, d: ModdleElement | undefined): void {
  const planned = c.hours(node.id, d?.planned);
  const min = c.hours(node.id, d?.min);
  const mode = c.hours(node.id, d?.mostLikely);
  const max = c.hours(node.id, d?.max);
  let spec: DurationSpec | undefined;
  const given = [min, mode, max].filter((v): v is number => v !== undefined);
  const rangeWritten = d?.min != null || d?.mostLikely != null || d?.max != null;
  if (min !== undefined && mode !== undefined && max !== undefined && min <= mode && mode <= max) {
    spec = { min, mode, max };
  } else if (rangeWritten) {
    c.issues.add('invalid-duration-range', node.id);
    const v = planned ?? (given.length ? given.reduce((a, b) => a + b, 0) / given.length : undefined);
    if (v !== undefined) spec = { min: v, mode: v, max: v };
  } else if (planned !== undefined) {
    spec = { min: planned, mode: planned, max: planned };
  }
  const realised = c.hours(node.id, d?.realisedAverage);
  if (!spec) {
    if (d?.planned == null && !rangeWritten)
      c.issues.add(realised === undefined ? 'missing-duration' : 'missing-planned-duration', node.id);
    spec = ZERO;
  } else if (realised === undefined) c.issues.add('missing-realised-duration', node.id);
  node.duration = [spec, realised !== undefined ? { min: realised, mode: realised, max: realised } : spec];
}

function readCost(c: Compiler, node: SimNode, r: ModdleElement | undefined): void {
  const planned = c.number(node.id, r?.plannedBudget);
  const realised = c.number(node.id, r?.realisedBudget);
  if (planned === undefined && realised === undefined && node.kind === NodeKind.Task) c.issues.add('missing-budget', node.id);
  if (realised === undefined && planned !== undefined) c.issues.add('missing-realised-budget', node.id);
  node.plannedBudget = planned ?? NaN;
  node.budget = [planned ?? 0, realised ?? planned ?? 0];
  if (r && (planned !== undefined || realised !== undefined)) {
    const currency = typeof r.currency === 'string' && r.currency.trim() ? r.currency.trim().toUpperCase() : 'EUR';
    c.currencies.set(currency, (c.currencies.get(currency) ?? 0) + 1);
  }
}
