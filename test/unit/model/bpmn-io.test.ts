import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BpmnModdle } from 'bpmn-moddle';
import { BpmnImportError, MAX_BPMN_BYTES, createModdle, parseBpmn, serializeBpmn } from '../../../src/model/bpmn-io';
import { forEachContained } from '../../../src/model/walk';
import { contentByNamespace, foreignContent, foreignNamespaces } from './xml-scan';

const BPMN = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"';
const corpus = new URL('../../fixtures/miwg/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');

async function importError(xml: string, options?: Parameters<typeof parseBpmn>[1]): Promise<BpmnImportError> {
  try {
    await parseBpmn(xml, options);
  } catch (e) {
    expect(e).toBeInstanceOf(BpmnImportError);
    return e as BpmnImportError;
  }
  throw new Error('expected parseBpmn to reject');
}

describe('createModdle', () => {
  it('knows the value-chain extension under the ml prefix', () => {
    // given a fresh moddle
    const moddle = createModdle();
    // when a step is created
    const step = moddle.create('ml:Step', { activityGroup: 'sowing' });
    // then it is a typed ml element
    expect(step.$type).toBe('ml:Step');
    expect(moddle.getPackages().some((p) => p.prefix === 'ml' && p.uri === 'http://missinglink.app/schema/bpmn/1.0')).toBe(true);
  });
});

describe('parseBpmn refuses files that cannot be BPMN', () => {
  it('refuses a file above 10 MiB, counting UTF-8 bytes rather than characters', async () => {
    // given 6 million "é" characters: fewer characters than the limit, but 12 MB of UTF-8
    const text = 'é'.repeat(6_000_000);
    // when it is parsed
    const error = await importError(text);
    // then the user is told the size and the limit
    expect(MAX_BPMN_BYTES).toBe(10 * 1024 * 1024);
    expect(error.kind).toBe('too-large');
    expect(error.message).toBe('The file is 11.4 MiB; MissingLink opens BPMN files of at most 10 MiB.');
  });

  it('reads a file just below the limit', async () => {
    // given a valid BPMN file padded with a comment to just under 10 MiB
    const head = `<bpmn:definitions ${BPMN} id="d"><!--`;
    const tail = '--></bpmn:definitions>';
    const xml = head + 'x'.repeat(MAX_BPMN_BYTES - head.length - tail.length) + tail;
    // when it is parsed, then it is read
    const { definitions } = await parseBpmn(xml);
    expect(definitions.id).toBe('d');
  });

  it('refuses an empty file, also one with only white space or a byte order mark', async () => {
    for (const text of ['', '  \n\t', '\uFEFF']) {
      const error = await importError(text);
      expect(error.kind).toBe('empty');
      expect(error.message).toBe('The file is empty.');
    }
  });

  it('refuses plain text with its position', async () => {
    const error = await importError('just some notes about the process');
    expect(error.kind).toBe('not-xml');
    expect([error.line, error.column]).toEqual([1, 1]);
    expect(error.message).toBe(
      'The file is not well-formed XML: no XML element was found where the document should begin (line 1, column 1).'
    );
  });

  it('points at the tag where an unclosed element is discovered', async () => {
    // given a task that is never closed: the parser notices at </bpmn:process> on line 5
    const xml = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<bpmn:definitions ${BPMN} id="d">`,
      '  <bpmn:process id="p">',
      '    <bpmn:task id="t">',
      '  </bpmn:process>',
      '</bpmn:definitions>'
    ].join('\n');
    const error = await importError(xml);
    expect(error.kind).toBe('not-xml');
    expect([error.line, error.column]).toEqual([5, 3]);
    expect(error.message).toBe(
      'The file is not well-formed XML: the tag </bpmn:process> does not close the element that is open (line 5, column 3).'
    );
  });

  it('points at a tag that is cut off', async () => {
    const xml = `<bpmn:definitions ${BPMN} id="d">\n<bpmn:process id="p">\n  <bpmn:task id="t" name="Send`;
    const error = await importError(xml);
    expect(error.kind).toBe('not-xml');
    expect([error.line, error.column]).toEqual([3, 3]);
    expect(error.message).toContain('the tag <bpmn:task> is not closed');
  });

  it('points at the end of a file that stops before its elements are closed', async () => {
    const xml = `<bpmn:definitions ${BPMN} id="d">\n  <bpmn:process id="p"></bpmn:process>\n`;
    const error = await importError(xml);
    expect(error.kind).toBe('not-xml');
    expect([error.line, error.column]).toEqual([3, 1]);
    expect(error.message).toContain('the file ends before all its elements are closed');
  });

  it('refuses binary data, pointing at the first control character', async () => {
    const error = await importError('PK\u0003\u0004\u0014\u0000\u0008\u0000garbage');
    expect(error.kind).toBe('not-xml');
    expect([error.line, error.column]).toEqual([1, 3]);
    expect(error.message).toBe('The file is not an XML text file: it contains binary data (line 1, column 3).');
  });

  it.each(['&#1;', '&#0;', '&#x1F;', '&#xFFFE;', '&#xD800;', '&#1114112;'])(
    'refuses the character reference %s, which XML 1.0 forbids, with its position',
    async (reference) => {
      // given a task whose name holds the reference (the XML reader would decode it)
      const xml = `<bpmn:definitions ${BPMN} id="d">\n<bpmn:process id="p"><bpmn:task id="t" name="a${reference}b"/></bpmn:process></bpmn:definitions>`;
      // when it is read, then it is refused with the reference and where it is
      const error = await importError(xml);
      expect(error.kind).toBe('not-xml');
      expect([error.line, error.column]).toEqual([2, 47]);
      expect(error.message).toBe(
        `The file contains the character reference ${reference} (line 2, column 47), a control character that XML 1.0 does not allow; MissingLink does not open it.`
      );
    }
  );

  it('reads the character references XML 1.0 allows', async () => {
    const xml = `<bpmn:definitions ${BPMN} id="d"><bpmn:process id="p"><bpmn:task id="t" name="&#9;&#x41;&#233;&#xD7FF;"/></bpmn:process></bpmn:definitions>`;
    const { definitions } = await parseBpmn(xml);
    expect(definitions.rootElements![0]!.flowElements![0]!.name).toBe('\tAé\uD7FF');
  });

  it('names the root element of XML that is not BPMN', async () => {
    const html = await importError('<!DOCTYPE html>\n<html><body><p>Our process</p></body></html>');
    expect(html.kind).toBe('not-bpmn');
    expect(html.message).toBe(
      'The file is XML but not BPMN: its root element is <html> without a namespace, while a BPMN file starts with <definitions> in the namespace http://www.omg.org/spec/BPMN/20100524/MODEL.'
    );
    expect([html.line, html.column]).toEqual([2, 1]);

    const svg = await importError('<?xml version="1.0"?>\n<!-- drawing -->\n<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>');
    expect(svg.kind).toBe('not-bpmn');
    expect(svg.message).toContain('its root element is <svg> in the namespace http://www.w3.org/2000/svg');
  });

  it('refuses a lone process or a definitions element from another namespace', async () => {
    const processOnly = await importError(`<bpmn:process ${BPMN} id="p"/>`);
    expect(processOnly.kind).toBe('not-bpmn');
    expect(processOnly.message).toContain('its root element is <bpmn:process> in the namespace http://www.omg.org/spec/BPMN/20100524/MODEL');

    const wrongNamespace = await importError('<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/DI" id="d"/>');
    expect(wrongNamespace.kind).toBe('not-bpmn');
    expect(wrongNamespace.message).toContain('<definitions> in the namespace http://www.omg.org/spec/BPMN/20100524/DI');
  });

  it('reports a rejection by the BPMN library that fits no other kind as invalid', async () => {
    // given a moddle that rejects the document for its own reasons
    const rejecting = { fromXML: () => Promise.reject(new Error('illegal package configuration')) } as unknown as BpmnModdle;
    // when a well-formed BPMN file is parsed with it
    const error = await importError(`<bpmn:definitions ${BPMN} id="d"/>`, { moddle: rejecting });
    // then the error is classified as invalid and keeps the library's reason
    expect(error.kind).toBe('invalid');
    expect(error.message).toBe('The BPMN file could not be read: illegal package configuration.');
  });
});

