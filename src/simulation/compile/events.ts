/** Catch, boundary, link and thrown events: how each waits, fires or jumps. */
import { parseIsoDuration } from '../../model/duration';
import type { ModdleElement } from '../../model/moddle-types';
import { getExtension } from '../../model/value-chain/extension';
import { BoundaryTrigger, CatchMode, EventKind, NodeKind, type SimNode } from '../model';
import type { Compiler } from './compiler';
import { isActivityKind } from './elements';

/** Catch event: pass (link), wait for a message, or wait a delay. */
export function readCatch(c: Compiler, node: SimNode, el: ModdleElement): void {
  const delay = c.hours(node.id, getExtension(el, 'ml:Simulation')?.delay);
  node.waitHours = delay ?? 0;
  switch (node.event) {
    case EventKind.Link:
      node.catchMode = CatchMode.Pass;
      return;
    case EventKind.Timer: {
      node.catchMode = CatchMode.Delay;
      const timer = timerHours(el);
      if (timer !== undefined) node.waitHours = timer;
      else c.issues.add('unsupported-timer', node.id);
      return;
    }
    case EventKind.Message:
      node.catchMode = CatchMode.Delay; // upgraded to Message when a modelled element sends to it
      return;
    default:
      node.catchMode = CatchMode.Delay;
      if (delay === undefined) c.issues.add('external-event', node.id);
  }
}

/** Hours of a timer event's duration; undefined for dates, cycles or unreadable text. */
export function timerHours(el: ModdleElement): number | undefined {
  const def = (el.eventDefinitions ?? []).find((d) => d.$type === 'bpmn:TimerEventDefinition');
  const body = def?.timeDuration?.body;
  return typeof body === 'string' ? parseIsoDuration(body) : undefined;
}

/** Boundary event: its host, whether it interrupts, and what makes it fire. */
export function readBoundary(c: Compiler, node: SimNode, el: ModdleElement): void {
  const host = node.attachedTo;
  if (host < 0 || !isActivityKind(c.nodes[host]!.kind)) {
    node.attachedTo = -1;
    c.issues.add('boundary-without-host', node.id);
    return;
  }
  c.nodes[host]!.boundaries.push(node.index);
  node.interrupting = el.cancelActivity !== false;
  const p = c.percent(node.id, getExtension(el, 'ml:Simulation')?.probability);
  if (node.event === EventKind.Timer) {
    const timer = timerHours(el);
    if (timer !== undefined) {
      node.boundaryTrigger = BoundaryTrigger.Timer;
      node.waitHours = timer;
      node.probability = p ?? 1;
      return;
    }
    c.issues.add('unsupported-timer', node.id);
  }
  node.boundaryTrigger = BoundaryTrigger.Probability;
  if (node.event === EventKind.Compensate) {
    node.probability = 0;
    return;
  }
  // Message and thrown triggers are settled once message flows and end events are known.
  node.probability = p ?? NaN;
}

/** Link throw event: the catch event of the same scope it jumps to. */
export function linkThrow(c: Compiler, node: SimNode): void {
  const el = c.elementOf[node.index]!;
  const def = (el.eventDefinitions! ?? [])[0];
  const name = def?.name ?? el.name;
  const targetRef = def?.target as ModdleElement | undefined;
  const match = c.nodes.find((n) => {
    if (n.kind !== NodeKind.Catch || n.event !== EventKind.Link || n.scope !== node.scope) return false;
    const cel = c.elementOf[n.index]!;
    const cdef = (cel.eventDefinitions! ?? [])[0];
    if (targetRef) return cdef === targetRef;
    return (cdef?.name ?? cel.name) === name;
  });
  if (match) node.jumpTo = match.index;
  else c.issues.add('link-without-target', node.id);
}

/** Finds the boundary event that catches an error or escalation end event, up the scopes. */
export function catchThrown(c: Compiler, node: SimNode): void {
  const el = c.elementOf[node.index]!;
  const ref = (el.eventDefinitions! ?? [])[0]?.[node.event === EventKind.Error ? 'errorRef' : 'escalationRef'];
  for (let scope = c.scopes[node.scope]!; scope.owner >= 0; scope = c.scopes[c.nodes[scope.owner]!.scope]!) {
    const host = c.nodes[scope.owner]!;
    for (const b of host.boundaries) {
      const boundary = c.nodes[b]!;
      if (boundary.event !== node.event) continue;
      const bref = (c.elementOf[b]!.eventDefinitions! ?? [])[0]?.[node.event === EventKind.Error ? 'errorRef' : 'escalationRef'];
      if (bref && ref && bref !== ref) continue;
      node.jumpTo = b;
      boundary.boundaryTrigger = BoundaryTrigger.Thrown;
      return;
    }
  }
  c.issues.add('uncaught-error', node.id);
}
