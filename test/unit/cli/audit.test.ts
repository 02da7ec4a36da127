import { readFileSync } from 'node:fs';
import { Parser } from 'saxen';
import { describe, expect, it } from 'vitest';
import { AUDIT_USAGE, runAuditCommand } from '../../../src/cli/audit';
import { nodeIo } from '../../../src/cli/io';
import { memoryIo } from './support';

const fixture = (name: string) => readFileSync(new URL(`../analysis/audit/rules/${name}`, import.meta.url), 'utf8');
const DATE = ['--date', '2026-11-22'];

describe('missinglink audit: exit codes', () => {
  it('exits 0 when nothing reaches the threshold', async () => {
    const io = memoryIo({ 'chain.bpmn': fixture('complete-chain.bpmn') });
    expect(await runAuditCommand(['chain.bpmn', ...DATE], io)).toBe(0);
    expect(io.err()).toBe('');
  });

  it('exits 1 when an error is found, and for warnings only with --fail-on warning', async () => {
    const errors = memoryIo({ 'a.bpmn': fixture('handover-agreement.finds.bpmn') });
    expect(await runAuditCommand(['a.bpmn', ...DATE], errors)).toBe(1);
    const warnings = memoryIo({ 'k.bpmn': fixture('activity-kpi.finds.bpmn') });
    expect(await runAuditCommand(['k.bpmn', ...DATE], warnings)).toBe(0);
    expect(await runAuditCommand(['k.bpmn', ...DATE, '--fail-on', 'warning'], warnings)).toBe(1);
    expect(await runAuditCommand(['k.bpmn', ...DATE, '--fail-on=error'], warnings)).toBe(0);
  });

  it('exits 2 for unusable input, says why per bad file on stderr and still audits the others', async () => {
    const io = memoryIo({
      'models/good.bpmn': fixture('handover-agreement.finds.bpmn'),
      'models/binary.bpmn': 'PK\u0003\u0004\u0000zip',
      'models/cut.bpmn': '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="P">',
      'models/page.bpmn': '<html><body>not a model</body></html>'
    });
    const code = await runAuditCommand(['models', 'missing.bpmn', ...DATE], io);
    expect(code).toBe(2);
    const lines = io.err().trimEnd().split('\n');
    expect(lines).toEqual([
      'missinglink audit: missing.bpmn: no such file or folder.',
      expect.stringMatching(/^missinglink audit: models\/binary\.bpmn: The file is not an XML text file: it contains binary data/),
      expect.stringMatching(/^missinglink audit: models\/cut\.bpmn: The file is not well-formed XML: the file ends before all its elements are closed/),
      expect.stringMatching(/^missinglink audit: models\/page\.bpmn: The file is XML but not BPMN: its root element is <html>/)
    ]);
    // the good file is audited and reported, the bad ones are listed with their reason
    const json = JSON.parse(io.out());
    expect(json.files.map((f: { file: string; error?: string; findings: unknown[] }) => [f.file, f.error ? 'error' : f.findings.length])).toEqual([
      ['models/binary.bpmn', 'error'],
      ['models/cut.bpmn', 'error'],
      ['models/good.bpmn', 3],
      ['models/page.bpmn', 'error'],
      ['missing.bpmn', 'error']
    ]);
    expect(json.files.find((f: { file: string }) => f.file === 'missing.bpmn').error).toBe('No such file or folder.');
  });

  it('exits 2 for arguments it cannot use, with the usage', async () => {
    for (const args of [[], ['a.bpmn', '--format', 'pdf'], ['a.bpmn', '--fail-on', 'info'], ['a.bpmn', '--date', '22-11-2026'], ['a.bpmn', '--verbose'], ['a.bpmn', '--format']]) {
      const io = memoryIo({ 'a.bpmn': fixture('complete-chain.bpmn') });
      expect(await runAuditCommand(args, io), args.join(' ')).toBe(2);
      expect(io.err()).toContain('Usage: missinglink audit');
      expect(io.out()).toBe('');
    }
  });

  it('prints the usage for --help and exits 0', async () => {
    const io = memoryIo({});
    expect(await runAuditCommand(['--help'], io)).toBe(0);
    expect(io.out()).toBe(AUDIT_USAGE);
  });
});

