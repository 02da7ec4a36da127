import { describe, expect, it } from 'vitest';
import {
  KpiSchema,
  StepSchema,
  attributeNames,
  issueCode,
  validateAttributes,
  validateAttributesWithZod,
  type MlElementType
} from '../../../../src/model/value-chain/schema';
import descriptor from '../../../../src/model/value-chain/missinglink.json';
import { prng } from '../../../support/mutate';

describe('value-chain schema: single fields', () => {
  it('accepts decimal numbers written with a point and rejects anything else', () => {
    // given KPI targets as a user might store them
    const ok = validateAttributes('ml:Kpi', { target: '1234.5', unit: 'EUR' });
    const negative = validateAttributes('ml:Kpi', { target: '-5', unit: '%' });
    // then valid text becomes a number
    expect(ok).toEqual({ value: { target: 1234.5, unit: 'EUR' }, problems: [] });
    expect(negative.value.target).toBe(-5);
    // and text that is not a plain decimal is reported with the stored text
    for (const bad of ['12x', '1,5', '1e3', '€ 10', 'NaN']) {
      const { value, problems } = validateAttributes('ml:Kpi', { target: bad, unit: 'EUR' });
      expect(value.target).toBeUndefined();
      expect(problems).toEqual([
        { field: 'target', code: 'not-a-number', message: `Target "${bad}" is not a number; write digits with a decimal point, such as 1234.5.`, value: bad }
      ]);
    }
  });

  it('treats empty attributes as not filled in', () => {
    // given a soft KPI with an empty realised value and qualitative evidence
    const { value, problems } = validateAttributes('ml:Kpi', { realised: '', evidence: 'Interviews with ten dealers' });
    expect(problems).toEqual([]);
    expect(value).toEqual({ evidence: 'Interviews with ten dealers' });
  });

  it('checks dates on the calendar, not only their shape', () => {
    expect(validateAttributes('ml:Measurement', { periodStart: '2024-02-29' }).problems).toEqual([]);
    for (const bad of ['2023-02-29', '2024-13-01', '31-12-2024', '2024-1-5']) {
      expect(validateAttributes('ml:Measurement', { periodStart: bad }).problems.map((p) => p.code)).toEqual(['not-a-date']);
    }
  });

  it('accepts exactly the dates that Date.UTC reads back unchanged', () => {
    // The date check is arithmetic; it must agree with the calendar of Date (from the year 100 on).
    const viaDate = (text: string) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      return !!m && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === text;
    };
    const years = [[0, 120], [1890, 1910], [1995, 2005], [2095, 2105], [2395, 2405], [9990, 9999]].flatMap(([a, b]) => Array.from({ length: b! - a! + 1 }, (_, i) => a! + i));
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    for (const year of years) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          const accepted = validateAttributes('ml:Measurement', { periodStart: text }).problems.length === 0;
          if (accepted !== viaDate(text)) expect(accepted, text).toBe(viaDate(text));
        }
      }
    }
  });

  it('accepts ISO 8601 durations and keeps them as text', () => {
    expect(validateAttributes('ml:Agreement', { dueWithin: 'P2D' })).toEqual({ value: { dueWithin: 'P2D' }, problems: [] });
    const { problems } = validateAttributes('ml:Agreement', { dueWithin: '2 days' });
    expect(problems).toEqual([
      {
        field: 'dueWithin',
        code: 'not-a-duration',
        message: 'Due within "2 days" is not an ISO 8601 duration; write it like PT4H (4 hours), P2D (2 days) or P1W (1 week).',
        value: '2 days'
      }
    ]);
  });

  it('accepts percentages from 0 to 100 only', () => {
    expect(validateAttributes('ml:Simulation', { probability: '0' }).value.probability).toBe(0);
    expect(validateAttributes('ml:Simulation', { probability: '100' }).value.probability).toBe(100);
    for (const bad of ['101', '-1', 'half']) {
      expect(validateAttributes('ml:Simulation', { probability: bad }).problems.map((p) => p.code)).toEqual(['not-a-percentage']);
    }
  });

  it('accepts only the stored vocabulary and names the allowed values', () => {
    const { problems } = validateAttributes('ml:Step', { activityGroup: 'Sowing', level: 'task' });
    expect(problems).toEqual([
      {
        field: 'activityGroup',
        code: 'unknown-value',
        message: 'Activity group "Sowing" is not one of: preparation, sowing, harvest, handling.',
        value: 'Sowing'
      }
    ]);
  });

  it('rejects negative budgets and hours, and currencies that are not ISO 4217 codes', () => {
    const { value, problems } = validateAttributes('ml:Resources', { plannedBudget: '-10', plannedHours: '12.5', currency: 'euro' });
    expect(value).toEqual({ plannedHours: 12.5 });
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['currency', 'not-a-currency'],
      ['plannedBudget', 'negative']
    ]);
  });

  it('reports missing required fields without a stored value', () => {
    const { problems } = validateAttributes('ml:Assignment', { role: 'r-marketing' });
    expect(problems).toEqual([{ field: 'responsibility', code: 'required', message: 'Responsibility is required.' }]);
  });
});

