import { describe, expect, it } from 'vitest';
import { BpmnImportError } from '../../../../src/model/bpmn-io';
import { MAX_ATTRIBUTES_PER_ELEMENT, MAX_NESTING_DEPTH, checkStructureLimits } from '../../../../src/model/layout/limits';

const nested = (depth: number, selfClosingInside = '') => `${'<a>'.repeat(depth)}${selfClosingInside}${'</a>'.repeat(depth)}`;

function refusal(text: string): BpmnImportError {
  try {
    checkStructureLimits(text);
  } catch (error) {
    expect(error).toBeInstanceOf(BpmnImportError);
    return error as BpmnImportError;
  }
  throw new Error('expected a refusal');
}

describe('checkStructureLimits', () => {
  it('accepts nesting up to the limit and refuses one level more, naming the line', () => {
    // given elements nested exactly as deep as allowed, with self-closing elements inside
    expect(() => checkStructureLimits(nested(MAX_NESTING_DEPTH, '<b/><c x="1"/>'))).not.toThrow();
    // when one level more is nested (on line 2)
    const error = refusal(`<?xml version="1.0"?>\n${nested(MAX_NESTING_DEPTH + 1)}`);
    // then the file is refused as invalid with the reason
    expect(error.kind).toBe('invalid');
    expect(error.line).toBe(2);
    expect(error.message).toBe(
      'The file nests elements more than 1,000 levels deep (line 2); real process models stay far below that, so MissingLink does not open it.'
    );
  });

  it('accepts 1,000 attributes on an element and refuses more', () => {
    const element = (n: number) => `<task ${Array.from({ length: n }, (_, i) => `a${i}="${i}"`).join(' ')}/>`;
    expect(() => checkStructureLimits(element(MAX_ATTRIBUTES_PER_ELEMENT))).not.toThrow();
    expect(refusal(element(MAX_ATTRIBUTES_PER_ELEMENT + 1)).message).toBe(
      'The file has an element with 1,001 attributes (line 1); MissingLink opens files with at most 1,000 attributes per element.'
    );
  });

  it('does not count what only looks like tags: comments, CDATA, processing instructions, the DOCTYPE and quoted values', () => {
    const fake = '<a>'.repeat(MAX_NESTING_DEPTH + 5);
    const text = [
      '<?xml version="1.0"?>',
      `<?pi ${fake} ?>`,
      `<!DOCTYPE d [ <!ENTITY e "${fake.replace(/</g, '&lt;')}"> <!-- ${fake} --> ]>`,
      `<d title="${'=>'.repeat(2000)}" other='${fake}'>`,
      `<!-- ${fake} -->`,
      `<x><![CDATA[${fake}]]></x>`,
      '</d>'
    ].join('\n');
    expect(() => checkStructureLimits(text)).not.toThrow();
  });

  it('reads a 10 MB file in well under a second', () => {
    const text = `<d>${'<task id="t" name="Offerte maken"/>'.repeat(280_000)}</d>`;
    const started = performance.now();
    checkStructureLimits(text);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
