/**
 * `missinglink export-scenario <model.bpmn> --format prosimos`: writes the model's
 * capacity scenario (pools, calendars, arrivals, durations, gateway probabilities) as
 * Prosimos JSON on stdout; what Prosimos cannot express goes to stderr as notes.
 */
import { splitCommandLine } from './arguments';
import { BpmnImportError, parseBpmn } from '../model/bpmn-io';
import { compileModel } from '../simulation/compile';
import { exportProsimos, readCapacityInput } from '../simulation/capacity';
import { EXIT_OK, EXIT_UNUSABLE_INPUT, type SimulateIo } from './simulate';

/** The command's usage text. */
export const EXPORT_SCENARIO_USAGE = `Usage: missinglink export-scenario <model.bpmn> --format prosimos

Writes the simulation scenario of <model.bpmn> (people, working hours, arrivals,
durations and gateway probabilities) as a Prosimos scenario in JSON to stdout.
Durations are in seconds, as Prosimos reads them. What Prosimos cannot express
(holidays, triangular durations) is said on stderr.

Options:
  --format prosimos    the scenario format (the only one so far)
  -h, --help           show this text

Exit codes: 0 the scenario was written; 2 the arguments, the file or the model cannot be used.
`;

export async function runExportScenarioCommand(argv: string[], io: SimulateIo): Promise<number> {
  const args = argv[0] === 'export-scenario' ? argv.slice(1) : argv;
  if (args.includes('-h') || args.includes('--help')) {
    io.stdout(EXPORT_SCENARIO_USAGE);
    return EXIT_OK;
  }
  const fail = (message: string) => {
    io.stderr(`missinglink export-scenario: ${message}\n`);
    return EXIT_UNUSABLE_INPUT;
  };
  const line = splitCommandLine(args);
  if (typeof line === 'string') return fail(`${line}\n\n${EXPORT_SCENARIO_USAGE}`);
  let format: string | undefined;
  for (const { name, value } of line.options) {
    if (name !== 'format') return fail(`unknown option --${name}.\n\n${EXPORT_SCENARIO_USAGE}`);
    format = value;
  }
  if (format !== 'prosimos') return fail(`--format must be prosimos${format === undefined ? '' : `, not "${format}"`}.\n\n${EXPORT_SCENARIO_USAGE}`);
  if (line.operands.length !== 1) return fail(`give one BPMN file, not ${line.operands.length}.\n\n${EXPORT_SCENARIO_USAGE}`);
  const file = line.operands[0]!;
  let xml: string;
  try {
    xml = await io.readFile(file);
  } catch (e) {
    return fail(`cannot read ${file}: ${(e as Error).message}`);
  }
  let definitions;
  try {
    definitions = (await parseBpmn(xml)).definitions;
  } catch (e) {
    return fail(`${file}: ${e instanceof BpmnImportError ? e.message : String((e as Error).message ?? e)}`);
  }
  const model = compileModel(definitions);
  if (model.hasErrors) return fail(`${file} cannot be simulated as it is: ${model.issues.filter((i) => i.severity === 'error').map((i) => i.message).join(' ')}`);
  const { scenario, notes } = exportProsimos(model, readCapacityInput(definitions));
  for (const note of notes) io.stderr(`missinglink export-scenario: ${note}\n`);
  io.stdout(JSON.stringify(scenario, null, 2) + '\n');
  return EXIT_OK;
}
