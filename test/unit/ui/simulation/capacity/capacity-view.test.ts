import { describe, expect, it } from 'vitest';
import type { CapacityResult, PoolResult, TaskResult } from '../../../../../src/simulation/capacity/types';
import { bottleneckRanking, capacityFindings, comparisonRows, waitingHeat } from '../../../../../src/ui/simulation/capacity/capacity-view';

// The capacity results in words: what a marketeer reads under "Capacity" in the
// simulation panel, built from the engine's result for "Van lead tot order".

const pool = (p: Partial<PoolResult>): PoolResult => ({
  id: 'Pool_am',
  name: 'Accountmanagers',
  capacity: 3,
  utilisation: 0.7,
  busyHours: 0,
  availableHours: 0,
  costPerHour: 60,
  meanWaiting: 0,
  maxQueue: 0,
  capacityPerWeek: 260,
  demandPerWeek: 200,
  overloaded: false,
  ...p
});

const task = (t: Partial<TaskResult>): TaskResult => ({ id: 'l2o_nabellen', name: 'Lead nabellen', pool: 'Pool_am', count: 1000, meanWaiting: 0, meanProcessing: 0.5, meanOffCalendar: 0, meanCost: 30, ...t });

const result = (r: Partial<CapacityResult>): CapacityResult => ({
  mode: 'capacity',
  source: 'model',
  status: 'completed',
  seed: 1,
  whatIf: null,
  cases: 1000,
  completed: 1000,
  start: '2026-01-05T09:00:00+01:00',
  end: '2026-03-01T09:00:00+01:00',
  timeZone: 'Europe/Amsterdam',
  cycleTime: { mean: 100, p50: 80, p90: 180, max: 400 },
  split: { processing: 20, waiting: 30, offCalendar: 50 },
  waitingTime: { mean: 30 },
  pools: [pool({})],
  tasks: [task({ meanWaiting: 57.6 }), task({ id: 'l2o_offerte', name: 'Offerte opstellen', meanWaiting: 2 })],
  bottlenecks: [],
  promise: { text: 'contact binnen 2 werkdagen', target: 'P2D', workingDays: true, keptShare: 0.61, meanWorkingDays: 2.4, cases: 1000, measuredTo: null },
  cost: { perCase: 41.2, currency: 'EUR' },
  arrivalsPerWeek: 200,
  unstable: false,
  events: 0,
  findings: [],
  issues: [],
  ...r
});

describe('capacity findings in plain sentences', () => {
  it('given enough people, says where cases wait and for how many the promise holds, in one sentence', () => {
    const findings = capacityFindings(result({}));
    const waiting = findings.find((f) => f.kind === 'waiting')!;
    expect(waiting.text).toBe('With 3 people in "Accountmanagers", cases wait on average 2.4 days before "Lead nabellen"; the promise (contact binnen 2 werkdagen) is kept for 61% of cases.');
    expect(waiting.elementIds).toEqual(['l2o_nabellen']);
    // how a case's time splits up, in one unit
    expect(findings.find((f) => f.kind === 'split')!.text).toBe(
      "A case takes on average 4.2 days from arrival to the customer's outcome: 0.8 days of work, 1.3 days waiting for a free person and 2.1 days outside working hours."
    );
    // cost is hours times rate, and the label says the budget is not divided into cases
    expect(findings.find((f) => f.kind === 'cost')!.text).toContain('never divided into cases');
    expect(findings.find((f) => f.kind === 'busy')!.text).toBe('"Accountmanagers" is busy 70% of its working hours.');
  });

  it('given more work than the people can do, reports the overload and no meaningless average', () => {
    const r = result({ unstable: true, pools: [pool({ overloaded: true, utilisation: 1, capacityPerWeek: 152, demandPerWeek: 200 })] });
    const findings = capacityFindings(r);
    expect(findings[0]).toMatchObject({ kind: 'overloaded', severity: 'error', text: '"Accountmanagers" can handle about 150 cases a week; at 200 a week the queue grows without end.' });
    expect(findings.map((f) => f.kind)).not.toContain('split');
    expect(findings.map((f) => f.kind)).not.toContain('waiting');
    // and side by side, the times read "grows without end" instead of a number
    const rows = comparisonRows([{ key: 'base', label: 'Planned', result: r }]);
    expect(rows.find((row) => row.key === 'cycle-mean')!.cells).toEqual(['grows without end']);
    expect(rows.find((row) => row.key === 'pool:Pool_am')!.cells).toEqual(['3 · overloaded']);
  });

  it('given a model without capacity data, says it ran with unlimited people round the clock', () => {
    const findings = capacityFindings(result({ mode: 'unlimited', pools: [], tasks: [], split: { processing: 20, waiting: 0, offCalendar: 0 } }));
    expect(findings[0]!.kind).toBe('unlimited');
    expect(findings[0]!.text).toContain('unlimited people, round the clock');
  });
});

describe('bottlenecks, heat and the side-by-side table', () => {
  it('ranks the steps by waiting per case and lists a busy pool as overloaded', () => {
    const r = result({ pools: [pool({ utilisation: 0.93 })] });
    const rows = bottleneckRanking(r);
    expect(rows.map((row) => [row.kind, row.name])).toEqual([
      ['step', 'Lead nabellen'],
      ['step', 'Offerte opstellen'],
      ['pool', 'Accountmanagers']
    ]);
    expect(rows[2]!.busy).toBe('93%');
    expect(waitingHeat(r)).toEqual({ l2o_nabellen: 57.6, l2o_offerte: 2 });
  });

  it('marks a what-if column worse where it is worse than the first', () => {
    const base = result({});
    const more = result({ arrivalsPerWeek: 240, split: { processing: 20, waiting: 60, offCalendar: 50 }, promise: { ...base.promise!, keptShare: 0.4 } });
    const rows = comparisonRows([
      { key: 'planned', label: 'Planned', result: base },
      { key: 'w1', label: '20 % more cases', result: more }
    ]);
    const row = (key: string) => rows.find((r) => r.key === key)!;
    expect(row('arrivals').cells).toEqual(['200', '240']);
    expect(row('waiting').worse).toEqual([false, true]);
    expect(row('promise').cells).toEqual(['61% of cases', '40% of cases']);
    expect(row('promise').worse).toEqual([false, true]);
  });
});
