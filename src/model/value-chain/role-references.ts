import type { ModdleElement } from '../moddle-types';
import { forEachContained } from '../walk';
import { getExtension } from './extension';
import type { ValueChainEdit } from './edit';
import { findValueChain } from './locate';

/** Where a role of the catalogue is used. */
export interface RoleUsage {
  /** Activities with a RACI assignment for the role. */
  assignments: ModdleElement[];
  /** Flows whose agreement names the role as provider or receiver. */
  agreements: ModdleElement[];
  /** True when the value chain's owner is this role. */
  owner: boolean;
}

/** Finds every reference to a role id in the model: RACI assignments, agreement roles and the owner. */
export function findRoleUsage(definitions: ModdleElement, roleId: string): RoleUsage {
  const usage: RoleUsage = { assignments: [], agreements: [], owner: findValueChain(definitions)?.owner === roleId };
  forEachContained(definitions, (element) => {
    if (!element.extensionElements || element.$type.startsWith('ml:')) return;
    const step = getExtension(element, 'ml:Step');
    if (step?.assignments?.some((a) => a.role === roleId)) usage.assignments.push(element);
    const agreement = getExtension(element, 'ml:Agreement');
    if (agreement && (agreement.providerRole === roleId || agreement.receiverRole === roleId)) usage.agreements.push(element);
  });
  return usage;
}

/**
 * The edits that remove every reference to a role that leaves the catalogue: its RACI
 * cells are cleared, agreements lose it as provider or receiver (the rest of the
 * agreement stays), and an owner naming it is cleared. Without them the model would
 * point at a role nobody can see or pick any more.
 */
export function roleRemovalEdits(definitions: ModdleElement, roleId: string): Array<{ element: ModdleElement | null; edits: ValueChainEdit[] }> {
  const usage = findRoleUsage(definitions, roleId);
  const batch: Array<{ element: ModdleElement | null; edits: ValueChainEdit[] }> = [];
  for (const activity of usage.assignments) batch.push({ element: activity, edits: [{ kind: 'assignment', roleId, responsibility: null }] });
  for (const flow of usage.agreements) {
    const agreement = getExtension(flow, 'ml:Agreement')!;
    batch.push({
      element: flow,
      edits: [
        {
          kind: 'agreement',
          attrs: {
            ...(agreement.providerRole === roleId ? { providerRole: null } : {}),
            ...(agreement.receiverRole === roleId ? { receiverRole: null } : {})
          }
        }
      ]
    });
  }
  if (usage.owner) batch.push({ element: null, edits: [{ kind: 'valueChain', attrs: { owner: null } }] });
  return batch;
}
