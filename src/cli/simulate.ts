/**
 * `missinglink simulate <file> [--prosimos <scenario.json>] [--cases N] [--seed S] [--start <ISO date-time>]
 * [--scenario planned|realised] [--format json|md]`: runs a Monte Carlo batch on a BPMN file and the
 * capacity simulation (people, working hours, queues) beside it, and prints both. Pure apart
 * from the injected io, so the dispatcher and the tests call it the same way.
 */
import { splitCommandLine } from './arguments';
import { BpmnImportError } from '../model/bpmn-io';
import { readBpmnFile } from '../model/bpmn-file';
import { runBatch, DEFAULT_CASES } from '../simulation/batch';
import { compileModel } from '../simulation/compile';
import { batchResultToJson } from '../simulation/export';
import type { Scenario } from '../simulation/model';
import { batchResultToMarkdown } from '../simulation/report';
import type { MessageLocale } from '../i18n/messages/catalogue';
import { catalogue, simulationIssueText } from '../i18n/messages/render';
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
  /** The file's bytes, decoded as the app decodes a dropped file (UTF-16 with a byte order mark too); readFile's text when absent. */
  readBytes?(path: string): Promise<Uint8Array>;
}

/** Exit code when the command ran. */
export const EXIT_OK = 0;
/** Exit code when the arguments, the file or the model cannot be used. */
export const EXIT_UNUSABLE_INPUT = 2;

/** The command's usage text in a language. */
export function simulateUsage(locale: MessageLocale): string {
  return catalogue(locale).cli.simulateUsage(DEFAULT_CASES);
}

/** The command's usage text, in English. */
export const SIMULATE_USAGE = simulateUsage('en');

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
export async function runSimulateCommand(argv: string[], io: SimulateIo, locale: MessageLocale = 'en'): Promise<number> {
  const args = argv[0] === 'simulate' ? argv.slice(1) : argv;
  const texts = catalogue(locale).cli;
  if (args.includes('-h') || args.includes('--help')) {
    io.stdout(simulateUsage(locale));
    return EXIT_OK;
  }
  const parsed = parseArgs(args, locale);
  if (typeof parsed === 'string') {
    io.stderr(`missinglink simulate: ${parsed}\n\n${simulateUsage(locale)}`);
    return EXIT_UNUSABLE_INPUT;
  }

  let file: Uint8Array | string;
  try {
    file = io.readBytes ? await io.readBytes(parsed.file) : await io.readFile(parsed.file);
  } catch (e) {
    io.stderr(`missinglink simulate: ${parsed.file}: ${texts.cannotRead((e as Error).message)}\n`);
    return EXIT_UNUSABLE_INPUT;
  }

  let definitions;
  try {
    definitions = (await readBpmnFile(file)).definitions;
  } catch (e) {
    const message = e instanceof BpmnImportError ? e.message : String((e as Error).message ?? e);
    io.stderr(`missinglink simulate: ${parsed.file}: ${message}\n`);
    return EXIT_UNUSABLE_INPUT;
  }

  const compiled = compileModel(definitions);
  // The model check's issues in the language (codes and defaults stay as they are, for machines).
  const model =
    locale === 'en'
      ? compiled
      : {
          ...compiled,
          issues: compiled.issues.map((i) => ({ ...i, message: simulationIssueText(i, locale, (id) => labelOf(compiled, id)) }))
        };
  if (model.hasErrors) {
    io.stderr(`missinglink simulate: ${parsed.file} ${texts.cannotBeSimulated}\n`);
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
  if (parsed.format === 'md') io.stdout(`${batchResultToMarkdown(result, texts.simulationTitle(parsed.file))}\n${capacityResultToMarkdown(capacityResult)}`);
  else io.stdout(batchResultToJson({ file: parsed.file, ...result, ...capacityJson(capacityResult) } as typeof result));
  return EXIT_OK;
}

/** An element as the engine names it in its messages: `"name" (id)`, or the id. */
function labelOf(model: { nodes?: ReadonlyArray<{ id: string; name?: string }> }, id: string): string {
  const name = model.nodes?.find((n) => n.id === id)?.name?.replace(/\s+/g, ' ').trim();
  return name ? `"${name}" (${id})` : id;
}

/** Reads the arguments; returns a message for the user when they are not usable. */
function parseArgs(args: string[], locale: MessageLocale): SimulateArgs | string {
  const texts = catalogue(locale).cli;
  const line = splitCommandLine(args, locale);
  if (typeof line === 'string') return line;
  const out: Partial<SimulateArgs> = {};
  const files = line.operands;
  for (const { name, value } of line.options) {
    switch (name) {
      case 'cases': {
        const n = Number(value);
        if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) return texts.badCases(value);
        out.cases = n;
        break;
      }
      case 'seed':
        out.seed = /^-?\d+$/.test(value) ? Number(value) : value;
        break;
      case 'scenario':
        if (value !== 'planned' && value !== 'realised') return texts.oneOf('scenario', ['planned', 'realised'], value);
        out.scenario = value;
        break;
      case 'format':
        if (value !== 'json' && value !== 'md') return texts.oneOf('format', ['json', 'md'], value);
        out.format = value;
        break;
      case 'prosimos':
        out.prosimos = value;
        break;
      case 'start':
        out.start = value;
        break;
      default:
        return texts.unknownOption(name);
    }
  }
  if (files.length === 0) return texts.noFileGiven;
  if (files.length > 1) return texts.oneFileAtATime(files.length);
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
