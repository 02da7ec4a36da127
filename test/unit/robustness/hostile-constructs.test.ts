import { describe, expect, it } from 'vitest';
import { describeHostileGroup } from './hostile-support';

const outcomes = describeHostileGroup('constructs');

describe('hostile files (constructs): entities', () => {
  it('never expanded an entity, read a local file or took a DOCTYPE into the model', () => {
    const bombs = outcomes.filter((o) => o.variant.family === 'entity-expansion' || o.variant.family === 'external-entity');
    expect(bombs.length).toBe(14);
    for (const o of bombs) {
      if (o.result === 'refused') continue;
      // what the modeler gets is about as large as the file (an unexpanded &big; is written back as &amp;big;):
      // nothing was expanded or included
      expect(o.xml!.length, o.variant.id).toBeLessThan(2 * o.variant.bytes.length + 2000);
      expect(o.xml, o.variant.id).not.toMatch(/(lol){3}|root:x:0|x{1000}/);
      expect(o.xml, o.variant.id).not.toContain('<!ENTITY');
    }
  });
});
