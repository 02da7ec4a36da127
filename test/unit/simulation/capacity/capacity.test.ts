import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../../../src/model/bpmn-io';
import { runBatch } from '../../../../src/simulation/batch';
import { compileModel } from '../../../../src/simulation/compile';
import { CapacityInputError, describeFinding, runCapacitySimulation } from '../../../../src/simulation/capacity';
import { readFixture } from '../support';
import { capacityXml, chain, definitionsOf, workTask } from './support';

const OFFICE = '<ml:calendar id="office" days="mon tue wed thu fri" hours="09:00-17:00" />';

describe('capacity simulation: calendars', () => {
  it('a fixed 4 h task arriving on Friday at 15:00 on a Mon–Fri 09:00–17:00 calendar completes on Monday at 11:00', async () => {
    // given one person on the office calendar in Amsterdam and one case on Friday 9 January 2026 at 15:00
    const xml = capacityXml({
      timeZone: 'Europe/Amsterdam',
      calendars: OFFICE,
      pools: [{ id: 'person', capacity: 1, calendar: 'office' }],
      content: chain(['work', 'pool="person" distribution="fixed" mean="PT4H"'])
    });
    const result = runCapacitySimulation(await definitionsOf(xml), { cases: 1, start: '2026-01-09T15:00' });
    // then it ends on Monday 12 January at 11:00: 2 h on Friday, the weekend off, 2 h on Monday
    expect(result.end).toBe('2026-01-12T11:00:00.000+01:00');
    expect(result.cycleTime.mean).toBeCloseTo(68, 9);
    expect(result.split.processing).toBeCloseTo(4, 9);
    expect(result.split.waiting).toBe(0);
    expect(result.split.offCalendar).toBeCloseTo(64, 9);
  });

  it('the default calendar is Monday to Friday 09:00–17:00 in Europe/Amsterdam, across daylight saving', async () => {
    // given a pool without a calendar and a case on Saturday 28 March 2026 (clocks go forward that night)
    const xml = capacityXml({
      timeZone: 'Europe/Amsterdam',
      pools: [{ id: 'person', capacity: 1 }],
      content: chain(['work', 'pool="person" distribution="fixed" mean="PT1H"'])
    });
    const result = runCapacitySimulation(await definitionsOf(xml), { cases: 1, start: '2026-03-28T10:00' });
    // then the work waits for Monday 09:00 summer time and ends at 10:00
    expect(result.end).toBe('2026-03-30T10:00:00.000+02:00');
  });

  it('holidays are days off', async () => {
    const xml = capacityXml({
      timeZone: 'Europe/Amsterdam',
      calendars: '<ml:calendar id="office" days="mon tue wed thu fri" hours="09:00-17:00" holidays="2026-01-12" />',
      pools: [{ id: 'person', capacity: 1, calendar: 'office' }],
      content: chain(['work', 'pool="person" distribution="fixed" mean="PT4H"'])
    });
    const result = runCapacitySimulation(await definitionsOf(xml), { cases: 1, start: '2026-01-09T15:00' });
    expect(result.end).toBe('2026-01-13T11:00:00.000+01:00');
  });

  it('arrivals outside the arrival calendar move to its next opening', async () => {
    // given cases every 6 hours from Friday 18:00, arriving only during office hours, and plenty of people
    const xml = capacityXml({
      timeZone: 'Europe/Amsterdam',
      calendars: OFFICE,
      pools: [{ id: 'team', capacity: 10, calendar: 'office' }],
      arrivals: '<ml:arrivals distribution="fixed" mean="PT6H" calendar="office" />',
      content: chain(['work', 'pool="team" distribution="fixed" mean="PT1H"'])
    });
    const arrivals: number[] = [];
    runCapacitySimulation(await definitionsOf(xml), { cases: 4, start: '2026-01-09T18:00', onCase: (c) => arrivals.push(c.arrival) });
    // then Friday 18:00, Saturday 00:00, 06:00 and 12:00 all arrive on Monday 09:00 (63 h after the start)
    expect(arrivals).toEqual([63, 63, 63, 63]);
  });
});

