import { readFileSync } from 'node:fs';
import { BpmnModdle } from 'bpmn-moddle';
import type { ModdleElement } from '../../../../../src/model/moddle-types';
import { Linter } from 'bpmnlint';
import StaticResolver from 'bpmnlint/lib/resolver/static-resolver';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../../../src/analysis/audit/audit';
import { bpmnlintConfig, configs, packedCache, resolver, rules } from '../../../../../src/analysis/audit/bpmnlint-plugin';
import { RULE_IDS } from '../../../../../src/analysis/audit/rules';
import { parseBpmn } from '../../../../../src/model/bpmn-io';
import { AUDIT_DATE } from '../support';

/*
 * The audit rules run with bpmnlint's own Linter, on a tree read the way bpmnlint's
 * command line reads it: a plain bpmn-moddle that does not know the ml: package.
 */

const xmlOf = (name: string) => readFileSync(new URL(`../${name}`, import.meta.url), 'utf8');

/** A .bpmnlintrc that extends the plugin's recommended set and fixes the audit date. */
const rc = {
  extends: 'plugin:missinglink/recommended',
  rules: Object.fromEntries(RULE_IDS.map((id) => [`missinglink/${id}`, [id === 'handover-agreement' || id === 'activity-accountable' ? 'error' : 'warn', { today: AUDIT_DATE }]]))
};

async function lint(xml: string, config: object = rc, lintResolver: object = resolver) {
  const { rootElement } = await new BpmnModdle().fromXML(xml);
  const reports = (await new Linter({ resolver: lintResolver }).lint(rootElement, config)) as Record<string, Array<{ id: string; message: string; category: string; severity?: string }>>;
  return Object.entries(reports).flatMap(([rule, list]) => list.map((r) => ({ rule, ...r })));
}

describe('bpmnlint-plugin-missinglink', () => {
  it('reports with bpmnlint exactly what the audit finds', async () => {
    // given a sample read as bpmnlint's command line reads it
    const xml = readFileSync(new URL('../../../../../processes/van-lead-tot-order.bpmn', import.meta.url), 'utf8');
    const reports = await lint(xml);
    // then every finding of the audit is a report of the rule of the same name
    const audit = runAudit((await parseBpmn(xml)).definitions, { today: AUDIT_DATE });
    expect(reports.map((r) => `${r.rule} ${r.id} ${r.message}`).sort()).toEqual(audit.findings.map((f) => `missinglink/${f.rule} ${f.elementId} ${f.message}`).sort());
    expect(reports.find((r) => r.rule === 'missinglink/handover-agreement')).toMatchObject({ category: 'error', severity: 'error' });
    expect(reports.find((r) => r.rule === 'missinglink/kpi-smart')).toMatchObject({ category: 'warn', severity: 'warning' });
  });

  it('reports one rule per fixture where the fixture has its gap', async () => {
    for (const rule of RULE_IDS) {
      const reports = await lint(xmlOf(`rules/${rule}.finds.bpmn`));
      expect(new Set(reports.map((r) => r.rule)), rule).toEqual(new Set([`missinglink/${rule}`]));
      expect(await lint(xmlOf(`rules/${rule}.passes.bpmn`)), rule).toEqual([]);
    }
  });

  it('leaves a rule out that the .bpmnlintrc switches off, and one the process switches off', async () => {
    const off = await lint(xmlOf('rules/handover-agreement.finds.bpmn'), { ...rc, rules: { ...rc.rules, 'missinglink/handover-agreement': 'off' } });
    expect(off).toEqual([]);
    const xml = xmlOf('rules/activity-accountable.finds.bpmn').replace('</ml:valueChain>', '<ml:ruleSetting rule="activity-accountable" enabled="false" /></ml:valueChain>');
    expect(await lint(xml)).toEqual([]);
  });

  it('works through bpmnlint’s StaticResolver with the packed cache, as bpmn-js-bpmnlint uses it', async () => {
    const reports = await lint(xmlOf('rules/kpi-smart.finds.bpmn'), rc, new StaticResolver(packedCache()));
    expect(reports.map((r) => r.id)).toEqual(['Task_qualify', 'Task_qualify', 'Task_qualify']);
  });

  it('offers the recommended set at the rules’ default severities and an all-errors set', () => {
    expect(configs.recommended.rules).toMatchObject({ 'handover-agreement': 'error', 'activity-accountable': 'error', 'kpi-smart': 'warn' });
    expect(Object.values(configs.all.rules!).every((c) => c === 'error')).toBe(true);
    expect(Object.keys(rules)).toEqual([...RULE_IDS]);
    expect(bpmnlintConfig.config.extends).toBe('plugin:missinglink/recommended');
    expect(() => resolver.resolveRule('bpmnlint', 'label-required')).toThrow('unknown rule');
  });

  it('audits again in the next lint run, after the model changed', async () => {
    const { rootElement } = await new BpmnModdle().fromXML(xmlOf('rules/complete-chain.bpmn'));
    const linter = new Linter({ resolver });
    expect(await linter.lint(rootElement, rc)).toEqual({});
    // when the handover's agreement is edited in the tree between two runs
    const process = (rootElement as ModdleElement).rootElements!.find((r) => r.$type === 'bpmn:Process')!;
    const flow = process.flowElements!.find((e) => e.id === 'Flow_handover')!;
    flow.extensionElements!.values![0]!.status = 'draft';
    const reports = (await linter.lint(rootElement, rc)) as Record<string, unknown[]>;
    expect(Object.keys(reports)).toEqual(['missinglink/handover-agreement']);
  });
});
