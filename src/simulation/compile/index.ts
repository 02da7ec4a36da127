/**
 * Compiles parsed BPMN definitions (bpmn-moddle + the ml: extension) into the
 * indexed SimModel the engine runs, and checks the model first: everything the
 * engine has to assume is reported as an issue naming the elements and the default
 * used; anything it would misread is an error and no run starts.
 *
 * The pieces: `compiler.ts` builds scopes, nodes and flows; `node-details.ts`,
 * `routing.ts` and `events.ts` read what each node does; `triggers.ts` decides where
 * cases begin; `graph.ts` checks reachability; `value-chain.ts` reads the ml: data the
 * run needs; `issue-texts.ts` holds the wording of every issue.
 */
import type { ModdleElement } from '../../model/moddle-types';
import { linkModelRelations } from '../model-relations';
import type { SimModel } from '../model';
import { Compiler, type CompileOptions } from './compiler';
import { rootElements } from './elements';
import { analyseGraph } from './graph';
import { readNodeDetails } from './node-details';
import { readEventGateways } from './routing';
import { readArrivalInterval, resolveTriggers } from './triggers';
import { findValueChainIn } from '../../model/value-chain/locate';
import { readExemptions, readPromise, readRules } from './value-chain';
import { readRates } from './rates';

export type { CompileOptions } from './compiler';

/** Compiles BPMN definitions into the engine's model, with the issues found on the way. */
export function compileModel(definitions: ModdleElement, options: CompileOptions = {}): SimModel {
  const c = new Compiler(definitions, options);
  const roots = rootElements(definitions);
  const processes = roots.filter((r) => r.$type === 'bpmn:Process');
  const processScopeOf = new Map<ModdleElement, number>();
  for (const process of processes) processScopeOf.set(process, c.compileScope(process, 'process', -1, '', true));
  readNodeDetails(c);
  c.readMessageFlows(processScopeOf);
  readEventGateways(c);

  const relations = linkModelRelations(definitions, c.nodes, c.elementOf, c.flows, c.messageFlows);
  c.departments.push(...relations.departments);

  readExemptions(c);
  const triggerScopes = resolveTriggers(c, processes, processScopeOf);
  const { unreachable, upstream } = analyseGraph(c, triggerScopes);
  const valueChain = findValueChainIn(roots);
  const rules = readRules(valueChain);
  const promise = readPromise(valueChain);
  const arrival = readArrivalInterval(c, triggerScopes);

  if (c.currencies.size > 1) c.issues.add('mixed-currencies', [...c.currencies.keys()].join(', '));
  const currency = [...c.currencies.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'EUR';
  readRates(c, definitions);
  const issues = c.issues.list((id) => c.label(id));
  return {
    nodes: c.nodes,
    flows: c.flows,
    messageFlows: c.messageFlows,
    scopes: c.scopes,
    departments: c.departments,
    handovers: relations.handovers,
    triggerScopes,
    upstream,
    unreachable,
    arrivalIntervalHours: arrival,
    customerPromise: promise,
    hasCustomerSide: c.departments.some((d) => d.customer),
    currency,
    rules,
    exemptions: c.exemptions,
    issues,
    hasErrors: issues.some((i) => i.severity === 'error')
  };
}
