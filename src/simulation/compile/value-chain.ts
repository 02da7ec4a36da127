/** The value-chain data the simulation reads: exemptions, rule settings and the customer promise. */
import { parseIsoDuration } from '../../model/duration';
import type { ModdleElement } from '../../model/moddle-types';
import { getExtensions } from '../../model/value-chain/extension';
import { FLAG_KINDS } from '../flags';
import type { SimCustomerPromise, SimRuleSetting } from '../model';
import type { Compiler } from './compiler';
import { rootElements } from './elements';
import { parseDecimal } from '../../model/decimal';
import { LENIENT } from './elements';

/** Rule exemptions (ml:exemption) on nodes, flows and message flows, for known rules only. */
export function readExemptions(c: Compiler): void {
  const known = new Set<string>(FLAG_KINDS);
  const read = (el: ModdleElement | undefined, id: string, into: string[]) => {
    for (const ex of getExtensions(el, 'ml:Exemption')) {
      const rule = typeof ex.rule === 'string' ? ex.rule.trim() : '';
      if (!known.has(rule)) continue;
      into.push(rule);
      c.exemptions.push({ elementId: id, rule, reason: ex.reason ?? '', by: ex.by ?? '', date: ex.date ?? '' });
    }
  };
  for (const node of c.nodes) read(c.elementOf[node.index], node.id, node.exempt);
  for (const flow of c.flows) read(c.flowElementOf[flow.index], flow.id, flow.exempt);
  const mfElements = new Map<string, ModdleElement>();
  for (const r of rootElements(c.definitions)) for (const mf of r.messageFlows ?? []) if (mf.id) mfElements.set(mf.id, mf);
  for (const mf of c.messageFlows) read(mfElements.get(mf.id), mf.id, mf.exempt);
}

/** Rule settings (enabled, tolerance) by rule id. */
export function readRules(valueChain: ModdleElement | undefined): Map<string, SimRuleSetting> {
  const rules = new Map<string, SimRuleSetting>();
  for (const s of valueChain?.ruleSettings ?? []) {
    if (typeof s.rule !== 'string') continue;
    const tolerance = parseDecimal(s.tolerance, LENIENT);
    rules.set(s.rule.trim(), {
      enabled:
        String(s.enabled ?? 'true')
          .trim()
          .toLowerCase() !== 'false',
      tolerance: tolerance !== undefined && tolerance > 0 ? tolerance : 0
    });
  }
  return rules;
}

/** The customer promise, with a lead-time target in calendar hours. */
export function readPromise(valueChain: ModdleElement | undefined): SimCustomerPromise | null {
  const p = valueChain?.customerPromise as ModdleElement | undefined;
  if (!p) return null;
  const measure = typeof p.measure === 'string' ? p.measure.trim() : '';
  const workingDays =
    String(p.workingDays ?? '')
      .trim()
      .toLowerCase() === 'true';
  let targetHours = NaN;
  if (measure === 'lead-time') {
    const h = parseIsoDuration(typeof p.target === 'string' ? p.target : undefined);
    // Simulated time runs on calendar hours; n working days take n × 7/5 calendar days.
    if (h !== undefined) targetHours = workingDays ? (h * 7) / 5 : h;
  }
  return {
    text: p.text ?? '',
    measure,
    target: typeof p.target === 'string' ? p.target : '',
    unit: p.unit ?? '',
    workingDays,
    targetHours
  };
}
