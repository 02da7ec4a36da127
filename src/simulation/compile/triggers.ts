/** Where cases begin and how often they arrive. */
import { parseIsoDuration } from '../../model/duration';
import type { ModdleElement } from '../../model/moddle-types';
import { getExtension } from '../../model/value-chain/extension';
import type { Compiler } from './compiler';
import { cumulative } from './elements';
import { parseDecimal } from '../../model/decimal';
import { LENIENT } from './elements';

/** Decides where cases begin: per process, the start events no modelled element sends a message to. */
export function resolveTriggers(c: Compiler, processes: ModdleElement[], processScopeOf: Map<ModdleElement, number>): number[] {
  const triggerScopes: number[] = [];
  let anyStart = false;
  const fedByMessage: string[] = [];
  for (const process of processes) {
    const scope = c.scopes[processScopeOf.get(process)!]!;
    const starts = scope.starts;
    if (starts.length > 0) anyStart = true;
    else if (c.nodes.some((n) => n.scope === scope.index)) c.issues.add('process-without-start', scope.id);
    for (const s of starts) {
      const node = c.nodes[s]!;
      const fromNode = node.messageIn.some((m) => c.messageFlows[m]!.source >= 0);
      if (fromNode) fedByMessage.push(node.id);
      else scope.triggers.push(s);
    }
    if (scope.triggers.length === 0) continue;
    triggerScopes.push(scope.index);
    const weights = scope.triggers.map((s) => {
      const p = parseDecimal(getExtension(c.elementOf[s], 'ml:Simulation')?.probability, LENIENT);
      return p !== undefined && p >= 0 ? p : NaN;
    });
    if (scope.triggers.length > 1) {
      if (weights.some((w) => Number.isNaN(w))) c.issues.add('several-triggers', scope.id);
      const known = weights.filter((w) => !Number.isNaN(w));
      const sum = known.reduce((a, b) => a + b, 0);
      const missing = weights.length - known.length;
      const fill = missing > 0 ? Math.max(0, 100 - sum) / missing : 0;
      const w = weights.map((v) => (Number.isNaN(v) ? fill : v));
      const total = w.reduce((a, b) => a + b, 0);
      scope.triggerRouting = cumulative(total > 0 ? w.map((v) => v / total) : w.map(() => 1 / w.length));
    } else scope.triggerRouting = cumulative([1]);
  }
  if (c.nodes.length === 0) c.issues.add('nothing-to-run');
  else if (!anyStart) for (const process of processes) c.issues.add('no-start-event', c.scopes[processScopeOf.get(process)!]!.id);
  else if (triggerScopes.length === 0) for (const id of fedByMessage) c.issues.add('no-trigger', id);
  return triggerScopes;
}

/** Arrival interval from the first trigger that states one (ml:simulation arrivalInterval, or a timer start's cycle or duration). */
export function readArrivalInterval(c: Compiler, triggerScopes: number[]): number {
  for (const s of triggerScopes) {
    for (const t of c.scopes[s]!.triggers) {
      const el = c.elementOf[t]!;
      const given = parseIsoDuration(getExtension(el, 'ml:Simulation')?.arrivalInterval);
      if (given !== undefined && given > 0) return given;
      const def = (el.eventDefinitions ?? []).find((d) => d.$type === 'bpmn:TimerEventDefinition');
      const cycle = def?.timeCycle?.body;
      if (typeof cycle === 'string') {
        const h = parseIsoDuration(
          cycle
            .split('/')
            .find((part) => /^P/i.test(part.trim()))
            ?.trim()
        );
        if (h !== undefined && h > 0) return h;
      }
      const duration = parseIsoDuration(def?.timeDuration?.body);
      if (duration !== undefined && duration > 0) return duration;
    }
  }
  return NaN;
}
