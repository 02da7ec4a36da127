import { Parser } from 'saxen';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../../src/analysis/audit/audit';
import { auditJunit, auditMarkdown, auditReportJson, findingsCsv, type AuditedFile } from '../../../../src/analysis/audit/export';
import { raciMatrix } from '../../../../src/analysis/audit/views';
import { AUDIT_DATE, loadFixture } from './support';

async function audited(name: string, withRaci = false): Promise<AuditedFile> {
  const definitions = await loadFixture(`./rules/${name}`);
  return { file: name, result: runAudit(definitions, { today: AUDIT_DATE }), ...(withRaci ? { raci: raciMatrix(definitions) } : {}) };
}

/** Parses XML strictly and returns its elements with decoded attributes; throws on anything not well-formed. */
function xmlElements(xml: string): Array<{ name: string; attrs: Record<string, string> }> {
  const elements: Array<{ name: string; attrs: Record<string, string> }> = [];
  const parser = new Parser();
  parser.on('openTag', (name: string, getAttrs: () => Record<string, string>, decode: (s: string) => string) =>
    elements.push({ name, attrs: Object.fromEntries(Object.entries(getAttrs()).map(([k, v]) => [k, decode(v)])) })
  );
  parser.on('error', (error: Error) => {
    throw error;
  });
  parser.parse(xml);
  return elements;
}

describe('auditReportJson', () => {
  it('follows the command line contract: files with handovers and findings', async () => {
    const json = auditReportJson([await audited('handover-agreement.finds.bpmn')]);
    const [file] = json.files;
    expect(file!.file).toBe('handover-agreement.finds.bpmn');
    expect(file!.handovers[2]).toMatchObject({
      flowId: 'Flow_handover',
      kind: 'sequence',
      from: { elementId: 'Lane_marketing', name: 'Marketing' },
      to: { elementId: 'Lane_sales', name: 'Sales' },
      agreement: null
    });
    expect(file!.handovers[0]!.agreement).toMatchObject({ status: 'draft', deliverable: 'Request for an offer' });
    expect(file!.findings[0]).toMatchObject({ rule: 'handover-agreement', severity: 'error', elementId: 'Message_request', message: expect.stringContaining('draft') });
    // it survives a round trip through JSON text unchanged
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('lists a file that could not be audited with its reason and empty lists', () => {
    expect(auditReportJson([{ file: 'broken.bpmn', error: 'The file is empty.' }])).toEqual({
      files: [{ file: 'broken.bpmn', error: 'The file is empty.', handovers: [], findings: [] }]
    });
  });
});

describe('findingsCsv', () => {
  it('writes UTF-8 with a byte-order mark, one row per finding, exempted ones marked', async () => {
    const file = await audited('resource-overrun.finds.bpmn');
    const csv = findingsCsv([file]);
    expect(csv.startsWith('\uFEFFfile,rule,severity,pain point,element id,element name,department,message,missing,values,exempted,exemption reason,exempted by\r\n')).toBe(true);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('resource-overrun.finds.bpmn,resource-overrun,warning,3,Task_qualify,Qualify request,Marketing,');
    expect(lines[1]).toMatch(/,no,,$/);
  });

  it('uses ; and a decimal comma for Dutch spreadsheets', async () => {
    const csv = findingsCsv([await audited('activity-kpi.finds.bpmn')], { decimalComma: true });
    expect(csv.split('\r\n')[1]).toMatch(/^activity-kpi\.finds\.bpmn;activity-kpi;warning;2;Task_qualify;/);
  });
});

describe('auditMarkdown', () => {
  it('holds the summary per pain point, the handover matrix, the RACI matrix and every finding with its evidence', async () => {
    const md = auditMarkdown([await audited('handover-agreement.finds.bpmn', true)]);
    expect(md).toContain('## handover-agreement.finds.bpmn');
    expect(md).toContain('| 5 | Poor collaboration at handovers | handover-agreement, agreement-overdue | 3 | 0 | 0 | 0 |');
    expect(md).toContain('| Marketing |  |  | 0/1 |');
    expect(md).toContain('| Qualify request | Marketing |  | A | C |  |');
    expect(md).toContain('#### 5 · Poor collaboration at handovers');
    expect(md).toContain('missing: receiverRole');
  });

  it('escapes table cells and reports unreadable files', () => {
    const md = auditMarkdown([{ file: 'a|b.bpmn', error: 'The file is not well-formed XML: a | b\nline 2' }]);
    expect(md).toContain('**Not audited:** The file is not well-formed XML: a \\| b line 2');
  });

  it('shows names holding HTML or links as text: tags, entities and brackets are escaped', () => {
    // given a file name and an error message holding markup a Markdown viewer would render
    const md = auditMarkdown(
      [{ file: '<img src=x onerror=alert(1)>.bpmn', error: 'see [here](javascript:alert(1)) & <script>alert(2)</script>' }],
      'Audit report: <b>Klacht</b>'
    );
    // then no raw tag, link or entity is left, and the text reads the same once rendered
    expect(md).not.toMatch(/(^|[^\\])[<[&]/m);
    expect(md).toContain('# Audit report: \\<b\\>Klacht\\</b\\>');
    expect(md).toContain('## \\<img src=x onerror=alert(1)\\>.bpmn');
    expect(md).toContain('see \\[here\\](javascript:alert(1)) \\& \\<script\\>alert(2)\\</script\\>');
  });
});

describe('auditJunit', () => {
  it('is well-formed JUnit XML with a suite per file and a case per rule', async () => {
    const xml = auditJunit([await audited('activity-accountable.finds.bpmn'), await audited('complete-chain.bpmn'), { file: 'bad <file>.bpmn', error: 'Not "BPMN" & more' }]);
    const elements = xmlElements(xml);
    expect(elements[0]).toEqual({ name: 'testsuites', attrs: { name: 'missinglink audit', tests: '21', failures: '1', errors: '1', skipped: '0' } });
    expect(elements.filter((e) => e.name === 'testsuite').map((e) => e.attrs.name)).toEqual(['activity-accountable.finds.bpmn', 'complete-chain.bpmn', 'bad <file>.bpmn']);
    expect(elements.filter((e) => e.name === 'failure')).toHaveLength(1);
    expect(elements.find((e) => e.name === 'error')!.attrs.message).toBe('Not "BPMN" & more');
  });

  it('fails warnings only when asked to', async () => {
    const file = await audited('activity-kpi.finds.bpmn');
    expect(xmlElements(auditJunit([file], 'error')).filter((e) => e.name === 'failure')).toHaveLength(0);
    expect(xmlElements(auditJunit([file], 'warning')).filter((e) => e.name === 'failure')).toHaveLength(1);
  });
});
