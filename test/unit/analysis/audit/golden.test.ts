import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../../src/analysis/audit/audit';
import { createAuditSession } from '../../../../src/analysis/audit/session';
import type { AuditResult } from '../../../../src/analysis/audit/types';
import { parseBpmn } from '../../../../src/model/bpmn-io';
import { generateCollaboration } from '../../../../bench/lib/generate-collaboration';
import { AUDIT_DATE } from './support';

/*
 * The audit's results on a fixed set of models, held against a stored record: every
 * finding (id, order, severity, message, evidence, location), exemption, handover and
 * config problem counts, through a SHA-256 of the whole result's JSON. This guards the
 * engine's speed work, which must never change a result: the samples, the rule
 * fixtures, the MIWG corpus (test/fixtures/miwg) and generated
 * collaborations with injected faults (invalid values, overruns, passed review dates,
 * exemptions, rule settings). The session's first result and a plain audit must both
 * match the record.
 *
 * When a rule or message changes on purpose, rewrite the record with
 *   UPDATE_AUDIT_GOLDEN=1 npx vitest run --project unit test/unit/analysis/audit/golden.test.ts
 * and review the counts in the diff.
 */

const GOLDEN = new URL('./golden.json', import.meta.url);
const repo = new URL('../../../../', import.meta.url);
const corpus = new URL('test/fixtures/miwg/', repo);

interface Record_ {
  findings: number;
  exempted: number;
  exemptions: number;
  handovers: number;
  configProblems: number;
  byRule: Record<string, number>;
  sha256: string;
}

function bpmnFiles(folder: URL, prefix: string): Array<[string, () => string]> {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.bpmn'))
    .sort()
    .map((f) => [`${prefix}${f}`, () => readFileSync(new URL(f, folder), 'utf8')]);
}

function corpusFiles(): Array<[string, () => string]> {
  return readdirSync(corpus)
    .filter((d) => statSync(new URL(d, corpus)).isDirectory())
    .sort()
    .flatMap((d) => bpmnFiles(new URL(`${d}/`, corpus), `miwg/${d}/`));
}

/** A deterministic pick: every `every`-th occurrence, starting at `offset`. */
function nth(i: number, every: number, offset = 0): boolean {
  return i % every === offset;
}

/** Rewrites the i-th match of a pattern with `edit(match, i)`. */
function eachMatch(xml: string, pattern: RegExp, edit: (match: string, i: number) => string): string {
  let i = 0;
  return xml.replace(pattern, (match) => edit(match, i++));
}

/**
 * A generated collaboration with faults of every kind the rules look for, spread over
 * the model: each n-th KPI, budget, agreement, assignment or task gets one.
 */
function faultyCollaboration(flowNodes: number, seed: number, lanes: number): string {
  let xml = generateCollaboration({ flowNodes, lanes, seed, withValueChain: true });
  xml = eachMatch(xml, /<ml:kpi [^>]*\/>/g, (kpi, i) => {
    if (nth(i, 11, 0)) return kpi.replace(/target="[^"]*"/, 'target="abc"');
    if (nth(i, 11, 1)) return kpi.replace(/periodEnd="[^"]*"/, 'periodEnd="2026-02-30"');
    if (nth(i, 11, 2)) return kpi.replace(/ unit="[^"]*"/, '');
    if (nth(i, 11, 3)) return kpi.replace(/ realised="[^"]*"/, '');
    if (nth(i, 11, 4)) return kpi.replace(/ realised="[^"]*"/, ' realised="  " evidence="Seen at the fair"');
    if (nth(i, 11, 5)) return kpi.replace(/ periodStart="[^"]*"/, '');
    if (nth(i, 11, 6)) return kpi.replace(/ realised="[^"]*"/, ' realised="1e5"').replace('/>', '><ml:measurement value="4" periodStart="2026-01-01" periodEnd="2026-01-31" /><ml:measurement evidence="ok" /><ml:measurement value="x" /></ml:kpi>');
    if (nth(i, 11, 7)) return kpi.replace(/ id="[^"]*"/, '').replace(/periodEnd="[^"]*"/, 'periodEnd=" 2026-10-31 "');
    if (nth(i, 11, 8)) return kpi.replace(/ name="[^"]*"/, '').replace(/ realised="[^"]*"/, '');
    return kpi;
  });
  xml = eachMatch(xml, /<ml:resources [^>]*\/>/g, (resources, i) => {
    if (nth(i, 7, 0)) return resources.replace(/plannedBudget="[^"]*"/, 'plannedBudget="-5"');
    if (nth(i, 7, 1)) return resources.replace(/realisedBudget="[^"]*"/, 'realisedBudget="x"');
    if (nth(i, 7, 2)) return resources.replace(/realisedBudget="[^"]*"/, 'realisedBudget="999999.555"').replace('<ml:resources ', '<ml:resources currency="USD" ');
    if (nth(i, 7, 3)) return resources.replace(/ plannedBudget="[^"]*"/, '').replace(/ plannedHours="[^"]*"/, '');
    if (nth(i, 7, 4)) return resources.replace(/plannedBudget="[^"]*"/, 'plannedBudget="0"').replace(/plannedHours="[^"]*"/, 'plannedHours="+.5"');
    if (nth(i, 7, 5)) return '<ml:resources budgetGroup="sowing" />';
    return resources;
  });
  xml = eachMatch(xml, /<ml:agreement [^>]*\/>/g, (agreement, i) => {
    if (nth(i, 6, 0)) return agreement.replace(/status="[^"]*"/, 'status="bogus"');
    if (nth(i, 6, 1)) return agreement.replace(/reviewDate="[^"]*"/, 'reviewDate="2025-01-01"').replace(/status="[^"]*"/, 'status="agreed" reviewDate2="x"');
    if (nth(i, 6, 2)) return agreement.replace(/deliverable="[^"]*"/, 'deliverable=" "');
    if (nth(i, 6, 3)) return agreement.replace(/ providerRole="[^"]*"/, '').replace(/dueWithin="[^"]*"/, 'dueWithin="soon"');
    if (nth(i, 6, 4)) return agreement.replace(/status="[^"]*"/, 'status="under-review" reviewDate="2026-11-21"');
    return agreement;
  });
  xml = eachMatch(xml, /<ml:assignment role="([^"]*)" responsibility="accountable" \/>/g, (assignment, i) => {
    if (nth(i, 9, 0)) return `${assignment}<ml:assignment role="rol-2-manager" responsibility="accountable" />`;
    if (nth(i, 9, 1)) return assignment.replace('accountable', 'boss');
    if (nth(i, 9, 2)) return assignment.replace(/ role="[^"]*"/, '');
    return assignment;
  });
  xml = eachMatch(xml, /<extensionElements><ml:step /g, (start, i) => {
    if (nth(i, 13, 0)) return `<extensionElements><ml:exemption rule="activity-kpi" reason="Measured by the group" by="CMO" date="2026-06-01" /><ml:step `;
    if (nth(i, 13, 1)) return `<extensionElements><ml:exemption rule="no-such-rule" reason="?" /><ml:exemption rule="activity-resources" reason="Shared budget" /><ml:exemption rule="activity-resources" reason="Twice" /><ml:step `;
    if (nth(i, 13, 2)) return `<extensionElements><ml:exemption rule="resource-overrun" reason="Known" /><ml:exemption rule="kpi-smart" /><ml:step `;
    return start;
  });
  xml = xml.replace(
    '</ml:valueChain>',
    '<ml:ruleSetting rule="resource-overrun" tolerance="25" /><ml:ruleSetting rule="kpi-realised" tolerance="30" severity="error" /><ml:ruleSetting rule="nope" /><ml:ruleSetting rule="agreement-overdue" severity="fatal" /></ml:valueChain>'
  );
  return xml;
}

