import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../../../src/model/bpmn-io';
import { readValueChain } from '../../../../src/model/value-chain/read';
import { runBatch } from '../../../../src/simulation/batch';
import { describeFinding, runCapacitySimulation } from '../../../../src/simulation/capacity';
import { compileModel } from '../../../../src/simulation/compile';

const XML = readFileSync(new URL('../../../../processes/van-lead-tot-order.bpmn', import.meta.url), 'utf8');

describe('the sample Van lead tot order with capacity data', () => {
  it('reads its pools, calendars, arrivals and scenarios without a schema problem', async () => {
    const { definitions } = await parseBpmn(XML);
    const snapshot = readValueChain(definitions);
    expect(snapshot.issues.filter((i) => i.field.startsWith('capacity') || i.field.startsWith('work'))).toEqual([]);
    expect(snapshot.valueChain!.capacity!.pools.map((p) => p.id)).toContain('pool-accountmanagers');
    expect(snapshot.valueChain!.capacity!.scenarios.map((s) => s.name)).toEqual(['+1 accountmanager', '20 % meer leads', 'Verkoop tot 20:00 bereikbaar']);
  });

  it('costs about its KPI per lead (at most €45, realised €41), not the €30,135 of step budgets taken as costs', async () => {
    const { definitions } = await parseBpmn(XML);
    const result = runCapacitySimulation(definitions, { cases: 3000, seed: 1 });
    expect(result.mode).toBe('capacity');
    expect(result.arrivalsPerWeek).toBe(200);
    expect(result.cost.perCase).toBeGreaterThan(35);
    expect(result.cost.perCase).toBeLessThan(50);
    // three account managers on office hours; leads wait, work pauses at night and at weekends
    expect(result.pools.find((p) => p.id === 'pool-accountmanagers')!.capacity).toBe(3);
    expect(result.split.waiting).toBeGreaterThan(0);
    expect(result.split.offCalendar).toBeGreaterThan(result.split.processing);
    expect(result.promise!.measuredTo).toBe('l2o_k_eind');
    // and a marketeer reads it in plain Dutch
    const sentences = result.findings.map((f) => describeFinding(f, 'nl'));
    expect(sentences.some((s) => s.startsWith('Accountmanagers (3) is ') && s.endsWith('van de werktijd bezig.'))).toBe(true);
    expect(sentences.some((s) => s.startsWith('De belofte (Offerte binnen 3 werkdagen'))).toBe(true);
    expect(sentences).toContain('Budgetten van stappen gelden voor een periode; ze worden op het dashboard vergeleken en nooit over gevallen verdeeld.');
  });

  it('the batch without queues prices a lead the same way: hours × rate, about €43, not the steps\' budgets', async () => {
    const { definitions } = await parseBpmn(XML);
    const batch = runBatch(compileModel(definitions), { cases: 3000, seed: 1 });
    expect(batch.costPerCase.mean).toBeGreaterThan(35);
    expect(batch.costPerCase.mean).toBeLessThan(50);
    // the quote's budget of €15,000 for the half year is not what one quote costs
    expect(batch.activities.find((a) => a.id === 'l2o_offerte')!.costPerCase).toBeLessThan(30);
  });

  it('with 20 % more leads the assembly crews are overloaded, and the report says so instead of an average', async () => {
    const { definitions } = await parseBpmn(XML);
    const result = runCapacitySimulation(definitions, { cases: 3000, seed: 1, whatIf: 'scenario-meer-leads' });
    expect(result.arrivalsPerWeek).toBeCloseTo(240, 9);
    expect(result.unstable).toBe(true);
    const overloaded = result.findings.find((f) => f.code === 'overloaded')!;
    expect(describeFinding(overloaded, 'nl')).toMatch(/^Montageploegen .* kan ongeveer \d+ gevallen per week aan; bij 240 groeit de wachtrij zonder einde/);
  });
});
