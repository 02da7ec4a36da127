import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../src/cli/main';
import { en } from '../../../src/i18n/messages/en';
import { nl } from '../../../src/i18n/messages/nl';
import { AGREEMENT_STATUS_CODES, DEFAULT_USED_CODES, FIELD_CODES, FINDING_CODES, SIMULATION_ISSUE_CODES } from '../../../src/i18n/messages/codes';
import { findingText, simulationIssueText, type MessageLocale } from '../../../src/i18n/messages';
import { MESSAGE_KEYS } from '../../../src/analysis/audit';
import { ISSUE_KINDS } from '../../../src/simulation/compile/issue-kinds';
import type { AuditFinding } from '../../../src/analysis/audit';
import type { SimIssue } from '../../../src/simulation';
import { memoryIo } from '../cli/support';

/*
 * One catalogue per language words every code the pure layers report, for the UI, the
 * command line and the downloads alike. The UI's lit-localize runtime is replaced by
 * its locale alone (vi.mock), so the UI's own functions run here in node.
 */

let uiLocale: MessageLocale = 'en';
vi.mock('../../../src/i18n/localization', () => ({ currentLocale: () => uiLocale, LOCALES: ['nl', 'en'] }));
const { findingMessage, fieldLabel, agreementStatusLabel } = await import('../../../src/modeler/features/audit-markers/finding-text');
const { issueText, defaultUsedText } = await import('../../../src/ui/simulation/labels');

const sentinel = (name: string) => `<${name}>`;
const SENTINELS = new Proxy({}, { get: (_t, name) => sentinel(String(name)) }) as Record<string, string>;

describe('the message catalogue has every code in Dutch and English', () => {
  it('lists exactly the codes the audit and the simulation report', () => {
    expect([...MESSAGE_KEYS].sort()).toEqual([...FINDING_CODES].sort());
    expect(Object.keys(ISSUE_KINDS).sort()).toEqual([...SIMULATION_ISSUE_CODES].sort());
    expect([...new Set(Object.values(ISSUE_KINDS).flatMap((k) => (k.defaultUsed ? [k.defaultUsed] : [])))].sort()).toEqual([...DEFAULT_USED_CODES].sort());
  });

  it.each([
    ['finding', FINDING_CODES],
    ['field', FIELD_CODES],
    ['agreementStatus', AGREEMENT_STATUS_CODES],
    ['simulationIssue', SIMULATION_ISSUE_CODES],
    ['defaultUsed', DEFAULT_USED_CODES]
  ] as const)('%s: a non-empty text per code in both languages, with the same placeholders', (section, codes) => {
    for (const code of codes) {
      const render = (c: typeof en) => {
        const entry = (c[section] as Record<string, unknown>)[code];
        return typeof entry === 'function' ? (entry as (p: unknown) => string)(section === 'simulationIssue' ? sentinel('list') : SENTINELS) : String(entry);
      };
      const english = render(en);
      const dutch = render(nl);
      expect(english.trim(), `${section} ${code} in English`).not.toBe('');
      expect(dutch.trim(), `${section} ${code} in Dutch`).not.toBe('');
      const placeholders = (s: string) => [...s.matchAll(/<[a-zA-Z]+>/g)].map((m) => m[0]).sort();
      expect(placeholders(dutch), `${section} ${code}`).toEqual(placeholders(english));
    }
  });

  it('has Dutch that is not the English text for every sentence', () => {
    for (const code of FINDING_CODES) expect(nl.finding[code](SENTINELS), code).not.toBe(en.finding[code](SENTINELS));
    for (const code of SIMULATION_ISSUE_CODES) expect(nl.simulationIssue[code]('x'), code).not.toBe(en.simulationIssue[code]('x'));
  });
});

const rules = (name: string) => readFileSync(new URL(`../analysis/audit/rules/${name}`, import.meta.url), 'utf8');
const FILES = ['handover-agreement.finds.bpmn', 'activity-accountable.finds.bpmn', 'kpi-smart.finds.bpmn', 'customer-to-customer.finds.bpmn', 'activity-kpi.finds.bpmn', 'kpi-realised.finds.bpmn'];

/** The command line's JSON for the files in a language. */
async function cliFindings(lang: MessageLocale): Promise<AuditFinding[]> {
  const io = memoryIo(Object.fromEntries(FILES.map((f) => [f, rules(f)])));
  await runCli(['audit', ...FILES, '--date', '2026-11-22', '--lang', lang], io);
  return (JSON.parse(io.out()) as { files: Array<{ findings: AuditFinding[] }> }).files.flatMap((f) => f.findings);
}

describe('the UI and the command line word a code the same way', () => {
  beforeEach(() => {
    uiLocale = 'en';
  });

  it.each(['nl', 'en'] as const)('audit findings in %s', async (lang) => {
    const findings = await cliFindings(lang);
    expect(new Set(findings.map((f) => f.messageKey)).size).toBeGreaterThanOrEqual(6);
    uiLocale = lang;
    const roleNames = new Map([...rules('activity-accountable.finds.bpmn').matchAll(/<ml:role id="([^"]+)" name="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
    for (const f of findings) expect(findingMessage(f, (id) => roleNames.get(id)), f.messageKey).toBe(f.message);
    if (lang === 'nl') expect(findings.map((f) => f.message)).toContain('Voor de overdracht “Marketing” → “Sales” (“Qualified”) is geen afspraak vastgelegd.');
  });

  it.each(['nl', 'en'] as const)('field names, agreement statuses and simulation texts in %s', (lang) => {
    uiLocale = lang;
    for (const code of FIELD_CODES) expect(fieldLabel(code)).toBe((lang === 'nl' ? nl : en).field[code]);
    for (const code of AGREEMENT_STATUS_CODES) expect(agreementStatusLabel(code)).toBe((lang === 'nl' ? nl : en).agreementStatus[code]);
    for (const code of DEFAULT_USED_CODES) expect(defaultUsedText(code)).toBe((lang === 'nl' ? nl : en).defaultUsed[code]);
    const names = new Map([['T1', 'Offerte maken'], ['T2', 'Bellen']]);
    for (const code of SIMULATION_ISSUE_CODES) {
      const issue: SimIssue = { severity: 'warning', code, elementIds: ['T1', 'T2'], message: 'engine text' };
      // the CLI names elements by its own labels; given the same names, both say the same
      expect(issueText(issue, (id) => names.get(id)!)).toBe(simulationIssueText(issue, lang, (id) => `"${names.get(id)!}"`));
    }
  });

  it('words the drifted nothing-to-run the same in the UI and the engine: “steps”, not “flow elements”', () => {
    expect(en.simulationIssue['nothing-to-run']('')).toBe('The model contains no process with steps, so there is nothing to simulate.');
    expect(findingText({ messageKey: 'activity-kpi.missing', params: { activity: 'A' }, evidence: {} }, 'nl')).toBe('„A” heeft geen prestatiemaatstaf.');
  });
});