const models: Array<[string, () => string]> = [
  ...bpmnFiles(new URL('processes/', repo), 'processes/'),
  ...bpmnFiles(new URL('./', import.meta.url), 'audit/'),
  ...bpmnFiles(new URL('./rules/', import.meta.url), 'audit/rules/'),
  ...bpmnFiles(new URL('test/unit/model/', repo), 'model/'),
  ...bpmnFiles(new URL('test/unit/analysis/performance/', repo), 'performance/'),
  ['generated/600-faults-seed1', () => faultyCollaboration(600, 1, 6)],
  ['generated/400-faults-seed5-lanes3', () => faultyCollaboration(400, 5, 3)],
  ['generated/300-plain', () => generateCollaboration({ flowNodes: 300, lanes: 4, seed: 2, withValueChain: true })],
  ['generated/200-no-value-chain', () => generateCollaboration({ flowNodes: 200, lanes: 5, seed: 3 })],
  ...corpusFiles()
];

function record(result: AuditResult): Record_ {
  const byRule: Record<string, number> = {};
  for (const f of [...result.findings, ...result.exempted]) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  return {
    findings: result.findings.length,
    exempted: result.exempted.length,
    exemptions: result.exemptions.length,
    handovers: result.handovers.length,
    configProblems: result.configProblems.length,
    byRule,
    sha256: createHash('sha256').update(JSON.stringify(result)).digest('hex')
  };
}

const update = process.env.UPDATE_AUDIT_GOLDEN === '1';
const golden = (existsSync(GOLDEN) ? JSON.parse(readFileSync(GOLDEN, 'utf8')) : {}) as Record<string, Record_>;
const seen: Record<string, Record_> = {};

describe('audit results stay as recorded', () => {
  it.each(models)('%s', async (name, read) => {
    const { definitions } = await parseBpmn(read());
    const plain = record(runAudit(definitions, { today: AUDIT_DATE }));
    const session = record(createAuditSession(definitions, { today: AUDIT_DATE }).result);
    expect(session).toEqual(plain);
    seen[name] = plain;
    if (update) return;
    // The MIWG corpus lives outside the repository; a file the record does not know is new there.
    if (name.startsWith('miwg/') && !golden[name]) return;
    expect(plain).toEqual(golden[name]);
  });

  it('covers every recorded model that is present', () => {
    if (update) {
      const sorted = Object.fromEntries(Object.keys(seen).sort().map((k) => [k, seen[k]]));
      writeFileSync(GOLDEN, `${JSON.stringify(sorted, null, 1)}\n`);
      return;
    }
    const present = new Set(models.map(([name]) => name));
    for (const name of Object.keys(golden)) expect(present.has(name), name).toBe(true);
    // The faults must really be there: the generated models are the large part of the record.
    expect(golden['generated/600-faults-seed1']!.findings).toBeGreaterThan(300);
  });
});
