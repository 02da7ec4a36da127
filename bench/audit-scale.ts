/*
 * Audit speed on generated collaborations (bench/lib/generate-collaboration.ts) in node:
 *  - the full audit of 1,000 and 10,000 flow nodes, without and with XML parsing
 *    (budget: ≤ 150 ms at 10,000 without parsing, and 10× the nodes ≤ 12× the time);
 *  - the incremental session's update after one edit (a KPI target, an agreement
 *    status, a task moved to another lane), the modeler's case after every command.
 *
 *   npx tsx bench/audit-scale.ts [--runs 15] [--edits 60] [--sizes 1000,10000]
 *
 * Prints a summary and writes bench/results/audit-scale.json.
 */
import { runAudit } from '../src/analysis/audit/audit';
import { createAuditSession } from '../src/analysis/audit/session';
import { parseBpmn } from '../src/model/bpmn-io';
import type { ModdleElement } from '../src/model/moddle-types';
import { getExtension } from '../src/model/value-chain/extension';
import { benchOptions, intOption, isMain, printFigures, round, summarise, writeResult, type TimingSummary } from './lib/browser-bench';
import { generateCollaboration } from './lib/generate-collaboration';
import { prng } from '../test/support/mutate';

/** The audit date of the bench; fixed so that every run finds the same findings. */
const TODAY = '2026-11-22';
const FULL_AUDIT_BUDGET_MS = 150;
const GROWTH_BUDGET = 12;

/** Figures of one model size. */
export interface SizeFigures {
  flowNodes: number;
  xmlBytes: number;
  findings: number;
  handovers: number;
  parseMs: TimingSummary;
  auditMs: TimingSummary;
  /** CPU time of the same audits: on a machine busy with other work it shows the cost without the waiting. */
  auditCpuMs: TimingSummary;
  parseAndAuditMs: TimingSummary;
  /** The reference loop, timed between the audits (wall time). */
  referenceMs: TimingSummary;
  updateMs: Record<'kpi' | 'agreement' | 'lane' | 'all', TimingSummary>;
  updateCpuMs: TimingSummary;
}

