/*
 * The command line as a user meets it: whole `node` processes, timed from spawn to
 * exit, each measured runs times (median of 5 by default), all variants taken in turn
 * in the same run so that they share the machine's load:
 *  - `missinglink --help` (target ≤ 150 ms), next to `node -e ""` (node's own start-up);
 *  - `missinglink audit processes/klachtafhandeling.bpmn` next to bpmnlint's own CLI
 *    with its recommended rules on the same file (target ≤ 1.0× bpmnlint);
 *  - `missinglink audit` of a generated 10,000-flow-node collaboration next to a node
 *    process that only parses the file with bpmn-moddle (targets ≤ 1.5× its time and
 *    ≤ 1.5× its peak memory).
 * Peak memory and CPU time come from process.resourceUsage() inside each child,
 * reported by bench/lib/report-usage.mjs (preloaded with `node --import`).
 *
 *   npx tsx bench/cli-startup.ts [--runs 5] [--nodes 10000] [--no-build]
 *
 * Builds the CLI first (`npm run build:cli`), unless --no-build; prints the figures and
 * the ratios and writes bench/results/cli-startup.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { benchOptions, intOption, isMain, median, printFigures, REPO_ROOT, round, summarise, writeResult, type TimingSummary } from './lib/browser-bench';
import { generateCollaboration } from './lib/generate-collaboration';

const TARGETS = { helpMs: 150, sampleVsBpmnlint: 1.0, largeVsParseTime: 1.5, largeVsParseMemory: 1.5 } as const;
const SAMPLE = 'processes/klachtafhandeling.bpmn';
const BIN = resolve(REPO_ROOT, 'bin/missinglink.mjs');
const USAGE_PRELOAD = resolve(REPO_ROOT, 'bench/lib/report-usage.mjs');
const BARE_PARSE = resolve(REPO_ROOT, 'bench/lib/bare-parse.mjs');
const BPMNLINT = resolve(REPO_ROOT, 'node_modules/bpmnlint/bin/bpmnlint.js');
const BPMNLINT_CONFIG = resolve(REPO_ROOT, 'bench/lib/bpmnlint-recommended.json');

/** One measured process. */
interface Sample {
  wallMs: number;
  cpuMs: number;
  maxRssMiB: number;
  status: number | null;
}

/** The figures of one command line over all runs. */
export interface ProcessFigures {
  command: string;
  /** Exit codes seen (the audits exit 1 when they find errors, bpmnlint too). */
  exitCodes: number[];
  wallMs: TimingSummary;
  cpuMs: TimingSummary;
  maxRssMiB: TimingSummary;
}

/** Runs `node [--import report-usage] args…` once and measures it from spawn to exit. */
function measure(args: string[], usageFile: string): Sample {
  rmSync(usageFile, { force: true });
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', USAGE_PRELOAD, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ML_BENCH_USAGE: usageFile, LC_ALL: 'C' },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024
  });
  const wallMs = performance.now() - started;
  if (run.error) throw run.error;
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssKiB: number; userMs: number; systemMs: number };
  return { wallMs, cpuMs: usage.userMs + usage.systemMs, maxRssMiB: usage.maxRssKiB / 1024, status: run.status };
}

function figuresOf(command: string, samples: Sample[]): ProcessFigures {
  return {
    command,
    exitCodes: [...new Set(samples.map((s) => s.status ?? -1))],
    wallMs: summarise(samples.map((s) => s.wallMs)),
    cpuMs: summarise(samples.map((s) => s.cpuMs)),
    maxRssMiB: summarise(samples.map((s) => s.maxRssMiB))
  };
}

