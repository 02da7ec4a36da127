/**
 * `missinglink simulate <file> [--prosimos <scenario.json>] [--cases N] [--seed S] [--start <ISO date-time>]
 * [--scenario planned|realised] [--format json|md]`: runs a Monte Carlo batch on a BPMN file and the
 * capacity simulation (people, working hours, queues) beside it, and prints both. Pure apart
 * from the injected io, so the dispatcher and the tests call it the same way.
 */
import { splitCommandLine } from './arguments';
import { BpmnImportError, parseBpmn } from '../model/bpmn-io';
import { runBatch, DEFAULT_CASES } from '../simulation/batch';
import { compileModel } from '../simulation/compile';
import { batchResultToJson } from '../simulation/export';
import type { Scenario } from '../simulation/model';
import { batchResultToMarkdown } from '../simulation/report';
import {
  capacityJson,
  capacityResultToMarkdown,
  CapacityInputError,
  importProsimos,
  ProsimosError,
  readCapacityInput,
  runCapacitySimulation,
  startInstant
} from '../simulation/capacity';

/** What the command may touch: output streams and reading the input file. */
export interface SimulateIo {
  stdout(s: string): void;
  stderr(s: string): void;
  readFile(path: string): Promise<string>;
}

/** Exit code when the command ran. */
export const EXIT_OK = 0;
/** Exit code when the arguments, the file or the model cannot be used. */
export const EXIT_UNUSABLE_INPUT = 2;

/** The command's usage text. */
export const SIMULATE_USAGE = `Usage: missinglink simulate <file.bpmn> [options]

Runs the value chain in <file.bpmn> many times and reports lead time, cost,
handovers, flags (missing agreements, accountability, budgets, deadlocks) and
the assumptions made for missing data.

Options:
  --prosimos <scenario.json>     use the people, calendars, arrivals, durations and gateway
                                 probabilities of a Prosimos scenario instead of the model's own
  --start <ISO date-time>        when the simulated period begins, e.g. 2026-01-05T09:00
                                 (in the model's time zone) or 2026-01-05T09:00+01:00
  --cases N                      number of cases (default ${DEFAULT_CASES})
  --seed S                       random seed; the same seed gives the same numbers (default 1)
  --scenario planned|realised    use planned or realised durations and budgets (default planned)
  --format json|md               output as JSON (default) or as a Markdown report
  -h, --help                     show this text

JSON adds, in hours: cycleTime { mean, p50, p90, max } (arrival to the case's last
completion), waitingTime { mean } (per case, waiting for a free person),
pools [ { id, name, capacity, utilisation } ], tasks [ { id, name, count, meanWaiting,
meanProcessing } ] and capacity (findings in plain sentences, the promise on the calendar).
A model without capacity data runs with unlimited people, round the clock, and says so.

Exit codes: 0 the simulation ran; 2 the arguments, the file or the model cannot be used.
`;

interface SimulateArgs {
  file: string;
  prosimos?: string;
  start?: string;
  cases: number;
  seed: number | string;
  scenario: Scenario;
  format: 'json' | 'md';
}

/**
 * Runs the simulate command; `argv` are the arguments after `simulate` (a leading
 * "simulate" is tolerated). Resolves to the exit code: 0 ok, 2 unusable input.
 */
