import type { BpmnModdle } from 'bpmn-moddle';
import { createModdle } from '../../../model/bpmn-io';
import type { ModdleElement } from '../../../model/moddle-types';
import { ML_NAMESPACE } from '../../../model/value-chain/extension';
import descriptor from '../../../model/value-chain/missinglink.json';
import { walkModel } from '../model-walk';

/*
 * bpmnlint's own command line parses with a bpmn-moddle that does not know our ml:
 * package, so the value-chain data arrives as generic XML elements (`$type` "ml:step",
 * attributes as text, children in `$children`). Before the audit engine runs on such
 * a tree, each generic ml: element is replaced by the typed element it stands for;
 * the content is the same and serializes to the same XML.
 */

interface PropertyDescriptor {
  name: string;
  type: string;
  isMany?: boolean;
  isAttr?: boolean;
}

let moddle: BpmnModdle | undefined;
const ML_TYPES = new Set(descriptor.types.map((t) => `ml:${t.name}`));

function isGenericMl(element: ModdleElement): boolean {
  const descriptor = element.$descriptor as { isGeneric?: boolean; ns?: { uri?: string } } | undefined;
  return descriptor?.isGeneric === true && descriptor.ns?.uri === ML_NAMESPACE;
}

function localName(element: ModdleElement): string {
  const ns = (element.$descriptor as { ns?: { localName?: string } } | undefined)?.ns;
  return ns?.localName ?? element.$type.slice(element.$type.indexOf(':') + 1);
}

function toTyped(generic: ModdleElement, parent: ModdleElement): ModdleElement | undefined {
  const name = localName(generic);
  const type = `ml:${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  if (!ML_TYPES.has(type)) return undefined;
  moddle ??= createModdle();
  const typed = moddle.create(type);
  const properties = (typed.$descriptor as { properties: PropertyDescriptor[] }).properties;
  for (const property of properties) {
    if (property.isAttr && typeof generic[property.name] === 'string') typed[property.name] = generic[property.name];
  }
  for (const child of (generic.$children as ModdleElement[] | undefined) ?? []) {
    if (!isGenericMl(child)) continue;
    const childName = localName(child);
    const childType = `ml:${childName.charAt(0).toUpperCase()}${childName.slice(1)}`;
    const property = properties.find((p) => !p.isAttr && p.type === childType);
    const converted = property ? toTyped(child, typed) : undefined;
    if (!property || !converted) continue;
    if (property.isMany) ((typed[property.name] ??= []) as ModdleElement[]).push(converted);
    else typed[property.name] = converted;
  }
  typed.$parent = parent;
  return typed;
}

/** Replaces generic ml: extension elements by typed ones, in place; a no-op for trees read with the ml: package. */
export function ensureTypedExtensions(definitions: ModdleElement): void {
  for (const element of walkModel(definitions, { index: true }).byId.values()) {
    const extensions = element.extensionElements as ModdleElement | undefined;
    const values = extensions?.values as ModdleElement[] | undefined;
    if (!values?.some(isGenericMl)) continue;
    extensions!.values = values.map((value) => (isGenericMl(value) ? (toTyped(value, extensions!) ?? value) : value));
  }
}
