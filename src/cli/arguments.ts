import type { MessageLocale } from '../i18n/messages/catalogue';
import { catalogue } from '../i18n/messages/render';

/** A command line split into its operands and its `--name value` / `--name=value` options, in order. */
export interface CommandLine {
  operands: string[];
  options: { name: string; value: string }[];
}

/**
 * Splits the arguments of a command: every option takes a value (`--cases 100` or
 * `--cases=100`); anything else is an operand, and a lone `--` is skipped. Returns a
 * message for the user when an option lacks its value. The commands check names and
 * values themselves.
 */
export function splitCommandLine(args: string[], locale: MessageLocale = 'en'): CommandLine | string {
  const operands: string[] = [];
  const options: CommandLine['options'] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') continue;
    if (!arg.startsWith('--')) {
      operands.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    let value = eq > 0 ? arg.slice(eq + 1) : undefined;
    if (value === undefined) {
      value = args[i + 1];
      if (value === undefined || value.startsWith('--')) return catalogue(locale).cli.needsValue(name);
      i++;
    }
    options.push({ name, value });
  }
  return { operands, options };
}