export async function runSimulateCommand(argv: string[], io: SimulateIo): Promise<number> {
  const args = argv[0] === 'simulate' ? argv.slice(1) : argv;
  if (args.includes('-h') || args.includes('--help')) {
    io.stdout(SIMULATE_USAGE);
    return EXIT_OK;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`missinglink simulate: ${parsed}\n\n${SIMULATE_USAGE}`);
    return EXIT_UNUSABLE_INPUT;
  }

  let xml: string;
  try {
    xml = await io.readFile(parsed.file);
  } catch (e) {
    io.stderr(`missinglink simulate: cannot read ${parsed.file}: ${(e as Error).message}\n`);
    return EXIT_UNUSABLE_INPUT;
  }

  let definitions;
  try {
    definitions = (await parseBpmn(xml)).definitions;
  } catch (e) {
    const message = e instanceof BpmnImportError ? e.message : String((e as Error).message ?? e);
    io.stderr(`missinglink simulate: ${parsed.file}: ${message}\n`);
    return EXIT_UNUSABLE_INPUT;
  }

  const model = compileModel(definitions);
  if (model.hasErrors) {
    io.stderr(`missinglink simulate: ${parsed.file} cannot be simulated as it is:\n`);
    for (const issue of model.issues.filter((i) => i.severity === 'error')) io.stderr(`  - ${issue.message}\n`);
    return EXIT_UNUSABLE_INPUT;
  }

  let capacity = readCapacityInput(definitions);
  if (parsed.prosimos !== undefined) {
    let text: string;
    try {
      text = await io.readFile(parsed.prosimos);
    } catch (e) {
      io.stderr(`missinglink simulate: cannot read ${parsed.prosimos}: ${(e as Error).message}\n`);
      return EXIT_UNUSABLE_INPUT;
    }
    try {
      const imported = importProsimos(text, model, capacity.timeZone);
      for (const note of imported.notes) io.stderr(`missinglink simulate: ${parsed.prosimos}: ${note}\n`);
      capacity = imported.capacity;
    } catch (e) {
      if (!(e instanceof ProsimosError)) throw e;
      io.stderr(`missinglink simulate: ${parsed.prosimos} cannot be used:\n`);
      for (const problem of e.problems) io.stderr(`  - ${problem}\n`);
      return EXIT_UNUSABLE_INPUT;
    }
  }

  let capacityResult;
  try {
    if (parsed.start !== undefined) startInstant(parsed.start, capacity.timeZone);
    capacityResult = runCapacitySimulation(
      { model, capacity },
      { cases: parsed.cases, seed: parsed.seed, scenario: parsed.scenario, ...(parsed.start !== undefined ? { start: parsed.start } : {}) }
    );
  } catch (e) {
    if (!(e instanceof CapacityInputError)) throw e;
    io.stderr(`missinglink simulate: ${e.message}\n`);
    return EXIT_UNUSABLE_INPUT;
  }

  const result = runBatch(model, { cases: parsed.cases, seed: parsed.seed, scenario: parsed.scenario });
  if (parsed.format === 'md') io.stdout(`${batchResultToMarkdown(result, `Simulation of ${parsed.file}`)}\n${capacityResultToMarkdown(capacityResult)}`);
  else io.stdout(batchResultToJson({ file: parsed.file, ...result, ...capacityJson(capacityResult) } as typeof result));
  return EXIT_OK;
}

/** Reads the arguments; returns a message for the user when they are not usable. */
function parseArgs(args: string[]): SimulateArgs | string {
  const line = splitCommandLine(args);
  if (typeof line === 'string') return line;
  const out: Partial<SimulateArgs> = {};
  const files = line.operands;
  for (const { name, value } of line.options) {
    switch (name) {
      case 'cases': {
        const n = Number(value);
        if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) return `--cases must be a whole number of at least 1, not "${value}".`;
        out.cases = n;
        break;
      }
      case 'seed':
        out.seed = /^-?\d+$/.test(value) ? Number(value) : value;
        break;
      case 'scenario':
        if (value !== 'planned' && value !== 'realised') return `--scenario must be planned or realised, not "${value}".`;
        out.scenario = value;
        break;
      case 'format':
        if (value !== 'json' && value !== 'md') return `--format must be json or md, not "${value}".`;
        out.format = value;
        break;
      case 'prosimos':
        out.prosimos = value;
        break;
      case 'start':
        out.start = value;
        break;
      default:
        return `unknown option --${name}.`;
    }
  }
  if (files.length === 0) return 'no BPMN file given.';
  if (files.length > 1) return `one BPMN file at a time, not ${files.length}.`;
  return {
    file: files[0]!,
    cases: out.cases ?? DEFAULT_CASES,
    seed: out.seed ?? 1,
    scenario: out.scenario ?? 'planned',
    format: out.format ?? 'json',
    ...(out.prosimos !== undefined ? { prosimos: out.prosimos } : {}),
    ...(out.start !== undefined ? { start: out.start } : {})
  };
}
