import { describe, expect, it } from 'vitest';
import { canonicalBpmn, fingerprintDefinitions, fingerprintModel, sha256Hex } from '../../../../src/analysis/audit/fingerprint';
import { BpmnImportError, parseBpmn } from '../../../../src/model/bpmn-io';
import { repoFile } from './support';

const example = repoFile('docs/examples/value-chain-example.bpmn');

describe('fingerprintModel', () => {
  it('is the SHA-256 of the canonical XML, as 64 hex digits', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const fingerprint = await fingerprintModel(example);
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint).toBe(await sha256Hex(await canonicalBpmn(example)));
  });

  it('ignores how the file is laid out: line ends, indentation, attribute order', async () => {
    const reformatted = example
      .replace(/\n/g, '\r\n')
      .replace(/\r\n\s+</g, '\r\n<')
      .replace('<bpmn:task id="Task_select" name="Select top customers">', '<bpmn:task name="Select top customers"   id="Task_select">');
    expect(reformatted).not.toBe(example);
    expect(await fingerprintModel(reformatted)).toBe(await fingerprintModel(example));
  });

  it('changes when a value-chain field, a name or a coordinate changes', async () => {
    const base = await fingerprintModel(example);
    expect(await fingerprintModel(example.replace('realisedBudget="420"', 'realisedBudget="421"'))).not.toBe(base);
    expect(await fingerprintModel(example.replace('name="Select top customers"', 'name="Select customers"'))).not.toBe(base);
    const moved = example.replace(/(<dc:Bounds x=")(\d+)/, (_, a, x) => `${a}${Number(x) + 10}`);
    expect(await fingerprintModel(moved)).not.toBe(base);
  });

  it('equals the fingerprint of the parsed model', async () => {
    const { definitions } = await parseBpmn(example);
    expect(await fingerprintDefinitions(definitions)).toBe(await fingerprintModel(example));
  });

  it('refuses what is not BPMN', async () => {
    await expect(fingerprintModel('<html></html>')).rejects.toBeInstanceOf(BpmnImportError);
  });
});
