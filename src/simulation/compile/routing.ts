/** How tokens leave a split: probabilities per flow, conditional branches, event-based races. */
import type { ModdleElement } from '../../model/moddle-types';
import { getExtension } from '../../model/value-chain/extension';
import { CatchMode, EventKind, NodeKind, SplitMode, type SimNode } from '../model';
import type { Compiler } from './compiler';
import { cumulative } from './elements';
import { timerHours } from './events';

function flowProbability(c: Compiler, flowIndex: number): number | undefined {
  const flow = c.flows[flowIndex]!;
  return c.percent(flow.id, getExtension(c.flowElementOf[flowIndex], 'ml:Simulation')?.probability);
}

/** Exactly-one routing: explicit probabilities, the rest shared equally by flows without one. */
export function oneOfRouting(c: Compiler, node: SimNode, defaultFlow: number): void {
  node.split = SplitMode.One;
  node.defaultOut = defaultFlow;
  const n = node.outgoing.length;
  const p = node.outgoing.map((f) => flowProbability(c, f));
  const missing = p.map((v, i) => (v === undefined ? i : -1)).filter((i) => i >= 0);
  const sum = p.reduce<number>((s, v) => s + (v ?? 0), 0);
  const weights = new Array<number>(n).fill(0);
  if (missing.length === n) {
    if (n > 1) c.issues.add('missing-probability', node.id);
    weights.fill(1 / n);
  } else {
    // A default flow left without a probability simply takes the remainder.
    const onlyDefaultMissing = missing.length === 1 && missing[0] === defaultFlow;
    if (missing.length > 0 && !onlyDefaultMissing) c.issues.add('missing-probability', node.id);
    const rest = 1 - sum;
    if (missing.length === 0 || rest < -1e-9) {
      if (Math.abs(sum - 1) > 1e-9) c.issues.add('probabilities-normalised', node.id);
      for (let i = 0; i < n; i++) weights[i] = sum > 0 ? (p[i] ?? 0) / sum : 1 / n;
    } else {
      for (let i = 0; i < n; i++) weights[i] = p[i] ?? Math.max(0, rest) / missing.length;
      if (missing.length === 0 && Math.abs(sum - 1) > 1e-9) c.issues.add('probabilities-normalised', node.id);
    }
  }
  node.routing = cumulative(weights);
}

/** Independent-branch routing for inclusive splits and conditional flows. */
function someOfRouting(c: Compiler, node: SimNode, defaultFlow: number, conditional: boolean[] | undefined): void {
  node.split = SplitMode.Some;
  node.defaultOut = defaultFlow;
  node.routing = new Float64Array(node.outgoing.length);
  node.outgoing.forEach((f, i) => {
    if (i === defaultFlow) return;
    if (conditional && !conditional[i]) {
      node.routing[i] = 1; // an unconditional flow out of an activity is always taken
      return;
    }
    const p = flowProbability(c, f);
    if (p === undefined) c.issues.add('missing-branch-probability', c.flows[f]!.id);
    node.routing[i] = p ?? 0.5;
  });
}

function defaultIndex(c: Compiler, node: SimNode, el: ModdleElement): number {
  const def = el.default as ModdleElement | undefined;
  if (!def) return -1;
  return node.outgoing.findIndex((f) => c.flowElementOf[f] === def);
}

/** Exclusive split: exactly one outgoing flow, drawn by probability. */
export function readExclusiveRouting(c: Compiler, node: SimNode, el: ModdleElement): void {
  if (node.outgoing.length > 1) oneOfRouting(c, node, defaultIndex(c, node, el));
}

/** Inclusive split: each outgoing flow taken independently. */
export function readInclusiveRouting(c: Compiler, node: SimNode, el: ModdleElement): void {
  if (node.outgoing.length > 1) someOfRouting(c, node, defaultIndex(c, node, el), undefined);
}

/** Activity with a default or conditional flow: its conditional flows are taken independently. */
export function readActivityRouting(c: Compiler, node: SimNode, el: ModdleElement): void {
  const def = defaultIndex(c, node, el);
  const conditional = node.outgoing.map((f) => !!c.flowElementOf[f]!.conditionExpression);
  if (def >= 0 || conditional.some(Boolean)) someOfRouting(c, node, def, conditional);
}

/** Event-based gateways: a race when every event happens by itself, otherwise a choice by probability. */
export function readEventGateways(c: Compiler): void {
  for (const node of c.nodes) if (node.kind === NodeKind.EventBased) readEventGateway(c, node);
}

function readEventGateway(c: Compiler, node: SimNode): void {
  const targets = node.outgoing.map((f) => c.nodes[c.flows[f]!.target]!);
  if (targets.some((t) => t.kind !== NodeKind.Catch && !(t.kind === NodeKind.Task && t.type === 'bpmn:ReceiveTask'))) {
    c.issues.add('invalid-event-gateway', node.id);
    return;
  }
  const anyProbability = node.outgoing.some((f) => getExtension(c.flowElementOf[f], 'ml:Simulation')?.probability != null);
  // An event happens by itself when it is a timer, a message a modelled element sends, or has a delay.
  for (const t of targets) {
    t.happensByItself =
      t.catchMode === CatchMode.Message ||
      getExtension(c.elementOf[t.index], 'ml:Simulation')?.delay != null ||
      (t.event === EventKind.Timer && timerHours(c.elementOf[t.index]!) !== undefined);
  }
  // A message that another part of the model sends decides the race: drawing the branch
  // instead would contradict what the sender did (an order sent while the quote expires).
  const messageDecides = targets.some((t) => t.catchMode === CatchMode.Message);
  if (messageDecides) {
    node.split = SplitMode.All;
    if (anyProbability) c.issues.add('event-gateway-race', node.id);
  } else if (anyProbability || !targets.every((t) => t.happensByItself)) oneOfRouting(c, node, -1);
  else node.split = SplitMode.All;
}