async function main(): Promise<void> {
  const options = benchOptions({
    runs: { type: 'string', default: '5' },
    nodes: { type: 'string', default: '10000' },
    'no-build': { type: 'boolean', default: false }
  });
  const runs = intOption(options.runs, 'runs');
  const nodes = intOption(options.nodes, 'nodes');
  if (!options['no-build']) {
    const build = spawnSync('npm', ['run', '--silent', 'build:cli'], { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
    if (build.status !== 0) throw new Error('npm run build:cli failed');
  }

  const work = mkdtempSync(join(tmpdir(), 'ml-cli-startup-'));
  try {
    const large = join(work, `collaboration-${nodes}.bpmn`);
    const xml = generateCollaboration({ flowNodes: nodes, lanes: 6, seed: 1, withValueChain: true });
    writeFileSync(large, xml);
    const usageFile = join(work, 'usage.json');

    const variants: Array<[key: string, label: string, args: string[]]> = [
      ['node', 'node -e "" (start-up of node itself, for reference)', ['-e', '']],
      ['help', 'missinglink --help', [BIN, '--help']],
      ['sampleAudit', `missinglink audit ${SAMPLE}`, [BIN, 'audit', SAMPLE, '--date', '2026-11-22']],
      ['sampleBpmnlint', `bpmnlint (recommended) ${SAMPLE}`, [BPMNLINT, '--config', BPMNLINT_CONFIG, SAMPLE]],
      ['largeAudit', `missinglink audit <${nodes} flow nodes>`, [BIN, 'audit', large, '--date', '2026-11-22']],
      ['largeParse', `bpmn-moddle parse <${nodes} flow nodes>`, [BARE_PARSE, large]]
    ];
    const samples = new Map<string, Sample[]>(variants.map(([key]) => [key, []]));
    // One unmeasured round warms the file cache; then every round runs each variant once, in turn.
    for (const [, , args] of variants) measure(args, usageFile);
    for (let i = 0; i < runs; i++) {
      for (const [key, , args] of variants) samples.get(key)!.push(measure(args, usageFile));
    }

    const figures = Object.fromEntries(variants.map(([key, label]) => [key, figuresOf(label, samples.get(key)!)])) as Record<string, ProcessFigures>;
    const med = (key: string, what: 'wallMs' | 'maxRssMiB' | 'cpuMs') => median(samples.get(key)!.map((s) => s[what]));
    const ratios = {
      helpVsNode: round(med('help', 'wallMs') / med('node', 'wallMs'), 2),
      sampleAuditVsBpmnlint: round(med('sampleAudit', 'wallMs') / med('sampleBpmnlint', 'wallMs'), 2),
      largeAuditVsParseTime: round(med('largeAudit', 'wallMs') / med('largeParse', 'wallMs'), 2),
      largeAuditVsParseCpu: round(med('largeAudit', 'cpuMs') / med('largeParse', 'cpuMs'), 2),
      largeAuditVsParseMemory: round(med('largeAudit', 'maxRssMiB') / med('largeParse', 'maxRssMiB'), 2)
    };
    const verdict = {
      helpMs: round(med('help', 'wallMs')),
      meetsHelp: med('help', 'wallMs') <= TARGETS.helpMs,
      meetsSample: ratios.sampleAuditVsBpmnlint <= TARGETS.sampleVsBpmnlint,
      meetsLargeTime: ratios.largeAuditVsParseTime <= TARGETS.largeVsParseTime,
      meetsLargeMemory: ratios.largeAuditVsParseMemory <= TARGETS.largeVsParseMemory
    };

    for (const [key, label] of variants) {
      const f = figures[key]!;
      printFigures(label, [
        ['wall median (ms)', f.wallMs.median],
        ['wall min–max (ms)', `${f.wallMs.min}–${f.wallMs.max}`],
        ['cpu median (ms)', f.cpuMs.median],
        ['peak RSS median (MiB)', f.maxRssMiB.median],
        ['exit codes', f.exitCodes.join(', ')]
      ]);
    }
    printFigures('ratios (targets: sample ≤ 1.0× bpmnlint, large ≤ 1.5× parse in time and memory, --help ≤ 150 ms)', [
      ...Object.entries(ratios).map(([k, v]) => [k, `${v}×`] as [string, string]),
      ...Object.entries(verdict).map(([k, v]) => [k, String(v)] as [string, string])
    ]);
    const file = await writeResult('cli-startup', {
      method: `Whole node processes (${process.execPath} --import bench/lib/report-usage.mjs …), timed from spawn to exit with performance.now() in the parent; peak RSS and CPU time (user + system) from process.resourceUsage() at exit inside each child. One unmeasured round, then ${runs} rounds of every variant in turn. The CLI is the vite build in dist-cli/ run by bin/missinglink.mjs; bpmnlint ${bpmnlintVersion()} runs its own CLI with { "extends": "bpmnlint:recommended" }; the bare parse is bench/lib/bare-parse.mjs (readFile + new BpmnModdle().fromXML). The large model is generateCollaboration({ flowNodes: ${nodes}, lanes: 6, seed: 1, withValueChain: true }), ${Buffer.byteLength(xml)} bytes. Audit date 2026-11-22; LC_ALL=C. Compare loadAverage1m with the 2 cores.`,
      runs,
      flowNodes: nodes,
      xmlBytes: Buffer.byteLength(xml),
      targets: TARGETS,
      processes: figures,
      ratios,
      verdict
    });
    console.log(`\nwrote ${file}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function bpmnlintVersion(): string {
  return (JSON.parse(readFileSync(resolve(REPO_ROOT, 'node_modules/bpmnlint/package.json'), 'utf8')) as { version: string }).version;
}

if (isMain(import.meta.url)) await main();
