import type { AgreementStatusCode, DefaultUsedCode, FieldCode, FindingCode, SimulationIssueCode } from './codes';

/** The languages MissingLink speaks (the UI, the command line, the downloads). */
export const MESSAGE_LOCALES = ['nl', 'en'] as const;
export type MessageLocale = (typeof MESSAGE_LOCALES)[number];

/** Parameters of a finding's message, as the audit gives them, lists already worded in the language. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * Every message of the pure layers in one language: a catalogue module per language
 * (./en.ts, ./nl.ts), typed so that a code without a text does not compile. Plain
 * strings and template functions only: node (the CLI, the exports) and the browser
 * (the UI) read the same module.
 */
export interface Catalogue {
  readonly locale: MessageLocale;
  /** An audit finding's sentence; `missing`, `status` and `roles` come worded by render.ts. */
  readonly finding: { readonly [K in FindingCode]: (p: MessageParams) => string };
  /** A value-chain field or missing part, as a phrase inside a sentence ("a unit"). */
  readonly field: { readonly [K in FieldCode]: string };
  /** An agreement status in words. */
  readonly agreementStatus: { readonly [K in AgreementStatusCode]: string };
  /** A simulation model-check issue; `list` names the elements concerned. */
  readonly simulationIssue: { readonly [K in SimulationIssueCode]: (list: string) => string };
  /** The default the simulation used instead of missing data. */
  readonly defaultUsed: { readonly [K in DefaultUsedCode]: string };
  /** The command line's own texts: usage and what it says about arguments and files. */
  readonly cli: CliTexts;
}

/** The command line's texts (src/cli). */
export interface CliTexts {
  readonly usage: string;
  readonly auditUsage: string;
  /** `cases` is the default number of cases. */
  readonly simulateUsage: (cases: number) => string;
  readonly unknownCommand: (command: string) => string;
  readonly unexpectedError: string;
  readonly needsValue: (option: string) => string;
  readonly unknownOption: (option: string) => string;
  readonly oneOf: (option: string, allowed: readonly string[], value: string) => string;
  readonly badDate: (value: string) => string;
  readonly badCases: (value: string) => string;
  readonly badLang: (value: string) => string;
  readonly noModelGiven: string;
  readonly noFileGiven: string;
  readonly oneFileAtATime: (count: number) => string;
  readonly noSuchPath: string;
  readonly emptyFolder: string;
  readonly cannotRead: (reason: string) => string;
  readonly warning: string;
  readonly skippedNotBpmn: string;
  readonly cannotBeAudited: (reason: string) => string;
  readonly cannotBeSimulated: string;
  readonly simulationTitle: (file: string) => string;
}