describe('parseBpmn reads past damaged content and says what it skipped', () => {
  it('reports unknown elements, duplicate ids, dangling references and text outside the root', async () => {
    // given a file with several problems that moddle can read past
    const xml = [
      `stray text <bpmn:definitions ${BPMN} id="d">`,
      '  <bpmn:process id="p">',
      '    <bpmn:task id="t" name="Write mailing"/>',
      '    <bpmn:task id="t" name="Copy"/>',
      '    <bpmn:sequenceFlow id="f" sourceRef="t" targetRef="gone"/>',
      '    <bpmn:whatever id="x"/>',
      '  </bpmn:process>',
      '</bpmn:definitions>'
    ].join('\n');
    // when it is parsed
    const { definitions, warnings } = await parseBpmn(xml);
    // then the process is there and each problem is one plain sentence
    const process = definitions.rootElements![0];
    expect(process.flowElements!.map((e) => e.id)).toEqual(['t', 'f']);
    expect(warnings).toEqual([
      'Line 1, column 1: text outside the root element ("stray text") was ignored.',
      'Line 4, column 5: the id "t" is already used by another element, so this <bpmn:task> was skipped.',
      'Line 6, column 5: the element <bpmn:whatever> is unknown to BPMN and was skipped.',
      'bpmn:SequenceFlow "f" refers to "gone" in bpmn:targetRef, but no element has that id; the reference was dropped.'
    ]);
  });

  it('warns when a file declares an encoding other than UTF-8', async () => {
    const { warnings } = await parseBpmn(`<?xml version="1.0" encoding="ISO-8859-1"?><bpmn:definitions ${BPMN} id="d"/>`);
    expect(warnings).toEqual(['The file declares the encoding ISO-8859-1; it was read as UTF-8, so accented characters may be wrong.']);
  });
});

