import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../src/cli/main';
import { memoryIo } from '../../cli/support';
import { capacityXml, chain } from '../capacity/support';

const MODEL = capacityXml({
  timeZone: 'Europe/Amsterdam',
  calendars: '<ml:calendar id="office" name="Kantoor" days="mon tue wed thu fri" hours="09:00-17:00" />',
  pools: [{ id: 'sales', capacity: 2, calendar: 'office', costPerHour: 50 }],
  arrivals: '<ml:arrivals rate="50" per="P1W" />',
  content: chain(['call', 'pool="sales" distribution="exponential" mean="PT1H"'], ['quote', 'pool="sales" distribution="fixed" mean="PT30M"'])
});

async function cli(files: Record<string, string>, ...argv: string[]) {
  const io = memoryIo(files);
  const code = await runCli(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

describe('missinglink simulate with capacity', () => {
  it('adds cycle time, waiting, pools and tasks in hours to the JSON', async () => {
    const { code, stdout, stderr } = await cli({ 'm.bpmn': MODEL }, 'simulate', 'm.bpmn', '--cases', '500', '--seed', '3', '--start', '2026-01-05T09:00');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json.cycleTime)).toEqual(['mean', 'p50', 'p90', 'max']);
    expect(json.cycleTime.mean).toBeGreaterThan(1.5);
    expect(json.waitingTime.mean).toBeGreaterThanOrEqual(0);
    expect(json.pools).toEqual([expect.objectContaining({ id: 'sales', name: 'sales', capacity: 2, utilisation: expect.any(Number) })]);
    expect(json.pools[0].utilisation).toBeGreaterThan(0.4);
    expect(json.tasks.map((t: { id: string; count: number }) => [t.id, t.count])).toEqual([
      ['call', 500],
      ['quote', 500]
    ]);
    expect(json.tasks[1].meanProcessing).toBeCloseTo(0.5, 9);
    expect(json.capacity.start).toBe('2026-01-05T09:00:00.000+01:00');
    // and the batch's own figures are still there
    expect(json.cases).toBe(500);
  });

  it('says in the Markdown report that a model without capacity data runs with unlimited people', async () => {
    const plain = capacityXml({ content: chain(['a', 'distribution="fixed" mean="PT1H"']) });
    const { code, stdout } = await cli({ 'p.bpmn': plain }, 'simulate', 'p.bpmn', '--format', 'md', '--cases', '10');
    expect(code).toBe(0);
    expect(stdout).toContain('This model has no capacity data: every step starts at once');
    expect(stdout).toContain('never divided into cases');
  });

  it('exports the scenario for Prosimos, and simulates with it through --prosimos', async () => {
    const exported = await cli({ 'm.bpmn': MODEL }, 'export-scenario', 'm.bpmn', '--format', 'prosimos');
    expect(exported.code).toBe(0);
    const scenario = JSON.parse(exported.stdout);
    expect(scenario.resource_profiles[0].resource_list).toHaveLength(2);
    const own = JSON.parse((await cli({ 'm.bpmn': MODEL }, 'simulate', 'm.bpmn', '--cases', '300')).stdout);
    const viaProsimos = await cli({ 'm.bpmn': MODEL, 's.json': exported.stdout }, 'simulate', 'm.bpmn', '--prosimos', 's.json', '--cases', '300');
    expect(viaProsimos.code).toBe(0);
    const json = JSON.parse(viaProsimos.stdout);
    expect(json.capacity.source).toBe('prosimos');
    expect(json.cycleTime.mean).toBeCloseTo(own.cycleTime.mean, 6);
  });

  it('refuses an unusable scenario, start or format with exit code 2 and the reason', async () => {
    const bad = await cli({ 'm.bpmn': MODEL, 's.json': '{"resource_profiles": []}' }, 'simulate', 'm.bpmn', '--prosimos', 's.json');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('s.json cannot be used:');
    expect(bad.stderr).toContain('At arrival_time_distribution: this field is required.');
    const start = await cli({ 'm.bpmn': MODEL }, 'simulate', 'm.bpmn', '--start', 'next monday');
    expect(start.code).toBe(2);
    expect(start.stderr).toContain('The start "next monday" is not a date and time');
    const format = await cli({ 'm.bpmn': MODEL }, 'export-scenario', 'm.bpmn', '--format', 'bpsim');
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format must be prosimos, not "bpsim"');
  });
});