describe('missinglink audit: which files', () => {
  it('searches folders recursively for .bpmn and .xml, in name order, skipping hidden folders', async () => {
    const io = memoryIo({
      'repo/b.bpmn': fixture('complete-chain.bpmn'),
      'repo/sub/deeper/a.xml': fixture('complete-chain.bpmn'),
      'repo/sub/notes.txt': 'not a model',
      'repo/.git/old.bpmn': 'ignored',
      'repo/node_modules/x/y.bpmn': 'ignored'
    });
    expect(await runAuditCommand(['repo/', ...DATE], io)).toBe(0);
    expect(JSON.parse(io.out()).files.map((f: { file: string }) => f.file)).toEqual(['repo/b.bpmn', 'repo/sub/deeper/a.xml']);
  });

  it('skips an .xml file found in a folder that is not BPMN, but refuses one named explicitly', async () => {
    const files = { 'repo/chain.bpmn': fixture('complete-chain.bpmn'), 'repo/pom.xml': '<project><modelVersion>4.0.0</modelVersion></project>' };
    const searched = memoryIo(files);
    expect(await runAuditCommand(['repo', ...DATE], searched)).toBe(0);
    expect(searched.err()).toBe('missinglink audit: repo/pom.xml: skipped, not a BPMN file.\n');
    const named = memoryIo(files);
    expect(await runAuditCommand(['repo/pom.xml', ...DATE], named)).toBe(2);
  });

  it('exits 2 for a folder without models', async () => {
    const io = memoryIo({ 'empty/readme.txt': 'nothing here' });
    expect(await runAuditCommand(['empty', ...DATE], io)).toBe(2);
    expect(io.err()).toBe('missinglink audit: empty: the folder holds no .bpmn or .xml files.\n');
    expect(JSON.parse(io.out()).files).toEqual([expect.objectContaining({ file: 'empty', error: 'The folder holds no .bpmn or .xml files.', findings: [] })]);
  });

  it('passes reader warnings and rule-setting problems on to stderr without failing', async () => {
    const xml = fixture('complete-chain.bpmn')
      .replace('<bpmn:endEvent id="End_offered"', '<bpmn:unknownThing id="X" />\n    <bpmn:endEvent id="End_offered"')
      .replace('</ml:valueChain>', '<ml:ruleSetting rule="no-such-rule" enabled="false" /></ml:valueChain>');
    const io = memoryIo({ 'w.bpmn': xml });
    expect(await runAuditCommand(['w.bpmn', ...DATE], io)).toBe(0);
    expect(io.err()).toMatch(/^missinglink audit: w\.bpmn: warning: .*bpmn:unknownThing.*\nmissinglink audit: w\.bpmn: warning: The rule setting for "no-such-rule" names no audit rule/);
  });
});

describe('missinglink audit: formats', () => {
  it('writes the JSON contract', async () => {
    const io = memoryIo({ 'a.bpmn': fixture('handover-agreement.finds.bpmn') });
    await runAuditCommand(['a.bpmn', ...DATE, '--format', 'json'], io);
    const json = JSON.parse(io.out());
    expect(Object.keys(json)).toEqual(['files']);
    const [file] = json.files;
    expect(file.file).toBe('a.bpmn');
    for (const h of file.handovers) {
      expect(h).toEqual(
        expect.objectContaining({
          flowId: expect.any(String),
          kind: expect.stringMatching(/^(sequence|message)$/),
          from: expect.objectContaining({ elementId: expect.any(String), name: expect.any(String) }),
          to: expect.objectContaining({ elementId: expect.any(String), name: expect.any(String) })
        })
      );
      expect(h.agreement === null || typeof h.agreement === 'object').toBe(true);
    }
    expect(file.handovers.map((h: { flowId: string; from: { name: string }; to: { name: string } }) => `${h.flowId} ${h.from.name} -> ${h.to.name}`)).toEqual([
      'Message_request Business customer -> Our company', // message flows: the pools
      'Message_offer Our company -> Business customer',
      'Flow_handover Marketing -> Sales' // sequence flows: the lanes
    ]);
    for (const f of file.findings) expect(f).toEqual(expect.objectContaining({ rule: expect.any(String), severity: expect.any(String), elementId: expect.any(String), message: expect.any(String) }));
    expect(file.findings.map((f: { rule: string; elementId: string }) => `${f.rule} ${f.elementId}`)).toEqual([
      'handover-agreement Message_request',
      'handover-agreement Message_offer',
      'handover-agreement Flow_handover'
    ]);
  });

  it('writes well-formed JUnit XML', async () => {
    const io = memoryIo({ 'a.bpmn': fixture('handover-agreement.finds.bpmn'), 'b.bpmn': '' });
    expect(await runAuditCommand(['a.bpmn', 'b.bpmn', ...DATE, '--format', 'junit'], io)).toBe(2);
    const tags: string[] = [];
    const parser = new Parser();
    parser.on('openTag', (name) => tags.push(name));
    parser.on('error', (e) => {
      throw e;
    });
    parser.parse(io.out());
    expect(tags.filter((t) => t === 'testsuite')).toHaveLength(2);
    expect(tags.filter((t) => t === 'failure')).toHaveLength(1);
    expect(tags.filter((t) => t === 'error')).toHaveLength(1);
  });

  it('writes a Markdown report with the RACI matrix', async () => {
    const io = memoryIo({ 'a.bpmn': fixture('activity-accountable.finds.bpmn') });
    expect(await runAuditCommand(['a.bpmn', ...DATE, '--format=md'], io)).toBe(1);
    expect(io.out()).toMatch(/^# MissingLink audit\n\n## a\.bpmn\n/);
    expect(io.out()).toContain('### RACI matrix');
    expect(io.out()).toContain('| Send offer | Sales | A |  | A |  |');
  });
});

describe('missinglink audit on the real file system', () => {
  it('audits the sample processes folder and finds their deliberate gaps', async () => {
    let out = '';
    const io = { ...nodeIo(), stdout: (s: string) => void (out += s), stderr: () => undefined };
    const root = new URL('../../../', import.meta.url).pathname;
    const code = await runAuditCommand([`${root}processes`, ...DATE], io);
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(json.files.map((f: { file: string }) => f.file.slice(root.length))).toEqual([
      'processes/klachtafhandeling.bpmn',
      'processes/nieuwe-productintroductie.bpmn',
      'processes/retentiecampagne-topklanten.bpmn',
      'processes/van-lead-tot-order.bpmn'
    ]);
    expect(json.files.flatMap((f: { handovers: unknown[] }) => f.handovers)).toHaveLength(48);
  });
});
