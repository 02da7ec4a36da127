import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { parseIsoDuration } from '../../../src/model/duration';
import type { ModdleElement } from '../../../src/model/moddle-types';
import { getExtension, getExtensions } from '../../../src/model/value-chain/extension';
import descriptor from '../../../src/model/value-chain/missinglink.json';
import { runBatch } from '../../../src/simulation/batch';
import { compileModel } from '../../../src/simulation/compile';
import {
  ACTIVITY_GROUPS,
  AGREEMENT_STATUSES,
  DEPARTMENT_KINDS,
  KPI_DIRECTIONS,
  OBJECTIVE_GROUPS,
  RESPONSIBILITIES,
  STEP_LEVELS
} from '../../../src/model/value-chain/schema';
import {
  allFlowElements,
  allLanes,
  collaborationOf,
  coveredByLabels,
  laneCrossingFlows,
  notHorizontal,
  overlappingShapes,
  processesOf,
  undrawnElements,
  untidyFlows
} from './diagram-checks';

/*
 * The sample processes are the app's embedded default and the demo of every
 * feature, so they must open cleanly here and in other BPMN tools, look tidy, use
 * our vocabulary exactly, and keep the gaps an audit is meant to find.
 */

const PROCESSES_DIR = join(import.meta.dirname, '../../../processes');
/** The samples are dated for an audit in late 2026; "ended" and "overdue" are measured from here. */
const AUDIT_DATE = '2026-11-22';

interface Sample {
  file: string;
  definitions: ModdleElement;
  warnings: string[];
}

const files = readdirSync(PROCESSES_DIR)
  .filter((f) => f.endsWith('.bpmn'))
  .sort();

const samples: Sample[] = await Promise.all(
  files.map(async (file) => {
    const moddle = new BpmnModdle({ ml: descriptor });
    const { rootElement, warnings } = await moddle.fromXML(readFileSync(join(PROCESSES_DIR, file), 'utf8'));
    return { file, definitions: rootElement, warnings: warnings.map((w) => w.message) };
  })
);

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const isDecimal = (text: unknown) => typeof text === 'string' && DECIMAL.test(text);
const isDate = (text: unknown) =>
  typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
const isDuration = (text: unknown) => typeof text === 'string' && parseIsoDuration(text) !== undefined;

function activities(definitions: ModdleElement): ModdleElement[] {
  return processesOf(definitions)
    .flatMap(allFlowElements)
    .filter((e) => /Task$|^bpmn:SubProcess$|^bpmn:CallActivity$/.test(e.$type));
}

function steps(definitions: ModdleElement): Array<{ activity: ModdleElement; step: ModdleElement }> {
  return activities(definitions).flatMap((activity) => {
    const step = getExtension(activity, 'ml:Step');
    return step ? [{ activity, step }] : [];
  });
}

function valueChain(definitions: ModdleElement): ModdleElement | undefined {
  return getExtension(collaborationOf(definitions), 'ml:ValueChain');
}

function roleIds(definitions: ModdleElement): Set<string> {
  return new Set(((valueChain(definitions)?.roles ?? []) as ModdleElement[]).map((r) => r.id!));
}

/** Every handover: lane-crossing sequence flows and message flows, each with its agreement if any. */
function handovers(definitions: ModdleElement): Array<{ flow: ModdleElement; agreement?: ModdleElement }> {
  const flows = [
    ...processesOf(definitions).flatMap(laneCrossingFlows),
    ...((collaborationOf(definitions)?.messageFlows ?? []) as ModdleElement[])
  ];
  return flows.map((flow) => ({ flow, agreement: getExtension(flow, 'ml:Agreement') }));
}

function kpis(definitions: ModdleElement): ModdleElement[] {
  return steps(definitions).flatMap(({ step }) => (step.kpis ?? []) as ModdleElement[]);
}

function accountables(step: ModdleElement): number {
  return ((step.assignments ?? []) as ModdleElement[]).filter((a) => a.responsibility === 'accountable').length;
}

