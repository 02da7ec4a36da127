import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BpmnImportError } from '../../../src/model/bpmn-io';
import { decodeBpmnBytes, readBpmnFile } from '../../../src/model/bpmn-file';
import { prepareImport } from '../../../src/model/layout';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../cli/fixtures/${name}`, import.meta.url)));
const utf8 = readFileSync(new URL('../cli/fixtures/offer-utf8-bom.bpmn', import.meta.url), 'utf8').replace(/^\uFEFF/, '');

describe('decodeBpmnBytes', () => {
  it('reads UTF-16 LE and BE and UTF-8 by their byte order mark, dropping the mark', () => {
    const le = decodeBpmnBytes(fixture('offer-utf16le-bom.bpmn'));
    const be = decodeBpmnBytes(fixture('offer-utf16be-bom.bpmn'));
    const eight = decodeBpmnBytes(fixture('offer-utf8-bom.bpmn'));
    expect([le.encoding, be.encoding, eight.encoding]).toEqual(['utf-16le', 'utf-16be', 'utf-8']);
    expect(le.text).toBe(be.text);
    expect(le.text).toBe(utf8.replace('encoding="UTF-8"', 'encoding="UTF-16"'));
    expect(eight.text).toBe(utf8);
    expect(le.text).toContain('Marketing — één team');
  });

  it('reads bytes without a mark as UTF-8, invalid sequences replaced as the browser does', () => {
    expect(decodeBpmnBytes(new Uint8Array([0x3c, 0x61, 0xc3, 0xa9, 0xff, 0x3e]))).toEqual({ text: '<aé\uFFFD>', encoding: 'utf-8' });
  });
});

describe('readBpmnFile: the one way the app and the command line open a file', () => {
  it('opens a UTF-16 file without a warning about its declared encoding', async () => {
    const read = await readBpmnFile(fixture('offer-utf16be-bom.bpmn'));
    expect(read.warnings).toEqual([]);
    expect(read.definitions.$type).toBe('bpmn:Definitions');
  });

  it('still warns when a UTF-8 text declares another encoding', async () => {
    const read = await readBpmnFile(utf8.replace('encoding="UTF-8"', 'encoding="UTF-16"'));
    expect(read.warnings).toEqual([expect.stringMatching(/^The file declares the encoding UTF-16; it was read as UTF-8/)]);
  });

  it('refuses what breaks the structure limits before parsing, for bytes and text alike', async () => {
    const deep = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">${'<a>'.repeat(1500)}${'</a>'.repeat(1500)}</bpmn:definitions>`;
    for (const file of [deep, new TextEncoder().encode(deep)]) {
      const error = await readBpmnFile(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BpmnImportError);
      expect((error as Error).message).toMatch(/nests elements more than 1,000 levels deep/);
    }
  });

  it('is what the app’s import step uses: prepareImport opens the UTF-16 bytes', async () => {
    const prepared = await prepareImport(fixture('offer-utf16le-bom.bpmn'));
    expect(prepared.warnings).toEqual([]);
    expect(prepared.xml).toContain('Marketing — één team');
  });
});
