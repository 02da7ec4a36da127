import { prng } from '../../test/support/mutate';

/*
 * Large BPMN models for benchmarks: a deterministic collaboration of a customer pool
 * and an organisation pool with lanes, drawn on a grid with full DI, so import,
 * rendering, audit and save can be measured on 1,000 or 10,000 flow nodes.
 *
 * The organisation's process is one left-to-right chain of small blocks: single
 * tasks, exclusive and parallel gateway pairs (two branches, one row apart in the
 * same lane), loops back over a task, and message exchanges with the customer.
 * Blocks switch lanes regularly, so the chain crosses lanes (handovers) all along.
 * Every column of the grid belongs to one block in one lane; that is what keeps
 * shapes apart and lets message flows run straight up to the customer pool.
 */

/** Options of generateCollaboration. */
export interface GenerateCollaborationOptions {
  /** Exact number of flow nodes in the file, both pools together; at least MIN_FLOW_NODES. */
  flowNodes: number;
  /** Lanes of the organisation pool (the customer pool has one lane of its own). */
  lanes?: number;
  /** Seed of the pseudo-random choices; the same options give the same XML. */
  seed?: number;
  /** Adds ml: value-chain data: steps, roles, departments, agreements on part of the handovers, simulation data. */
  withValueChain?: boolean;
}

/** The smallest model the generator makes: two start and two end events, two message exchanges, two more steps. */
export const MIN_FLOW_NODES = 8;

const COL = 150;
const ROW = 120;
const LANE_ROWS = 2;
const POOL_X = 100;
const HEADER = 30;
const FIRST_CX = POOL_X + 2 * HEADER + 80;
const CUSTOMER_Y = 40;
const CUSTOMER_H = 150;
const ORG_Y = CUSTOMER_Y + CUSTOMER_H + 60;
const SIZE = { task: [100, 80], event: [36, 36], gateway: [50, 50] } as const;

const LANE_NAMES = ['Marketing', 'Verkoop', 'Productie', 'Klantenservice', 'Financiën', 'Inkoop', 'Logistiek', 'HR', 'IT', 'Juridische zaken'];
const OBJECTS = ['Offerte', 'Order', 'Lead', 'Klantvraag', 'Factuur', 'Campagne', 'Levering', 'Contract', 'Klacht', 'Rapportage', 'Mailing', 'Planning'];
const VERBS = ['controleren', 'opstellen', 'beoordelen', 'versturen', 'registreren', 'plannen', 'afstemmen', 'verwerken', 'evalueren', 'goedkeuren'];
const GROUPS = ['preparation', 'sowing', 'harvest', 'handling'] as const;
type Group = (typeof GROUPS)[number];
const KPI_OF_GROUP: Record<Group, { name: string; group: string; unit: string; direction: string; target: number }> = {
  preparation: { name: 'Op tijd gereed', group: 'throughput', unit: '%', direction: 'at-least', target: 95 },
  sowing: { name: 'Klantcontacten', group: 'sowing', unit: 'contacten', direction: 'at-least', target: 200 },
  harvest: { name: 'Omzet', group: 'harvest-short', unit: 'EUR', direction: 'at-least', target: 50000 },
  handling: { name: 'Foutloos afgehandeld', group: 'throughput', unit: '%', direction: 'at-least', target: 98 }
};

type Kind = 'task' | 'sendTask' | 'startEvent' | 'endEvent' | 'catchMessage' | 'throwMessage' | 'exclusiveGateway' | 'parallelGateway';
const ID_PREFIX: Record<Kind, string> = {
  task: 'Activity',
  sendTask: 'Activity',
  startEvent: 'Event',
  endEvent: 'Event',
  catchMessage: 'Event',
  throwMessage: 'Event',
  exclusiveGateway: 'Gateway',
  parallelGateway: 'Gateway'
};
const TAG: Record<Kind, string> = {
  task: 'task',
  sendTask: 'sendTask',
  startEvent: 'startEvent',
  endEvent: 'endEvent',
  catchMessage: 'intermediateCatchEvent',
  throwMessage: 'intermediateThrowEvent',
  exclusiveGateway: 'exclusiveGateway',
  parallelGateway: 'parallelGateway'
};

