import type { RuleSeverity } from '../../model/value-chain/schema';
import { writeCsv, type CsvCell, type CsvOptions } from '../csv';
import { PAIN_POINTS, RULE_IDS, RULES, SEVERITY_RANK } from './rules';
import type { AuditFinding, AuditHandover, AuditResult, ExemptedFinding } from './types';
import { findingsByPainPoint, handoverMatrix, summarizeByPainPoint, type RaciMatrix } from './views';

/*
 * The audit as files: the JSON contract of the command line (also the app's JSON
 * export), CSV for spreadsheets, Markdown for a filed report and JUnit XML for CI.
 * Every writer takes the same list of audited files, so the CLI and the app export
 * the same content.
 */

/** One audited file (or model): its result, or why it could not be audited. */
export interface AuditedFile {
  /** The path as given (CLI) or the model's name (app). */
  file: string;
  result?: AuditResult;
  /** Why the file could not be audited; then there is no result. */
  error?: string;
  /** What the reader skipped or repaired; the file was audited anyway. */
  warnings?: string[];
  /** The RACI matrix, for reports that include it. */
  raci?: RaciMatrix;
}

/** A handover in the JSON contract. */
export interface HandoverJson {
  flowId: string;
  kind: 'sequence' | 'message';
  from: { elementId: string; name: string | null; laneId?: string; participantId?: string; department?: string };
  to: { elementId: string; name: string | null; laneId?: string; participantId?: string; department?: string };
  agreement: null | Record<string, unknown>;
  agreementStatus: AuditHandover['agreementStatus'];
  covered: boolean;
  sourceRef: string;
  targetRef: string;
}

/** A finding in the JSON contract: rule, severity, elementId and message, and everything else the audit knows. */
export type FindingJson = Pick<AuditFinding, 'rule' | 'severity' | 'elementId' | 'message'> & Omit<AuditFinding, 'rule' | 'severity' | 'elementId' | 'message'>;

/** One file in the JSON contract. */
export interface FileJson {
  file: string;
  handovers: HandoverJson[];
  findings: FindingJson[];
  error?: string;
  warnings?: string[];
  today?: string;
  summary?: Record<RuleSeverity, number>;
  exempted?: ExemptedFinding[];
  exemptions?: AuditResult['exemptions'];
  configProblems?: AuditResult['configProblems'];
}

/** The JSON contract of `missinglink audit --format json`. */
export interface AuditReportJson {
  files: FileJson[];
}

function sideJson(side: AuditHandover['from'], department: string | undefined): HandoverJson['from'] {
  return {
    elementId: side.elementId,
    name: side.name ?? null,
    ...(side.laneId ? { laneId: side.laneId } : {}),
    ...(side.participantId ? { participantId: side.participantId } : {}),
    ...(department ? { department } : {})
  };
}

/** A handover as the JSON contract has it. */
export function handoverJson(h: AuditHandover): HandoverJson {
  return {
    flowId: h.flowId,
    kind: h.kind,
    from: sideJson(h.from, h.fromDepartment),
    to: sideJson(h.to, h.toDepartment),
    agreement: h.agreement ? { ...h.agreement } : null,
    agreementStatus: h.agreementStatus,
    covered: h.covered,
    sourceRef: h.sourceRef,
    targetRef: h.targetRef
  };
}

function findingJson(f: AuditFinding): FindingJson {
  const { rule, severity, elementId, message, ...rest } = f;
  return { rule, severity, elementId, message, ...rest };
}

/** The JSON report of audited files (the command line's contract, with extra fields). */
export function auditReportJson(files: readonly AuditedFile[]): AuditReportJson {
  return {
    files: files.map((f): FileJson => {
      if (!f.result) return { file: f.file, error: f.error ?? 'The file could not be audited.', handovers: [], findings: [] };
      const r = f.result;
      return {
        file: f.file,
        handovers: r.handovers.map(handoverJson),
        findings: r.findings.map(findingJson),
        today: r.today,
        summary: { ...r.counts },
        exempted: r.exempted,
        exemptions: r.exemptions,
        configProblems: r.configProblems,
        ...(f.warnings && f.warnings.length > 0 ? { warnings: f.warnings } : {})
      };
    })
  };
}

/** The header of the findings CSV. */
export const FINDINGS_CSV_HEADER = [
  'file',
  'rule',
  'severity',
  'pain point',
  'element id',
  'element name',
  'department',
  'message',
  'missing',
  'values',
  'exempted',
  'exemption reason',
  'exempted by'
] as const;

