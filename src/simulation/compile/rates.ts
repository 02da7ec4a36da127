import type { ModdleElement } from '../../model/moddle-types';
import { createSampler, distributionProblem } from '../capacity/distributions';
import { poolOfTask, readCapacityInput } from '../capacity/input';
import { NodeKind } from '../model';
import type { Compiler } from './compiler';

/**
 * The cost of one execution is its hours × the rate of the pool that performs the step
 * (ml:work pool, else the pool of its responsible role) plus ml:work fixedCost; steps
 * that no pool with a rate performs and that have no fixed cost cost nothing.
 */
export function readRates(c: Compiler, definitions: ModdleElement): void {
  const capacity = readCapacityInput(definitions);
  for (const node of c.nodes) {
    if (node.kind !== NodeKind.Task && node.kind !== NodeKind.SubProcess) continue;
    // Inlined called processes carry the call's prefix; their steps are read by their own id.
    const spec = capacity.tasks.get(node.id.slice(node.id.lastIndexOf('/') + 1));
    const pool = node.kind === NodeKind.Task ? poolOfTask(spec, capacity.pools) : -1;
    node.ratePerHour = pool >= 0 ? capacity.pools[pool]!.costPerHour : 0;
    node.fixedCost = spec?.fixedCost ?? 0;
    if (spec?.duration && distributionProblem(spec.duration) === null) node.workHours = createSampler(spec.duration).mean;
    if (node.kind === NodeKind.Task && node.ratePerHour === 0 && node.fixedCost === 0) c.issues.add('missing-rate', node.id);
  }
}