describe('the sample processes', () => {
  it('ship at least four value chains', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(files).toEqual(
      expect.arrayContaining(['nieuwe-productintroductie.bpmn', 'van-lead-tot-order.bpmn', 'retentiecampagne-topklanten.bpmn', 'klachtafhandeling.bpmn'])
    );
  });

  describe.each(samples)('$file', ({ definitions, warnings }) => {
    const processes = processesOf(definitions);
    const collaboration = collaborationOf(definitions)!;
    const participants = (collaboration?.participants ?? []) as ModdleElement[];

    it('parses with our extension without a single warning', () => {
      expect(warnings).toEqual([]);
      expect(collaboration).toBeDefined();
    });

    it('draws every pool, lane, flow node and flow, with horizontal pools and lanes', () => {
      expect(undrawnElements(definitions)).toEqual([]);
      expect(notHorizontal(definitions)).toEqual([]);
    });

    it('has no shapes on top of each other, no labels covering shapes, and right-angled flows around the shapes', () => {
      expect(overlappingShapes(definitions)).toEqual([]);
      expect(coveredByLabels(definitions)).toEqual([]);
      expect(untidyFlows(definitions)).toEqual([]);
    });

    it('keeps the customer in a pool of its own and the departments in lanes of the organisation', () => {
      const customerPools = participants.filter((p) => getExtension(p, 'ml:Department')?.kind === 'customer');
      expect(customerPools).toHaveLength(1);
      const organisation = participants.find((p) => p !== customerPools[0])!;
      const departmentLanes = allLanes(organisation.processRef!).filter((l) => getExtension(l, 'ml:Department')?.kind === 'department');
      expect(departmentLanes.length).toBeGreaterThanOrEqual(3);
      const customerProcess = customerPools[0]!.processRef as ModdleElement;
      const customerNodes = allFlowElements(customerProcess);
      expect(customerNodes.some((e) => e.$type === 'bpmn:StartEvent')).toBe(true);
      expect(customerNodes.some((e) => e.$type === 'bpmn:EndEvent')).toBe(true);
    });

    it('puts every flow node of the organisation in exactly one lane', () => {
      for (const process of processes.filter((p) => allLanes(p).length > 0)) {
        const topLevel = ((process.flowElements ?? []) as ModdleElement[]).filter((e) => e.$type !== 'bpmn:SequenceFlow');
        for (const node of topLevel) {
          const lanes = allLanes(process).filter((l) => ((l.flowNodeRef ?? []) as ModdleElement[]).includes(node));
          expect(lanes.map((l) => l.id), node.id).toHaveLength(1);
        }
      }
    });

    it('has at least three handovers between lanes and two message flows between the pools', () => {
      expect(processes.flatMap(laneCrossingFlows).length).toBeGreaterThanOrEqual(3);
      expect(((collaboration.messageFlows ?? []) as ModdleElement[]).length).toBeGreaterThanOrEqual(2);
    });

    it('is a realistic size of 15 to 35 flow nodes with gateways, an intermediate event and a parallel split and join', () => {
      const nodes = processes.flatMap(allFlowElements).filter((e) => e.$type !== 'bpmn:SequenceFlow');
      expect(nodes.length).toBeGreaterThanOrEqual(15);
      expect(nodes.length).toBeLessThanOrEqual(35);
      const parallel = nodes.filter((n) => n.$type === 'bpmn:ParallelGateway');
      expect(parallel.some((g) => g.outgoing!.length > 1)).toBe(true);
      expect(parallel.some((g) => g.incoming!.length > 1)).toBe(true);
      expect(nodes.some((n) => n.$type === 'bpmn:ExclusiveGateway' && n.outgoing!.length > 1)).toBe(true);
      expect(
        nodes.some((n) => n.$type === 'bpmn:IntermediateCatchEvent' && n.eventDefinitions?.some((d: ModdleElement) => /Timer|Message/.test(d.$type)))
      ).toBe(true);
    });

    it('labels the outgoing flows of deciding gateways with a Dutch condition, the default flow without an expression', () => {
      const deciding = processes
        .flatMap(allFlowElements)
        .filter((e) => e.$type === 'bpmn:ExclusiveGateway' && e.outgoing!.length > 1);
      for (const gateway of deciding) {
        for (const flow of gateway.outgoing as ModdleElement[]) {
          expect(flow.name, flow.id).toMatch(/\S/);
          if (flow === gateway.default) expect(flow.conditionExpression, flow.id).toBeUndefined();
          else expect(flow.conditionExpression?.body, flow.id).toMatch(/\S/);
        }
      }
    });

    it('gives the probabilities of every deciding gateway a total of 100 percent', () => {
      const deciding = processes
        .flatMap(allFlowElements)
        .filter((e) => /Exclusive|Inclusive|EventBased/.test(e.$type) && e.outgoing!.length > 1);
      expect(deciding.length).toBeGreaterThan(0);
      for (const gateway of deciding) {
        const probabilities = gateway.outgoing!.map((f) => getExtension(f, 'ml:Simulation')?.probability);
        expect(probabilities.every(isDecimal), gateway.id).toBe(true);
        expect(probabilities.reduce((sum, p) => sum + Number(p), 0), gateway.id).toBeCloseTo(100, 6);
      }
    });

    it('feeds the simulation: an arrival interval on the customer start, delays, loop and boundary probabilities that parse', () => {
      const customer = participants.find((p) => getExtension(p, 'ml:Department')?.kind === 'customer')!;
      const start = allFlowElements(customer.processRef!).find((e) => e.$type === 'bpmn:StartEvent')!;
      expect(isDuration(getExtension(start, 'ml:Simulation')?.arrivalInterval)).toBe(true);
      for (const element of processes.flatMap(allFlowElements)) {
        for (const sim of getExtensions(element, 'ml:Simulation')) {
          for (const key of ['probability', 'repeatProbability'] as const) {
            if (sim[key] === undefined) continue;
            expect(isDecimal(sim[key]), `${element.id} ${key}`).toBe(true);
            expect(Number(sim[key])).toBeGreaterThanOrEqual(0);
            expect(Number(sim[key])).toBeLessThanOrEqual(100);
          }
          for (const key of ['arrivalInterval', 'delay'] as const) {
            if (sim[key] !== undefined) expect(isDuration(sim[key]), `${element.id} ${key}`).toBe(true);
          }
        }
      }
    });

    it('runs in the simulation to the end of every case: no deadlock, endless loop, dead end or unreachable element', () => {
      // Given the sample compiled for the simulation
      const model = compileModel(definitions);
      expect(model.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(model.unreachable).toEqual([]);
      expect(model.nodes.filter((n) => n.deadEnd).map((n) => n.id)).toEqual([]);
      // When 1,000 cases run
      const result = runBatch(model, { cases: 1000, seed: 7 });
      // Then every case completes and reaches one of the customer's end events
      expect(result.outcomes).toEqual({ completed: 1000, deadlock: 0, stepLimit: 0, aborted: 0 });
      expect(result.customerEndShare).toBe(1);
      expect(result.flags.filter((f) => ['deadlock', 'step-limit', 'dead-end', 'unreachable'].includes(f.kind))).toEqual([]);
    });

    it('records a step with a known activity group and level on every activity', () => {
      const all = activities(definitions);
      expect(steps(definitions)).toHaveLength(all.length);
      for (const { activity, step } of steps(definitions)) {
        expect(ACTIVITY_GROUPS, activity.id).toContain(step.activityGroup);
        expect(STEP_LEVELS, activity.id).toContain(step.level);
      }
    });

    it('uses only roles from the catalogue, with known responsibilities', () => {
      const roles = roleIds(definitions);
      expect(roles.size).toBeGreaterThanOrEqual(6);
      expect(roles.size).toBeLessThanOrEqual(10);
      expect(roles).toContain(valueChain(definitions)!.owner);
      for (const { activity, step } of steps(definitions)) {
        for (const a of (step.assignments ?? []) as ModdleElement[]) {
          expect(roles, activity.id).toContain(a.role);
          expect(RESPONSIBILITIES, activity.id).toContain(a.responsibility);
        }
      }
      for (const { flow, agreement } of handovers(definitions)) {
        if (!agreement) continue;
        expect(roles, flow.id).toContain(agreement.providerRole);
        expect(roles, flow.id).toContain(agreement.receiverRole);
      }
    });

    it('writes KPIs as SMART objectives in the stored vocabulary', () => {
      const all = kpis(definitions);
      expect(all.length).toBeGreaterThan(0);
      for (const kpi of all) {
        expect(kpi.name, kpi.id).toMatch(/\S/);
        expect(OBJECTIVE_GROUPS, kpi.id).toContain(kpi.objectiveGroup);
        expect(KPI_DIRECTIONS, kpi.id).toContain(kpi.direction);
        expect(isDecimal(kpi.target), kpi.id).toBe(true);
        if (kpi.realised !== undefined) expect(isDecimal(kpi.realised), kpi.id).toBe(true);
        for (const key of ['periodStart', 'periodEnd'] as const) if (kpi[key] !== undefined) expect(isDate(kpi[key]), kpi.id).toBe(true);
        if (kpi.periodStart && kpi.periodEnd) expect(kpi.periodStart <= kpi.periodEnd, kpi.id).toBe(true);
        for (const m of (kpi.measurements ?? []) as ModdleElement[]) {
          expect(isDecimal(m.value), kpi.id).toBe(true);
          expect([m.periodStart, m.periodEnd, m.recordedOn].every(isDate), kpi.id).toBe(true);
        }
      }
    });

    it('keeps resources in the budget group of their step and durations in ISO 8601', () => {
      for (const { activity, step } of steps(definitions)) {
        const resources = step.resources as ModdleElement | undefined;
        if (resources) {
          expect(resources.budgetGroup, activity.id).toBe(step.activityGroup);
          expect(resources.currency, activity.id).toMatch(/^[A-Z]{3}$/);
          for (const key of ['plannedBudget', 'realisedBudget', 'plannedHours', 'realisedHours']) {
            expect(isDecimal(resources[key]), `${activity.id} ${key}`).toBe(true);
          }
        }
        const duration = step.duration as ModdleElement | undefined;
        expect(duration, activity.id).toBeDefined();
        const stored = ['planned', 'min', 'mostLikely', 'max', 'realisedAverage'].filter((k) => duration![k] !== undefined);
        for (const key of stored) expect(isDuration(duration![key]), `${activity.id} ${key}`).toBe(true);
        const triangle = ['min', 'mostLikely', 'max'].map((k) => parseIsoDuration(duration![k] as string | undefined));
        if (triangle.some((h) => h !== undefined)) {
          expect(triangle[0]! <= triangle[1]! && triangle[1]! <= triangle[2]!, activity.id).toBe(true);
        } else {
          expect(isDuration(duration!.planned), activity.id).toBe(true);
        }
      }
    });

    it('records agreements, departments and the value chain in the stored vocabulary', () => {
      for (const { flow, agreement } of handovers(definitions)) {
        if (!agreement) continue;
        expect(AGREEMENT_STATUSES, flow.id).toContain(agreement.status);
        expect(agreement.deliverable, flow.id).toMatch(/\S/);
        expect(isDuration(agreement.dueWithin), flow.id).toBe(true);
        for (const key of ['agreedOn', 'reviewDate'] as const) if (agreement[key] !== undefined) expect(isDate(agreement[key]), flow.id).toBe(true);
      }
      const departments = [...participants, ...processes.flatMap(allLanes)].flatMap((e) => getExtensions(e, 'ml:Department'));
      for (const department of departments) expect(DEPARTMENT_KINDS).toContain(department.kind);
      const chain = valueChain(definitions)!;
      expect(chain.valueProposition).toMatch(/\S/);
      const promise = chain.customerPromise as ModdleElement | undefined;
      if (promise) {
        expect(promise.measure).toBe('lead-time');
        expect(isDuration(promise.target)).toBe(true);
        expect(['true', 'false']).toContain(promise.workingDays);
      }
    });
  });

  describe('keep the gaps an audit is meant to find (listed in processes/README.md)', () => {
    const all = samples.map((s) => s.definitions);

    it('leave 20 to 30 percent of the handovers without an agreement or with a draft one', () => {
      const list = all.flatMap(handovers);
      const open = list.filter(({ agreement }) => !agreement || agreement.status === 'draft');
      expect(open.length / list.length).toBeGreaterThanOrEqual(0.2);
      expect(open.length / list.length).toBeLessThanOrEqual(0.3);
      expect(list.some(({ agreement }) => !agreement)).toBe(true);
      expect(list.some(({ agreement }) => agreement?.status === 'draft')).toBe(true);
    });

    it('have an agreed handover whose review date has passed', () => {
      const overdue = all.flatMap(handovers).filter(({ agreement }) => agreement?.status === 'agreed' && String(agreement.reviewDate) < AUDIT_DATE);
      expect(overdue.length).toBeGreaterThanOrEqual(1);
    });

    it('have steps without an accountable role and steps with two', () => {
      const counts = all.flatMap(steps).map(({ step }) => accountables(step));
      expect(counts.filter((n) => n === 0).length).toBeGreaterThanOrEqual(2);
      expect(counts.filter((n) => n === 2).length).toBeGreaterThanOrEqual(2);
    });

    it('have a KPI without a unit, one without a period, and one whose period ended without a realised value', () => {
      const list = all.flatMap(kpis);
      expect(list.some((k) => k.unit === undefined)).toBe(true);
      expect(list.some((k) => k.periodStart === undefined && k.periodEnd === undefined)).toBe(true);
      expect(list.some((k) => k.periodEnd! < AUDIT_DATE && k.realised === undefined && k.evidence === undefined)).toBe(true);
    });

    it('have a step without resources and a realised budget 25 percent over plan', () => {
      const list = all.flatMap(steps);
      expect(list.some(({ step }) => !step.resources)).toBe(true);
      const overruns = list.filter(({ step }) => step.resources && Number(step.resources.realisedBudget) >= 1.25 * Number(step.resources.plannedBudget));
      expect(overruns.map(({ activity }) => activity.id)).toHaveLength(1);
    });

    it('leave the complaint handling without a customer promise', () => {
      const complaints = samples.find((s) => s.file === 'klachtafhandeling.bpmn')!;
      expect(valueChain(complaints.definitions)!.customerPromise).toBeUndefined();
      for (const other of samples.filter((s) => s !== complaints)) expect(valueChain(other.definitions)!.customerPromise).toBeDefined();
    });
  });
});
