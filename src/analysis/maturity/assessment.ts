import { getPillar, PILLAR_IDS, type ContentLocale, type PillarId } from './model';
import type { Assessment, Respondent } from './assessment-schema';

// The schemas and types are part of this module's surface; exchange formats live in assessment-json.ts and assessment-csv.ts.
export * from './assessment-schema';

/*
 * Pure analysis of a maturity self-assessment: averages for the radar chart, the
 * perception gap between marketing and everyone else (the source's key finding:
 * marketeers rate their own maturity higher), and the balance between pillars.
 */

/** Differences this close to a threshold count as reaching it (means of small integers are inexact). */
const EPSILON = 1e-9;

/** Mean current and desired level of one pillar over a group of respondents; undefined when nobody answered. */
export interface PillarAverage {
  readonly pillar: PillarId;
  readonly current: number | undefined;
  readonly desired: number | undefined;
  readonly respondents: number;
}

/** Pillar averages keyed by pillar id. */
export type PillarAverages = Readonly<Record<PillarId, PillarAverage>>;

/** Averages every pillar's current and desired level over the given respondents. */
export function averagePillarScores(respondents: readonly Respondent[]): PillarAverages {
  const out = {} as Record<PillarId, PillarAverage>;
  for (const pillar of PILLAR_IDS) {
    let current = 0;
    let desired = 0;
    for (const r of respondents) {
      current += r.scores[pillar].current;
      desired += r.scores[pillar].desired;
    }
    const n = respondents.length;
    out[pillar] = { pillar, current: n ? current / n : undefined, desired: n ? desired / n : undefined, respondents: n };
  }
  return out;
}

/** The averages over all respondents of an assessment. */
export function assessmentAverages(assessment: Assessment): PillarAverages {
  return averagePillarScores(assessment.respondents);
}

/** One line of the radar chart: current and desired per pillar, in PILLAR_IDS order. */
export interface RadarSeries {
  /** `average` for the mean over all respondents, otherwise the respondent id. */
  readonly key: string;
  readonly kind: 'average' | 'respondent';
  /** For a respondent: the name, or role and department when anonymous; absent for the average (the UI names it). */
  readonly label?: string;
  readonly worksInMarketing?: boolean;
  readonly current: readonly (number | undefined)[];
  readonly desired: readonly (number | undefined)[];
}

/** Describes a respondent without exposing more than they gave: the name, else role and department. */
export function respondentLabel(respondent: Respondent): string {
  return respondent.name ?? `${respondent.role} (${respondent.department})`;
}

/** The radar chart's data: the average first, then one series per respondent. */
export function radarSeries(assessment: Assessment): RadarSeries[] {
  const avg = assessmentAverages(assessment);
  const series: RadarSeries[] = [
    {
      key: 'average',
      kind: 'average',
      current: PILLAR_IDS.map((p) => avg[p].current),
      desired: PILLAR_IDS.map((p) => avg[p].desired)
    }
  ];
  for (const r of assessment.respondents) {
    series.push({
      key: r.id,
      kind: 'respondent',
      label: respondentLabel(r),
      worksInMarketing: r.worksInMarketing,
      current: PILLAR_IDS.map((p) => r.scores[p].current),
      desired: PILLAR_IDS.map((p) => r.scores[p].desired)
    });
  }
  return series;
}

/** Marketing's mean against everyone else's mean for one measure (current or desired). */
export interface GapMeasure {
  readonly marketing: number | undefined;
  readonly others: number | undefined;
  /** marketing − others; positive when marketing rates higher; undefined when either group is empty. */
  readonly difference: number | undefined;
  /** True when |difference| reaches the threshold (one level by default). */
  readonly highlighted: boolean;
}

/** The perception gap on one pillar. */
export interface PerceptionGap {
  readonly pillar: PillarId;
  readonly marketingRespondents: number;
  readonly otherRespondents: number;
  readonly current: GapMeasure;
  readonly desired: GapMeasure;
}

/** Options of the perception-gap analysis. */
export interface PerceptionGapOptions {
  /** The difference in levels from which a gap is highlighted; the issue asks for one level. */
  readonly threshold?: number;
}

function gapMeasure(marketing: number | undefined, others: number | undefined, threshold: number): GapMeasure {
  const difference = marketing !== undefined && others !== undefined ? marketing - others : undefined;
  return { marketing, others, difference, highlighted: difference !== undefined && Math.abs(difference) >= threshold - EPSILON };
}

