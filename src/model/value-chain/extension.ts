import { typeOf, type ModdleElement } from '../moddle-types';

/** Our extension element types, as moddle names them. */
export type MlType =
  | 'ml:ValueChain'
  | 'ml:Department'
  | 'ml:Step'
  | 'ml:Agreement'
  | 'ml:Simulation'
  | 'ml:Exemption';

/** The namespace of the value-chain extension inside BPMN files. */
export const ML_NAMESPACE = 'http://missinglink.app/schema/bpmn/1.0';

/** Returns the first extension element of `type` on a BPMN business object, if any. */
export function getExtension(bo: ModdleElement | undefined | null, type: MlType): ModdleElement | undefined {
  const values = bo?.extensionElements?.values as ModdleElement[] | undefined;
  return values?.find((v) => typeOf(v) === type);
}

/** Returns every extension element of `type` on a BPMN business object. */
export function getExtensions(bo: ModdleElement | undefined | null, type: MlType): ModdleElement[] {
  const values = bo?.extensionElements?.values as ModdleElement[] | undefined;
  return values ? values.filter((v) => typeOf(v) === type) : [];
}
