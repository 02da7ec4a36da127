/**
 * The message catalogue: the codes the pure layers report (./codes), one catalogue
 * module per language (./en, ./nl) and the functions that word a code in a language
 * (./render). Pure: no DOM, no lit; the UI, the command line and the exports all
 * render through it (docs/architecture.md "Messages").
 */
export * from './codes';
export * from './catalogue';
export * from './render';
