/**
 * `missinglink audit <files or folders…> [--format json|md|junit] [--fail-on error|warning] [--date YYYY-MM-DD]`:
 * audits BPMN files for accountability gaps (issue 4) and prints a report. Pure apart
 * from the injected io, so the dispatcher and the tests call it the same way.
 */
import { splitCommandLine } from './arguments';
import { runAudit } from '../analysis/audit/audit';
import { auditJunit, auditMarkdown, auditReportJson, type AuditedFile } from '../analysis/audit/export';
import { parseDate } from '../analysis/audit/facts';
import { SEVERITY_RANK } from '../analysis/audit/rules';
import { raciMatrix } from '../analysis/audit/views';
import { BpmnImportError } from '../model/bpmn-io';
import { readBpmnFile } from '../model/bpmn-file';
import type { CliIo } from './io';

/** Exit code: nothing reached the threshold. */
export const EXIT_CLEAN = 0;
/** Exit code: findings at or above the threshold. */
export const EXIT_FINDINGS = 1;
/** Exit code: arguments or at least one file could not be used. */
export const EXIT_UNUSABLE_INPUT = 2;

/** The command's usage text. */
export const AUDIT_USAGE = `Usage: missinglink audit <files or folders…> [options]

Audits BPMN value chains: handovers without an agreed agreement, steps without
exactly one accountable role, KPIs and resources that are missing or overrun,
and whether the process runs from customer to customer. Folders are searched
recursively for .bpmn and .xml files.

Options:
  --format json|md|junit    output as JSON (default), a Markdown report or JUnit XML
  --fail-on error|warning   lowest severity that makes the exit code 1 (default error)
  --date YYYY-MM-DD         audit date for passed periods and review dates (default today, UTC)
  -h, --help                show this text

Rules can be switched off, graded and given a tolerance per process with
<ml:ruleSetting> in the BPMN file; an element is exempted from a rule with
<ml:exemption> (see docs/audit.md).

Exit codes: 0 nothing at or above the threshold; 1 findings at or above it;
2 unusable arguments or files (each bad file is reported on stderr, the others
are still audited).
`;

interface AuditArgs {
  paths: string[];
  format: 'json' | 'md' | 'junit';
  failOn: 'error' | 'warning';
  today?: string;
}

/**
 * Runs the audit command; `argv` are the arguments after `audit` (a leading "audit"
 * is tolerated). Resolves to the exit code: 0 clean, 1 findings, 2 unusable input.
 */
export async function runAuditCommand(argv: string[], io: CliIo): Promise<number> {
  const args = argv[0] === 'audit' ? argv.slice(1) : argv;
  if (args.includes('-h') || args.includes('--help')) {
    io.stdout(AUDIT_USAGE);
    return EXIT_CLEAN;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`missinglink audit: ${parsed}\n\n${AUDIT_USAGE}`);
    return EXIT_UNUSABLE_INPUT;
  }

  let unusable = false;
  const fail = (message: string) => {
    unusable = true;
    io.stderr(`missinglink audit: ${message}\n`);
  };
  // A path that cannot be audited at all is reported in its place too, so the JSON and JUnit reports name every bad input.
  const files: Array<{ path: string; explicit: boolean; error?: string }> = [];
  for (const path of parsed.paths) {
    const kind = await io.kind(path).catch(() => 'missing' as const);
    if (kind === 'missing') {
      fail(`${path}: no such file or folder.`);
      files.push({ path, explicit: true, error: 'No such file or folder.' });
    } else if (kind === 'file') files.push({ path, explicit: true });
    else {
      const found = await findModels(io, path);
      if (found.length === 0) {
        fail(`${path}: the folder holds no .bpmn or .xml files.`);
        files.push({ path, explicit: true, error: 'The folder holds no .bpmn or .xml files.' });
      }
      for (const file of found) files.push({ path: file, explicit: false });
    }
  }

  const audited: AuditedFile[] = [];
  for (const { path, explicit, error } of files) {
    if (error) {
      audited.push({ file: path, error });
      continue;
    }
    let file: Uint8Array | string | undefined;
    try {
      file = await io.readFile(path);
    } catch (e) {
      fail(`${path}: cannot be read (${(e as Error).message}).`);
      audited.push({ file: path, error: `The file cannot be read: ${(e as Error).message}` });
      continue;
    }
    try {
      // Read as the app opens a file (encoding, structure limits, parse); the text is not kept.
      const { definitions, warnings } = await readBpmnFile(file);
      file = undefined;
      for (const warning of warnings) io.stderr(`missinglink audit: ${path}: warning: ${warning}\n`);
      const result = runAudit(definitions, parsed.today ? { today: parsed.today } : {});
      for (const problem of result.configProblems) io.stderr(`missinglink audit: ${path}: warning: ${problem.message}\n`);
      audited.push({ file: path, result, warnings, ...(parsed.format === 'md' ? { raci: raciMatrix(definitions) } : {}) });
    } catch (e) {
      const message = e instanceof BpmnImportError ? e.message : `The file could not be audited: ${String((e as Error).message ?? e)}`;
      // An .xml file met while searching a folder may simply be something else (a build file …).
      if (!explicit && e instanceof BpmnImportError && e.kind === 'not-bpmn' && path.toLowerCase().endsWith('.xml')) {
        io.stderr(`missinglink audit: ${path}: skipped, not a BPMN file.\n`);
        continue;
      }
      fail(`${path}: ${message}`);
      audited.push({ file: path, error: message });
    }
  }

  if (parsed.format === 'md') io.stdout(auditMarkdown(audited) + '\n');
  else if (parsed.format === 'junit') io.stdout(auditJunit(audited, parsed.failOn));
  else io.stdout(JSON.stringify(auditReportJson(audited), null, 2) + '\n');

  if (unusable) return EXIT_UNUSABLE_INPUT;
  const threshold = SEVERITY_RANK[parsed.failOn];
  const failing = audited.some((f) => f.result?.findings.some((x) => SEVERITY_RANK[x.severity] >= threshold));
  return failing ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** The .bpmn and .xml files below a folder, sorted, skipping hidden folders and node_modules. */
async function findModels(io: CliIo, folder: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await io.listDirectory(folder);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = `${folder.replace(/[\\/]+$/, '')}/${entry.name}`;
    if (entry.directory) {
      if (!entry.name.startsWith('.') && entry.name !== 'node_modules') out.push(...(await findModels(io, path)));
    } else if (/\.(bpmn|xml)$/i.test(entry.name)) {
      out.push(path);
    }
  }
  return out;
}

/** Reads the arguments; returns a message for the user when they are not usable. */
function parseArgs(args: string[]): AuditArgs | string {
  const line = splitCommandLine(args);
  if (typeof line === 'string') return line;
  const out: Partial<AuditArgs> = {};
  const paths = line.operands;
  for (const { name, value } of line.options) {
    switch (name) {
      case 'format':
        if (value !== 'json' && value !== 'md' && value !== 'junit') return `--format must be json, md or junit, not "${value}".`;
        out.format = value;
        break;
      case 'fail-on':
        if (value !== 'error' && value !== 'warning') return `--fail-on must be error or warning, not "${value}".`;
        out.failOn = value;
        break;
      case 'date':
        if (parseDate(value).value === undefined) return `--date must be a date written YYYY-MM-DD, not "${value}".`;
        out.today = value;
        break;
      default:
        return `unknown option --${name}.`;
    }
  }
  if (paths.length === 0) return 'no BPMN file or folder given.';
  return { paths, format: out.format ?? 'json', failOn: out.failOn ?? 'error', ...(out.today ? { today: out.today } : {}) };
}
