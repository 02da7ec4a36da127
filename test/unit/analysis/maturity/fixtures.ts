import { PILLAR_IDS, type PillarId } from '../../../../src/analysis/maturity/model';
import type { Assessment, PillarScores, Respondent } from '../../../../src/analysis/maturity/assessment';

type Level = 1 | 2 | 3 | 4 | 5;

/** Scores every pillar at `current`/`desired`, with per-pillar overrides. */
export function scores(current: Level, desired: Level, overrides: Partial<Record<PillarId, [Level, Level]>> = {}): PillarScores {
  const out = {} as Record<PillarId, { current: Level; desired: Level }>;
  for (const p of PILLAR_IDS) {
    const [c, d] = overrides[p] ?? [current, desired];
    out[p] = { current: c, desired: d };
  }
  return out;
}

/** A respondent with sensible defaults. */
export function respondent(id: string, worksInMarketing: boolean, s: PillarScores, extra: Partial<Respondent> = {}): Respondent {
  return { id, name: undefined, role: worksInMarketing ? 'marketeer' : 'manager', department: worksInMarketing ? 'Marketing' : 'Sales', worksInMarketing, scores: s, ...extra };
}

/**
 * The source's key finding in miniature: three marketeers rate Strategy at 4–5,
 * three colleagues from sales, IT and finance rate it 3. On Data the marketeers
 * are 2/3 of a level higher (below the threshold); elsewhere they agree.
 */
export function marketingOptimistAssessment(): Assessment {
  return {
    id: 'a-b2b',
    organisation: 'Acme Verzekeringen',
    title: 'B2B',
    createdAt: '2024-03-01T09:30:00Z',
    respondents: [
      respondent('m1', true, scores(3, 4, { strategy: [4, 5], data: [3, 4] }), { name: 'Anna de Vries' }),
      respondent('m2', true, scores(3, 4, { strategy: [4, 4], data: [2, 4] }), { role: 'campaign manager' }),
      respondent('m3', true, scores(3, 4, { strategy: [5, 5], data: [2, 3] })),
      respondent('o1', false, scores(3, 4, { strategy: [3, 4], data: [2, 4] }), { department: 'Sales' }),
      respondent('o2', false, scores(3, 4, { strategy: [3, 4], data: [1, 3] }), { department: 'IT', role: 'architect' }),
      respondent('o3', false, scores(3, 4, { strategy: [3, 4], data: [2, 4] }), { department: 'Finance', name: 'Jan Smit' })
    ]
  };
}
