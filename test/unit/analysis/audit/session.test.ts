import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../../src/analysis/audit/audit';
import { RULE_IDS } from '../../../../src/analysis/audit/rules';
import { createAuditSession } from '../../../../src/analysis/audit/session';
import { createModdle, parseBpmn } from '../../../../src/model/bpmn-io';
import type { ModdleElement } from '../../../../src/model/moddle-types';
import { getExtension } from '../../../../src/model/value-chain/extension';
import { generateCollaboration } from '../../../../bench/lib/generate-collaboration';
import { AUDIT_DATE, loadFixture, repoFile } from './support';
import { prng } from '../../../support/mutate';

/*
 * The incremental session must always equal a full audit. A seeded generator makes
 * random edits of the kinds the modeler makes (value-chain data, agreements, lane
 * moves, new and deleted flows, tasks and sub-processes, lane names, rule settings,
 * exemptions) on the moddle tree, reports the changed ids the way bpmn-js does (the
 * lanes of a moved shape are not reported; here neither is the content of a new
 * sub-process, nor, once in a while, a new task at all), and compares
 * session.update with runAudit after each edit.
 */

const moddle = createModdle();

type Edit = (defs: ModdleElement) => string[] | undefined;

function editor(seed: number) {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T | undefined => (items.length ? items[Math.floor(random() * items.length)] : undefined);
  let counter = 0;
  const processes = (defs: ModdleElement) => defs.rootElements!.filter((r) => r.$type === 'bpmn:Process');
  const collaboration = (defs: ModdleElement) => defs.rootElements!.find((r) => r.$type === 'bpmn:Collaboration');
  const lanesOf = (process: ModdleElement): ModdleElement[] => {
    const out: ModdleElement[] = [];
    const visit = (sets: ModdleElement[] | undefined) => {
      for (const set of sets ?? []) for (const lane of set.lanes ?? []) {
        out.push(lane);
        if (lane.childLaneSet) visit([lane.childLaneSet]);
      }
    };
    visit(process.laneSets);
    return out;
  };
  const elements = (defs: ModdleElement, type: (e: ModdleElement) => boolean) =>
    processes(defs).flatMap((p) => (p.flowElements ?? []).filter(type));
  const isActivity = (e: ModdleElement) => /Task$|SubProcess$|^bpmn:CallActivity$/.test(e.$type);
  const isFlowNode = (e: ModdleElement) => e.$type !== 'bpmn:SequenceFlow' && e.$type !== 'bpmn:DataObject' && e.$type !== 'bpmn:DataObjectReference';
  const extensions = (bo: ModdleElement): ModdleElement[] => {
    if (!bo.extensionElements) {
      bo.extensionElements = moddle.create('bpmn:ExtensionElements', { values: [] });
      bo.extensionElements.$parent = bo;
    }
    return (bo.extensionElements.values ??= []);
  };
  const flows = (defs: ModdleElement) => [
    ...elements(defs, (e) => e.$type === 'bpmn:SequenceFlow'),
    ...(((collaboration(defs)?.messageFlows as ModdleElement[] | undefined) ?? []) as ModdleElement[])
  ];

  const edits: Record<string, Edit> = {
    kpiTarget(defs) {
      const task = pick(elements(defs, (e) => isActivity(e) && !!getExtension(e, 'ml:Step')?.kpis?.length));
      if (!task) return undefined;
      getExtension(task, 'ml:Step')!.kpis![0].target = pick(['5', '', 'abc', undefined]);
      return [task.id!];
    },
    realisedBudget(defs) {
      const task = pick(elements(defs, (e) => isActivity(e) && !!getExtension(e, 'ml:Step')?.resources));
      if (!task) return undefined;
      getExtension(task, 'ml:Step')!.resources!.realisedBudget = pick(['999999', '0', undefined]);
      return [task.id!];
    },
    accountable(defs) {
      const task = pick(elements(defs, (e) => isActivity(e) && !!getExtension(e, 'ml:Step')?.assignments?.length));
      if (!task) return undefined;
      const a = getExtension(task, 'ml:Step')!.assignments![0];
      a.responsibility = a.responsibility === 'accountable' ? 'responsible' : 'accountable';
      return [task.id!];
    },
    agreement(defs) {
      const flow = pick(flows(defs));
      if (!flow) return undefined;
      const existing = getExtension(flow, 'ml:Agreement');
      if (existing && random() < 0.3) {
        flow.extensionElements!.values = flow.extensionElements!.values!.filter((v: ModdleElement) => v !== existing);
      } else if (existing) {
        existing.status = pick(['agreed', 'draft', 'under-review', 'bogus']);
        existing.reviewDate = pick(['2026-01-01', '2027-01-01', undefined]);
      } else {
        const agreement = moddle.create('ml:Agreement', { deliverable: 'Work', providerRole: 'a', receiverRole: 'b', status: 'agreed' });
        agreement.$parent = flow;
        extensions(flow).push(agreement);
      }
      return [flow.id!];
    },
    moveLane(defs) {
      const process = pick(processes(defs).filter((p) => lanesOf(p).length > 1));
      if (!process) return undefined;
      const lanes = lanesOf(process);
      const node = pick((process.flowElements! ?? []).filter(isFlowNode));
      if (!node) return undefined;
      for (const lane of lanes) if (lane.flowNodeRef) lane.flowNodeRef = lane.flowNodeRef!.filter((n) => n !== node);
      (pick(lanes)!.flowNodeRef ??= []).push(node);
      return [node.id!];
    },
    deleteFlow(defs) {
      const flow = pick(elements(defs, (e) => e.$type === 'bpmn:SequenceFlow'));
      if (!flow) return undefined;
      const container = flow.$parent!;
      container.flowElements = container.flowElements!.filter((e) => e !== flow);
      for (const [end, list] of [[flow.sourceRef, 'outgoing'], [flow.targetRef, 'incoming']] as const) {
        if (end?.[list]) end[list] = (end[list] as ModdleElement[]).filter((f) => f !== flow);
      }
      return [flow.id!, flow.sourceRef?.id, flow.targetRef?.id].filter(Boolean) as string[];
    },
    addFlow(defs) {
      const process = pick(processes(defs));
      const nodes = (process?.flowElements ?? []).filter(isFlowNode);
      const [source, target] = [pick(nodes), pick(nodes)];
      if (!process || !source || !target) return undefined;
      const flow = moddle.create('bpmn:SequenceFlow', { id: `Flow_new_${++counter}`, sourceRef: source, targetRef: target });
      flow.$parent = process;
      process.flowElements!.push(flow);
      return [flow.id!, source.id!, target.id!];
    },
    deleteTask(defs) {
      const task = pick(elements(defs, (e) => isActivity(e) && e.$type !== 'bpmn:SubProcess'));
      if (!task) return undefined;
      const process = task.$parent!;
      const attached = process.flowElements!.filter((e) => e.sourceRef === task || e.targetRef === task);
      process.flowElements = process.flowElements!.filter((e) => e !== task && !attached.includes(e));
      for (const lane of lanesOf(process)) if (lane.flowNodeRef) lane.flowNodeRef = lane.flowNodeRef!.filter((n) => n !== task);
      const collab = collaboration(defs);
      const messages = (collab?.messageFlows ?? []).filter((m) => m.sourceRef === task || m.targetRef === task);
      if (collab) collab.messageFlows = collab.messageFlows!.filter((m) => !messages.includes(m));
      return [task.id!, ...attached.map((f) => f.id!), ...messages.map((m) => m.id!)];
    },
    addTask(defs) {
      const process = pick(processes(defs));
      if (!process) return undefined;
      const task = moddle.create('bpmn:Task', { id: `Task_new_${++counter}`, name: `New task ${counter}` });
      task.$parent = process;
      if (random() < 0.5) {
        const step = moddle.create('ml:Step', { activityGroup: 'preparation' });
        const assignment = moddle.create('ml:Assignment', { role: 'x', responsibility: 'accountable' });
        step.assignments = [assignment];
        assignment.$parent = step;
        step.$parent = task;
        extensions(task).push(step);
      }
      (process.flowElements ??= []).push(task);
      const lane = pick(lanesOf(process));
      if (lane) (lane.flowNodeRef ??= []).push(task);
      return [task.id!];
    },
    addSubProcess(defs) {
      // a sub-process with a task inside, reported by the sub-process's id only
      const process = pick(processes(defs));
      if (!process) return undefined;
      const sub = moddle.create('bpmn:SubProcess', { id: `Sub_new_${++counter}`, name: 'New sub-process' });
      const inner = moddle.create('bpmn:Task', { id: `Task_inner_${counter}`, name: 'Inner task' });
      sub.flowElements = [inner];
      inner.$parent = sub;
      sub.$parent = process;
      (process.flowElements ??= []).push(sub);
      const lane = pick(lanesOf(process));
      if (lane) (lane.flowNodeRef ??= []).push(sub);
      return [sub.id!];
    },
    addTaskUnreported(defs) {
      // a caller that forgets to name a new element: the session must find it anyway
      const process = pick(processes(defs));
      if (!process) return undefined;
      const task = moddle.create('bpmn:Task', { id: `Task_quiet_${++counter}`, name: 'Quietly added' });
      task.$parent = process;
      (process.flowElements ??= []).push(task);
      return [];
    },
    renameLane(defs) {
      const lane = pick(processes(defs).flatMap(lanesOf));
      if (!lane) return undefined;
      lane.name = `Renamed ${++counter}`;
      return [lane.id!];
    },
    ruleSetting(defs) {
      const carrier = collaboration(defs) ?? processes(defs)[0];
      const chain = carrier && getExtension(carrier, 'ml:ValueChain');
      if (!chain) return undefined;
      const setting = moddle.create('ml:RuleSetting', { rule: pick(RULE_IDS), enabled: pick(['true', 'false']), severity: pick(['error', 'info']) });
      setting.$parent = chain;
      (chain.ruleSettings ??= []).push(setting);
      return [carrier.id!];
    },
    exemption(defs) {
      const task = pick(elements(defs, isActivity));
      if (!task) return undefined;
      const exemption = moddle.create('ml:Exemption', { rule: pick(RULE_IDS), reason: 'Decided in review' });
      exemption.$parent = task;
      extensions(task).push(exemption);
      return [task.id!];
    },
    deleteMessageFlow(defs) {
      const collab = collaboration(defs);
      const flow = pick(collab?.messageFlows ?? []);
      if (!collab || !flow) return undefined;
      collab.messageFlows = collab.messageFlows!.filter((m) => m !== flow);
      return [flow.id!];
    }
  };
  const names = Object.keys(edits);
  return () => {
    for (;;) {
      const name = pick(names)!;
      return { name, apply: edits[name]! };
    }
  };
}