describe('value-chain schema: rules across fields', () => {
  it('reports a KPI period that ends before it starts, on the end date', () => {
    const { problems } = validateAttributes('ml:Kpi', { periodStart: '2025-06-30', periodEnd: '2025-01-01' });
    expect(problems).toEqual([
      { field: 'periodEnd', code: 'period-reversed', message: 'The period ends (2025-01-01) before it starts (2025-06-30).', value: '2025-01-01' }
    ]);
  });

  it('reports a KPI target without a unit', () => {
    const { problems } = validateAttributes('ml:Kpi', { target: '250' });
    expect(problems.map((p) => [p.field, p.code])).toEqual([['unit', 'unit-missing']]);
  });

  it('requires a triangular duration to be complete and increasing', () => {
    expect(validateAttributes('ml:Duration', { min: 'PT2H', mostLikely: 'PT4H', max: 'P1D' }).problems).toEqual([]);
    expect(validateAttributes('ml:Duration', { min: 'PT2H', max: 'P1D' }).problems.map((p) => [p.field, p.code])).toEqual([
      ['mostLikely', 'triangle-incomplete']
    ]);
    expect(validateAttributes('ml:Duration', { min: 'PT5H', mostLikely: 'PT4H', max: 'P1D' }).problems.map((p) => [p.field, p.code])).toEqual([
      ['mostLikely', 'triangle-order']
    ]);
    expect(validateAttributes('ml:Duration', { min: 'PT1H', mostLikely: 'P2D', max: 'P1D' }).problems.map((p) => [p.field, p.code])).toEqual([
      ['max', 'triangle-order']
    ]);
  });

  it('checks a lead-time promise as a duration and any other promise as a number with a unit', () => {
    expect(validateAttributes('ml:CustomerPromise', { measure: 'lead-time', target: 'P5D', workingDays: 'true' })).toEqual({
      value: { measure: 'lead-time', target: 'P5D', workingDays: true },
      problems: []
    });
    expect(validateAttributes('ml:CustomerPromise', { measure: 'lead-time', target: '5' }).problems.map((p) => p.code)).toEqual(['not-a-duration']);
    expect(validateAttributes('ml:CustomerPromise', { measure: 'satisfaction', target: '8.5' }).problems.map((p) => p.code)).toEqual(['unit-missing']);
    expect(validateAttributes('ml:CustomerPromise', { measure: 'satisfaction', target: '8.5', unit: 'score' }).problems).toEqual([]);
  });

  it('reports a budget group that differs from the step activity group, but not a missing Accountable', () => {
    // given a sowing step whose budget is booked as harvest, and nobody accountable
    const result = StepSchema.safeParse({
      activityGroup: 'sowing',
      assignments: [{ role: 'r1', responsibility: 'responsible' }],
      resources: { budgetGroup: 'harvest', plannedBudget: '1000' }
    });
    // then only the budget group is a schema violation (accountability is for the audit)
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => [i.path.join('.'), issueCode(i)]);
    expect(issues).toEqual([['resources.budgetGroup', 'budget-group-mismatch']]);
  });

  it('types a valid KPI record with its measurement history', () => {
    const kpi = KpiSchema.parse({
      id: 'kpi-leads',
      objectiveGroup: 'sowing',
      direction: 'at-least',
      target: '400',
      unit: 'leads',
      measurements: [{ periodStart: '2025-01-01', periodEnd: '2025-03-31', value: '120' }]
    });
    expect(kpi.target).toBe(400);
    expect(kpi.measurements[0]!.value).toBe(120);
  });
});

describe('value-chain schema and descriptor', () => {
  it('validates exactly the attributes the moddle descriptor declares', () => {
    // given every ml type of the descriptor, then the schema knows the same attributes
    for (const type of descriptor.types) {
      const attrs = type.properties.filter((p) => 'isAttr' in p && p.isAttr).map((p) => p.name);
      expect(attributeNames(`ml:${type.name}` as Parameters<typeof attributeNames>[0]), type.name).toEqual(attrs);
    }
  });
});

describe('value-chain schema: the fast path of validateAttributes', () => {
  /** Stored values of every kind: valid ones of each format, blank, padded, invalid, not text at all. */
  const POOL: unknown[] = [
    undefined, '', '   ', 'x', 'Some text', ' 12.5 ', '12.5', '-3', '+.5', '1e3', '150', '50', '0', '1,5',
    '2024-02-29', '2023-02-29', ' 2026-03-31 ', '2026-13-01', 'P2D', 'PT4H', ' P1W', '2 days', 'true', 'false', 'True',
    'EUR', 'eur', 'agreed', 'draft', 'under-review', 'Agreed', 'accountable', 'responsible', 'boss', 'lead-time',
    'sowing', 'harvest', 'task', 'customer', 'department', 'error', 'info', 'fatal', 'at-least', 'throughput', 'open', 'done',
    12, 0, true, null
  ];

  it('gives exactly what zod gives, on every type, for valid and invalid records', () => {
    const random = prng(42);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    let fast = 0;
    for (const t of descriptor.types) {
      const type = `ml:${t.name}` as MlElementType;
      const names = attributeNames(type);
      // The values each field accepts on its own, so that most records below are valid
      // throughout (the fast path) and the rest break one or more fields (the fallback).
      const validFor = new Map(
        names.map((name) => [
          name,
          POOL.filter((v) => !validateAttributesWithZod(type, { [name]: v as string }).problems.some((p) => p.field === name))
        ])
      );
      for (let i = 0; i < 400; i++) {
        const attrs: Record<string, string | undefined> = {};
        for (const name of names) {
          const r = random();
          const v = r < 0.75 ? pick(validFor.get(name)!) : r < 0.85 ? undefined : pick(POOL);
          if (v !== undefined || random() < 0.5) attrs[name] = v as string | undefined;
        }
        const expected = validateAttributesWithZod(type, attrs);
        const actual = validateAttributes(type, attrs);
        expect(actual, `${type} ${JSON.stringify(attrs)}`).toEqual(expected);
        // Same key order too: results are serialised.
        expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
        if (!expected.problems.some((p) => p.code !== 'period-reversed' && p.code !== 'unit-missing' && p.code !== 'triangle-incomplete' && p.code !== 'triangle-order')) fast++;
      }
    }
    // Most records were valid field by field, so the comparison covers the fast path well.
    expect(fast).toBeGreaterThan(descriptor.types.length * 150);
  });
});
