import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runSimulateCommand } from '../../../../src/cli/simulate';
import { fixturePath } from '../support';

/** Runs the command with captured output and real file reading. */
async function simulate(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runSimulateCommand(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    readFile: (path) => readFile(path, 'utf8')
  });
  return { code, stdout, stderr };
}

describe('missinglink simulate', () => {
  it('given a BPMN file, then it prints JSON with the mean visits per case of every element id and exits 0', async () => {
    const file = fixturePath('quote-collaboration.bpmn');
    const { code, stdout, stderr } = await simulate(file, '--cases', '400', '--seed', '7');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ file, scenario: 'planned', seed: '7', cases: 400, simulatedCases: 400, leadTimeBasis: 'customer' });
    expect(json.visitsPerCase.PrepareQuote).toBe(1);
    expect(json.visitsPerCase.RequestFlow).toBe(1);
    for (const id of ['NeedArises', 'Answer', 'ToMarketing', 'AcceptFlow', 'Invoice']) expect(typeof json.visitsPerCase[id]).toBe('number');
    expect(json.leadTime).toMatchObject({ mean: 7, p50: 7, p90: 7, max: 7 });
    expect(Array.isArray(json.flags)).toBe(true);
  });

  it('given the same seed twice, then the output is identical', async () => {
    const file = fixturePath('parallel.bpmn');
    const a = await simulate(file, '--cases=300', '--seed=abc');
    const b = await simulate('simulate', file, '--seed', 'abc', '--cases', '300');
    expect(a.stdout).toBe(b.stdout);
  });

  it('prints a Markdown report with --format md and reads realised values with --scenario realised', async () => {
    const { code, stdout } = await simulate(fixturePath('quote-collaboration.bpmn'), '--format', 'md', '--scenario', 'realised', '--cases', '100');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Simulation of .*quote-collaboration\.bpmn/);
    expect(stdout).toContain('Realised scenario, 100 cases');
    expect(stdout).toContain('**not held**');
  });

  it('given a model the engine would misread, then it names the problem and exits 2', async () => {
    const { code, stdout, stderr } = await simulate(fixturePath('complex-gateway.bpmn'));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('cannot be simulated');
    expect(stderr).toContain('"Two of three" (Mystery)');
  });

  it('given a missing file or a file that is not BPMN, then it exits 2 with the reason', async () => {
    const missing = await simulate(fixturePath('does-not-exist.bpmn'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('The file cannot be read');
    const notBpmn = await simulate(fixturePath('series.expected.json'));
    expect(notBpmn.code).toBe(2);
    expect(notBpmn.stderr).toMatch(/not (well-formed )?XML|not BPMN/);
  });

  it.each([
    [[], 'no BPMN file given'],
    [['a.bpmn', 'b.bpmn'], 'one BPMN file at a time'],
    [['a.bpmn', '--cases', '0'], '--cases must be a whole number'],
    [['a.bpmn', '--cases', '2.5'], '--cases must be a whole number'],
    [['a.bpmn', '--scenario', 'hoped'], '--scenario must be planned or realised'],
    [['a.bpmn', '--format', 'xml'], '--format must be json or md'],
    [['a.bpmn', '--speed', '3'], 'unknown option --speed'],
    [['a.bpmn', '--seed'], '--seed needs a value']
  ])('given the arguments %j, then it explains (%s), shows the usage and exits 2', async (argv, reason) => {
    const { code, stderr } = await simulate(...argv);
    expect(code).toBe(2);
    expect(stderr).toContain(reason);
    expect(stderr).toContain('Usage: missinglink simulate');
  });

  it('prints the usage with --help and exits 0', async () => {
    const { code, stdout } = await simulate('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('--scenario planned|realised');
  });
});
