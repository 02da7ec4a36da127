/**
 * The `missinglink` command line: dispatches to the commands, each of which uses only
 * the pure layers (model, analysis, simulation) plus the injected io.
 */
import { AUDIT_USAGE, runAuditCommand } from './audit';
import { nodeIo, type CliIo } from './io';
import { PULL_USAGE, PUSH_USAGE, runPullCommand, runPushCommand } from './publish';
import { runSimulateCommand, SIMULATE_USAGE } from './simulate';
import { runWorkspaceCommand, WORKSPACE_USAGE } from './workspace';

/** The overall usage text. */
export const USAGE = `Usage: missinglink <command> [arguments]

Commands:
  audit <files or folders…>   audit BPMN value chains for accountability gaps
  simulate <file.bpmn>        simulate a value chain (lead time, cost, handovers)
  workspace init|add-member   set up a team workspace on a CouchDB server
  push <files or folders…>    publish .bpmn files to a team workspace
  pull <folder>               write a team workspace's processes as .bpmn files

Run "missinglink <command> --help" for the options of a command.
`;

const COMMANDS = new Map<string, { run: (argv: string[], io: CliIo) => Promise<number>; usage: string }>(Object.entries({
  audit: { run: runAuditCommand, usage: AUDIT_USAGE },
  simulate: { run: runSimulateCommand, usage: SIMULATE_USAGE },
  workspace: { run: runWorkspaceCommand, usage: WORKSPACE_USAGE },
  push: { run: runPushCommand, usage: PUSH_USAGE },
  pull: { run: runPullCommand, usage: PULL_USAGE }
}));

/** Runs the command line with the given arguments (without `node` and the script); resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') {
    const topic = command === 'help' && rest[0] ? COMMANDS.get(rest[0]) : undefined;
    io.stdout(topic ? topic.usage : USAGE);
    return 0;
  }
  if (command === undefined) {
    io.stderr(USAGE);
    return 2;
  }
  const entry = COMMANDS.get(command);
  if (!entry) {
    io.stderr(`missinglink: unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  try {
    return await entry.run(rest, io);
  } catch (e) {
    io.stderr(`missinglink ${command}: unexpected error: ${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
}

/** The entry point of bin/missinglink.mjs: real file system and streams. */
export function main(argv: string[]): Promise<number> {
  return runCli(argv, nodeIo());
}
