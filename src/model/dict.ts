/**
 * An empty object without prototype, for the few places that must hand out a plain
 * record keyed by ids or names from a file (a role, an element). On `{}` the keys
 * `constructor`, `toString`, `__proto__` … already mean something, so `cells[role] ??= []`
 * would find Object's own function instead of a list. Prefer a Map where the type allows.
 */
export function emptyDict<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}
