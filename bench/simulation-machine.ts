/**
 * The xstate-driven batch against the bare engine loop, in the same run: the machine
 * advances the engine in 12 ms slices and yields to the event loop between slices,
 * so its overhead should stay within 1.2×. Run: npx tsx bench/simulation-machine.ts
 */
import { loadavg } from 'node:os';
import { createActor, waitFor } from 'xstate';
import { runBatch } from '../src/simulation/batch';
import { createBatchDriver } from '../src/simulation/drivers';
import { runMachine } from '../src/simulation/run-machine';
import { benchmarkModel, median, writeResults } from './simulation-model';

const CASES = 10_000;
const REPEATS = 7;
const model = await benchmarkModel();

function bare(seed: number): { wallMs: number; cpuMs: number } {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  runBatch(model, { cases: CASES, seed });
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
}

async function driven(seed: number): Promise<{ wallMs: number; cpuMs: number; slices: number }> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const driver = createBatchDriver(model, { cases: CASES, seed });
  const actor = createActor(runMachine, { input: { driver } }).start();
  let slices = 0;
  actor.subscribe(() => slices++);
  actor.send({ type: 'START' });
  await waitFor(actor, (s) => s.matches('finished'), { timeout: 60_000 });
  driver.result();
  actor.stop();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000, slices };
}

// Warm-up of both paths.
bare(99);
await driven(99);

const load = loadavg()[0]!;
const bareRuns: Array<{ wallMs: number; cpuMs: number }> = [];
const drivenRuns: Array<{ wallMs: number; cpuMs: number; slices: number }> = [];
for (let i = 0; i < REPEATS; i++) {
  // Interleaved, so both see the same machine load.
  bareRuns.push(bare(i));
  drivenRuns.push(await driven(i));
}
const r = (x: number) => Math.round(x * 100) / 100;
const bareWall = median(bareRuns.map((x) => x.wallMs));
const drivenWall = median(drivenRuns.map((x) => x.wallMs));
const bareCpu = median(bareRuns.map((x) => x.cpuMs));
const drivenCpu = median(drivenRuns.map((x) => x.cpuMs));
const pairRatios = bareRuns.map((b, i) => drivenRuns[i]!.wallMs / b.wallMs);
const figures = {
  cases: CASES,
  repeats: REPEATS,
  loadAverage1m: [r(load), r(loadavg()[0]!)],
  bareMedianWallMs: r(bareWall),
  machineMedianWallMs: r(drivenWall),
  bareMedianCpuMs: r(bareCpu),
  machineMedianCpuMs: r(drivenCpu),
  ratioWall: r(drivenWall / bareWall),
  ratioCpu: r(drivenCpu / bareCpu),
  medianPairedRatioWall: r(median(pairRatios)),
  machineSnapshotsPerBatch: median(drivenRuns.map((x) => x.slices)),
  target: 1.2,
  targetMet: drivenCpu / bareCpu <= 1.2 && median(pairRatios) <= 1.2
};
console.log(`${CASES} cases on the 100-node model, median of ${REPEATS} interleaved runs:`);
console.log(`  bare engine loop: ${figures.bareMedianWallMs} ms wall / ${figures.bareMedianCpuMs} ms CPU`);
console.log(`  xstate-driven:    ${figures.machineMedianWallMs} ms wall / ${figures.machineMedianCpuMs} ms CPU (${figures.machineSnapshotsPerBatch} machine snapshots per batch)`);
console.log(`  ratio: ${figures.ratioWall}× wall, ${figures.ratioCpu}× CPU, paired median ${figures.medianPairedRatioWall}× (target ≤ 1.2×)`);
await writeResults('simulation-machine', figures);
