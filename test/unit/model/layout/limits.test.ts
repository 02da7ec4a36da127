import { describe, expect, it } from 'vitest';
import { BpmnImportError } from '../../../../src/model/bpmn-io';
import { MAX_ATTRIBUTES_PER_ELEMENT, MAX_NAME_LENGTH, MAX_NESTING_DEPTH, checkStructureLimits } from '../../../../src/model/layout/limits';

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

  it('accepts names up to 10,000 characters and refuses longer ones (bpmn-js would measure the label for minutes)', () => {
    const task = (name: string, extra = '') => `<bpmn:task id="t"${extra} name="${name}"/>`;
    expect(() => checkStructureLimits(task('x'.repeat(MAX_NAME_LENGTH)))).not.toThrow();
    // other attributes and names of other attributes (surname, bpmn:name) may be long
    expect(() => checkStructureLimits(task('kort', ` surname="${'y'.repeat(MAX_NAME_LENGTH * 3)}"`))).not.toThrow();
    expect(() => checkStructureLimits(`<x:a xmlns:x="u" x:dataname='${'z'.repeat(MAX_NAME_LENGTH * 3)}'/>`)).not.toThrow();
    const error = refusal(`<?xml version="1.0"?>\n<bpmn:definitions>\n${task('Klantbelofte '.repeat(1000))}</bpmn:definitions>`);
    expect(error.line).toBe(3);
    expect(error.message).toBe('The file has a name of 13,000 characters (line 3); MissingLink opens names of at most 10,000 characters.');
    expect(refusal(`<task name = '${'n'.repeat(MAX_NAME_LENGTH + 1)}'/>`).kind).toBe('invalid');
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