/** Compares marketing respondents with the others, per pillar, on current and desired level. */
export function perceptionGaps(assessment: Assessment, options: PerceptionGapOptions = {}): PerceptionGap[] {
  const threshold = options.threshold ?? 1;
  const marketing = assessment.respondents.filter((r) => r.worksInMarketing);
  const others = assessment.respondents.filter((r) => !r.worksInMarketing);
  const m = averagePillarScores(marketing);
  const o = averagePillarScores(others);
  return PILLAR_IDS.map((pillar) => ({
    pillar,
    marketingRespondents: marketing.length,
    otherRespondents: others.length,
    current: gapMeasure(m[pillar].current, o[pillar].current, threshold),
    desired: gapMeasure(m[pillar].desired, o[pillar].desired, threshold)
  }));
}

/** Pillars whose current levels lie too far apart to support each other. */
export interface BalanceWarning {
  /** Highest minus lowest level. */
  readonly spread: number;
  readonly highest: { readonly level: number; readonly pillars: readonly PillarId[] };
  readonly lowest: { readonly level: number; readonly pillars: readonly PillarId[] };
  /** Every pair that differs by the threshold or more, largest difference first. */
  readonly pairs: readonly { readonly higher: PillarId; readonly lower: PillarId; readonly difference: number }[];
}

/** Options of the balance check. */
export interface BalanceOptions {
  /** The difference in levels from which pillars are out of balance; the issue asks for two. */
  readonly threshold?: number;
}

/**
 * Checks the balance between pillars (a level-5 data-driven strategy on level-1
 * data is impossible, says the source); undefined when the pillars are in balance
 * or there are no levels to compare.
 */
export function balanceWarning(
  levels: Partial<Readonly<Record<PillarId, number | undefined>>>,
  options: BalanceOptions = {}
): BalanceWarning | undefined {
  const threshold = options.threshold ?? 2;
  const known = PILLAR_IDS.flatMap((p) => (levels[p] === undefined ? [] : [{ pillar: p, level: levels[p]! }]));
  if (known.length < 2) return undefined;
  const max = Math.max(...known.map((k) => k.level));
  const min = Math.min(...known.map((k) => k.level));
  if (max - min < threshold - EPSILON) return undefined;
  const pairs: { higher: PillarId; lower: PillarId; difference: number }[] = [];
  for (const a of known) {
    for (const b of known) {
      const difference = a.level - b.level;
      if (difference >= threshold - EPSILON) pairs.push({ higher: a.pillar, lower: b.pillar, difference });
    }
  }
  pairs.sort((x, y) => y.difference - x.difference);
  return {
    spread: max - min,
    highest: { level: max, pillars: known.filter((k) => Math.abs(k.level - max) < EPSILON).map((k) => k.pillar) },
    lowest: { level: min, pillars: known.filter((k) => Math.abs(k.level - min) < EPSILON).map((k) => k.pillar) },
    pairs
  };
}

/** The current levels of a set of averages, ready for balanceWarning. */
export function currentLevels(averages: PillarAverages): Record<PillarId, number | undefined> {
  const out = {} as Record<PillarId, number | undefined>;
  for (const p of PILLAR_IDS) out[p] = averages[p].current;
  return out;
}

/** The balance check on the assessment's average current levels. */
export function assessmentBalance(assessment: Assessment, options: BalanceOptions = {}): BalanceWarning | undefined {
  return balanceWarning(currentLevels(assessmentAverages(assessment)), options);
}

/** Thresholds of the summary: `threshold` for the perception gap, `balanceThreshold` for the balance check. */
export interface SummaryOptions extends PerceptionGapOptions {
  readonly balanceThreshold?: number;
}

/** The kinds of sentence in a summary, so the UI can style or filter them. */
export type SummaryKind =
  | 'respondents'
  | 'no-respondents'
  | 'ambition'
  | 'no-ambition'
  | 'perception-gap'
  | 'no-perception-gap'
  | 'perception-gap-unknown'
  | 'out-of-balance'
  | 'in-balance';

/** One sentence of the summary, with the pillars it is about (for highlighting in the chart). */
export interface SummarySentence {
  readonly kind: SummaryKind;
  readonly pillars: readonly PillarId[];
  readonly text: string;
}