async function checkRandomEdits(definitions: ModdleElement, seed: number, count: number) {
  const options = { today: AUDIT_DATE };
  const session = createAuditSession(definitions, options);
  expect(session.result).toEqual(runAudit(definitions, options));
  const next = editor(seed);
  const applied: string[] = [];
  while (applied.length < count) {
    const { name, apply } = next();
    const before = session.result;
    const changed = apply(definitions);
    if (!changed) continue;
    applied.push(name);
    const update = session.update(changed);
    const full = runAudit(definitions, options);
    // then the session's result equals a full re-audit …
    expect(update.result, `after edit ${applied.length} (${name} of ${changed.join(', ')})`).toEqual(full);
    // … and its diff explains the change from the previous result
    const ids = (r: typeof full) => new Set([...r.findings, ...r.exempted].map((f) => f.id));
    const was = ids(before);
    const now = ids(full);
    expect(new Set(update.added.map((f) => f.id))).toEqual(new Set([...now].filter((id) => !was.has(id))));
    expect(new Set(update.removed.map((f) => f.id))).toEqual(new Set([...was].filter((id) => !now.has(id))));
  }
  return applied;
}

describe('createAuditSession: after random edits, the same result as a full audit', () => {
  it('on a generated collaboration of 300 flow nodes with value-chain data', async () => {
    const { definitions } = await parseBpmn(generateCollaboration({ flowNodes: 300, lanes: 5, seed: 3, withValueChain: true }));
    const applied = await checkRandomEdits(definitions, 11, 80);
    // the generator exercised every kind of edit
    expect(new Set(applied).size).toBeGreaterThanOrEqual(14);
  }, 120_000);

  it('on a sample with a sub-process, timers and message flows to the customer', async () => {
    const { definitions } = await parseBpmn(repoFile('processes/nieuwe-productintroductie.bpmn'));
    await checkRandomEdits(definitions, 23, 60);
  }, 120_000);

  it('on nested lanes, collapsed pools and a pool without lanes', async () => {
    await checkRandomEdits(await loadFixture('./handovers-structures.bpmn'), 5, 60);
  }, 120_000);
});

