import { describe, expect, it } from 'vitest';
import { createModdle, parseBpmn, serializeBpmn } from '../../../../src/model/bpmn-io';
import type { ModdleElement } from '../../../../src/model/moddle-types';
import { attributeUpdate } from '../../../../src/model/value-chain/edit';
import { attributeNames, type MlElementType } from '../../../../src/model/value-chain/schema';
import { forEachContained } from '../../../../src/model/walk';

const SKELETON = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_rt" targetNamespace="http://missinglink.app/test">
  <bpmn:collaboration id="Collaboration_rt">
    <bpmn:participant id="Participant_customer" name="Customer" />
    <bpmn:participant id="Participant_org" name="Organisation" processRef="Process_rt" />
    <bpmn:messageFlow id="Message_rt" sourceRef="Task_rt" targetRef="Participant_customer" />
  </bpmn:collaboration>
  <bpmn:process id="Process_rt">
    <bpmn:laneSet id="LaneSet_rt">
      <bpmn:lane id="Lane_rt" name="Marketing"><bpmn:flowNodeRef>Task_rt</bpmn:flowNodeRef></bpmn:lane>
    </bpmn:laneSet>
    <bpmn:task id="Task_rt" name="Mail customers" />
    <bpmn:endEvent id="End_rt" />
    <bpmn:sequenceFlow id="Flow_rt" sourceRef="Task_rt" targetRef="End_rt" />
  </bpmn:process>
</bpmn:definitions>`;

/** Creates an ml: element with its attributes stored as text (blank ones left out) and its children attached. */
function createExtension(
  moddle: ReturnType<typeof createModdle>,
  type: MlElementType,
  attrs: Record<string, string | number | boolean | null | undefined> = {},
  childElements: Record<string, ModdleElement | ModdleElement[]> = {}
): ModdleElement {
  const stored = Object.fromEntries(Object.entries(attributeUpdate(type, attrs)).filter(([, v]) => v !== undefined));
  const element = moddle.create(type, stored);
  for (const [property, value] of Object.entries(childElements)) {
    element[property] = value;
    for (const child of Array.isArray(value) ? value : [value]) child.$parent = element;
  }
  return element;
}

/** Every ml element of a tree as plain data: type, host and all stored attributes, in document order. */
function mlContent(definitions: ModdleElement): Array<{ type: string; host: string; attrs: Record<string, unknown> }> {
  const out: Array<{ type: string; host: string; attrs: Record<string, unknown> }> = [];
  forEachContained(definitions, (element) => {
    if (!element.$type.startsWith('ml:')) return;
    let host = element.$parent;
    while (host && (host.$type.startsWith('ml:') || host.$type === 'bpmn:ExtensionElements')) host = host.$parent;
    const attrs: Record<string, unknown> = {};
    for (const name of attributeNames(element.$type as MlElementType)) if (element[name] !== undefined) attrs[name] = element[name];
    out.push({ type: element.$type, host: host?.id ?? '?', attrs });
  });
  return out;
}

/** One element of every ml type, each attribute filled with a distinct value (valid or not: the format keeps both). */
function sample(type: MlElementType): Record<string, string> {
  return Object.fromEntries(attributeNames(type).map((name, i) => [name, `${type.slice(3)}-${name}-${i} & <"'>`]));
}

describe('every ml type survives parse -> serialize -> parse', () => {
  it('writes and reads back all elements and attributes unchanged', async () => {
    // given a small collaboration with one element of every ml type added through createExtension
    const moddle = createModdle();
    const { definitions } = await parseBpmn(SKELETON, { moddle });
    const byId = (id: string) => {
      let found: ModdleElement | undefined;
      forEachContained(definitions, (e) => {
        if (e.id === id) found = e;
      });
      return found!;
    };
    const attach = (host: ModdleElement, ...extensions: ModdleElement[]) => {
      host.extensionElements = moddle.create('bpmn:ExtensionElements', { values: extensions });
      host.extensionElements.$parent = host;
      for (const e of extensions) e.$parent = host.extensionElements;
    };
    const ext = (type: MlElementType, children: Record<string, ModdleElement | ModdleElement[]> = {}) =>
      createExtension(moddle, type, sample(type), children);
    attach(
      byId('Collaboration_rt'),
      ext('ml:ValueChain', {
        customerPromise: ext('ml:CustomerPromise'),
        roles: [ext('ml:Role'), createExtension(moddle, 'ml:Role', { id: 'role-2', name: 'Second' })],
        ruleSettings: [ext('ml:RuleSetting')]
      })
    );
    attach(byId('Lane_rt'), ext('ml:Department'));
    attach(byId('Participant_customer'), createExtension(moddle, 'ml:Department', { kind: 'customer', name: 'Customers' }));
    attach(
      byId('Task_rt'),
      ext('ml:Step', {
        assignments: [ext('ml:Assignment')],
        kpis: [ext('ml:Kpi', { measurements: [ext('ml:Measurement'), ext('ml:Measurement')] })],
        resources: ext('ml:Resources'),
        duration: ext('ml:Duration')
      }),
      ext('ml:Simulation'),
      ext('ml:Exemption'),
      createExtension(moddle, 'ml:Exemption', { rule: 'second-rule', reason: 'a second exemption on the same element' })
    );
    attach(byId('Flow_rt'), ext('ml:Agreement'), ext('ml:Simulation'));
    attach(byId('Message_rt'), ext('ml:Agreement'));
    const before = mlContent(definitions);
    expect(new Set(before.map((e) => e.type)).size).toBe(14);

    // when it is serialized and parsed again
    const xml = await serializeBpmn(definitions);
    const reread = await parseBpmn(xml);

    // then it reads without warnings, with the same ml content, and serializes identically
    expect(reread.warnings).toEqual([]);
    expect(mlContent(reread.definitions)).toEqual(before);
    expect(await serializeBpmn(reread.definitions)).toBe(xml);
    // and the XML uses the documented element names
    for (const tag of ['valueChain', 'customerPromise', 'role', 'ruleSetting', 'department', 'step', 'assignment', 'kpi', 'measurement', 'resources', 'duration', 'agreement', 'simulation', 'exemption']) {
      expect(xml).toContain(`<ml:${tag} `);
    }
    expect(xml).toContain('xmlns:ml="http://missinglink.app/schema/bpmn/1.0"');
  });
});