/** Every finding (active and exempted) of the files as CSV, UTF-8 with BOM (see ../csv.ts for the options). */
export function findingsCsv(files: readonly AuditedFile[], options: CsvOptions = {}): string {
  const rows: CsvCell[][] = [[...FINDINGS_CSV_HEADER]];
  for (const f of files) {
    if (!f.result) continue;
    const row = (finding: AuditFinding, exemption?: ExemptedFinding['exemption']): CsvCell[] => [
      f.file,
      finding.rule,
      finding.severity,
      finding.painPoint,
      finding.elementId,
      finding.elementName,
      finding.department,
      finding.message,
      (finding.evidence.missing ?? []).join(' '),
      finding.evidence.values ? JSON.stringify(finding.evidence.values) : undefined,
      exemption ? 'yes' : 'no',
      exemption?.reason,
      exemption?.by
    ];
    for (const finding of f.result.findings) rows.push(row(finding));
    for (const finding of f.result.exempted) rows.push(row(finding, finding.exemption));
  }
  return writeCsv(rows, options);
}

/**
 * Text for a Markdown line or table cell: no line breaks; pipes, brackets, `<`, `>` and
 * `&` backslash-escaped, so a name holding HTML or a link shows as the text it is in
 * every Markdown viewer instead of being rendered (or run).
 */
export function markdownText(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  return String(value).replace(/\r?\n/g, ' ').replace(/[\\|<>&[\]]/g, (c) => `\\${c}`);
}

function table(header: readonly string[], rows: readonly (readonly unknown[])[]): string[] {
  return [`| ${header.map(markdownText).join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.map(markdownText).join(' | ')} |`)];
}

