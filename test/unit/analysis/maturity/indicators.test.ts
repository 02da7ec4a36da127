import { describe, expect, it } from 'vitest';
import {
  findIndicator,
  hasRealisedValue,
  isTacticalKpi,
  libraryIndicators,
  type IndicatorProcess
} from '../../../../src/analysis/maturity/indicators';

const accountable = { role: 'r-head', responsibility: 'accountable' };
const responsible = { role: 'r-marketeer', responsibility: 'responsible' };

/** Lead process: four activities, three handovers. */
function leads(): IndicatorProcess {
  return {
    id: 'Process_leads',
    name: 'Van lead tot order',
    activities: [
      { id: 'A1', kpis: [{ name: 'MQL', objectiveGroup: 'sowing', realised: '310' }], assignments: [accountable, responsible] },
      { id: 'A2', kpis: [{ name: 'Campaign cost', objectiveGroup: 'input' }, { name: 'Brand engagement', objectiveGroup: 'hoeing', evidence: 'dealer interviews' }], assignments: [accountable, accountable] },
      { id: 'A3', kpis: [{ name: 'SQL follow-up rate', objectiveGroup: 'throughput', measurements: [{ value: '0.8' }] }], assignments: [responsible] },
      { id: 'A4', kpis: [], assignments: [accountable] }
    ],
    handovers: [{ id: 'F1', agreementStatus: 'agreed' }, { id: 'F2', agreementStatus: 'draft' }, { id: 'F3' }]
  };
}

describe('library indicators beside the self-assessment', () => {
  it('given one process, then each indicator is a count out of a total', () => {
    const set = libraryIndicators([leads()]);
    expect(set).toMatchObject({ processes: 1, activities: 4, handovers: 3, kpis: 4 });
    expect(findIndicator(set, 'activities-with-kpi').value).toEqual({ count: 3, total: 4, share: 0.75 });
    expect(findIndicator(set, 'handovers-with-agreed-agreement').value).toEqual({ count: 1, total: 3, share: 1 / 3 });
    // A2 has two Accountables and A3 none: only A1 and A4 have exactly one.
    expect(findIndicator(set, 'activities-with-one-accountable').value).toEqual({ count: 2, total: 4, share: 0.5 });
    // MQL (number), Brand engagement (evidence) and the follow-up rate (a measurement) were realised; the cost was not.
    expect(findIndicator(set, 'kpis-with-realised-value').value).toEqual({ count: 3, total: 4, share: 0.75 });
    const tactical = findIndicator(set, 'tactical-kpis');
    expect(tactical.value.count).toBe(2);
    expect(tactical.examples).toEqual(['MQL', 'SQL follow-up rate']);
  });

  it('labels every item as an indicator, in both languages, tied to pillars, never as a level', () => {
    const set = libraryIndicators([leads()]);
    for (const i of set.indicators) {
      expect(i.kind).toBe('indicator');
      expect(i.label.nl).not.toBe(i.label.en);
      expect(i.explanation.en.length).toBeGreaterThan(20);
      expect(i.pillars.length).toBeGreaterThan(0);
      expect(i).not.toHaveProperty('level');
    }
  });

  it('adds up across a library and keeps each process apart', () => {
    const second: IndicatorProcess = {
      id: 'Process_complaints',
      activities: [{ id: 'B1', kpis: [{ name: 'Leads from complaints', objectiveGroup: 'customer', realised: '4' }, { name: 'MQL', objectiveGroup: 'sowing' }], assignments: [accountable] }],
      handovers: [{ id: 'G1', agreementStatus: 'agreed' }]
    };
    const set = libraryIndicators([leads(), second]);
    expect(set.processes).toBe(2);
    expect(findIndicator(set, 'activities-with-kpi').value).toEqual({ count: 4, total: 5, share: 0.8 });
    expect(findIndicator(set, 'handovers-with-agreed-agreement').value).toEqual({ count: 2, total: 4, share: 0.5 });
    expect(findIndicator(set, 'tactical-kpis').examples).toEqual(['MQL', 'SQL follow-up rate', 'Leads from complaints']);
    expect(set.perProcess.map((p) => [p.processId, findIndicator(p, 'activities-with-kpi').value.share])).toEqual([
      ['Process_leads', 0.75],
      ['Process_complaints', 1]
    ]);
  });

  it('given an empty library or a process without handovers, then shares are unknown, not zero', () => {
    const none = libraryIndicators([]);
    expect(none.indicators.every((i) => i.value.share === undefined && i.value.total === 0)).toBe(true);
    const set = libraryIndicators([{ id: 'P', activities: [{ id: 'A', kpis: [], assignments: [] }], handovers: [] }]);
    expect(findIndicator(set, 'handovers-with-agreed-agreement').value.share).toBeUndefined();
    expect(findIndicator(set, 'activities-with-kpi').value.share).toBe(0);
  });
});

describe('KPI classification', () => {
  it('recognises tactical KPIs by objective group or by name', () => {
    expect(isTacticalKpi({ objectiveGroup: 'customer' })).toBe(true);
    expect(isTacticalKpi({ name: 'Aantal SQLs', objectiveGroup: 'harvest-short' })).toBe(true);
    expect(isTacticalKpi({ name: 'Opvolging binnen 48 uur' })).toBe(true);
    expect(isTacticalKpi({ name: 'Leadtime offerte' })).toBe(false);
    expect(isTacticalKpi({ name: 'Revenue', objectiveGroup: 'harvest-short' })).toBe(false);
  });

  it('counts a number, qualitative evidence or a measurement as realised, but not unreadable text', () => {
    expect(hasRealisedValue({ realised: '0' })).toBe(true);
    expect(hasRealisedValue({ evidence: 'stories from the shop floor' })).toBe(true);
    expect(hasRealisedValue({ measurements: [{ value: '' }, { evidence: 'panel' }] })).toBe(true);
    expect(hasRealisedValue({ realised: 'twelve' })).toBe(false);
    expect(hasRealisedValue({ realised: '  ', evidence: ' ' })).toBe(false);
  });
});
