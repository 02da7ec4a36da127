import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../../../src/model/bpmn-io';
import type { ModdleElement } from '../../../../src/model/moddle-types';
import { prepareImport } from '../../../../src/model/layout';

const sample = readFileSync(new URL('../../../../processes/klachtafhandeling.bpmn', import.meta.url), 'utf8');

/** The DI element with this id in the prepared file, read back. */
async function diOf(xml: string, id: string): Promise<ModdleElement | undefined> {
  const { definitions } = await parseBpmn(xml);
  for (const diagram of definitions.diagrams as ModdleElement[]) {
    const found = diagram.plane!.planeElement!.find((e) => e.id === id);
    if (found) return found;
  }
  return undefined;
}

describe('prepareImport repairs diagram coordinates bpmn-js cannot draw', () => {
  it('removes label bounds without a height (they froze the tab) and keeps the rest of the diagram', async () => {
    // given the start event's label bounds lost their height to a flipped byte
    const xml = sample.replace('<dc:Bounds x="265" y="89" width="90" height="42" />', '<dc:Bounds x="265" y="89" width="90",height="42" />');
    // when the file is prepared for import
    const prepared = await prepareImport(xml);
    // then the label has no bounds (bpmn-js places it), the shape keeps its place, nothing was laid out anew
    const shape = await diOf(prepared.xml, 'kl_k_start_di');
    expect(shape!.label?.bounds).toBeUndefined();
    expect(shape!.bounds).toMatchObject({ x: 292, y: 137, width: 36, height: 36 });
    expect(prepared.layout).toBeUndefined();
    expect(prepared.warnings.join('\n')).toContain('label position of kl_k_start_di was unreadable');
  });

  it('gives a gateway without width its default size', async () => {
    // given a gateway shape whose width is not a number
    const xml = sample.replace(/(<bpmndi:BPMNShape id="kl_gw_oorzaak_di"[^>]*>\s*<dc:Bounds [^>]*?)width="\d+"/, '$1width="wide"');
    expect(xml).not.toBe(sample);
    // when it is prepared
    const prepared = await prepareImport(xml);
    // then the gateway is 50 wide again and the model was not laid out anew
    const shape = await diOf(prepared.xml, 'kl_gw_oorzaak_di');
    expect((shape!.bounds as ModdleElement).width).toBe(50);
    expect(prepared.layout).toBeUndefined();
  });

  it('lays the model out anew when a shape has no position', async () => {
    // given a task shape without y
    const xml = sample.replace(/(<bpmndi:BPMNShape id="kl_tussenbericht_di"[^>]*>\s*<dc:Bounds [^>]*?)y="\d+"/, '$1');
    expect(xml).not.toBe(sample);
    // when it is prepared
    const prepared = await prepareImport(xml);
    // then the incomplete diagram is laid out, and every shape has finite bounds
    expect(prepared.layout?.reason).toBe('incomplete-diagram');
    const shape = await diOf(prepared.xml, 'kl_tussenbericht_di');
    const bounds = shape!.bounds as ModdleElement;
    expect([bounds.x, bounds.y, bounds.width, bounds.height].every(Number.isFinite)).toBe(true);
  });

  it('draws a line anew when only one of its points is readable', async () => {
    // given one edge with an unreadable second point
    const xml = sample.replace('<di:waypoint x="790" y="475" />', '<di:waypoint x="790" y="" />');
    // when it is prepared
    const prepared = await prepareImport(xml);
    // then the flow has a line of finite points again
    expect(prepared.layout?.reason).toBe('missing-edges');
    const edge = await diOf(prepared.xml, 'kl_f_geregistreerd_di');
    const points = edge!.waypoint as ModdleElement[];
    expect(points.length).toBeGreaterThanOrEqual(2);
    expect(points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
  });

  it('leaves a sound file byte for byte as it is', async () => {
    expect((await prepareImport(sample)).xml).toBe(sample);
  });
});