interface Node {
  id: string;
  kind: Kind;
  name?: string;
  /** Lane index in the organisation pool; -1 is the customer lane. */
  lane: number;
  col: number;
  row: number;
  incoming: string[];
  outgoing: string[];
  /** Default flow of an exclusive gateway. */
  defaultFlow?: string;
}

interface Flow {
  id: string;
  source: Node;
  target: Node;
  name?: string;
  condition?: string;
  probability?: number;
  /** Waypoints; computed from the grid when the flow is created. */
  points: Array<[number, number]>;
}

interface MessageFlow {
  id: string;
  name: string;
  source: Node;
  target: Node;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * Generates a deterministic BPMN 2.0 collaboration with exactly `flowNodes` flow
 * nodes: a customer pool (start, message events, end) and an organisation pool whose
 * chain of tasks and gateway pairs crosses its `lanes` lanes, with full DI.
 */
export function generateCollaboration({ flowNodes, lanes = 6, seed = 1, withValueChain = false }: GenerateCollaborationOptions): string {
  if (!Number.isInteger(flowNodes) || flowNodes < MIN_FLOW_NODES) {
    throw new RangeError(`flowNodes must be a whole number of at least ${MIN_FLOW_NODES}, not ${flowNodes}.`);
  }
  if (!Number.isInteger(lanes) || lanes < 1) throw new RangeError(`lanes must be a whole number of at least 1, not ${lanes}.`);
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  // A few message exchanges with the customer: two for small models, up to twelve for big ones.
  const messages = Math.min(12, Math.max(2, Math.round(flowNodes / 200)));
  const customerCount = 2 + messages;
  const chainCount = flowNodes - customerCount - 2; // organisation nodes between its start and end

  const nodes: Node[] = [];
  const flows: Flow[] = [];
  const messageFlows: MessageFlow[] = [];
  let nodeSeq = 0;
  let flowSeq = 0;
  const node = (kind: Kind, lane: number, col: number, row: number, name?: string): Node => {
    const n: Node = { id: `${ID_PREFIX[kind]}_${++nodeSeq}`, kind, name, lane, col, row, incoming: [], outgoing: [] };
    nodes.push(n);
    return n;
  };
  const taskName = () => `${pick(OBJECTS)} ${pick(VERBS)} ${nodeSeq + 1}`;

  // ---- the organisation's chain, block by block
  let lane = 0;
  let col = 0;
  const connect = (from: Node, to: Node, extra: Partial<Flow> = {}) => {
    const f: Flow = { id: `Flow_${++flowSeq}`, source: from, target: to, points: [], ...extra };
    from.outgoing.push(f.id);
    to.incoming.push(f.id);
    flows.push(f);
    return f;
  };
  // The open ends of the chain; a loop check's forward flow gets its label when the next block connects.
  let exits: Array<{ node: Node; forward?: Partial<Flow> }> = [{ node: node('startEvent', lane, col++, 0, 'Aanvraag ontvangen') }];
  const enter = (entry: Node) => {
    for (const { node: from, forward } of exits) {
      const f = connect(from, entry, forward);
      if (forward) from.defaultFlow = f.id;
    }
  };

  let produced = 0;
  let messagesLeft = messages;
  const messageAt = (i: number) => Math.round(((i + 1) * chainCount) / (messages + 1));
  const exchanges: Array<{ org: Node; toCustomer: boolean }> = [];
  while (produced < chainCount) {
    if (random() < 0.35 && lanes > 1) lane = (lane + 1 + Math.floor(random() * (lanes - 1))) % lanes;
    const remaining = chainCount - produced;
    const messageIndex = messages - messagesLeft;
    if (messagesLeft > 0 && (produced >= messageAt(messageIndex) || remaining === messagesLeft)) {
      const toCustomer = messageIndex % 2 === 0;
      const n = toCustomer
        ? node('sendTask', lane, col++, 0, `Bericht ${messageIndex + 1} aan klant sturen`)
        : node('catchMessage', lane, col++, 0, `Reactie ${messageIndex + 1} van klant ontvangen`);
      enter(n);
      exits = [{ node: n }];
      exchanges.push({ org: n, toCustomer });
      messagesLeft--;
      produced++;
      continue;
    }
    const room = remaining - messagesLeft;
    const roll = random();
    if (roll < 0.3 && room >= 4) {
      // a choice or parallel work: two branches one row apart in the lane, joined again
      const exclusive = roll < 0.15;
      const kind = exclusive ? 'exclusiveGateway' : 'parallelGateway';
      const split = node(kind, lane, col, 0, exclusive ? 'Akkoord?' : undefined);
      const a = node('task', lane, col + 1, 0, taskName());
      const b = node('task', lane, col + 1, 1, taskName());
      const join = node(kind, lane, col + 2, 0);
      enter(split);
      if (exclusive) {
        const p = 50 + 5 * Math.floor(random() * 7);
        connect(split, a, { name: 'ja', condition: 'akkoord = ja', probability: p });
        split.defaultFlow = connect(split, b, { name: 'nee', probability: 100 - p }).id;
      } else {
        connect(split, a);
        connect(split, b);
      }
      connect(a, join);
      connect(b, join);
      exits = [{ node: join }];
      col += 3;
      produced += 4;
    } else if (roll < 0.4 && room >= 3) {
      // a loop back: redo the task until it is right
      const merge = node('exclusiveGateway', lane, col, 0);
      const task = node('task', lane, col + 1, 0, taskName());
      const check = node('exclusiveGateway', lane, col + 2, 0, 'Gereed?');
      enter(merge);
      connect(merge, task);
      connect(task, check);
      connect(check, merge, { name: 'opnieuw', condition: 'gereed = nee', probability: 20 });
      exits = [{ node: check, forward: { name: 'ja', probability: 80 } }];
      col += 3;
      produced += 3;
    } else {
      const task = node('task', lane, col++, 0, taskName());
      enter(task);
      exits = [{ node: task }];
      produced++;
    }
  }
  enter(node('endEvent', lane, col, 0, 'Aanvraag afgehandeld'));

  // ---- the customer's chain, aligned with the organisation's message nodes
  const customerStart = node('startEvent', -1, 0, 0, 'Klant heeft een vraag');
  let previous = customerStart;
  for (const [i, { org, toCustomer }] of exchanges.entries()) {
    const c = toCustomer
      ? node('catchMessage', -1, org.col, 0, `Bericht ${i + 1} ontvangen`)
      : node('throwMessage', -1, org.col, 0, `Reactie ${i + 1} gegeven`);
    connect(previous, c);
    previous = c;
    messageFlows.push({
      id: `MessageFlow_${i + 1}`,
      name: toCustomer ? `Bericht ${i + 1}` : `Reactie ${i + 1}`,
      source: toCustomer ? org : c,
      target: toCustomer ? c : org
    });
  }
  const customerEnd = node('endEvent', -1, col, 0, 'Klant ontvangt antwoord');
  connect(previous, customerEnd);

  // ---- geometry
  const laneY = (l: number) => (l < 0 ? CUSTOMER_Y : ORG_Y + l * LANE_ROWS * ROW);
  const centre = (n: Node): [number, number] => [FIRST_CX + n.col * COL, n.lane < 0 ? CUSTOMER_Y + CUSTOMER_H / 2 : laneY(n.lane) + n.row * ROW + ROW / 2];
  const size = (n: Node) => (n.kind === 'task' || n.kind === 'sendTask' ? SIZE.task : n.kind.endsWith('Gateway') ? SIZE.gateway : SIZE.event);
  const box = (n: Node) => {
    const [cx, cy] = centre(n);
    const [w, h] = size(n);
    return { x: cx - w / 2, y: cy - h / 2, w, h, cx, cy };
  };
  for (const f of flows) f.points = route(box(f.source), box(f.target), f.source.lane === f.target.lane);
  const poolWidth = FIRST_CX + col * COL + 100 - POOL_X;

  // ---- XML
  const out: string[] = [];
  const push = (s: string) => out.push(s);
  const laneName = (l: number) => LANE_NAMES[l] ?? `Afdeling ${l + 1}`;
  const roles = withValueChain ? valueChainRoles(lanes, laneName) : [];
  push('<?xml version="1.0" encoding="UTF-8"?>');
  push(
    '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" ' +
      'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      `xmlns:ml="http://missinglink.app/schema/bpmn/1.0" id="Definitions_generated" targetNamespace="http://missinglink.app/bench/generated" exporter="MissingLink bench generator" exporterVersion="1">`
  );
  push(`<collaboration id="Collaboration_generated" name="Gegenereerde waardeketen (${flowNodes} stappen)">`);
  if (withValueChain) {
    push('<extensionElements><ml:valueChain owner="rol-1-manager" valueProposition="Snel en betrouwbaar antwoord op elke klantvraag">');
    push('<ml:customerPromise text="Antwoord binnen 10 werkdagen" measure="lead-time" target="P10D" workingDays="true" />');
    for (const r of roles) push(`<ml:role id="${r.id}" name="${esc(r.name)}" department="${esc(r.department)}" />`);
    push('</ml:valueChain></extensionElements>');
  }
  push(`<participant id="Participant_customer" name="Klant" processRef="Process_customer">${withValueChain ? '<extensionElements><ml:department kind="customer" name="Klant" /></extensionElements>' : ''}</participant>`);
  push('<participant id="Participant_organisation" name="Organisatie" processRef="Process_organisation" />');
  for (const m of messageFlows) {
    push(`<messageFlow id="${m.id}" name="${m.name}" sourceRef="${m.source.id}" targetRef="${m.target.id}">`);
    if (withValueChain && random() < 0.7) {
      const [provider, receiver] = m.source.lane < 0 ? ['rol-klant', `rol-${m.target.lane + 1}-medewerker`] : [`rol-${m.source.lane + 1}-medewerker`, 'rol-klant'];
      push(`<extensionElements>${agreementXml(random, m.name, provider, receiver)}</extensionElements>`);
    }
    push('</messageFlow>');
  }
  push('</collaboration>');

  const writeProcess = (processId: string, name: string, laneIds: number[]) => {
    push(`<process id="${processId}" name="${name}" isExecutable="false">`);
    push(`<laneSet id="LaneSet_${processId}">`);
    for (const l of laneIds) {
      const laneNodes = nodes.filter((n) => n.lane === l);
      const dept = l < 0 ? 'kind="customer" name="Klant"' : `kind="department" name="${esc(laneName(l))}"`;
      push(`<lane id="${laneId(l)}" name="${esc(l < 0 ? 'Klant' : laneName(l))}">`);
      if (withValueChain) push(`<extensionElements><ml:department ${dept} /></extensionElements>`);
      for (const n of laneNodes) push(`<flowNodeRef>${n.id}</flowNodeRef>`);
      push('</lane>');
    }
    push('</laneSet>');
    const inProcess = (n: Node) => laneIds.includes(n.lane);
    for (const n of nodes.filter(inProcess)) push(nodeXml(n, withValueChain, random));
    for (const f of flows.filter((f) => inProcess(f.source))) push(flowXml(f, withValueChain, random));
    push('</process>');
  };
  writeProcess('Process_customer', 'Klant', [-1]);
  writeProcess(
    'Process_organisation',
    'Organisatie',
    Array.from({ length: lanes }, (_, i) => i)
  );

  push('<bpmndi:BPMNDiagram id="Diagram_generated"><bpmndi:BPMNPlane id="Plane_generated" bpmnElement="Collaboration_generated">');
  const shape = (id: string, x: number, y: number, w: number, h: number, horizontal = false) =>
    push(`<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"${horizontal ? ' isHorizontal="true"' : ''}><dc:Bounds x="${x}" y="${y}" width="${w}" height="${h}" /></bpmndi:BPMNShape>`);
  shape('Participant_customer', POOL_X, CUSTOMER_Y, poolWidth, CUSTOMER_H, true);
  shape(laneId(-1), POOL_X + HEADER, CUSTOMER_Y, poolWidth - HEADER, CUSTOMER_H, true);
  shape('Participant_organisation', POOL_X, ORG_Y, poolWidth, lanes * LANE_ROWS * ROW, true);
  for (let l = 0; l < lanes; l++) shape(laneId(l), POOL_X + HEADER, laneY(l), poolWidth - HEADER, LANE_ROWS * ROW, true);
  for (const n of nodes) {
    const b = box(n);
    shape(n.id, b.x, b.y, b.w, b.h);
  }
  const edge = (id: string, points: Array<[number, number]>) =>
    push(`<bpmndi:BPMNEdge id="${id}_di" bpmnElement="${id}">${points.map(([x, y]) => `<di:waypoint x="${x}" y="${y}" />`).join('')}</bpmndi:BPMNEdge>`);
  for (const f of flows) edge(f.id, f.points);
  for (const m of messageFlows) {
    const s = box(m.source);
    const t = box(m.target);
    edge(m.id, s.cy < t.cy ? [[s.cx, s.y + s.h], [t.cx, t.y]] : [[s.cx, s.y], [t.cx, t.y + t.h]]);
  }
  push('</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>');
  push('</definitions>');
  return out.join('\n') + '\n';
}

function laneId(l: number): string {
  return l < 0 ? 'Lane_customer' : `Lane_${l + 1}`;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  cx: number;
  cy: number;
}

/**
 * Right-angled waypoints on the grid: straight along a row; within a lane from a
 * split gateway down then across and into a join across then up; between lanes
 * through the free gap between two columns; back to an earlier column through the
 * empty row below the block.
 */
function route(s: Box, t: Box, sameLane: boolean): Array<[number, number]> {
  if (t.cx < s.cx) {
    const gutter = s.cy + ROW;
    return [[s.cx, s.y + s.h], [s.cx, gutter], [t.cx, gutter], [t.cx, t.y + t.h]];
  }
  if (s.cy === t.cy) return [[s.x + s.w, s.cy], [t.x, t.cy]];
  if (sameLane && s.w === SIZE.gateway[0]) return [[s.cx, t.cy > s.cy ? s.y + s.h : s.y], [s.cx, t.cy], [t.x, t.cy]];
  if (sameLane && t.w === SIZE.gateway[0]) return [[s.x + s.w, s.cy], [t.cx, s.cy], [t.cx, t.cy > s.cy ? t.y : t.y + t.h]];
  const mid = (s.x + s.w + t.x) / 2;
  return [[s.x + s.w, s.cy], [mid, s.cy], [mid, t.cy], [t.x, t.cy]];
}

function valueChainRoles(lanes: number, laneName: (l: number) => string): Array<{ id: string; name: string; department: string }> {
  const roles = [{ id: 'rol-klant', name: 'Klant', department: 'Klant' }];
  for (let l = 0; l < lanes; l++) {
    roles.push({ id: `rol-${l + 1}-manager`, name: `Manager ${laneName(l)}`, department: laneName(l) });
    roles.push({ id: `rol-${l + 1}-medewerker`, name: `Medewerker ${laneName(l)}`, department: laneName(l) });
  }
  return roles;
}

function agreementXml(random: () => number, deliverable: string, provider: string, receiver: string): string {
  const status = random() < 0.85 ? 'agreed' : 'draft';
  const dates = status === 'agreed' ? ' agreedOn="2026-01-15" reviewDate="2027-01-15"' : '';
  return `<ml:agreement deliverable="${esc(deliverable)}" criteria="Volledig en foutloos" dueWithin="P${1 + Math.floor(random() * 5)}D" providerRole="${provider}" receiverRole="${receiver}" status="${status}"${dates} />`;
}

function nodeXml(n: Node, withValueChain: boolean, random: () => number): string {
  const tag = TAG[n.kind];
  const attrs = `id="${n.id}"${n.name ? ` name="${esc(n.name)}"` : ''}${n.defaultFlow ? ` default="${n.defaultFlow}"` : ''}`;
  const parts: string[] = [];
  if (withValueChain) {
    if (n.kind === 'task' || n.kind === 'sendTask') parts.push(`<extensionElements>${stepXml(n, random)}</extensionElements>`);
    else if (n.kind === 'startEvent' && n.incoming.length === 0) parts.push('<extensionElements><ml:simulation arrivalInterval="PT1H" /></extensionElements>');
    else if (n.kind === 'catchMessage' && n.lane >= 0) parts.push('<extensionElements><ml:simulation delay="PT4H" /></extensionElements>');
  }
  for (const i of n.incoming) parts.push(`<incoming>${i}</incoming>`);
  for (const o of n.outgoing) parts.push(`<outgoing>${o}</outgoing>`);
  if (n.kind === 'catchMessage' || n.kind === 'throwMessage') parts.push(`<messageEventDefinition id="${n.id}_message" />`);
  return `<${tag} ${attrs}>${parts.join('')}</${tag}>`;
}

function stepXml(n: Node, random: () => number): string {
  const group = GROUPS[Math.floor(random() * GROUPS.length)]!;
  const lane = n.lane + 1;
  // As in real models, one step in twenty lacks an accountable role and a third has no KPI yet.
  const accountable = random() < 0.95 ? `<ml:assignment role="rol-${lane}-manager" responsibility="accountable" />` : '';
  let kpi = '';
  if (random() < 0.65) {
    const k = KPI_OF_GROUP[group];
    const realised = Math.round(k.target * (0.8 + random() * 0.4));
    kpi = `<ml:kpi id="${n.id}_kpi" name="${k.name}" objectiveGroup="${k.group}" unit="${k.unit}" direction="${k.direction}" target="${k.target}" realised="${realised}" periodStart="2026-01-01" periodEnd="2026-03-31" />`;
  }
  const planned = 500 * (1 + Math.floor(random() * 20));
  const spent = Math.round(planned * (0.8 + random() * 0.4));
  const hours = 4 * (1 + Math.floor(random() * 10));
  const likely = 1 + Math.floor(random() * 8);
  // currency is left out: EUR is the default
  return (
    `<ml:step activityGroup="${group}" level="task">` +
    accountable +
    `<ml:assignment role="rol-${lane}-medewerker" responsibility="responsible" />` +
    kpi +
    `<ml:resources budgetGroup="${group}" plannedBudget="${planned}" realisedBudget="${spent}" plannedHours="${hours}" realisedHours="${Math.round(hours * (0.8 + random() * 0.5))}" />` +
    `<ml:duration min="PT${likely}H" mostLikely="PT${likely * 2}H" max="PT${likely * 4}H" realisedAverage="PT${likely * 2 + 1}H" />` +
    '</ml:step>'
  );
}

function flowXml(f: Flow, withValueChain: boolean, random: () => number): string {
  const attrs = `id="${f.id}"${f.name ? ` name="${f.name}"` : ''} sourceRef="${f.source.id}" targetRef="${f.target.id}"`;
  const ext: string[] = [];
  if (withValueChain) {
    if (f.probability !== undefined) ext.push(`<ml:simulation probability="${f.probability}" />`);
    const crossesLanes = f.source.lane !== f.target.lane;
    if (crossesLanes && random() < 0.7) {
      ext.push(agreementXml(random, `Overdracht ${f.source.name ?? f.source.id}`, `rol-${f.source.lane + 1}-medewerker`, `rol-${f.target.lane + 1}-medewerker`));
    }
  }
  const body =
    (ext.length ? `<extensionElements>${ext.join('')}</extensionElements>` : '') +
    (f.condition ? `<conditionExpression xsi:type="tFormalExpression">${esc(f.condition)}</conditionExpression>` : '');
  return body ? `<sequenceFlow ${attrs}>${body}</sequenceFlow>` : `<sequenceFlow ${attrs} />`;
}
