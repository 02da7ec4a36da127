/**
 * Engine throughput: token moves per second on the generated 100-node model with
 * rework loops and parallel branches, and the time for 10,000 cases (also on the
 * two-pool quote chain from the test fixtures). Run: npx tsx bench/simulation-throughput.ts
 *
 * Both wall-clock and process CPU time are reported: on a shared machine the wall
 * clock also counts time other processes held the CPU.
 */
import { readFile } from 'node:fs/promises';
import { loadavg, cpus } from 'node:os';
import { parseBpmn } from '../src/model/bpmn-io';
import { runBatch } from '../src/simulation/batch';
import { compileModel } from '../src/simulation/compile';
import type { SimModel } from '../src/simulation/model';
import { benchmarkModel, median, writeResults } from './simulation-model';

const REPEATS = 7;
const CASES = 10_000;

interface Timing {
  wallMs: number;
  cpuMs: number;
  moves: number;
}

function timeBatch(model: SimModel, seed: number): Timing {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const result = runBatch(model, { cases: CASES, seed });
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000, moves: result.tokenMoves };
}

function summarise(timings: Timing[]) {
  const wall = median(timings.map((t) => t.wallMs));
  const cpu = median(timings.map((t) => t.cpuMs));
  const moves = median(timings.map((t) => t.moves));
  return {
    cases: CASES,
    repeats: timings.length,
    tokenMovesPerBatch: moves,
    medianWallMs: round(wall),
    medianCpuMs: round(cpu),
    bestWallMs: round(Math.min(...timings.map((t) => t.wallMs))),
    tokenMovesPerSecondWall: Math.round(moves / (wall / 1000)),
    tokenMovesPerSecondCpu: Math.round(moves / (cpu / 1000))
  };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

const bench = await benchmarkModel();
const quoteXml = await readFile(new URL('../test/unit/simulation/fixtures/quote-collaboration.bpmn', import.meta.url), 'utf8');
const quote = compileModel((await parseBpmn(quoteXml)).definitions);

// Warm up the JIT on both models.
for (let i = 0; i < 3; i++) {
  runBatch(bench, { cases: 2000, seed: 100 + i });
  runBatch(quote, { cases: 2000, seed: 100 + i });
}

const loadBefore = loadavg()[0]!;
const benchTimings: Timing[] = [];
const quoteTimings: Timing[] = [];
for (let i = 0; i < REPEATS; i++) {
  benchTimings.push(timeBatch(bench, i + 1));
  quoteTimings.push(timeBatch(quote, i + 1));
}
const model100 = summarise(benchTimings);
const quoteChain = summarise(quoteTimings);

const figures = {
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', loadAverage1m: [round(loadBefore), round(loadavg()[0]!)] },
  model100: { nodes: bench.nodes.length, flows: bench.flows.length, ...model100 },
  quoteChain: { nodes: quote.nodes.length, ...quoteChain },
  targets: {
    tokenMovesPerSecond: 1_000_000,
    casesIn1s: CASES,
    movesTargetMetCpu: model100.tokenMovesPerSecondCpu >= 1_000_000,
    movesTargetMetWall: model100.tokenMovesPerSecondWall >= 1_000_000,
    tenThousandCasesWithin1sCpu: model100.medianCpuMs <= 1000,
    tenThousandCasesWithin1sWall: model100.medianWallMs <= 1000
  }
};

console.log(`100-node model (${bench.nodes.length} nodes, loops and parallel branches), ${CASES} cases, median of ${REPEATS}:`);
console.log(`  ${model100.tokenMovesPerBatch} token moves in ${model100.medianWallMs} ms wall / ${model100.medianCpuMs} ms CPU`);
console.log(`  ${(model100.tokenMovesPerSecondWall / 1e6).toFixed(2)} M moves/s wall, ${(model100.tokenMovesPerSecondCpu / 1e6).toFixed(2)} M moves/s CPU`);
console.log(`Quote chain (two pools, messages, event-based race), ${CASES} cases: ${quoteChain.medianWallMs} ms wall / ${quoteChain.medianCpuMs} ms CPU`);
console.log(`Load average during the run: ${figures.machine.loadAverage1m.join(' → ')} on ${figures.machine.cpus} CPUs`);
await writeResults('simulation-throughput', figures);
