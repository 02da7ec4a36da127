import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MissingLinkDb } from '../../../src/storage/db';
import type { ProcessRepository } from '../../../src/storage/process-repository';
import { generateVariants } from '../../support/mutate';
import { FAMILY_GROUPS, HOSTILE_PER_SOURCE } from './hostile-families';
import { HOSTILE_SEED, freshLibrary, guardNetwork, hostileSources, importHostile, tally, type HostileOutcome } from './hostile-support';

const variants = generateVariants(hostileSources(), { seed: HOSTILE_SEED, perSource: HOSTILE_PER_SOURCE, families: FAMILY_GROUPS.structure });
const outcomes: HostileOutcome[] = [];
const network = guardNetwork();
let db: MissingLinkDb;
let repository: ProcessRepository;

beforeAll(async () => {
  ({ db, repository } = await freshLibrary('structure'));
});

afterAll(() => {
  db?.close();
  if (process.env.ROBUSTNESS_VERBOSE) console.log(JSON.stringify(tally(outcomes)));
});

describe('hostile files (structure): ', () => {
  it.each(variants.map((v) => [v.id, v] as const))('%s opens or is refused clearly, within 5 s', async (_id, variant) => {
    outcomes.push(await importHostile(variant, repository));
  });

  it('reached no network and stored exactly the files that opened', async () => {
    expect(network.calls).toBe(0);
    const opened = outcomes.filter((o) => o.result === 'opened').length;
    const { processes, problems } = await repository.list();
    expect(problems).toEqual([]);
    expect(processes.length).toBeLessThanOrEqual(opened);
  });
});
