import { readFileSync } from 'node:fs';
import { parseBpmn } from './src/model/bpmn-io';
import { readValueChain } from './src/model/value-chain/read';
import { runCapacitySimulation, describeFinding } from './src/simulation/capacity';
const { definitions } = await parseBpmn(readFileSync('processes/van-lead-tot-order.bpmn', 'utf8'));
console.log(readValueChain(definitions).issues);
for (const whatIf of [undefined, 'scenario-extra-am', 'scenario-meer-leads', 'scenario-verlengd']) {
  const t0 = performance.now();
  const r = runCapacitySimulation(definitions, { cases: 10000, seed: 1, ...(whatIf ? { whatIf } : {}) });
  console.log(whatIf, Math.round(performance.now() - t0), 'ms', r.cycleTime, r.cost, r.pools.map((p) => [p.id, p.utilisation.toFixed(2), Math.round(p.capacityPerWeek)]));
  for (const f of r.findings) console.log('  ', describeFinding(f, 'nl'));
}
