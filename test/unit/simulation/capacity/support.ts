import { parseBpmn } from '../../../../src/model/bpmn-io';
import type { ModdleElement } from '../../../../src/model/moddle-types';

/** A pool of a capacity test model. */
export interface TestPool {
  id: string;
  capacity: number;
  calendar?: string;
  costPerHour?: number;
  role?: string;
}

/** Capacity data and the process content of a test model. */
export interface CapacityXml {
  timeZone?: string;
  calendars?: string;
  pools?: TestPool[];
  arrivals?: string;
  scenarios?: string;
  roles?: string;
  promise?: string;
  content: string;
}

/** A BPMN document whose process carries an ml:valueChain with ml:capacity. */
export function capacityXml(m: CapacityXml): string {
  const pools = (m.pools ?? [])
    .map(
      (p) =>
        `<ml:pool id="${p.id}" name="${p.id}" capacity="${p.capacity}"${p.calendar ? ` calendar="${p.calendar}"` : ''}${p.costPerHour !== undefined ? ` costPerHour="${p.costPerHour}"` : ''}${p.role ? ` role="${p.role}"` : ''} />`
    )
    .join('');
  const capacity =
    m.pools || m.calendars || m.arrivals
      ? `<ml:capacity timeZone="${m.timeZone ?? 'UTC'}">${m.calendars ?? ''}${pools}${m.arrivals ?? ''}${m.scenarios ?? ''}</ml:capacity>`
      : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:ml="http://missinglink.app/schema/bpmn/1.0" id="Definitions" targetNamespace="http://missinglink.app/test">
  <bpmn:process id="Process" isExecutable="false">
    <bpmn:extensionElements><ml:valueChain>${m.promise ?? ''}${m.roles ?? ''}${capacity}</ml:valueChain></bpmn:extensionElements>
    ${m.content}
  </bpmn:process>
</bpmn:definitions>`;
}

/** A task performed by a pool, with a duration distribution in working time. */
export function workTask(id: string, work: string, extra = ''): string {
  return `<bpmn:task id="${id}" name="${id}"><bpmn:extensionElements><ml:step><ml:work ${work} /></ml:step></bpmn:extensionElements>${extra}</bpmn:task>`;
}

/** Start → the given tasks in sequence → end. */
export function chain(...tasks: Array<[id: string, work: string]>): string {
  const ids = ['start', ...tasks.map(([id]) => id), 'end'];
  const flows = ids.slice(1).map((id, i) => `<bpmn:sequenceFlow id="f${i}" sourceRef="${ids[i]}" targetRef="${id}" />`);
  return `<bpmn:startEvent id="start" />${tasks.map(([id, work]) => workTask(id, work)).join('')}<bpmn:endEvent id="end" />${flows.join('')}`;
}

/** A round-the-clock calendar in UTC, as queueing theory assumes. */
export const ROUND_THE_CLOCK = '<ml:calendar id="always" days="mon tue wed thu fri sat sun" hours="00:00-24:00" />';

export async function definitionsOf(xml: string): Promise<ModdleElement> {
  const { definitions, warnings } = await parseBpmn(xml);
  if (warnings.length > 0) throw new Error(`The test model does not parse cleanly: ${warnings.join('; ')}`);
  return definitions;
}
