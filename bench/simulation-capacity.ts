/**
 * Capacity simulation throughput: events per second (an event is an arrival, the start
 * or the completion of a step) with shared people and working calendars, 100,000 cases
 * of a 30-step model with 5 pools, and the heap after 10,000 against 100,000 cases.
 * The baseline, measured in the same run on the same model, is the engine without
 * capacity (runBatch: every case alone, no queues, no calendars).
 *
 * Run: node --expose-gc --import tsx bench/simulation-capacity.ts [--cases 100000]
 */
import { cpus, loadavg } from 'node:os';
import { parseBpmn } from '../src/model/bpmn-io';
import { runBatch } from '../src/simulation/batch';
import { compileCapacityModel, runCapacitySimulation, type CapacityModel } from '../src/simulation/capacity';
import { median, writeResults } from './simulation-model';
import { capacityBenchXml, POOLS, STEPS } from './simulation-capacity-model';

const argCases = process.argv.indexOf('--cases');
const CASES = argCases > 0 ? Number(process.argv[argCases + 1]) : 100_000;
const REPEATS = 5;

function cpuMs(from: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
}

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

const { definitions } = await parseBpmn(capacityBenchXml());
const model: CapacityModel = compileCapacityModel(definitions);
const plain = model.model;

// Warm up both engines.
for (let i = 0; i < 2; i++) {
  runCapacitySimulation(model, { cases: 5000, seed: 90 + i });
  runBatch(plain, { cases: 5000, seed: 90 + i });
}

const capacityRuns: Array<{ wallMs: number; cpuMs: number; events: number }> = [];
const baselineRuns: Array<{ wallMs: number; cpuMs: number }> = [];
let last = runCapacitySimulation(model, { cases: 10, seed: 1 });
for (let r = 0; r < REPEATS; r++) {
  // Interleaved, so both see the same load on a shared machine.
  let wall = performance.now();
  let cpu = process.cpuUsage();
  last = runCapacitySimulation(model, { cases: CASES, seed: r + 1, timeBudgetMs: 600_000 });
  capacityRuns.push({ wallMs: performance.now() - wall, cpuMs: cpuMs(cpu), events: last.events });
  wall = performance.now();
  cpu = process.cpuUsage();
  runBatch(plain, { cases: CASES, seed: r + 1, timeBudgetMs: 600_000 });
  baselineRuns.push({ wallMs: performance.now() - wall, cpuMs: cpuMs(cpu) });
}

// Memory: the heap after a run of 10,000 cases against one of 100,000, after a full GC,
// with each run's result kept alive while measuring.
const before = heapAfterGc();
const small = runCapacitySimulation(model, { cases: 10_000, seed: 7 });
const heapSmall = heapAfterGc() - before;
const large = runCapacitySimulation(model, { cases: 100_000, seed: 7, timeBudgetMs: 600_000 });
const heapLarge = heapAfterGc() - before;
void small.cases;
void large.cases;

const round = (x: number) => Math.round(x * 10) / 10;
const capWall = median(capacityRuns.map((r) => r.wallMs));
const capCpu = median(capacityRuns.map((r) => r.cpuMs));
const baseWall = median(baselineRuns.map((r) => r.wallMs));
const baseCpu = median(baselineRuns.map((r) => r.cpuMs));
const events = median(capacityRuns.map((r) => r.events));
const figures = {
  machine: { cpus: cpus().length, loadAverage: loadavg().map(round), gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function' },
  model: { steps: STEPS, pools: POOLS, peoplePerPool: 3, calendar: 'Mon–Fri 09:00–17:00 Europe/Amsterdam', arrivalsPerWeek: 60, utilisation: last.pools.map((p) => Math.round(p.utilisation * 1000) / 1000) },
  cases: CASES,
  repeats: REPEATS,
  eventsPerRun: events,
  capacity: { medianWallMs: round(capWall), medianCpuMs: round(capCpu), eventsPerSecondWall: Math.round(events / (capWall / 1000)), eventsPerSecondCpu: Math.round(events / (capCpu / 1000)) },
  baselineWithoutCapacity: { medianWallMs: round(baseWall), medianCpuMs: round(baseCpu) },
  ratioCapacityToBaseline: { wall: round((capWall / baseWall) * 100) / 100, cpu: round((capCpu / baseCpu) * 100) / 100 },
  heap: { after10kCasesMiB: round(heapSmall / 2 ** 20), after100kCasesMiB: round(heapLarge / 2 ** 20) },
  targets: { eventsPerSecond: 1_000_000, casesIn2s: 100_000 }
};
console.log(JSON.stringify(figures, null, 2));
await writeResults('simulation-capacity', figures);