function evidenceText(f: AuditFinding): string {
  const parts: string[] = [];
  if (f.evidence.missing?.length) parts.push(`missing: ${f.evidence.missing.join(', ')}`);
  for (const [key, value] of Object.entries(f.evidence.values ?? {})) {
    if (value === null || value === undefined) continue;
    parts.push(`${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  }
  for (const v of f.evidence.invalid ?? []) parts.push(`invalid ${v.field}: "${v.value}"`);
  return parts.join('; ');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The audit report as Markdown: summary per pain point, handover matrix, RACI matrix, findings with evidence, exemptions. */
export function auditMarkdown(files: readonly AuditedFile[], title = 'MissingLink audit'): string {
  const out: string[] = [`# ${markdownText(title)}`, ''];
  for (const f of files) {
    out.push(`## ${markdownText(f.file)}`, '');
    if (!f.result) {
      out.push(`**Not audited:** ${markdownText(f.error)}`, '');
      continue;
    }
    const r = f.result;
    out.push(
      `Audit date ${r.today}: ${plural(r.counts.error, 'error')}, ${plural(r.counts.warning, 'warning')}, ${r.counts.info} info; ` +
        `${plural(r.handovers.length, 'handover')}, ${r.handovers.filter((h) => h.covered).length} covered by an agreed agreement; ` +
        `${plural(r.exempted.length, 'exempted finding')}.`,
      ''
    );
    for (const w of f.warnings ?? []) out.push(`> Reading the file: ${markdownText(w)}`);
    for (const p of r.configProblems) out.push(`> Rule settings: ${markdownText(p.message)}`);
    if ((f.warnings?.length ?? 0) + r.configProblems.length > 0) out.push('');

    out.push('### Summary per pain point', '');
    out.push(
      ...table(
        ['#', 'pain point', 'rules', 'errors', 'warnings', 'info', 'exempted'],
        summarizeByPainPoint(r).map((s) => [s.painPoint, s.title, s.rules.join(', '), s.bySeverity.error, s.bySeverity.warning, s.bySeverity.info, s.exempted])
      ),
      ''
    );

    out.push('### Handover matrix', '');
    const matrix = handoverMatrix(r.handovers);
    if (matrix.total === 0) {
      out.push('No handovers.', '');
    } else {
      const providers = matrix.departments.filter((d) => matrix.cells.some((c) => c.from === d.name));
      const receivers = matrix.departments.filter((d) => matrix.cells.some((c) => c.to === d.name));
      out.push('Covered by an agreed agreement / number of handovers, provider (row) to receiver (column).', '');
      out.push(
        ...table(
          ['provider \\ receiver', ...receivers.map((d) => d.name)],
          providers.map((p) => [
            p.name,
            ...receivers.map((q) => {
              const c = matrix.cells.find((x) => x.from === p.name && x.to === q.name);
              return c ? `${c.covered}/${c.count}` : '';
            })
          ])
        ),
        ''
      );
    }

    if (f.raci) {
      out.push('### RACI matrix', '');
      const letter = { accountable: 'A', responsible: 'R', consulted: 'C', informed: 'I' } as const;
      out.push(
        ...table(
          ['activity', 'department', ...f.raci.roles.map((role) => role.name)],
          f.raci.rows.map((row) => [
            row.activityName ?? row.activityId,
            row.department,
            ...f.raci!.roles.map((role) => (row.cells[role.id] ?? []).map((x) => letter[x]).join(''))
          ])
        ),
        ''
      );
    }

    out.push('### Findings', '');
    if (r.findings.length === 0) out.push('No findings.', '');
    for (const [painPoint, list] of findingsByPainPoint(r.findings)) {
      out.push(`#### ${painPoint} · ${PAIN_POINTS[painPoint]}`, '');
      out.push(
        ...table(
          ['severity', 'rule', 'element', 'department', 'finding', 'evidence'],
          list.map((x) => [x.severity, x.rule, x.elementName ? `${x.elementName} (${x.elementId})` : x.elementId, x.department, x.message, evidenceText(x)])
        ),
        ''
      );
    }

    if (r.exemptions.length > 0) {
      out.push('### Exemptions', '');
      out.push(
        ...table(
          ['rule', 'element', 'reason', 'by', 'date', 'findings suppressed'],
          r.exemptions.map((e) => [e.knownRule ? e.rule : `${e.rule} (unknown rule)`, e.elementName ? `${e.elementName} (${e.elementId})` : e.elementId, e.reason, e.by, e.date, e.suppressed])
        ),
        ''
      );
      if (r.exempted.length > 0) {
        out.push(...table(['exempted finding', 'rule', 'reason'], r.exempted.map((x) => [x.message, x.rule, x.exemption.reason])), '');
      }
    }
  }
  return out.join('\n');
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text for an XML attribute or element: escaped, characters XML 1.0 forbids removed. */
function xml(text: unknown): string {
  return String(text)
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/**
 * The audit as JUnit XML for CI servers: a test suite per file and a test case per
 * rule, failing when the rule has findings at or above `failOn`; findings below the
 * threshold are listed as output of a passing case, disabled rules are skipped and an
 * unreadable file is an error.
 */
export function auditJunit(files: readonly AuditedFile[], failOn: RuleSeverity = 'error'): string {
  const threshold = SEVERITY_RANK[failOn];
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  for (const f of files) {
    if (!f.result) {
      tests++;
      errors++;
      suites.push(
        `  <testsuite name="${xml(f.file)}" tests="1" failures="0" errors="1" skipped="0">\n` +
          `    <testcase classname="missinglink.audit" name="read ${xml(f.file)}">\n` +
          `      <error message="${xml(f.error ?? 'The file could not be audited.')}" type="unusable-input"/>\n` +
          `    </testcase>\n  </testsuite>`
      );
      continue;
    }
    const r = f.result;
    const cases: string[] = [];
    let suiteFailures = 0;
    let suiteSkipped = 0;
    for (const rule of RULE_IDS) {
      const name = `${rule}: ${RULES[rule].description}`;
      if (!r.config[rule].enabled) {
        suiteSkipped++;
        cases.push(`    <testcase classname="missinglink.audit.${rule}" name="${xml(name)}">\n      <skipped message="rule switched off in the process's rule settings"/>\n    </testcase>`);
        continue;
      }
      const list = r.findings.filter((x) => x.rule === rule);
      const lines = list.map((x) => `[${x.severity}] ${x.elementId}: ${x.message}`).join('\n');
      const failing = list.filter((x) => SEVERITY_RANK[x.severity] >= threshold);
      if (failing.length > 0) {
        suiteFailures++;
        cases.push(
          `    <testcase classname="missinglink.audit.${rule}" name="${xml(name)}">\n` +
            `      <failure message="${xml(plural(failing.length, 'finding'))} at or above ${failOn}" type="${xml(r.config[rule].severity)}">${xml(lines)}</failure>\n` +
            `    </testcase>`
        );
      } else if (list.length > 0) {
        cases.push(`    <testcase classname="missinglink.audit.${rule}" name="${xml(name)}">\n      <system-out>${xml(lines)}</system-out>\n    </testcase>`);
      } else {
        cases.push(`    <testcase classname="missinglink.audit.${rule}" name="${xml(name)}"/>`);
      }
    }
    tests += RULE_IDS.length;
    failures += suiteFailures;
    skipped += suiteSkipped;
    suites.push(
      `  <testsuite name="${xml(f.file)}" tests="${RULE_IDS.length}" failures="${suiteFailures}" errors="0" skipped="${suiteSkipped}">\n${cases.join('\n')}\n  </testsuite>`
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="missinglink audit" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}">\n` +
    `${suites.join('\n')}\n</testsuites>\n`
  );
}
