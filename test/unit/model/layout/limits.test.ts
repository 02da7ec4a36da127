import { describe, expect, it } from 'vitest';
import { BpmnImportError } from '../../../../src/model/bpmn-io';
import {
  MAX_ATTRIBUTES_PER_ELEMENT,
  MAX_CONNECTIONS,
  MAX_LABEL_CHARACTERS,
  MAX_LANES,
  MAX_NAME_LENGTH,
  MAX_NESTING_DEPTH,
  MAX_SHAPES,
  MAX_TEXT_LENGTH,
  checkStructureLimits
} from '../../../../src/model/layout/limits';
import {
  deepNesting,
  definitions,
  doctypeBypass,
  longAnnotation,
  longGroupLabel,
  manyFlows,
  manyLanes,
  manyLongNames,
  prefixedName
} from '../../../support/attacks';

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
    // other attributes, and attributes whose name only ends in "name", may be long
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

  it('reads a 10 MB file to the end, counting every element (its speed is measured by bench/structure-limits.ts)', () => {
    const text = `<d>${'<ml:kpi id="t" title="Offerte maken"/>'.repeat(280_000)}</d>`;
    expect(checkStructureLimits(text)).toMatchObject({ elements: 280_001, shapes: 0, connections: 0, labelCharacters: 0 });
  });

  it('reads a quoted system literal holding "[" as part of the DOCTYPE, not as an internal subset', () => {
    // given the DOCTYPE trick of issue 12: `[` inside the quoted literal, `]>` in a trailing comment
    // when the file nests 20,000 levels, or holds a 2-million-character name
    // then the limits still hold
    expect(refusal(doctypeBypass(`${'<bpmn:subProcess>'.repeat(20_000)}${'</bpmn:subProcess>'.repeat(20_000)}`)).message).toMatch(
      /nests elements more than 1,000 levels deep/
    );
    expect(refusal(doctypeBypass(`<bpmn:task id="t" name="${'n'.repeat(2_000_000)}"/>`)).message).toMatch(/name of 2,000,000 characters/);
    // and a real internal subset with quoted `]>` and comments is still skipped whole
    const subset = `<!DOCTYPE d PUBLIC "-//x//[y" 'sys]>' [ <!ENTITY e "]>"> <!-- ]> --> <?pi ]> ?> ]>\n`;
    expect(checkStructureLimits(definitions('<bpmn:task id="t"/>', undefined, subset)).shapes).toBe(1);
    expect(refusal(`${subset}${'<a>'.repeat(MAX_NESTING_DEPTH + 1)}`).kind).toBe('invalid');
  });

  it.each([
    ['a prefixed bpmn:name', prefixedName(), /name of 2,000,000 characters/],
    ['a text annotation', longAnnotation(), /text annotation of 5,000,000 characters/],
    ['a text annotation in CDATA', longAnnotation(20_000, true), /text annotation of 20,000 characters/],
    ['a group label (categoryValue value)', longGroupLabel(), /group label of 2,000,000 characters/],
    ['documentation', definitions(`<bpmn:task id="t"><bpmn:documentation>${'d'.repeat(MAX_TEXT_LENGTH + 1)}</bpmn:documentation></bpmn:task>`), /text of 100,001 characters/],
    [
      'documentation split by comments',
      definitions(`<bpmn:task id="t"><bpmn:documentation>${`${'d'.repeat(30_000)}<!-- c -->`.repeat(4)}</bpmn:documentation></bpmn:task>`),
      /text of 120,000 characters/
    ],
    ['any other attribute', definitions(`<bpmn:task id="t" ml:x="${'v'.repeat(MAX_TEXT_LENGTH + 1)}"/>`), /attribute value of 100,001 characters/],
    ['300 names of 9,990 characters', manyLongNames(), /more than 1,000,000 characters of names and texts on the diagram/]
  ])('refuses %s over the limit, naming it', (_what, text, message) => {
    const error = refusal(text);
    expect(error.kind).toBe('invalid');
    expect(error.message).toMatch(message);
  });

  it('accepts labels up to the per-file budget', () => {
    const names = Array.from({ length: MAX_LABEL_CHARACTERS / 1000 }, (_, k) => `<bpmn:task id="t${k}" name="${'x'.repeat(1000)}"/>`).join('');
    expect(checkStructureLimits(definitions(names)).labelCharacters).toBe(MAX_LABEL_CHARACTERS);
    expect(refusal(definitions(`${names}<bpmn:task id="z" name="y"/>`)).message).toMatch(/more than 1,000,000 characters of names/);
  });

  it('counts shapes, connections and lanes, and refuses files with more than the limit', () => {
    expect(checkStructureLimits(manyFlows(MAX_CONNECTIONS))).toMatchObject({ connections: MAX_CONNECTIONS, shapes: 2 });
    expect(refusal(manyFlows()).message).toMatch(/more than 25,000 connections/);
    expect(checkStructureLimits(manyLanes(MAX_LANES)).lanes).toBe(MAX_LANES);
    expect(refusal(manyLanes()).message).toMatch(/more than 1,000 lanes/);
    expect(refusal(manyLanes(50_000, true)).message).toMatch(/more than 1,000 lanes/);
    const tasks = (count: number) => definitions(Array.from({ length: count }, (_, k) => `<bpmn:userTask id="t${k}"/>`).join(''));
    expect(checkStructureLimits(tasks(MAX_SHAPES)).shapes).toBe(MAX_SHAPES);
    expect(refusal(tasks(MAX_SHAPES + 1)).message).toMatch(/more than 25,000 elements to draw/);
  });

  it('refuses the 20,000-deep nesting without the DOCTYPE trick too', () => {
    expect(refusal(deepNesting()).message).toMatch(/more than 1,000 levels/);
  });
});
