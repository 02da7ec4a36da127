import { describe, expect, it } from 'vitest';
import { compileModel } from '../../../../src/simulation/compile';
import { exportProsimos, importProsimos, ProsimosError, readCapacityInput, runCapacitySimulation } from '../../../../src/simulation/capacity';
import { capacityXml, definitionsOf, workTask } from './support';

/** Start → review (pool clerks) → gateway: 70 % approve (pool officers), 30 % reject → end. */
const CONTENT =
  '<bpmn:startEvent id="start" />' +
  workTask('review', 'pool="clerks" distribution="exponential" mean="PT30M"') +
  '<bpmn:exclusiveGateway id="decide" />' +
  workTask('approve', 'pool="officers" distribution="normal" mean="PT1H" sd="PT10M" min="PT20M"') +
  '<bpmn:task id="reject" name="reject"><bpmn:extensionElements><ml:step><ml:duration planned="PT5M" /></ml:step></bpmn:extensionElements></bpmn:task>' +
  '<bpmn:endEvent id="end" /><bpmn:endEvent id="end2" />' +
  '<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />' +
  '<bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="decide" />' +
  '<bpmn:sequenceFlow id="yes" sourceRef="decide" targetRef="approve"><bpmn:extensionElements><ml:simulation probability="70" /></bpmn:extensionElements></bpmn:sequenceFlow>' +
  '<bpmn:sequenceFlow id="no" sourceRef="decide" targetRef="reject"><bpmn:extensionElements><ml:simulation probability="30" /></bpmn:extensionElements></bpmn:sequenceFlow>' +
  '<bpmn:sequenceFlow id="f3" sourceRef="approve" targetRef="end" /><bpmn:sequenceFlow id="f4" sourceRef="reject" targetRef="end2" />';

async function model() {
  const definitions = await definitionsOf(
    capacityXml({
      timeZone: 'Europe/Amsterdam',
      calendars: '<ml:calendar id="office" name="Office" days="mon tue wed thu fri" hours="09:00-17:00" /><ml:calendar id="late" name="Late" days="mon tue wed thu fri sat" hours="08:00-12:00 13:00-20:00" />',
      pools: [
        { id: 'clerks', capacity: 2, calendar: 'office', costPerHour: 40 },
        { id: 'officers', capacity: 1, calendar: 'late', costPerHour: 70 }
      ],
      arrivals: '<ml:arrivals rate="80" per="P1W" calendar="office" />',
      content: CONTENT
    })
  );
  return { definitions, sim: compileModel(definitions), capacity: readCapacityInput(definitions) };
}

