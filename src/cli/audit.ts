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
import { auditResultInLanguage } from '../analysis/audit/messages';
import { raciMatrix } from '../analysis/audit/views';
import { BpmnImportError } from '../model/bpmn-io';
import { readBpmnFile } from '../model/bpmn-file';
import type { MessageLocale } from '../i18n/messages/catalogue';
import { catalogue } from '../i18n/messages/render';
import type { CliIo } from './io';

/** Exit code: nothing reached the threshold. */
export const EXIT_CLEAN = 0;
/** Exit code: findings at or above the threshold. */
export const EXIT_FINDINGS = 1;
/** Exit code: arguments or at least one file could not be used. */
export const EXIT_UNUSABLE_INPUT = 2;

/** The command's usage text in a language. */
export function auditUsage(locale: MessageLocale): string {
  return catalogue(locale).cli.auditUsage;
}

/** The command's usage text, in English. */
export const AUDIT_USAGE = auditUsage('en');

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
export async function runAuditCommand(argv: string[], io: CliIo, locale: MessageLocale = 'en'): Promise<number> {
  const args = argv[0] === 'audit' ? argv.slice(1) : argv;
  const texts = catalogue(locale).cli;
  if (args.includes('-h') || args.includes('--help')) {
    io.stdout(auditUsage(locale));
    return EXIT_CLEAN;
  }
  const parsed = parseArgs(args, locale);
  if (typeof parsed === 'string') {
    io.stderr(`missinglink audit: ${parsed}\n\n${auditUsage(locale)}`);
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
      fail(`${path}: ${lowerFirst(texts.noSuchPath)}`);
      files.push({ path, explicit: true, error: texts.noSuchPath });
    } else if (kind === 'file') files.push({ path, explicit: true });
    else {
      const found = await findModels(io, path);
      if (found.length === 0) {
        fail(`${path}: ${lowerFirst(texts.emptyFolder)}`);
        files.push({ path, explicit: true, error: texts.emptyFolder });
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
    let file: Uint8Array | undefined;
    try {
      file = await io.readBytes(path);
    } catch (e) {
      fail(`${path}: ${texts.cannotRead((e as Error).message)}`);
      audited.push({ file: path, error: texts.cannotRead((e as Error).message) });
      continue;
    }
    try {
      // Read as the app opens a file (encoding, structure limits, parse); the text is not kept.
      const { definitions, warnings } = await readBpmnFile(file);
      file = undefined;
      for (const warning of warnings) io.stderr(`missinglink audit: ${path}: ${texts.warning}: ${warning}\n`);
      const audit = runAudit(definitions, parsed.today ? { today: parsed.today } : {});
      for (const problem of audit.configProblems) io.stderr(`missinglink audit: ${path}: ${texts.warning}: ${problem.message}\n`);
      const raci = parsed.format === 'md' || locale !== 'en' ? raciMatrix(definitions) : undefined;
      const roles = new Map((raci?.roles ?? []).map((r) => [r.id, r.name]));
      const result = locale === 'en' ? audit : auditResultInLanguage(audit, locale, (id) => roles.get(id));
      audited.push({ file: path, result, warnings, ...(parsed.format === 'md' ? { raci } : {}) });
    } catch (e) {
      const message = e instanceof BpmnImportError ? e.message : texts.cannotBeAudited(String((e as Error).message ?? e));
      // An .xml file met while searching a folder may simply be something else (a build file …).
      if (!explicit && e instanceof BpmnImportError && e.kind === 'not-bpmn' && path.toLowerCase().endsWith('.xml')) {
        io.stderr(`missinglink audit: ${path}: ${texts.skippedNotBpmn}\n`);
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

/** "No such file." → "no such file.", for a message after a path. */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Reads the arguments; returns a message for the user when they are not usable. */
function parseArgs(args: string[], locale: MessageLocale): AuditArgs | string {
  const texts = catalogue(locale).cli;
  const line = splitCommandLine(args, locale);
  if (typeof line === 'string') return line;
  const out: Partial<AuditArgs> = {};
  const paths = line.operands;
  for (const { name, value } of line.options) {
    switch (name) {
      case 'format':
        if (value !== 'json' && value !== 'md' && value !== 'junit') return texts.oneOf('format', ['json', 'md', 'junit'], value);
        out.format = value;
        break;
      case 'fail-on':
        if (value !== 'error' && value !== 'warning') return texts.oneOf('fail-on', ['error', 'warning'], value);
        out.failOn = value;
        break;
      case 'date':
        if (parseDate(value).value === undefined) return texts.badDate(value);
        out.today = value;
        break;
      default:
        return texts.unknownOption(name);
    }
  }
  if (paths.length === 0) return texts.noModelGiven;
  return { paths, format: out.format ?? 'json', failOn: out.failOn ?? 'error', ...(out.today ? { today: out.today } : {}) };
}