describe('foreign extensions survive parse and serialize', () => {
  it('keeps Camunda 7 and Zeebe extension elements, attributes and bodies', async () => {
    // given a Camunda Modeler file with camunda:, zeebe: and modeler: content
    const xml = fixture('./foreign-extensions.bpmn');
    // when it is read and written back
    const { warnings, definitions } = await parseBpmn(xml);
    const out = await serializeBpmn(definitions);
    // then nothing was skipped and every foreign element and attribute is still there
    expect(warnings).toEqual([]);
    for (const ns of ['http://camunda.org/schema/1.0/bpmn', 'http://camunda.org/schema/zeebe/1.0', 'http://camunda.org/schema/modeler/1.0']) {
      const before = foreignContent(xml, ns);
      expect(before.length).toBeGreaterThan(0);
      expect(foreignContent(out, ns)).toEqual(before);
    }
    expect(out).toContain('<camunda:script scriptFormat="javascript">customer.loyal ? 0.1 : 0</camunda:script>');
  });

  // Losses that come from the source files themselves, not from our reading: these
  // exports repeat ids, and moddle skips (and reports) the second element with an id.
  const damagedExports = new Set(['SAP-Signavio-19.9.0/B.1.0-roundtrip.bpmn', 'SAP-Signavio-19.9.0/B.2.0-roundtrip.bpmn']);
  const files = ['Reference', 'bpmn.io-18.6.1', 'SAP-Signavio-19.9.0'].flatMap((dir) =>
    readdirSync(new URL(`${dir}/`, corpus))
      .filter((name) => name.endsWith('.bpmn'))
      .map((name) => `${dir}/${name}`)
  );

  it.each(files)('%s: foreign content is written back and the output reads cleanly', async (file) => {
    // given a file exported by another tool
    const xml = readFileSync(new URL(file, corpus), 'utf8');
    // when it is read and written back
    const first = await parseBpmn(xml);
    const out = await serializeBpmn(first.definitions);
    const second = await parseBpmn(out);
    // then the output reads without warnings and writing it again changes nothing
    expect(second.warnings).toEqual([]);
    expect(await serializeBpmn(second.definitions)).toBe(out);
    if (damagedExports.has(file)) {
      expect(first.warnings.some((w) => w.includes('is already used by another element'))).toBe(true);
      return;
    }
    // and every element and attribute of every foreign namespace (and of no namespace) survives
    const before = contentByNamespace(xml);
    const after = contentByNamespace(out);
    for (const ns of [...foreignNamespaces(xml), '']) {
      let expected = before.get(ns) ?? [];
      if (file === 'Reference/C.8.1.bpmn' && ns === 'http://www.trisotech.com/2015/triso/modeling') {
        // Known moddle limitation: on <triso:allowedValues constraintsType="enumeration"
        // triso:constraintsType="enumeration"> the prefixed twin of an unprefixed attribute
        // with the same value is merged into it.
        expected = expected.filter((entry) => entry !== 'allowedValues@constraintsType=enumeration');
      }
      expect(after.get(ns) ?? [], ns).toEqual(
        expected.map((entry) =>
          entry.startsWith('<allowedValues ') ? entry.replace(' {http://www.trisotech.com/2015/triso/modeling}constraintsType=enumeration', '') : entry
        )
      );
    }
  });

  it('keeps elements in no namespace inside a foreign extension (SAP Signavio, W4 graph style)', async () => {
    // given the Signavio export whose w4graph:root holds <Grid xmlns=""> elements
    const xml = readFileSync(new URL('SAP-Signavio-19.9.0/A.2.1-roundtrip.bpmn', corpus), 'utf8');
    // when it is read and written back
    const out = await serializeBpmn((await parseBpmn(xml)).definitions);
    // then the grid settings are still there, still outside any namespace
    expect(foreignContent(out, '').filter((e) => e.startsWith('<Grid'))).toEqual(['<Grid color=230,230,230 spacing=15>']);
    const reread = await parseBpmn(out);
    const grids: string[] = [];
    forEachContained(reread.definitions, (e) => {
      const descriptor = e.$descriptor as { isGeneric?: boolean; ns: { localName: string; uri?: string } } | undefined;
      if (descriptor?.isGeneric && descriptor.ns.localName === 'Grid') grids.push(`${descriptor.ns.uri || 'no namespace'}|${String(e.color)}`);
    });
    expect(grids).toEqual(['no namespace|230,230,230']);
  });
});