describe('what an update reports', () => {
  it('adds a finding when an edit opens a gap and removes it when the edit is undone', async () => {
    const definitions = await loadFixture('./rules/complete-chain.bpmn');
    const session = createAuditSession(definitions, { today: AUDIT_DATE });
    const flow = definitions.rootElements![1]!.flowElements!.find((e: ModdleElement) => e.id === 'Flow_handover');
    const agreement = getExtension(flow, 'ml:Agreement')!;

    // when the agreement on the handover becomes a draft
    agreement.status = 'draft';
    const opened = session.update(['Flow_handover']);
    expect(opened.added.map((f) => f.id)).toEqual(['handover-agreement|Flow_handover|']);
    expect(opened.removed).toEqual([]);
    expect(opened.result.handovers.find((h) => h.flowId === 'Flow_handover')!.covered).toBe(false);

    // when it is agreed again
    agreement.status = 'agreed';
    const closed = session.update(['Flow_handover']);
    expect(closed.added).toEqual([]);
    expect(closed.removed.map((f) => f.id)).toEqual(['handover-agreement|Flow_handover|']);
    expect(closed.result.findings).toEqual([]);
  });

  it('reports a finding whose message changed as changed, not as removed and added', async () => {
    const definitions = await loadFixture('./rules/resource-overrun.finds.bpmn');
    const session = createAuditSession(definitions, { today: AUDIT_DATE });
    const task = definitions.rootElements![1]!.flowElements!.find((e: ModdleElement) => e.id === 'Task_qualify');
    getExtension(task, 'ml:Step')!.resources!.realisedBudget = '1300';
    const update = session.update(['Task_qualify']);
    expect(update.added).toEqual([]);
    expect(update.removed).toEqual([]);
    expect(update.changed.map((f) => f.message)).toEqual(['“Qualify request” used a budget of EUR 1300, 30 % above the planned EUR 1000 (tolerance 10 %).']);
  });

  it('follows a task into another lane when only the resized lanes are reported, also when the lanes list two objects under one id', async () => {
    for (const twin of [false, true]) {
      const { definitions } = await parseBpmn(generateCollaboration({ flowNodes: 60, lanes: 3, seed: 4, withValueChain: true }));
      const process = definitions.rootElements!.find((r) => r.id === 'Process_organisation')!;
      const lanes = process.laneSets![0].lanes as ModdleElement[];
      // A listed stand-in sharing an id with a gateway turns the lookup of nodes by object off.
      if (twin) {
        const gateway = process.flowElements!.find((e) => e.$type === 'bpmn:ExclusiveGateway')!;
        lanes[2]!.flowNodeRef!.push(moddle.create('bpmn:ExclusiveGateway', { id: gateway.id }));
      }
      const session = createAuditSession(definitions, { today: AUDIT_DATE });
      const withFindings = new Set(session.result.findings.map((f) => f.elementId));
      const task = process.flowElements!.find((e) => e.$type === 'bpmn:Task' && lanes[0]!.flowNodeRef!.includes(e) && withFindings.has(e.id!))!;
      // when resizing the lanes moves the task from the first lane into the second
      lanes[0]!.flowNodeRef!.splice(lanes[0]!.flowNodeRef!.indexOf(task), 1);
      lanes[1]!.flowNodeRef!.push(task);
      const update = session.update([lanes[0]!.id!, lanes[1]!.id!]);
      // then its findings are in the new lane, as a full audit has them
      expect(update.result).toEqual(runAudit(definitions, { today: AUDIT_DATE }));
      expect(update.result.findings.find((f) => f.elementId === task.id)!.laneId).toBe(lanes[1]!.id);
      expect(update.changed.some((f) => f.elementId === task.id)).toBe(true);
    }
  });

  it('re-audits with new options on reset', async () => {
    const session = createAuditSession(await loadFixture('./rules/kpi-realised.finds.bpmn'), { today: AUDIT_DATE });
    expect(session.result.findings).toHaveLength(2);
    const update = session.reset({ today: '2026-07-01' });
    expect(update.removed.map((f) => f.subject)).toEqual(['Kpi_unusable']);
    expect(session.result.today).toBe('2026-07-01');
  });
});