function listPillars(pillars: readonly PillarId[], locale: ContentLocale): string {
  const names = pillars.map((p) => getPillar(p).name[locale]);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${locale === 'nl' ? 'en' : 'and'} ${names[names.length - 1]}`;
}

/** The assessment's findings as sentences in Dutch or English, in the order the UI shows them. */
export function summariseAssessment(assessment: Assessment, locale: ContentLocale, options: SummaryOptions = {}): SummarySentence[] {
  const fmt = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 });
  const n = (x: number) => fmt.format(x);
  const nl = locale === 'nl';
  const pillarName = (p: PillarId) => getPillar(p).name[locale];
  const out: SummarySentence[] = [];
  const total = assessment.respondents.length;
  if (total === 0) {
    out.push({ kind: 'no-respondents', pillars: [], text: nl ? 'Er zijn nog geen respondenten.' : 'There are no respondents yet.' });
    return out;
  }
  const inMarketing = assessment.respondents.filter((r) => r.worksInMarketing).length;
  const elsewhere = total - inMarketing;
  out.push({
    kind: 'respondents',
    pillars: [],
    text: nl
      ? `${total} ${total === 1 ? 'respondent' : 'respondenten'}: ${inMarketing} uit marketing, ${elsewhere} van buiten marketing.`
      : `${total} ${total === 1 ? 'respondent' : 'respondents'}: ${inMarketing} in marketing, ${elsewhere} outside marketing.`
  });

  const avg = assessmentAverages(assessment);
  let widest: PillarId | undefined;
  for (const p of PILLAR_IDS) {
    const step = avg[p].desired! - avg[p].current!;
    if (step > EPSILON && (widest === undefined || step > avg[widest].desired! - avg[widest].current! + EPSILON)) widest = p;
  }
  if (widest) {
    const a = avg[widest];
    out.push({
      kind: 'ambition',
      pillars: [widest],
      text: nl
        ? `De grootste stap van huidig naar gewenst niveau zit bij ${pillarName(widest)}: van ${n(a.current!)} naar ${n(a.desired!)}.`
        : `The largest step from current to desired level is on ${pillarName(widest)}: from ${n(a.current!)} to ${n(a.desired!)}.`
    });
  } else {
    out.push({
      kind: 'no-ambition',
      pillars: [],
      text: nl
        ? 'Op geen enkele pijler ligt het gewenste niveau boven het huidige.'
        : 'On no pillar is the desired level above the current one.'
    });
  }

  const gaps = perceptionGaps(assessment, { threshold: options.threshold });
  if (inMarketing === 0 || elsewhere === 0) {
    out.push({
      kind: 'perception-gap-unknown',
      pillars: [],
      text: nl
        ? 'Voor een perceptieverschil zijn respondenten nodig van binnen én buiten marketing.'
        : 'A perception gap needs respondents both inside and outside marketing.'
    });
  } else {
    const flagged = gaps.filter((g) => g.current.highlighted);
    for (const g of flagged) {
      const d = g.current.difference!;
      const higher = d > 0;
      const levels = Math.abs(d);
      out.push({
        kind: 'perception-gap',
        pillars: [g.pillar],
        text: nl
          ? `Marketing schat ${pillarName(g.pillar)} ${n(levels)} ${Math.abs(levels - 1) < EPSILON ? 'niveau' : 'niveaus'} ${higher ? 'hoger' : 'lager'} in dan de andere respondenten (${n(g.current.marketing!)} tegen ${n(g.current.others!)}).`
          : `Marketing rates ${pillarName(g.pillar)} ${n(levels)} ${Math.abs(levels - 1) < EPSILON ? 'level' : 'levels'} ${higher ? 'higher' : 'lower'} than the other respondents (${n(g.current.marketing!)} against ${n(g.current.others!)}).`
      });
    }
    if (flagged.length === 0) {
      out.push({
        kind: 'no-perception-gap',
        pillars: [],
        text: nl
          ? `Marketing en de andere respondenten liggen op elke pijler minder dan ${n(options.threshold ?? 1)} niveau uit elkaar.`
          : `Marketing and the other respondents are less than ${n(options.threshold ?? 1)} level apart on every pillar.`
      });
    }
  }

  const balance = assessmentBalance(assessment, { threshold: options.balanceThreshold });
  if (balance) {
    const { highest, lowest } = balance;
    out.push({
      kind: 'out-of-balance',
      pillars: [...highest.pillars, ...lowest.pillars],
      text: nl
        ? `De pijlers zijn niet in balans: ${listPillars(highest.pillars, locale)} (${n(highest.level)}) ${highest.pillars.length > 1 ? 'liggen' : 'ligt'} ${n(balance.spread)} niveaus boven ${listPillars(lowest.pillars, locale)} (${n(lowest.level)}).`
        : `The pillars are out of balance: ${listPillars(highest.pillars, locale)} (${n(highest.level)}) ${highest.pillars.length > 1 ? 'lie' : 'lies'} ${n(balance.spread)} levels above ${listPillars(lowest.pillars, locale)} (${n(lowest.level)}).`
    });
  } else {
    out.push({
      kind: 'in-balance',
      pillars: [],
      text: nl
        ? `De pijlers zijn in balans: de huidige niveaus liggen minder dan ${n(options.balanceThreshold ?? 2)} niveaus uit elkaar.`
        : `The pillars are in balance: the current levels are less than ${n(options.balanceThreshold ?? 2)} levels apart.`
    });
  }
  return out;
}
