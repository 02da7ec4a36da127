import { describe, expect, it } from 'vitest';
import type { ActivityStats, PromiseCheck } from '../../../../src/simulation';
import { formatHours, hoursUnitFor } from '../../../../src/ui/simulation/labels';
import { promiseSentence } from '../../../../src/ui/simulation/promise-words';

// The walkthrough (issue 12) found a promise verdict without a reason, and lead-time
// lines that mixed "36 h" with "2,5 days". These are the words the batch results show.

const promise = (p: Partial<PromiseCheck>): PromiseCheck => ({
  text: 'Levering binnen 10 werkdagen',
  measure: 'lead-time',
  target: 'P10D',
  workingDays: true,
  targetHours: 14 * 24,
  p90Hours: 16.8 * 24,
  held: false,
  measuredTo: null,
  ...p
});

const activity = (id: string, name: string, hoursPerCase: number): ActivityStats => ({ id, name, type: 'bpmn:Task', department: null, visitsPerCase: 1, hoursPerCase, costPerCase: 0 });

describe('the customer promise in words', () => {
  it('given a promise that is not kept, says by how much and which steps take the time', () => {
    const words = promiseSentence(promise({}), [activity('a', 'Offerte opstellen', 50), activity('b', 'Levering en montage', 130), activity('c', 'Scoren', 0.5)]);
    expect(words.held).toBe(false);
    expect(words.text).toContain('not kept');
    // 16.8 calendar days are 12 working days; the promise allows 10
    expect(words.reason).toContain('more than 12 working days, at least 2 working days longer than promised');
    expect(words.reason).toContain('Most time per case goes to "Levering en montage" (5.4 days) and "Offerte opstellen" (2.1 days).');
    // and it says how working days are counted, since the batch runs on calendar hours
    expect(words.reason).toContain('5 in every 7 calendar days');
  });

  it('given a promise that is kept, says how much time is left', () => {
    const words = promiseSentence(promise({ held: true, p90Hours: 7 * 24 }), []);
    expect(words.text).toContain(': kept.');
    expect(words.reason).toBe('Why: 9 in 10 cases are done 5 working days before the promised time runs out. Working days are counted as 5 in every 7 calendar days; evenings and weekends are not left out.');
  });

  it('gives no reason where the simulation cannot judge the promise', () => {
    const words = promiseSentence(promise({ held: null, targetHours: null }));
    expect(words.held).toBeNull();
    expect(words.reason).toBeNull();
  });
});

describe('durations read together share one unit', () => {
  it('uses days for every value of a line once one value reaches two days', () => {
    const unit = hoursUnitFor([30, 36, 50, 80]);
    expect(unit).toBe('days');
    expect([30, 80].map((h) => formatHours(h, unit))).toEqual(['1.3 days', '3.3 days']);
  });

  it('keeps hours when every value is shorter than two days, and a dash for no value', () => {
    const unit = hoursUnitFor([1.5, null, 20]);
    expect(unit).toBe('hours');
    expect(formatHours(1.5, unit)).toBe('1.5 h');
    expect(formatHours(null, unit)).toBe('–');
  });
});
