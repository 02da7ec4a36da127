import type { VersionSummary } from '../../app/services';

/** The words for the versions MissingLink records by itself, in the UI language. */
export interface AutomaticVersionWords {
  restored(number: number): string;
  beforeRestore(number: number): string;
}

/**
 * The name a version is listed under. A person's label is shown as given. The
 * versions a restore records are named in the current UI language from what they
 * are (their kind and the number of the restored version), not from the English
 * text stored with them, and only a label a person gave to the restored version is
 * added: automatic names never nest.
 */
export function versionLabel(version: VersionSummary, all: readonly VersionSummary[], words: AutomaticVersionWords): string {
  if ((version.kind !== 'restored' && version.kind !== 'before-restore') || version.restoredFrom === undefined) return version.label;
  const n = version.restoredFrom;
  const text = version.kind === 'restored' ? words.restored(n) : words.beforeRestore(n);
  const source = all.find((v) => v.number === n);
  const given = source && source.kind !== 'restored' && source.kind !== 'before-restore' ? source.label.trim() : '';
  return given ? `${text} (${given})` : text;
}