describe('capacity simulation: queues', () => {
  it('a case waits for a busy person, first come first served, and a higher priority goes first', async () => {
    // given one person round the clock; every hour a case needs "a" (2 h), then a priority step "b" (2 h)
    const xml = capacityXml({
      calendars: '<ml:calendar id="always" days="mon tue wed thu fri sat sun" hours="00:00-24:00" />',
      pools: [{ id: 'solo', capacity: 1, calendar: 'always' }],
      arrivals: '<ml:arrivals distribution="fixed" mean="PT1H" />',
      content: chain(['a', 'pool="solo" distribution="fixed" mean="PT2H"'], ['b', 'pool="solo" priority="1" distribution="fixed" mean="PT2H"'])
    });
    const ends: number[] = [];
    const result = runCapacitySimulation(await definitionsOf(xml), { cases: 2, onCase: (c) => ends.push(c.end) });
    // case 0: a 0–2, b 2–4 (b outranks case 1's waiting a); case 1: a 4–6, b 6–8
    expect(ends).toEqual([4, 8]);
    expect(result.tasks.find((t) => t.id === 'a')!.meanWaiting).toBeCloseTo(1.5, 9);
    expect(result.waitingTime.mean).toBeCloseTo(1.5, 9);
  });

  it('load above capacity is reported as such, not as an average', async () => {
    // given 200 leads a week and one person (40 h a week) who needs 30 minutes per lead
    const xml = capacityXml({
      timeZone: 'Europe/Amsterdam',
      pools: [{ id: 'Verkoop', capacity: 1 }],
      arrivals: '<ml:arrivals rate="200" per="P1W" />',
      content: chain(['call', 'pool="Verkoop" distribution="fixed" mean="PT30M"'])
    });
    const result = runCapacitySimulation(await definitionsOf(xml), { cases: 2000 });
    // then the pool is overloaded and the sentence says how much it can handle
    expect(result.unstable).toBe(true);
    expect(result.pools[0]!.overloaded).toBe(true);
    expect(Math.round(result.pools[0]!.capacityPerWeek)).toBe(80);
    const overload = result.findings.find((f) => f.code === 'overloaded')!;
    expect(describeFinding(overload, 'en')).toBe(
      'Verkoop (1 person) can handle about 80 cases a week; at 200 the queue grows without end, so an average waiting time would mean nothing.'
    );
    expect(describeFinding(overload, 'nl')).toBe(
      'Verkoop (1 persoon) kan ongeveer 80 gevallen per week aan; bij 200 groeit de wachtrij zonder einde, dus een gemiddelde wachttijd zegt niets.'
    );
    expect(result.findings.some((f) => f.code === 'waiting-most')).toBe(false);
  });

  it('a saved scenario adds a person and the queue is gone', async () => {
    const xml = capacityXml({
      calendars: '<ml:calendar id="always" days="mon tue wed thu fri sat sun" hours="00:00-24:00" />',
      pools: [{ id: 'desk', capacity: 1, calendar: 'always' }],
      arrivals: '<ml:arrivals distribution="fixed" mean="PT1H" />',
      scenarios: '<ml:scenario id="plus-one" name="+1"><ml:poolChange pool="desk" capacity="2" /></ml:scenario>',
      content: chain(['serve', 'pool="desk" distribution="fixed" mean="PT90M"'])
    });
    const definitions = await definitionsOf(xml);
    const base = runCapacitySimulation(definitions, { cases: 500 });
    const plusOne = runCapacitySimulation(definitions, { cases: 500, whatIf: 'plus-one' });
    expect(base.unstable).toBe(true);
    expect(plusOne.unstable).toBe(false);
    expect(plusOne.whatIf).toBe('+1');
    expect(plusOne.waitingTime.mean).toBe(0);
    expect(() => runCapacitySimulation(definitions, { whatIf: 'nope' })).toThrow(new CapacityInputError('There is no scenario "nope" in this model; its scenarios: plus-one.'));
  });

  it('a step without ml:work is performed by the pool of its responsible role, and costs hours × rate plus its fixed cost', async () => {
    const xml = capacityXml({
      roles: '<ml:role id="am" name="Account manager" />',
      calendars: '<ml:calendar id="always" days="mon tue wed thu fri sat sun" hours="00:00-24:00" />',
      pools: [{ id: 'ams', capacity: 2, calendar: 'always', costPerHour: 60, role: 'am' }],
      arrivals: '<ml:arrivals distribution="fixed" mean="PT8H" />',
      content:
        '<bpmn:startEvent id="start" /><bpmn:task id="call" name="Call"><bpmn:extensionElements><ml:step><ml:assignment role="am" responsibility="responsible" />' +
        '<ml:resources plannedBudget="12000" /><ml:duration planned="PT30M" /><ml:work fixedCost="5" /></ml:step></bpmn:extensionElements></bpmn:task><bpmn:endEvent id="end" />' +
        '<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" /><bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end" />'
    });
    const result = runCapacitySimulation(await definitionsOf(xml), { cases: 10 });
    expect(result.tasks[0]!.pool).toBe('ams');
    // 0.5 h × €60 + €5, not the step's budget of €12,000 for the period
    expect(result.cost.perCase).toBeCloseTo(35, 9);
    expect(describeFinding(result.findings.find((f) => f.code === 'cost-per-case')!, 'en')).toBe(
      'A case costs €35 on average: hours × hourly rate, plus fixed costs per step.'
    );
  });

  it('an unknown pool or calendar gets a clear message', async () => {
    const xml = capacityXml({ pools: [{ id: 'desk', capacity: 1, calendar: 'nights' }], content: chain(['serve', 'pool="desk" distribution="fixed" mean="PT1H"']) });
    await expect(async () => runCapacitySimulation(await definitionsOf(xml))).rejects.toThrow('The pool "desk" uses the calendar "nights", which this model does not have.');
  });
});

