/**
 * The capacity part of the simulation report, as Markdown, in Dutch or English, and the
 * fields the command line adds to its JSON (hours).
 */
import { describeFinding, hoursText, type CapacityLanguage } from './messages';
import type { CapacityResult } from './types';

/** The figures the command line adds to its JSON, in hours. */
export function capacityJson(r: CapacityResult, lang: CapacityLanguage = 'en') {
  return {
    cycleTime: r.cycleTime,
    waitingTime: r.waitingTime,
    pools: r.pools.map((p) => ({
      id: p.id,
      name: p.name,
      capacity: p.capacity,
      utilisation: p.utilisation,
      capacityPerWeek: Number.isFinite(p.capacityPerWeek) ? p.capacityPerWeek : null,
      overloaded: p.overloaded
    })),
    tasks: r.tasks.map((t) => ({ id: t.id, name: t.name, pool: t.pool, count: t.count, meanWaiting: t.meanWaiting, meanProcessing: t.meanProcessing, meanOffCalendar: t.meanOffCalendar })),
    capacity: {
      mode: r.mode,
      source: r.source,
      start: r.start,
      end: r.end,
      timeZone: r.timeZone,
      whatIf: r.whatIf,
      unstable: r.unstable,
      split: r.split,
      arrivalsPerWeek: Number.isFinite(r.arrivalsPerWeek) ? r.arrivalsPerWeek : null,
      costPerCase: r.cost.perCase,
      currency: r.cost.currency,
      promise: r.promise,
      bottlenecks: r.bottlenecks,
      findings: r.findings.map((f) => ({ ...f, text: describeFinding(f, lang) }))
    }
  };
}

const T = {
  en: {
    title: 'People, working hours and queues',
    findings: 'Findings',
    pools: 'Pools',
    steps: 'Waiting per step',
    pool: 'pool',
    people: 'people',
    busy: 'busy',
    perWeek: 'can handle per week',
    step: 'step',
    executions: 'executions',
    waiting: 'mean waiting',
    work: 'mean work',
    off: 'mean outside working hours',
    cycle: 'Cycle time per case (arrival to last completion)',
    p50: 'half of the cases within',
    p90: '9 in 10 cases within',
    longest: 'longest',
    unstable: 'The queue grows without end, so no average cycle time is shown: it would only say how long the run was.',
    period: (a: string, b: string, z: string) => `Simulated from ${a} to ${b} (${z}).`,
    none: '–'
  },
  nl: {
    title: 'Mensen, werktijden en wachtrijen',
    findings: 'Bevindingen',
    pools: 'Groepen mensen',
    steps: 'Wachten per stap',
    pool: 'groep',
    people: 'mensen',
    busy: 'bezig',
    perWeek: 'aankunnen per week',
    step: 'stap',
    executions: 'uitvoeringen',
    waiting: 'gemiddeld wachten',
    work: 'gemiddeld werk',
    off: 'gemiddeld buiten werktijd',
    cycle: 'Doorlooptijd per geval (binnenkomst tot laatste afronding)',
    p50: 'de helft van de gevallen binnen',
    p90: '9 van de 10 gevallen binnen',
    longest: 'langste',
    unstable: 'De wachtrij groeit zonder einde, dus er staat geen gemiddelde doorlooptijd: die zou alleen zeggen hoe lang de run duurde.',
    period: (a: string, b: string, z: string) => `Gesimuleerd van ${a} tot ${b} (${z}).`,
    none: '–'
  }
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The capacity section of the Markdown report. */
export function capacityResultToMarkdown(r: CapacityResult, lang: CapacityLanguage = 'en'): string {
  const t = T[lang];
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  const lines: string[] = [`## ${t.title}`, '', t.period(r.start, r.end, r.timeZone), '', `### ${t.findings}`, ''];
  for (const f of r.findings) lines.push(`- ${describeFinding(f, lang)}`);
  lines.push('');
  if (r.mode === 'capacity') {
    lines.push(`### ${t.cycle}`, '');
    if (r.unstable || r.cycleTime.mean === null) lines.push(t.unstable);
    else
      lines.push(
        `- ${t.p50} ${hoursText(lang, r.cycleTime.p50!)}; ${t.p90} ${hoursText(lang, r.cycleTime.p90!)}; ${t.longest} ${hoursText(lang, r.cycleTime.max!)}.`
      );
    lines.push('', `### ${t.pools}`, '', `| ${t.pool} | ${t.people} | ${t.busy} | ${t.perWeek} |`, '|---|---:|---:|---:|');
    for (const p of r.pools) lines.push(`| ${cell(p.name)} | ${p.capacity} | ${pct(p.utilisation)} | ${Number.isFinite(p.capacityPerWeek) ? Math.floor(p.capacityPerWeek) : t.none} |`);
    lines.push('', `### ${t.steps}`, '', `| ${t.step} | ${t.pool} | ${t.executions} | ${t.waiting} | ${t.work} | ${t.off} |`, '|---|---|---:|---:|---:|---:|');
    for (const s of [...r.tasks].sort((a, b) => b.meanWaiting - a.meanWaiting)) {
      const pool = r.pools.find((p) => p.id === s.pool)?.name ?? t.none;
      const waiting = r.unstable && s.pool && r.pools.find((p) => p.id === s.pool)?.overloaded ? '∞' : hoursText(lang, s.meanWaiting);
      lines.push(`| ${cell(s.name)} | ${cell(pool)} | ${s.count} | ${waiting} | ${hoursText(lang, s.meanProcessing)} | ${hoursText(lang, s.meanOffCalendar)} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
