import { describe, expect, it } from 'vitest';
import { chainCarriers, walkModel, type AuditableKind } from '../../../../src/analysis/audit/model-walk';
import type { ModdleElement } from '../../../../src/model/moddle-types';
import { loadFixture } from './support';

describe('walkModel', () => {
  it('records the kind of every auditable element and reports each activity and flow as it reaches it', async () => {
    // given a model with pools, nested lanes, message flows and a sub-process
    const definitions = await loadFixture('./handovers-structures.bpmn');
    const visited: Array<[string, AuditableKind, number]> = [];
    const walk = walkModel(definitions, { onAuditable: (element, kind, position) => visited.push([element.id!, kind, position]) });
    // then the kinds run parallel to the auditable elements
    const kindOf = (e: ModdleElement): AuditableKind =>
      e.$type === 'bpmn:SequenceFlow' ? 'sequence' : e.$type === 'bpmn:MessageFlow' ? 'message' : e.$type === 'bpmn:Collaboration' || e.$type === 'bpmn:Process' ? 'chain' : 'activity';
    expect(walk.kinds).toEqual(walk.auditable.map(kindOf));
    // and every activity and flow was reported once, in document order, with its place
    const expected = walk.auditable.flatMap((e, i) => (walk.kinds[i] === 'chain' ? [] : [[e.id!, walk.kinds[i]!, i] as [string, AuditableKind, number]]));
    expect(visited).toEqual(expected);
    expect(visited.some(([id]) => id === 'Sub_flow1')).toBe(true);
    // and the chain's carriers are the walk's, without walking
    expect(chainCarriers(definitions)).toEqual({ collaborations: walk.collaborations, processes: walk.processes });
  });
});
