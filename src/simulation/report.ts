/**
 * A batch result as a readable Markdown report (command line, files an auditor can
 * keep): the consequences first (lead time against the promise, flags), the
 * breakdowns after, and the assumptions the engine had to make last.
 */
import type { BatchResult } from './batch';

/** Renders a batch result as Markdown; `title` names the model or file. */
export function batchResultToMarkdown(result: BatchResult, title = 'Simulation'): string {
  const out: string[] = [];
  const money = (v: number | null) => (v === null ? '–' : `${result.currency} ${round(v, 2).toLocaleString('en-US')}`);
  out.push(`# ${escape(title)}`);
  out.push('');
  out.push(
    `${cap(result.scenario)} scenario, ${result.simulatedCases.toLocaleString('en-US')} cases (seed ${escape(result.seed)}), ` +
      `one arriving every ${hours(result.arrivalIntervalHours)}.`
  );
  if (result.status === 'time-budget-exceeded') {
    out.push('');
    out.push(`**The time budget ran out after ${result.simulatedCases} of ${result.cases} cases; the figures cover those cases only.**`);
  }
  const o = result.outcomes;
  const notCompleted = o.deadlock + o.stepLimit + o.aborted;
  if (notCompleted > 0) {
    out.push('');
    out.push(
      `**${notCompleted} cases did not complete**: ${o.deadlock} in a deadlock, ${o.stepLimit} at the step limit (endless loop), ${o.aborted} aborted.`
    );
  }

  out.push('', '## Lead time', '');
  out.push(
    result.leadTimeBasis === 'customer'
      ? "From the case's trigger to the customer's end event."
      : "From the case's trigger to its end (the model marks no customer lane or pool)."
  );
  out.push('');
  out.push('| mean | P50 | P90 | max |', '|---:|---:|---:|---:|');
  const lt = result.leadTime;
  out.push(`| ${hours(lt.mean)} | ${hours(lt.p50)} | ${hours(lt.p90)} | ${hours(lt.max)} |`);
  if (result.customerEndShare !== null && result.customerEndShare < 1) {
    out.push('', `Only ${percent(result.customerEndShare)} of the completed cases reached the customer's end event.`);
  }
  if (result.outcomesByEnd.length > 1) {
    out.push('', 'Per outcome (the customer end event a case reached):', '');
    out.push('| outcome | share of cases | mean | P50 | P90 | max |', '|---|---:|---:|---:|---:|---:|');
    for (const o of result.outcomesByEnd) {
      const l = o.leadTime;
      out.push(`| ${label(o.id, o.name)} | ${percent(o.share)} | ${hours(l.mean)} | ${hours(l.p50)} | ${hours(l.p90)} | ${hours(l.max)} |`);
    }
  }
  const p = result.customerPromise;
  if (p) {
    out.push('');
    const promise = p.text ? `“${escape(p.text)}”` : 'The customer promise';
    if (p.held === null) out.push(`${promise} (${escape(p.measure || 'no measure')}) cannot be checked by simulating lead times.`);
    else {
      const target = `${hours(p.targetHours)}${p.workingDays ? ` (${escape(p.target)} in working days)` : ''}`;
      const basis = p.measuredTo ? ` of the cases ending at ${label(p.measuredTo.id, p.measuredTo.name)}` : '';
      out.push(`${promise}: target ${target}, P90${basis} ${hours(p.p90Hours)} — **${p.held ? 'held' : 'not held'}**.`);
    }
  }

  out.push('', '## Cost and handovers', '');
  out.push(`- Cost per case: mean ${money(result.costPerCase.mean)}, P90 ${money(result.costPerCase.p90)}, max ${money(result.costPerCase.max)}.`);
  out.push(`- Handovers per case: ${round(result.handoversPerCase, 2)}.`);
  out.push(`- Cases that crossed a handover without an agreed agreement: ${percent(result.unagreedHandoverShare)}.`);

  out.push('', '## Flags', '');
  const running = result.flags.filter((f) => !f.static);
  const found = result.flags.filter((f) => f.static);
  if (running.length === 0 && found.length === 0) out.push('No flags.');
  if (running.length > 0) {
    out.push('| flag | element | cases | share | times |', '|---|---|---:|---:|---:|');
    for (const f of running) {
      out.push(`| ${f.kind} | ${label(f.elementId, f.elementName)} | ${f.cases} | ${percent(f.shareOfCases)} | ${f.occurrences} |`);
    }
  }
  if (found.length > 0) {
    out.push('', 'Found in the model itself:', '');
    for (const f of found) out.push(`- ${f.kind}: ${label(f.elementId, f.elementName)}`);
  }
  const used = result.exemptions.filter((e) => e.silenced > 0);
  if (used.length > 0) {
    out.push('', 'Exemptions applied:', '');
    for (const e of used) {
      out.push(`- ${e.rule} on ${escape(e.elementId)}: ${escape(e.reason)} (${escape(e.by)}, ${escape(e.date)}); ${e.silenced} flags silenced.`);
    }
  }

  if (result.departments.length > 0) {
    out.push('', '## Departments', '');
    out.push('| department | work per case | cost per case |', '|---|---:|---:|');
    for (const d of result.departments) out.push(`| ${escape(d.name)}${d.customer ? ' (customer)' : ''} | ${hours(d.hoursPerCase)} | ${money(d.costPerCase)} |`);
  }
  if (result.activities.length > 0) {
    out.push('', '## Activities', '');
    out.push('| activity | department | runs per case | work per case | cost per case |', '|---|---|---:|---:|---:|');
    for (const a of result.activities) {
      out.push(`| ${label(a.id, a.name)} | ${escape(a.department ?? '–')} | ${round(a.visitsPerCase, 3)} | ${hours(a.hoursPerCase)} | ${money(a.costPerCase)} |`);
    }
  }
  if (result.issues.length > 0) {
    out.push('', '## Assumptions and defaults', '');
    for (const i of result.issues) out.push(`- ${i.severity === 'info' ? '' : `**${i.severity}**: `}${escape(i.message)}`);
  }
  return out.join('\n') + '\n';
}

function hours(h: number | null): string {
  if (h === null || !Number.isFinite(h)) return '–';
  if (h < 48) return `${round(h, 2)} h`;
  return `${round(h / 24, 1)} d`;
}

function percent(share: number): string {
  return `${round(share * 100, 1)} %`;
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function label(id: string, name: string): string {
  return name ? `${escape(name)} (${escape(id)})` : escape(id);
}

/** Keeps model text from breaking tables or adding markup. */
function escape(text: string): string {
  return text.replace(/[\\|*_`<>[\]]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}
