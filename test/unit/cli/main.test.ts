import { describe, expect, it } from 'vitest';
import { runCli, USAGE } from '../../../src/cli/main';
import { SIMULATE_USAGE } from '../../../src/cli/simulate';
import { AUDIT_USAGE } from '../../../src/cli/audit';
import { memoryIo } from './support';

describe('missinglink: the dispatcher', () => {
  it('prints the overall usage for --help and a command’s usage for <command> --help', async () => {
    const io = memoryIo({});
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.out()).toBe(USAGE);
    const audit = memoryIo({});
    expect(await runCli(['audit', '--help'], audit)).toBe(0);
    expect(audit.out()).toBe(AUDIT_USAGE);
    const simulate = memoryIo({});
    expect(await runCli(['simulate', '--help'], simulate)).toBe(0);
    expect(simulate.out()).toBe(SIMULATE_USAGE);
    const help = memoryIo({});
    expect(await runCli(['help', 'audit'], help)).toBe(0);
    expect(help.out()).toBe(AUDIT_USAGE);
  });

  it('exits 2 with the usage for no command or an unknown one', async () => {
    const none = memoryIo({});
    expect(await runCli([], none)).toBe(2);
    expect(none.err()).toBe(USAGE);
    const unknown = memoryIo({});
    expect(await runCli(['lint', 'a.bpmn'], unknown)).toBe(2);
    expect(unknown.err()).toMatch(/^missinglink: unknown command "lint"\./);
  });

  it('dispatches simulate to the simulation command', async () => {
    const io = memoryIo({});
    expect(await runCli(['simulate', 'missing.bpmn'], io)).toBe(2);
    expect(io.err()).toContain('missinglink simulate: missing.bpmn: The file cannot be read: ENOENT');
  });
});
