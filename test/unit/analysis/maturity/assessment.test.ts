import { describe, expect, it } from 'vitest';
import {
  assessmentAverages,
  assessmentBalance,
  AssessmentSchema,
  averagePillarScores,
  balanceWarning,
  perceptionGaps,
  radarSeries,
  respondentLabel,
  summariseAssessment,
  type Assessment
} from '../../../../src/analysis/maturity/assessment';
import { PILLAR_IDS } from '../../../../src/analysis/maturity/model';
import { marketingOptimistAssessment, respondent, scores } from './fixtures';

describe('pillar averages', () => {
  it('given six respondents, when averaged, then each pillar shows the mean current and desired level', () => {
    const avg = assessmentAverages(marketingOptimistAssessment());
    expect(avg.strategy.current).toBeCloseTo(22 / 6, 10);
    expect(avg.strategy.desired).toBeCloseTo(26 / 6, 10);
    expect(avg.data.current).toBe(2);
    expect(avg.technology).toEqual({ pillar: 'technology', current: 3, desired: 4, respondents: 6 });
  });

  it('given nobody answered, then the averages are empty rather than zero', () => {
    const avg = averagePillarScores([]);
    for (const p of PILLAR_IDS) expect(avg[p]).toEqual({ pillar: p, current: undefined, desired: undefined, respondents: 0 });
  });

  it('gives the radar chart the average first and then every respondent, labelled without inventing names', () => {
    const series = radarSeries(marketingOptimistAssessment());
    expect(series.map((s) => s.key)).toEqual(['average', 'm1', 'm2', 'm3', 'o1', 'o2', 'o3']);
    expect(series[0]!.current[0]).toBeCloseTo(22 / 6, 10);
    expect(series[1]).toMatchObject({ kind: 'respondent', label: 'Anna de Vries', worksInMarketing: true, current: [4, 3, 3, 3, 3, 3], desired: [5, 4, 4, 4, 4, 4] });
    expect(series[2]!.label).toBe('campaign manager (Marketing)');
    expect(respondentLabel(marketingOptimistAssessment().respondents[4]!)).toBe('architect (IT)');
  });
});

describe('perception gap', () => {
  it('given marketeers rate Strategy over a level higher than the others, then Strategy is flagged and no other pillar is', () => {
    const gaps = perceptionGaps(marketingOptimistAssessment());
    const strategy = gaps.find((g) => g.pillar === 'strategy')!;
    expect(strategy.marketingRespondents).toBe(3);
    expect(strategy.otherRespondents).toBe(3);
    expect(strategy.current.marketing).toBeCloseTo(13 / 3, 10);
    expect(strategy.current.others).toBe(3);
    expect(strategy.current.difference).toBeCloseTo(4 / 3, 10);
    expect(strategy.current.highlighted).toBe(true);
    expect(gaps.filter((g) => g.current.highlighted).map((g) => g.pillar)).toEqual(['strategy']);
    const data = gaps.find((g) => g.pillar === 'data')!;
    expect(data.current.difference).toBeCloseTo(2 / 3, 10);
    expect(data.current.highlighted).toBe(false);
  });

  it('flags a gap of exactly one level, and one where marketing rates itself lower', () => {
    const a: Assessment = {
      ...marketingOptimistAssessment(),
      respondents: [
        respondent('m1', true, scores(3, 4, { technology: [2, 4], data: [4, 5] })),
        respondent('m2', true, scores(3, 4, { technology: [2, 4], data: [4, 5] })),
        respondent('m3', true, scores(3, 4, { technology: [2, 4], data: [4, 5] })),
        respondent('o1', false, scores(3, 4, { technology: [4, 4], data: [3, 4] })),
        respondent('o2', false, scores(3, 4, { technology: [4, 4], data: [3, 4] })),
        respondent('o3', false, scores(3, 4, { technology: [4, 4], data: [3, 4] }))
      ]
    };
    const gaps = perceptionGaps(a);
    expect(gaps.find((g) => g.pillar === 'data')!.current).toMatchObject({ difference: 1, highlighted: true });
    expect(gaps.find((g) => g.pillar === 'technology')!.current).toMatchObject({ difference: -2, highlighted: true });
    // Desired levels on Technology agree, so that gap is not highlighted.
    expect(gaps.find((g) => g.pillar === 'technology')!.desired).toMatchObject({ difference: 0, highlighted: false });
    expect(gaps.filter((g) => g.current.highlighted)).toHaveLength(2);
  });

  it('compares thirds exactly: 4.333 against 3.333 is one level', () => {
    const a: Assessment = {
      ...marketingOptimistAssessment(),
      respondents: [
        respondent('m1', true, scores(4, 5)),
        respondent('m2', true, scores(4, 5)),
        respondent('m3', true, scores(5, 5)),
        respondent('o1', false, scores(3, 4)),
        respondent('o2', false, scores(3, 4)),
        respondent('o3', false, scores(4, 4))
      ]
    };
    expect(perceptionGaps(a).every((g) => g.current.highlighted)).toBe(true);
  });

  it('given only marketing answered, then there is no gap to show', () => {
    const a = { ...marketingOptimistAssessment() };
    a.respondents = a.respondents.filter((r) => r.worksInMarketing);
    for (const g of perceptionGaps(a)) {
      expect(g.otherRespondents).toBe(0);
      expect(g.current.others).toBeUndefined();
      expect(g.current.difference).toBeUndefined();
      expect(g.current.highlighted).toBe(false);
    }
  });

  it('honours a stricter threshold', () => {
    const gaps = perceptionGaps(marketingOptimistAssessment(), { threshold: 0.5 });
    expect(gaps.filter((g) => g.current.highlighted).map((g) => g.pillar)).toEqual(['strategy', 'data']);
  });
});

