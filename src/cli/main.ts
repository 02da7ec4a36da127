/**
 * The `missinglink` command line: dispatches to the commands, each of which uses only
 * the pure layers (model, analysis, simulation) plus the injected io. A command's
 * module is imported when that command runs, so `--help` and a mistyped command load
 * nothing but this file and the message catalogue (see docs/cli.md "How it is built").
 */
import type { MessageLocale } from '../i18n/messages/catalogue';
import { catalogue } from '../i18n/messages/render';
import { nodeIo, type CliIo } from './io';
import { environmentLocale, takeLangOption } from './locale';

/** The overall usage text, in English. */
export const USAGE = catalogue('en').cli.usage;

interface Command {
  run: (argv: string[], io: CliIo, locale: MessageLocale) => Promise<number>;
  usage: (locale: MessageLocale) => string;
}

/** The commands by name, each loaded on first use (a Map: a command named "constructor" is unknown, not a crash). */
const COMMANDS = new Map<string, () => Promise<Command>>([
  ['audit', async () => import('./audit').then((m) => ({ run: m.runAuditCommand, usage: m.auditUsage }))],
  ['simulate', async () => import('./simulate').then((m) => ({ run: m.runSimulateCommand, usage: m.simulateUsage }))],
  // The workspace commands speak English only (their texts are not in the catalogue yet).
  ['workspace', async () => import('./workspace').then((m) => ({ run: (argv, io) => m.runWorkspaceCommand(argv, io), usage: () => m.WORKSPACE_USAGE }))],
  ['push', async () => import('./publish').then((m) => ({ run: (argv, io) => m.runPushCommand(argv, io), usage: () => m.PUSH_USAGE }))],
  ['pull', async () => import('./publish').then((m) => ({ run: (argv, io) => m.runPullCommand(argv, io), usage: () => m.PULL_USAGE }))],
  ['export-scenario', async () => import('./export-scenario').then((m) => ({ run: (argv, io) => m.runExportScenarioCommand(argv, io), usage: () => m.EXPORT_SCENARIO_USAGE }))]
]);

/**
 * Runs the command line with the given arguments (without `node` and the script);
 * resolves to the exit code. `--lang nl|en` chooses the language, else the locale in
 * the environment (`io.env`: LC_ALL, LC_MESSAGES, LANG) does.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const { rest: args, lang, invalid } = takeLangOption(argv);
  const locale = lang ?? environmentLocale(io.env ?? {});
  const texts = catalogue(locale).cli;
  if (invalid !== undefined) {
    io.stderr(`missinglink: ${texts.badLang(invalid)}\n\n${texts.usage}`);
    return 2;
  }
  const [command, ...rest] = args;
  if (command === '-h' || command === '--help' || command === 'help') {
    const topic = command === 'help' && rest[0] ? COMMANDS.get(rest[0]) : undefined;
    io.stdout(topic ? (await topic()).usage(locale) : texts.usage);
    return 0;
  }
  if (command === undefined) {
    io.stderr(texts.usage);
    return 2;
  }
  const load = COMMANDS.get(command);
  if (!load) {
    io.stderr(`missinglink: ${texts.unknownCommand(command)}\n\n${texts.usage}`);
    return 2;
  }
  try {
    return await (await load()).run(rest, io, locale);
  } catch (e) {
    io.stderr(`missinglink ${command}: ${texts.unexpectedError}: ${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
}

/** The entry point of bin/missinglink.mjs: real file system, streams and environment. */
export function main(argv: string[]): Promise<number> {
  return runCli(argv, nodeIo());
}
