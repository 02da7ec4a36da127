import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/*
 * The import graph of the sources, read as text: static imports, re-exports, side-effect
 * imports and dynamic import() with a literal specifier. Type-only imports are kept:
 * a type from another layer still ties the layers together.
 */

/** The repository root. */
export const ROOT = join(import.meta.dirname, '../..');

export const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveLocal(from: string, specifier: string): string {
  const base = join(dirname(from), specifier.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')])
    if (existsSync(candidate) && candidate.match(/\.(ts|json|css)$/)) return candidate;
  throw new Error(`cannot resolve ${specifier} from ${relative(ROOT, from)}`);
}

/** The local files and the packages one source file imports (paths relative to the root). */
export function importsOf(file: string): { files: string[]; packages: string[] } {
  const absolute = join(ROOT, file);
  const files = new Set<string>();
  const packages = new Set<string>();
  if (!file.endsWith('.ts')) return { files: [], packages: [] };
  const source = readFileSync(absolute, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
  for (const m of source.matchAll(SPECIFIER)) {
    const specifier = (m[1] ?? m[2] ?? m[3])!;
    if (specifier.startsWith('.')) files.add(relative(ROOT, resolveLocal(absolute, specifier)));
    else packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
  }
  return { files: [...files], packages: [...packages] };
}

/** Every source file and every package the entry reaches through static and dynamic imports. */
export function importGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const found = importsOf(file);
    stack.push(...found.files);
    found.packages.forEach((p) => packages.add(p));
  }
  return { files: [...files].sort(), packages: [...packages].sort() };
}

/** Every TypeScript source file below a folder (relative to the root), sorted. */
export function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(path);
    }
  };
  walk(folder);
  return out.sort();
}

/**
 * The import cycles among the given files (each as a path that returns to its start),
 * found as the strongly connected components of the graph (Tarjan).
 */
export function importCycles(files: readonly string[]): string[][] {
  const edges = new Map<string, string[]>();
  const out = (v: string) => {
    let targets = edges.get(v);
    if (!targets) edges.set(v, (targets = importsOf(v).files.filter((t) => t.endsWith('.ts'))));
    return targets;
  };
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of out(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || out(v).includes(v)) components.push(component);
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return components.map((component) => cyclePath(component, edges));
}

/** One concrete cycle through a strongly connected component, for the message: a → b → … → a. */
function cyclePath(component: string[], edges: Map<string, string[]>): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  // Breadth-first from start back to start, inside the component.
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of edges.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let at: string | undefined = v; at && at !== start; at = previous.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}
