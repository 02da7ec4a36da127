import type { ModdleElement } from '../moddle-types';

/*
 * Where the process-wide value chain lives. One ml:ValueChain (owner, value
 * proposition, customer promise, role catalogue, rule settings, improvement actions)
 * governs a model: the collaboration's, else the first process's that has one. The
 * editor, the audit and the simulation all find it here, the same way.
 */

/** Reads one property of a moddle element; the editor passes one that sees edits not yet applied. */
export type PropertyReader = (element: ModdleElement, property: string) => unknown;

/** Reads the property as it is on the element. */
export const readLive: PropertyReader = (element, property) => element[property];

/** The elements that may carry the value chain, in the order they are searched: collaborations first, then processes. */
export function valueChainCarriers(roots: Iterable<ModdleElement>): ModdleElement[] {
  const all = [...roots];
  return [...all.filter((r) => r.$type === 'bpmn:Collaboration'), ...all.filter((r) => r.$type === 'bpmn:Process')];
}

/** The ml:ValueChain that governs the model (collaboration first, else a process), if any. */
export function findValueChain(definitions: ModdleElement, read: PropertyReader = readLive): ModdleElement | undefined {
  return findValueChainIn(rootElementsOf(definitions), read);
}

/** The governing ml:ValueChain among the given root elements. */
export function findValueChainIn(roots: Iterable<ModdleElement>, read: PropertyReader = readLive): ModdleElement | undefined {
  for (const root of valueChainCarriers(roots)) {
    const valueChain = extensionOf(root, 'ml:ValueChain', read);
    if (valueChain) return valueChain;
  }
  return undefined;
}

/** The element a new ml:ValueChain goes on: the collaboration shown in the main diagram, else its process. */
export function valueChainHost(definitions: ModdleElement): ModdleElement | undefined {
  const shown = definitions.diagrams?.[0]?.plane?.bpmnElement as ModdleElement | undefined;
  if (shown && (shown.$type === 'bpmn:Collaboration' || shown.$type === 'bpmn:Process')) return shown;
  return valueChainCarriers(rootElementsOf(definitions))[0];
}

/** The BPMN element that carries an ml: element (walks up past extensionElements and ml: parents). */
export function carrierOf(extension: ModdleElement, read: PropertyReader = readLive): ModdleElement | undefined {
  let current = read(extension, '$parent') as ModdleElement | undefined;
  while (current && (current.$type === 'bpmn:ExtensionElements' || current.$type.startsWith('ml:')))
    current = read(current, '$parent') as ModdleElement | undefined;
  return current;
}

/** The stored roles of the value chain's catalogue. */
export function catalogueRoles(definitions: ModdleElement): ModdleElement[] {
  return listOf(findValueChain(definitions), 'roles');
}

/** The stored improvement actions of a model, in the order they were recorded. */
export function storedActions(definitions: ModdleElement): ModdleElement[] {
  return listOf(findValueChain(definitions), 'actions');
}

/** A many-valued property as a list (empty when absent). */
export function listOf(element: ModdleElement | undefined, property: string, read: PropertyReader = readLive): ModdleElement[] {
  const value = element ? read(element, property) : undefined;
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}

/** The first extension element of `type` on `host`, read through `read`. */
export function extensionOf(host: ModdleElement, type: string, read: PropertyReader = readLive): ModdleElement | undefined {
  const container = read(host, 'extensionElements') as ModdleElement | undefined;
  return container ? listOf(container, 'values', read).find((v) => v.$type === type) : undefined;
}

function rootElementsOf(definitions: ModdleElement): ModdleElement[] {
  return definitions.rootElements ?? [];
}
