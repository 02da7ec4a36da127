/** Graph checks the engine relies on: reachability, dead ends and inclusive-join upstreams. */
import { EventKind, NodeKind } from '../model';
import type { Compiler } from './compiler';
import { isCompensationHandler } from './elements';

/**
 * Graph checks before a run: which nodes no case reaches, which cannot reach an end
 * event of their own scope (dead ends), and for each inclusive join which nodes can
 * still send it a token (the join waits while a token sits on one of them).
 */
export function analyseGraph(c: Compiler, triggerScopes: number[]): { unreachable: string[]; upstream: Map<number, Uint8Array> } {
  const n = c.nodes.length;
  // Same-scope successor edges: sequence flows, host → boundary, link throw → catch.
  const next: number[][] = c.nodes.map(() => []);
  for (const f of c.flows) next[f.source]!.push(f.target);
  for (const node of c.nodes) {
    for (const b of node.boundaries) next[node.index]!.push(b);
    if (node.kind === NodeKind.Throw && node.jumpTo >= 0) next[node.index]!.push(node.jumpTo);
  }
  const prev: number[][] = c.nodes.map(() => []);
  next.forEach((targets, source) => targets.forEach((t) => prev[t]!.push(source)));

  // Reachability also follows scope entry, messages and thrown errors.
  const reach = new Uint8Array(n);
  const stack: number[] = [];
  const visit = (i: number) => {
    if (i >= 0 && !reach[i]) {
      reach[i] = 1;
      stack.push(i);
    }
  };
  for (const s of triggerScopes) for (const t of c.scopes[s]!.triggers) visit(t);
  for (const mf of c.messageFlows) if (mf.source < 0) visit(mf.target);
  while (stack.length) {
    const i = stack.pop()!;
    const node = c.nodes[i]!;
    for (const t of next[i]!) visit(t);
    if (node.childScope >= 0) for (const s of c.scopes[node.childScope]!.starts) visit(s);
    for (const m of node.messageOut) visit(c.messageFlows[m]!.target);
    if (node.kind === NodeKind.End && node.jumpTo >= 0) visit(node.jumpTo);
  }
  // Compensation is not simulated: its handlers and boundary events are neither unreachable nor dead ends.
  const compensation = (i: number) => c.nodes[i]!.event === EventKind.Compensate || isCompensationHandler(c.elementOf[i]!);
  const unreachable: string[] = [];
  for (const node of c.nodes) if (!reach[node.index] && !compensation(node.index)) unreachable.push(node.id);

  // Dead ends: nodes from which no end event of the same scope can be reached.
  const toEnd = new Uint8Array(n);
  for (const node of c.nodes) {
    if (node.kind === NodeKind.End) {
      toEnd[node.index] = 1;
      stack.push(node.index);
    }
  }
  while (stack.length) {
    const i = stack.pop()!;
    for (const p of prev[i]!) {
      if (!toEnd[p]) {
        toEnd[p] = 1;
        stack.push(p);
      }
    }
  }
  for (const node of c.nodes) node.deadEnd = !toEnd[node.index] && !compensation(node.index);

  const upstream = new Map<number, Uint8Array>();
  for (const node of c.nodes) {
    if (node.kind !== NodeKind.Inclusive || node.incoming.length < 2) continue;
    const up = new Uint8Array(n);
    for (const f of node.incoming) {
      const s = c.flows[f]!.source;
      if (s !== node.index && !up[s]) {
        up[s] = 1;
        stack.push(s);
      }
    }
    while (stack.length) {
      const i = stack.pop()!;
      for (const p of prev[i]!) {
        if (p !== node.index && !up[p]) {
          up[p] = 1;
          stack.push(p);
        }
      }
    }
    upstream.set(node.index, up);
    c.scopes[node.scope]!.inclusiveJoins.push(node.index);
  }
  return { unreachable, upstream };
}
