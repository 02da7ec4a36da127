import { describe, expect, it } from 'vitest';
import {
  cellStatements,
  getLevel,
  getPillar,
  LEVEL_IDS,
  MATURITY_LEVELS,
  MATURITY_PILLARS,
  PILLAR_IDS,
  PillarIdSchema
} from '../../../../src/analysis/maturity/model';

describe('the Customer Engagement Maturity Model content', () => {
  it('has the six pillars of the source, in its order, with stable ids', () => {
    expect(MATURITY_PILLARS.map((p) => p.id)).toEqual([...PILLAR_IDS]);
    expect(MATURITY_PILLARS.map((p) => p.name.en)).toEqual([
      'Strategy',
      'People & organisation',
      'Technology',
      'Data',
      'Customer journey',
      'Customer value'
    ]);
    expect(MATURITY_PILLARS.map((p) => p.name.nl)).toEqual(['Strategie', 'Mensen & organisatie', 'Technologie', 'Data', 'Customer journey', 'Klantwaarde']);
  });

  it('has the five CMM levels from Initial to Optimizing in both languages', () => {
    expect(MATURITY_LEVELS.map((l) => [l.level, l.id, l.name.en, l.name.nl])).toEqual([
      [1, 'initial', 'Initial', 'Initieel'],
      [2, 'repeatable', 'Repeatable', 'Herhaalbaar'],
      [3, 'defined', 'Defined', 'Gedefinieerd'],
      [4, 'managed', 'Managed', 'Gemanaged'],
      [5, 'optimizing', 'Optimizing', 'Optimaliseren']
    ]);
    expect(LEVEL_IDS).toHaveLength(5);
    for (const l of MATURITY_LEVELS) {
      expect(l.description.nl.length).toBeGreaterThan(10);
      expect(l.description.en.length).toBeGreaterThan(10);
    }
    expect(getLevel(4).description.en).toBe('Processes are measured and controlled');
  });

  it('gives all 30 cells a description in Dutch and in English, statement for statement', () => {
    let cells = 0;
    for (const pillar of MATURITY_PILLARS) {
      expect(pillar.definition.nl).not.toBe('');
      expect(pillar.definition.en).not.toBe('');
      expect(pillar.cells.map((c) => c.level)).toEqual([1, 2, 3, 4, 5]);
      for (const cell of pillar.cells) {
        cells++;
        expect(cell.pillar).toBe(pillar.id);
        expect(cell.statements.nl.length, `${pillar.id} level ${cell.level}`).toBeGreaterThanOrEqual(2);
        expect(cell.statements.en.length, `${pillar.id} level ${cell.level}: one English line per Dutch line`).toBe(cell.statements.nl.length);
        for (const text of [...cell.statements.nl, ...cell.statements.en]) expect(text.trim().length).toBeGreaterThan(5);
        // A translation is not a copy: at least one statement per cell must differ between the languages.
        expect(cell.statements.en.some((en, i) => en !== cell.statements.nl[i])).toBe(true);
      }
    }
    expect(cells).toBe(30);
  });

  it('keeps the wording of the source for the cells the domain brief quotes', () => {
    expect(cellStatements('strategy', 3, 'nl')).toContain('Er zijn tactische KPI’s (zoals MQL, SQL, sales follow-up)');
    expect(cellStatements('strategy', 3, 'en')).toContain('There are tactical KPIs (such as MQL, SQL, sales follow-up)');
    expect(cellStatements('people-organisation', 3, 'nl')).toContain('Verantwoordelijkheid bij directielid');
    expect(cellStatements('technology', 5, 'en')).toContain('Platforms are equipped with machine learning to drive personalisation');
    expect(cellStatements('data', 1, 'nl')).toContain('Data zijn vervuild, moeilijk toegankelijk en moeilijk bruikbaar');
    expect(cellStatements('customer-journey', 1, 'nl')).toContain('Productgericht');
    expect(cellStatements('customer-value', 5, 'en')).toContain('Not customer first but customer balanced');
  });

  it('looks pillars up by id and rejects ids that are not pillars', () => {
    expect(getPillar('customer-value').name.nl).toBe('Klantwaarde');
    expect(PillarIdSchema.safeParse('data').success).toBe(true);
    expect(PillarIdSchema.safeParse('marketing').success).toBe(false);
  });
});