/** Wall time and CPU time (user + system) of one call, in ms. */
function timeBoth(fn: () => void): [number, number] {
  const cpu = process.cpuUsage();
  const start = performance.now();
  fn();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return [wall, (used.user + used.system) / 1000];
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * A fixed CPU-bound reference (20 million square roots), timed next to the audit: the
 * ratio audit / reference compares runs on machines of different speed or load.
 */
function referenceLoop(): [number, number] {
  let sum = 0;
  const result = timeBoth(() => {
    for (let i = 0; i < 2e7; i++) sum += Math.sqrt(i);
  });
  if (sum < 0) throw new Error('unreachable');
  return result;
}

/** Measures one model size. */
export async function measureSize(flowNodes: number, runs: number, edits: number): Promise<SizeFigures> {
  const xml = generateCollaboration({ flowNodes, lanes: 6, seed: 1, withValueChain: true });
  const parse: number[] = [];
  const audit: number[] = [];
  const both: number[] = [];
  let definitions: ModdleElement | undefined;
  let findings = 0;
  let handovers = 0;
  // Two unmeasured warm-up rounds let the JIT settle, as in an editing session.
  for (let i = 0; i < runs + 2; i++) {
    gc();
    const start = performance.now();
    definitions = (await parseBpmn(xml)).definitions;
    const parsed = performance.now();
    const result = runAudit(definitions, { today: TODAY });
    const end = performance.now();
    findings = result.findings.length;
    handovers = result.handovers.length;
    if (i < 2) continue;
    parse.push(parsed - start);
    audit.push(end - parsed);
    both.push(end - start);
  }
  // More audit-only runs on the same tree: parsing dominates the loop above.
  const auditCpu: number[] = [];
  const reference: number[] = [];
  for (let i = 0; i < runs * 2; i++) {
    gc();
    const [wall, cpu] = timeBoth(() => runAudit(definitions!, { today: TODAY }));
    audit.push(wall);
    auditCpu.push(cpu);
    if (i % 2 === 0) reference.push(referenceLoop()[0]);
  }

  const defs = definitions!;
  const session = createAuditSession(defs, { today: TODAY });
  const random = prng(7);
  const process = defs.rootElements!.find((r) => r.$type === 'bpmn:Process' && r.id === 'Process_organisation')!;
  const lanes = process.laneSets![0].lanes!.slice();
  const tasks = process.flowElements!.filter((e) => e.$type === 'bpmn:Task' && getExtension(e, 'ml:Step'));
  const agreed = session.result.handovers.filter((h) => h.agreement).map((h) => h.flowId);
  const flowsById = new Map<string, ModdleElement>();
  for (const root of defs.rootElements as ModdleElement[]) {
    for (const f of [...(root.flowElements ?? []), ...(root.messageFlows ?? [])]) flowsById.set(f.id!, f);
  }
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  const edit = {
    kpi: (): string => {
      const task = pick(tasks);
      const kpi = getExtension(task, 'ml:Step')!.kpis?.[0];
      if (kpi) kpi.target = kpi.target === '1' ? '2' : '1';
      return task.id!;
    },
    agreement: (): string => {
      const flow = flowsById.get(pick(agreed))!;
      const agreement = getExtension(flow, 'ml:Agreement')!;
      agreement.status = agreement.status === 'agreed' ? 'draft' : 'agreed';
      return flow.id!;
    },
    lane: (): string => {
      const task = pick(tasks);
      const from = lanes.find((l) => l.flowNodeRef!.includes(task))!;
      const to = lanes[(lanes.indexOf(from) + 1) % lanes.length]!;
      from.flowNodeRef!.splice(from.flowNodeRef!.indexOf(task), 1);
      to.flowNodeRef!.push(task);
      return task.id!;
    }
  };
  const updates: Record<'kpi' | 'agreement' | 'lane', number[]> = { kpi: [], agreement: [], lane: [] };
  const updateCpu: number[] = [];
  // Warm-up edits: the modeler's session has run for a while when a user edits.
  const warmUp = 30;
  for (let i = 0; i < edits + warmUp; i++) {
    const kind = (['kpi', 'agreement', 'lane'] as const)[i % 3]!;
    const changed = edit[kind]();
    const [wall, cpu] = timeBoth(() => session.update([changed]));
    if (i < warmUp) continue;
    updates[kind].push(wall);
    updateCpu.push(cpu);
  }
  return {
    flowNodes,
    xmlBytes: Buffer.byteLength(xml),
    findings,
    handovers,
    parseMs: summarise(parse),
    auditMs: summarise(audit),
    auditCpuMs: summarise(auditCpu),
    parseAndAuditMs: summarise(both),
    referenceMs: summarise(reference),
    updateMs: {
      kpi: summarise(updates.kpi),
      agreement: summarise(updates.agreement),
      lane: summarise(updates.lane),
      all: summarise([...updates.kpi, ...updates.agreement, ...updates.lane])
    },
    updateCpuMs: summarise(updateCpu)
  };
}

async function main(): Promise<void> {
  const options = benchOptions({
    runs: { type: 'string', default: '15' },
    edits: { type: 'string', default: '60' },
    sizes: { type: 'string', default: '1000,10000' }
  });
  const runs = intOption(options.runs, 'runs');
  const edits = intOption(options.edits, 'edits');
  const sizes = String(options.sizes)
    .split(',')
    .map((s) => intOption(s, 'sizes'));
  const figures: SizeFigures[] = [];
  for (const size of sizes) {
    const f = await measureSize(size, runs, edits);
    figures.push(f);
    printFigures(`audit of ${size} flow nodes (${(f.xmlBytes / 1024).toFixed(0)} KiB, ${f.findings} findings, ${f.handovers} handovers)`, [
      ['parse (median)', `${f.parseMs.median} ms`],
      ['audit without parsing (median / p90)', `${f.auditMs.median} / ${f.auditMs.p90} ms`],
      ['  CPU time of those audits (median)', `${f.auditCpuMs.median} ms`],
      ['  reference loop, 2e7 square roots (median)', `${f.referenceMs.median} ms`],
      ['parse + audit (median)', `${f.parseAndAuditMs.median} ms`],
      ['update after a KPI edit (median / p90)', `${f.updateMs.kpi.median} / ${f.updateMs.kpi.p90} ms`],
      ['update after an agreement edit (median / p90)', `${f.updateMs.agreement.median} / ${f.updateMs.agreement.p90} ms`],
      ['update after a lane move (median / p90)', `${f.updateMs.lane.median} / ${f.updateMs.lane.p90} ms`],
      ['  CPU time of the updates (median)', `${f.updateCpuMs.median} ms`]
    ]);
  }
  const small = figures.find((f) => f.flowNodes === 1000);
  const large = figures.find((f) => f.flowNodes === 10000);
  const growth = small && large ? round(large.auditMs.median / small.auditMs.median, 2) : null;
  const cpuGrowth = small && large ? round(large.auditCpuMs.median / small.auditCpuMs.median, 2) : null;
  const verdict = {
    fullAuditBudgetMs: FULL_AUDIT_BUDGET_MS,
    fullAuditAt10000Ms: large?.auditMs.median ?? null,
    meetsFullAuditBudget: large ? large.auditMs.median <= FULL_AUDIT_BUDGET_MS : null,
    growthBudget: GROWTH_BUDGET,
    growth10x: growth,
    meetsGrowthBudget: growth === null ? null : growth <= GROWTH_BUDGET,
    cpuGrowth10x: cpuGrowth,
    updateAt1000MedianMs: small?.updateMs.all.median ?? null,
    updateAt10000MedianMs: large?.updateMs.all.median ?? null
  };
  printFigures('verdict', Object.entries(verdict).map(([k, v]) => [k, String(v)]));
  const file = await writeResult('audit-scale', {
    method:
      'Generated collaborations (6 lanes, seed 1, with value-chain data); audit date 2026-11-22. Each size is parsed and audited runs+2 times (two unmeasured warm-ups), then audited 2×runs more times on the same tree (wall and CPU time); gc() before each run when node runs with --expose-gc. Updates: a session over the parsed tree, then edits applied to the moddle tree in turn (a KPI target, an agreement status, a task moved to the next lane via flowNodeRef) each followed by session.update([changed id]); 30 unmeasured warm-up edits. Run through tsx, as the CLI runs. referenceMs times a fixed loop of 2e7 Math.sqrt between the audits, to compare machines and loads. Compare loadAverage1m with the 2 cores: on a busy machine wall time includes waiting for a core; the CPU time shows the work itself.',
    runs,
    edits,
    sizes: figures,
    verdict
  });
  console.log(`\nwrote ${file}`);
}

if (isMain(import.meta.url)) await main();