describe('capacity simulation without capacity data', () => {
  it('a loop with 50 % repeat and no contention keeps its current results exactly, and the report says capacity is unlimited', async () => {
    // given the standard-loop fixture, which has no capacity data
    const { definitions } = await parseBpmn(readFixture('standard-loop.bpmn'));
    const batch = runBatch(compileModel(definitions), { cases: 5000, seed: 7 });
    const result = runCapacitySimulation(definitions, { cases: 5000, seed: 7 });
    // then the cycle times are the batch's lead times, number for number
    expect(result.mode).toBe('unlimited');
    expect(result.cycleTime).toEqual({ mean: batch.leadTime.mean, p50: batch.leadTime.p50, p90: batch.leadTime.p90, max: batch.leadTime.max });
    expect(result.completed).toBe(batch.outcomes.completed);
    expect(describeFinding(result.findings[0]!, 'nl')).toBe(
      'Dit model heeft geen capaciteitsgegevens: elke stap begint meteen, alsof er altijd iemand vrij is, dag en nacht. Voeg mensen en werktijden toe om wachtrijen te zien.'
    );
  });
});

describe('same seed, same result', () => {
  it('runs twice to the same numbers', async () => {
    const xml = capacityXml({
      timeZone: 'Europe/Amsterdam',
      pools: [{ id: 'a', capacity: 2 }, { id: 'b', capacity: 1 }],
      arrivals: '<ml:arrivals rate="60" per="P1W" />',
      content: chain(['x', 'pool="a" distribution="lognormal" mean="PT1H" sd="PT30M"'], ['y', 'pool="b" distribution="gamma" mean="PT20M" sd="PT10M"'])
    });
    const definitions = await definitionsOf(xml);
    expect(JSON.stringify(runCapacitySimulation(definitions, { cases: 3000, seed: 'x' }))).toBe(JSON.stringify(runCapacitySimulation(definitions, { cases: 3000, seed: 'x' })));
    void workTask;
  });
});
