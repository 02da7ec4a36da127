import { parseBpmn, serializeBpmn } from '../../model/bpmn-io';
import type { ModdleElement } from '../../model/moddle-types';

/*
 * The fingerprint an auditor's review is recorded with: SHA-256 of the model in
 * canonical form, so that the app can tell later whether the model changed. The
 * canonical form is the model as MissingLink writes it (read and written again by
 * bpmn-moddle): indentation, attribute order, quotes and line ends of the file do not
 * count, while every element, attribute, value-chain field and diagram coordinate does.
 */

/** The canonical XML of a BPMN text: parsed and serialized again (throws BpmnImportError for unusable input). */
export async function canonicalBpmn(xml: string): Promise<string> {
  const { definitions } = await parseBpmn(xml);
  return serializeBpmn(definitions);
}

/** SHA-256 of a text's UTF-8 bytes as 64 lower-case hex digits, via WebCrypto (node 20 and browsers). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The fingerprint of a model given as XML: SHA-256 hex of its canonical XML. */
export async function fingerprintModel(xml: string): Promise<string> {
  return sha256Hex(await canonicalBpmn(xml));
}

/** The fingerprint of a parsed model (e.g. the modeler's definitions); equals fingerprintModel of its XML. */
export async function fingerprintDefinitions(definitions: ModdleElement): Promise<string> {
  return fingerprintModel(await serializeBpmn(definitions));
}
