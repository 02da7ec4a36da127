import { MESSAGE_LOCALES, type MessageLocale } from '../i18n/messages/catalogue';

/** The environment variables that name the user's language, most specific first (POSIX). */
const LOCALE_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

/**
 * The language of the environment: the first of LC_ALL, LC_MESSAGES and LANG that is
 * set decides, as for any POSIX program; `nl_NL.UTF-8`, `nl_BE` or `nl` is Dutch,
 * anything else (`C`, `en_GB.UTF-8`, `de_DE`) English.
 */
export function environmentLocale(env: Readonly<Record<string, string | undefined>>): MessageLocale {
  for (const name of LOCALE_VARIABLES) {
    const value = env[name];
    if (value) return /^nl(?:[_.@-]|$)/i.test(value) ? 'nl' : 'en';
  }
  return 'en';
}

/**
 * Takes `--lang nl|en` (or `--lang=nl`) out of the arguments, wherever it stands, so
 * every command understands it. Returns the remaining arguments and the language
 * asked for, or the value given when it is no language MissingLink speaks.
 */
export function takeLangOption(argv: readonly string[]): { rest: string[]; lang?: MessageLocale; invalid?: string } {
  const rest: string[] = [];
  let lang: MessageLocale | undefined;
  let invalid: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    let value: string | undefined;
    if (arg === '--lang') value = argv[++i] ?? '';
    else if (arg.startsWith('--lang=')) value = arg.slice('--lang='.length);
    else {
      rest.push(arg);
      continue;
    }
    if ((MESSAGE_LOCALES as readonly string[]).includes(value)) lang = value as MessageLocale;
    else invalid = value;
  }
  return { rest, ...(lang ? { lang } : {}), ...(invalid !== undefined ? { invalid } : {}) };
}
