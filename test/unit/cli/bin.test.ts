import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * bin/missinglink.mjs as a user runs it: a node process over the built command line in
 * dist-cli/ (`npm run build:cli`, run by `npm install` and `npm test`), on real files.
 */

const ROOT = new URL('../../../', import.meta.url).pathname;
const BUILT = join(ROOT, 'dist-cli/main.mjs');
const DATE = ['--date', '2026-11-22'];

/** Runs the command line with a neutral locale unless the test gives one. */
function missinglink(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, ['bin/missinglink.mjs', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60000,
    env: { PATH: process.env.PATH ?? '', LC_ALL: '', LC_MESSAGES: '', LANG: 'C', ...env }
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  if (!existsSync(BUILT)) throw new Error('dist-cli/main.mjs is missing: run "npm run build:cli" (npm test and npm install do) before these tests.');
});

describe('bin/missinglink.mjs runs the built command line', () => {
  it('prints the usage for --help and exits 0; exits 2 with the usage for no command', () => {
    const help = missinglink(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: missinglink <command> \[arguments\]/);
    expect(help.stderr).toBe('');
    const none = missinglink([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^Usage: missinglink <command>/);
  });

  it('loads nothing but node itself before a command is chosen: the entry imports only node built-ins', () => {
    const entry = readFileSync(BUILT, 'utf8');
    const staticImports = [...entry.matchAll(/^\s*import\s[^'"]*?['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    expect(staticImports.filter((s) => !s!.startsWith('node:'))).toEqual([]);
    // what --help loads is small: the entry with the message catalogue, no parser, no audit
    expect(entry.length).toBeLessThan(64 * 1024);
    // the commands are there, as chunks loaded on demand
    expect(entry).toMatch(/import\(["']\.\/chunks\/audit-[^"']+\.mjs["']\)/);
    expect(entry).toMatch(/import\(["']\.\/chunks\/simulate-[^"']+\.mjs["']\)/);
  });

  it('audits a sample: exit 1 with JUnit on stdout', () => {
    const run = missinglink(['audit', 'processes/klachtafhandeling.bpmn', '--format', 'junit', ...DATE]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="missinglink audit" tests="10" failures="2"/);
  });

  it('simulates a sample: exit 0 with JSON on stdout', () => {
    const run = missinglink(['simulate', 'processes/klachtafhandeling.bpmn', '--cases', '20']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(expect.objectContaining({ file: 'processes/klachtafhandeling.bpmn', cases: 20 }));
  });
});

describe('bin/missinglink.mjs reads files as the app does', () => {
  const findingsOf = (stdout: string) =>
    (JSON.parse(stdout) as { files: Array<{ findings: Array<{ rule: string; elementId: string }> }> }).files[0]!.findings.map((f) => `${f.rule} ${f.elementId}`);

  it.each(['offer-utf16le-bom.bpmn', 'offer-utf16be-bom.bpmn', 'offer-utf8-bom.bpmn'])('reads %s (byte order mark) with its accented names intact', (name) => {
    const run = missinglink(['audit', `test/unit/cli/fixtures/${name}`, ...DATE, '--format', 'md']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('from: Marketing — één team; to: Sales');
    const json = missinglink(['audit', `test/unit/cli/fixtures/${name}`, ...DATE]);
    expect(findingsOf(json.stdout)).toEqual(['handover-agreement Message_request', 'handover-agreement Message_offer', 'handover-agreement Flow_handover']);
  });

  it('simulates a UTF-16 file', () => {
    const run = missinglink(['simulate', 'test/unit/cli/fixtures/offer-utf16le-bom.bpmn', '--cases', '5']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  describe('structure limits the app applies', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'ml-cli-limits-'));
      const open = (body: string) =>
        `<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="http://x">\n${body}\n</bpmn:definitions>\n`;
      writeFileSync(join(dir, 'deep.bpmn'), open(`<bpmn:process id="P">${'<bpmn:extensionElements>'.repeat(5000)}${'</bpmn:extensionElements>'.repeat(5000)}</bpmn:process>`));
      writeFileSync(join(dir, 'long-name.bpmn'), open(`<bpmn:process id="P"><bpmn:task id="T" name="${'a'.repeat(2_000_000)}"/></bpmn:process>`));
      writeFileSync(join(dir, 'fine.bpmn'), readFileSync(join(ROOT, 'processes/klachtafhandeling.bpmn')));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('refuses a file nested 5,000 deep with a clear message and exit 2, and still audits the others', () => {
      const run = missinglink(['audit', join(dir, 'deep.bpmn'), join(dir, 'fine.bpmn'), ...DATE]);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(`missinglink audit: ${join(dir, 'deep.bpmn')}: The file nests elements more than 1,000 levels deep (line 3); real process models stay far below that, so MissingLink does not open it.\n`);
      const files = (JSON.parse(run.stdout) as { files: Array<{ file: string; error?: string; findings: unknown[] }> }).files;
      expect(files.map((f) => [f.file.slice(dir.length + 1), f.error === undefined ? f.findings.length : 'refused'])).toEqual([
        ['deep.bpmn', 'refused'],
        ['fine.bpmn', expect.any(Number)]
      ]);
    });

    it('refuses a name of 2 million characters in audit and simulate, exit 2', () => {
      const audit = missinglink(['audit', join(dir, 'long-name.bpmn'), ...DATE]);
      expect(audit.status).toBe(2);
      expect(audit.stderr).toContain('The file has a name of 2,000,000 characters (line 3); MissingLink opens names of at most 10,000 characters.');
      const simulate = missinglink(['simulate', join(dir, 'long-name.bpmn')]);
      expect(simulate.status).toBe(2);
      expect(simulate.stderr).toContain('The file has a name of 2,000,000 characters');
      expect(simulate.stdout).toBe('');
    });
  });
});

describe('bin/missinglink.mjs speaks Dutch and English', () => {
  const HANDOVER = 'test/unit/analysis/audit/rules/handover-agreement.finds.bpmn';
  const messages = (stdout: string) => (JSON.parse(stdout) as { files: Array<{ findings: Array<{ message: string }> }> }).files[0]!.findings.map((f) => f.message);

  it('--lang nl: Dutch usage, findings and errors', () => {
    expect(missinglink(['--lang', 'nl', '--help']).stdout).toMatch(/^Gebruik: missinglink <opdracht> \[argumenten\]/);
    expect(missinglink(['audit', '--help', '--lang=nl']).stdout).toMatch(/^Gebruik: missinglink audit <bestanden of mappen…> \[opties\]/);
    const audit = missinglink(['audit', HANDOVER, ...DATE, '--lang', 'nl']);
    expect(audit.status).toBe(1);
    expect(messages(audit.stdout)).toContain('Voor de overdracht “Marketing” → “Sales” (“Qualified”) is geen afspraak vastgelegd.');
    const missing = missinglink(['audit', 'nowhere.bpmn', '--lang', 'nl']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('missinglink audit: nowhere.bpmn: bestand of map bestaat niet.\n');
    const badFormat = missinglink(['simulate', HANDOVER, '--format', 'pdf', '--lang', 'nl']);
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toMatch(/^missinglink simulate: --format moet json of md zijn, niet "pdf"\.\n\nGebruik: missinglink simulate/);
  });

  it('--lang en overrides a Dutch environment; an unknown language exits 2', () => {
    const audit = missinglink(['audit', HANDOVER, ...DATE, '--lang', 'en'], { LANG: 'nl_NL.UTF-8' });
    expect(messages(audit.stdout)).toContain('The handover “Marketing” → “Sales” (“Qualified”) has no agreement.');
    const bad = missinglink(['--lang', 'fr', 'audit', HANDOVER]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^missinglink: --lang must be nl or en, not "fr"\./);
  });

  it('takes the default from LC_ALL, LC_MESSAGES, LANG in that order', () => {
    const help = (env: Record<string, string>) => missinglink(['--help'], env).stdout.split('\n')[0];
    expect(help({ LANG: 'nl_NL.UTF-8' })).toBe('Gebruik: missinglink <opdracht> [argumenten]');
    expect(help({ LC_MESSAGES: 'nl_BE.UTF-8', LANG: 'en_GB.UTF-8' })).toBe('Gebruik: missinglink <opdracht> [argumenten]');
    expect(help({ LC_ALL: 'en_US.UTF-8', LC_MESSAGES: 'nl_NL', LANG: 'nl_NL.UTF-8' })).toBe('Usage: missinglink <command> [arguments]');
    expect(help({ LANG: 'C' })).toBe('Usage: missinglink <command> [arguments]');
  });

  it('writes the simulation model check in Dutch', () => {
    const empty = missinglink(['simulate', 'test/unit/cli/fixtures/offer-utf8-bom.bpmn', '--cases', '5', '--lang', 'nl']);
    expect(empty.status).toBe(0);
    const issues = (JSON.parse(empty.stdout) as { issues: Array<{ code: string; message: string }> }).issues;
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(issue.message, issue.code).not.toMatch(/\b(the|of|no|with)\b/);
  });
});