describe('Prosimos scenarios', () => {
  it('export writes Prosimos JSON in seconds, and importing it back gives the same simulation', async () => {
    const { definitions, sim, capacity } = await model();
    const { scenario, notes } = exportProsimos(sim, capacity);
    // then the pools are resource profiles with one resource per person, durations are in seconds
    expect(scenario.resource_profiles.map((p) => [p.id, p.resource_list.length, p.resource_list[0]!.cost_per_hour])).toEqual([
      ['clerks', 2, 40],
      ['officers', 1, 70],
      ['unlimited', 1, 0]
    ]);
    expect(scenario.arrival_time_distribution).toEqual({ distribution_name: 'expon', distribution_params: [{ value: 7560 }, { value: 0 }, { value: 1e9 }] });
    expect(scenario.task_resource_distribution.find((t) => t.task_id === 'approve')!.resources[0]).toEqual({
      resource_id: 'officers_1',
      distribution_name: 'norm',
      distribution_params: [{ value: 3600 }, { value: 600 }, { value: 1200 }, { value: 1e9 }]
    });
    expect(scenario.gateway_branching_probabilities).toEqual([{ gateway_id: 'decide', probabilities: [{ path_id: 'yes', value: 0.7 }, { path_id: 'no', value: 0.3 }] }]);
    expect(scenario.resource_calendars.find((c) => c.id === 'late')!.time_periods).toContainEqual({ from: 'SATURDAY', to: 'SATURDAY', beginTime: '13:00:00.000', endTime: '20:00:00.000' });
    expect(notes).toEqual(['1 step without a pool run here without waiting; exported to a profile "unlimited" of 1000 resources round the clock.']);
    // when the JSON is imported into the same model, the run gives the same figures as the model's own data
    const imported = importProsimos(JSON.stringify(scenario), sim, 'Europe/Amsterdam');
    const own = runCapacitySimulation(definitions, { cases: 2000, seed: 5 });
    const viaProsimos = runCapacitySimulation(definitions, { cases: 2000, seed: 5, capacity: imported.capacity });
    expect(viaProsimos.source).toBe('prosimos');
    expect(viaProsimos.cycleTime.mean).toBeCloseTo(own.cycleTime.mean!, 6);
    expect(viaProsimos.pools.find((p) => p.id === 'clerks')!.utilisation).toBeCloseTo(own.pools.find((p) => p.id === 'clerks')!.utilisation, 6);
  });

  it('refuses an unknown distribution, an unknown field and a task the model does not have, saying where', async () => {
    const { sim, capacity } = await model();
    const good = exportProsimos(sim, capacity).scenario;
    const bad = structuredClone(good) as unknown as Record<string, unknown> & typeof good;
    bad.arrival_time_distribution = { distribution_name: 'weibull', distribution_params: [{ value: 1 }] };
    (bad as Record<string, unknown>).colour = 'blue';
    const attempt = () => importProsimos(JSON.stringify(bad), sim, 'UTC');
    expect(attempt).toThrow(ProsimosError);
    expect(attempt).toThrow('At the file: unknown field "colour".');
    const noColour = structuredClone(bad) as Record<string, unknown>;
    delete noColour.colour;
    expect(() => importProsimos(JSON.stringify(noColour), sim, 'UTC')).toThrow(
      'At arrival_time_distribution: the distribution "weibull" is not known; use one of fix, expon, uniform, norm, lognorm, gamma.'
    );
    const wrongTask = structuredClone(good);
    wrongTask.task_resource_distribution[0]!.task_id = 'ghost';
    expect(() => importProsimos(JSON.stringify(wrongTask), sim, 'UTC')).toThrow('At task_resource_distribution[0]: "ghost" is not a task of the model.');
    expect(() => importProsimos('{"resource_profiles": [', sim, 'UTC')).toThrow('The file is not JSON');
    const missing = structuredClone(good) as Record<string, unknown>;
    delete missing.resource_calendars;
    expect(() => importProsimos(JSON.stringify(missing), sim, 'UTC')).toThrow('At resource_calendars: this field is required.');
  });

  it('reads Prosimos parameters in seconds: lognorm and gamma take a variance; fields it does not simulate are noted', async () => {
    const { sim, capacity } = await model();
    const scenario = exportProsimos(sim, capacity).scenario as unknown as Record<string, unknown> & ReturnType<typeof exportProsimos>['scenario'];
    scenario.task_resource_distribution[0]!.resources = scenario.task_resource_distribution[0]!.resources.map((r) => ({
      ...r,
      distribution_name: 'gamma',
      distribution_params: [{ value: 1800 }, { value: 810000 }, { value: 0 }, { value: 7200 }]
    }));
    (scenario as Record<string, unknown>).batch_processing = [{ task_id: 'review' }];
    const { capacity: imported, notes } = importProsimos(JSON.stringify(scenario), sim, 'UTC');
    const taskId = scenario.task_resource_distribution[0]!.task_id;
    // 1800 s = 0.5 h; variance 810000 s² = a standard deviation of 900 s = 0.25 h; max 7200 s = 2 h
    expect(imported.tasks.get(taskId)!.duration).toEqual({ kind: 'gamma', mean: 0.5, sd: 0.25, max: 2 });
    expect(notes).toContain('"batch_processing" is not simulated by MissingLink and was ignored.');
  });
});