describe('balance warning', () => {
  it('given Strategy at 5 and Data at 1, then it names both pillars and the spread', () => {
    const warning = balanceWarning({ strategy: 5, 'people-organisation': 3, technology: 3, data: 1, 'customer-journey': 3, 'customer-value': 3 });
    expect(warning).toBeDefined();
    expect(warning!.spread).toBe(4);
    expect(warning!.highest).toEqual({ level: 5, pillars: ['strategy'] });
    expect(warning!.lowest).toEqual({ level: 1, pillars: ['data'] });
    expect(warning!.pairs[0]).toEqual({ higher: 'strategy', lower: 'data', difference: 4 });
    // Every pair at least two apart is named: strategy over the four 3s, the four 3s over data.
    expect(warning!.pairs).toHaveLength(9);
  });

  it('warns at exactly two levels and stays quiet below', () => {
    expect(balanceWarning({ strategy: 4, data: 2 })?.pairs).toEqual([{ higher: 'strategy', lower: 'data', difference: 2 }]);
    expect(balanceWarning({ strategy: 4, data: 2.01 })).toBeUndefined();
    expect(balanceWarning({ strategy: 4 })).toBeUndefined();
    expect(balanceWarning({})).toBeUndefined();
  });

  it('checks the averaged current levels of an assessment', () => {
    expect(assessmentBalance(marketingOptimistAssessment())).toBeUndefined();
    const a = marketingOptimistAssessment();
    a.respondents = [respondent('x', false, scores(3, 3, { technology: [5, 5], 'customer-value': [1, 3], data: [1, 3] }))];
    const w = assessmentBalance(a)!;
    expect(w.highest.pillars).toEqual(['technology']);
    expect(w.lowest.pillars).toEqual(['data', 'customer-value']);
  });
});

describe('summary sentences', () => {
  it('tells in English who answered, where the ambition is, the perception gap and the balance', () => {
    const text = summariseAssessment(marketingOptimistAssessment(), 'en');
    expect(text.map((s) => s.kind)).toEqual(['respondents', 'ambition', 'perception-gap', 'in-balance']);
    expect(text[0]!.text).toBe('6 respondents: 3 in marketing, 3 outside marketing.');
    expect(text[1]!.pillars).toEqual(['data']);
    expect(text[1]!.text).toBe('The largest step from current to desired level is on Data: from 2 to 3.7.');
    expect(text[2]!.text).toBe('Marketing rates Strategy 1.3 levels higher than the other respondents (4.3 against 3).');
  });

  it('speaks Dutch with decimal commas and names unbalanced pillars', () => {
    const a = marketingOptimistAssessment();
    a.respondents = [respondent('x', true, scores(3, 3, { technology: [5, 5], data: [1, 3] })), respondent('y', true, scores(3, 3, { technology: [5, 5], data: [2, 3] }))];
    const text = summariseAssessment(a, 'nl');
    expect(text.map((s) => s.kind)).toEqual(['respondents', 'ambition', 'perception-gap-unknown', 'out-of-balance']);
    expect(text[1]!.text).toBe('De grootste stap van huidig naar gewenst niveau zit bij Data: van 1,5 naar 3.');
    expect(text[3]!.text).toBe('De pijlers zijn niet in balans: Technologie (5) ligt 3,5 niveaus boven Data (1,5).');
    expect(text[3]!.pillars).toEqual(['technology', 'data']);
  });

  it('says so when there is nothing to summarise yet', () => {
    const a = { ...marketingOptimistAssessment(), respondents: [] };
    expect(summariseAssessment(a, 'en')).toEqual([{ kind: 'no-respondents', pillars: [], text: 'There are no respondents yet.' }]);
  });
});

describe('assessment schema', () => {
  it('accepts the fixture and treats an empty name as anonymous', () => {
    const a = marketingOptimistAssessment();
    a.respondents[1] = { ...a.respondents[1]!, name: '' };
    const parsed = AssessmentSchema.parse(a);
    expect(parsed.respondents[1]!.name).toBeUndefined();
  });

  it('rejects duplicate respondent ids and scores outside 1..5, naming the field', () => {
    const a = marketingOptimistAssessment() as unknown as { respondents: { id: string; scores: Record<string, { current: number }> }[] };
    a.respondents[1]!.id = 'm1';
    a.respondents[2]!.scores['data']!.current = 6;
    const r = AssessmentSchema.safeParse(a);
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('respondents.1.id');
    expect(paths).toContain('respondents.2.scores.data.current');
  });
});
