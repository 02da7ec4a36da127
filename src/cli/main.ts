/**
 * The `missinglink` command line: dispatches to the commands, each of which uses only
 * the pure layers (model, analysis, simulation) plus the injected io. A command's
 * module is imported when that command runs, so `--help` and a mistyped command load
 * nothing but this file (see docs/cli.md "How it is built").
 */
import { nodeIo, type CliIo } from './io';

/** The overall usage text. */
export const USAGE = `Usage: missinglink <command> [arguments]

Commands:
  audit <files or folders…>   audit BPMN value chains for accountability gaps
  simulate <file.bpmn>        simulate a value chain (lead time, cost, handovers)

Run "missinglink <command> --help" for the options of a command.
`;

interface Command {
  run: (argv: string[], io: CliIo) => Promise<number>;
  usage: string;
}

/** The commands by name, each loaded on first use. */
const COMMANDS = new Map<string, () => Promise<Command>>([
  ['audit', async () => import('./audit').then((m) => ({ run: m.runAuditCommand, usage: m.AUDIT_USAGE }))],
  ['simulate', async () => import('./simulate').then((m) => ({ run: m.runSimulateCommand, usage: m.SIMULATE_USAGE }))]
]);

/** Runs the command line with the given arguments (without `node` and the script); resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') {
    const topic = command === 'help' && rest[0] ? COMMANDS.get(rest[0]) : undefined;
    io.stdout(topic ? (await topic()).usage : USAGE);
    return 0;
  }
  if (command === undefined) {
    io.stderr(USAGE);
    return 2;
  }
  const load = COMMANDS.get(command);
  if (!load) {
    io.stderr(`missinglink: unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  try {
    return await (await load()).run(rest, io);
  } catch (e) {
    io.stderr(`missinglink ${command}: unexpected error: ${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
}

/** The entry point of bin/missinglink.mjs: real file system and streams. */
export function main(argv: string[]): Promise<number> {
  return runCli(argv, nodeIo());
}
