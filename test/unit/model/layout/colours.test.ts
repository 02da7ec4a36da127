import { describe, expect, it } from 'vitest';
import { isPlainColour, withoutRemoteReferences } from '../../../../src/model/layout/colours';
import { prepareImport } from '../../../../src/model/layout/prepare-import';
import { definitions } from '../../../support/attacks';

const COLOUR_NS = 'xmlns:color="http://www.omg.org/spec/BPMN/non-normative/color/1.0" xmlns:bioc="http://bpmn.io/schema/bpmn/biocolor/1.0" ';

function coloured(attributes: string): string {
  return definitions(
    '<bpmn:task id="t" name="T"/>',
    `<bpmndi:BPMNShape id="t_di" bpmnElement="t" ${attributes}><dc:Bounds x="0" y="0" width="100" height="80"/></bpmndi:BPMNShape>`
  ).replace('<bpmn:definitions ', `<bpmn:definitions ${COLOUR_NS}`);
}

describe('colours of an imported diagram', () => {
  it('keeps plain colour values', () => {
    for (const value of ['#fff', '#FFE0B2', '#11223344', 'rgb(1, 2, 3)', 'rgba(1,2,3,0.5)', 'hsl(120deg 50% 50%)', 'orange']) expect(isPlainColour(value)).toBe(true);
    for (const value of ['url(https://x.example/p.png)', 'url(#m)', 'red;fill:url(x)', 'var(--x)', 'expression(alert(1))', '']) expect(isPlainColour(value)).toBe(false);
  });

  it('removes colours that point outside the file, with a warning, and keeps the others', async () => {
    // given a shape whose fill points at a remote address, in both colour vocabularies
    const xml = coloured('color:background-color="url(https://evil.example/p.png)" color:border-color="#123456" bioc:fill="url(&quot;https://x.example/y&quot;)" bioc:stroke="red"');
    // when it is imported
    const prepared = await prepareImport(xml);
    // then no remote address is left, the plain colours are, and the user is told
    expect(prepared.xml).not.toMatch(/https?:\/\/(evil|x)\.example/);
    expect(prepared.xml).toContain('color:border-color="#123456"');
    expect(prepared.xml).toContain('bioc:stroke="red"');
    expect(prepared.warnings).toEqual([
      'The colour "url(https://evil.example/p.png)" of t is not a plain colour value and was removed.',
      'The colour "url("https://x.example/y")" of t is not a plain colour value and was removed.'
    ]);
  });

  it('leaves a file with plain colours unchanged, byte for byte', async () => {
    const xml = coloured('color:background-color="#ffe0b2" color:border-color="rgb(1, 2, 3)"');
    expect((await prepareImport(xml)).xml).toBe(xml);
  });
});

describe('withoutRemoteReferences', () => {
  it('turns every url() that leaves the SVG into none and drops outside hrefs, keeping references inside it', () => {
    const svg =
      '<svg><path style="fill: url(&quot;https://evil.example/p.png&quot;); stroke: url(\'http://e.example/s\'); marker-end: url(&quot;#sequenceflow-end&quot;)"/>' +
      '<rect style="fill:url(https://e.example)"/><use href="#m"/><image href="https://e.example/i.png"/><a xlink:href="https://e.example">x</a></svg>';
    const clean = withoutRemoteReferences(svg);
    expect(clean).not.toMatch(/example/);
    expect(clean).toContain('marker-end: url(&quot;#sequenceflow-end&quot;)');
    expect(clean).toContain('<use href="#m"/>');
  });
});
