/*
 * Page layout decisions of the printed audit report, as pure functions (no DOM), so
 * they are tested in node.
 */

/** How many role columns fit an A4 portrait page beside the activity and department columns. */
export const RACI_COLUMNS_PER_PAGE = 12;

/**
 * Splits table columns into groups of at most `max`, as even as possible (20 roles in
 * groups of 12 become 10 + 10, not 12 + 8), keeping their order. Each group is printed
 * as its own table that repeats the row headers, so no column runs off the page.
 */
export function columnGroups<T>(columns: readonly T[], max: number): T[][] {
  if (columns.length === 0) return [];
  const limit = Math.max(1, Math.floor(max));
  const groups = Math.ceil(columns.length / limit);
  const size = Math.ceil(columns.length / groups);
  const out: T[][] = [];
  for (let i = 0; i < columns.length; i += size) out.push(columns.slice(i, i + size));
  return out;
}

/**
 * A CSS string literal for any text (a process name in the page header): every
 * character outside a plain safe set becomes a hex escape, so quotes, backslashes,
 * line breaks and markup can neither end the string nor the rule.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const char of text) {
    out += /[A-Za-z0-9 .,:;()\-_]/.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `;
  }
  return `${out}"`;
}
