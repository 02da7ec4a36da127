import { resolve } from 'node:path';
import type { HtmlTagDescriptor, Plugin } from 'vite';

/** The module main.ts imports once the user's language is loaded: the shell and all it needs to boot. */
const APP_MODULE = resolve(import.meta.dirname, '../ui/shell/ml-app.ts');

interface ChunkInfo {
  type: 'chunk';
  fileName: string;
  facadeModuleId: string | null;
  imports: string[];
  dynamicImports: string[];
}

/** `start` and every chunk it imports statically, directly or through others. */
function staticClosure(bundle: Record<string, { type: string }>, start: string): Set<string> {
  const seen = new Set<string>();
  const visit = (fileName: string) => {
    if (seen.has(fileName)) return;
    const chunk = bundle[fileName] as ChunkInfo | undefined;
    if (!chunk || chunk.type !== 'chunk') return;
    seen.add(fileName);
    chunk.imports.forEach(visit);
  };
  visit(start);
  return seen;
}

/**
 * The page can only import the shell after main.ts has set the language (so nothing
 * renders in the wrong one), which made its JavaScript a second round trip: fetched
 * only once main.ts and its imports had arrived and run. This plugin lists the shell's
 * chunks in index.html as `modulepreload` links, so the browser fetches and compiles
 * them while main.ts still loads; they are run only when main.ts imports them.
 */
export function preloadApp(module = APP_MODULE): Plugin {
  return {
    name: 'missinglink:preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx): HtmlTagDescriptor[] {
        const bundle = ctx.bundle as Record<string, { type: string }> | undefined;
        const entry = ctx.chunk as ChunkInfo | undefined;
        if (!bundle || !entry) return [];
        const app = Object.values(bundle).find((c): c is ChunkInfo => c.type === 'chunk' && (c as ChunkInfo).facadeModuleId === module);
        if (!app) throw new Error(`preload-app: no chunk for ${module}; has main.ts stopped importing it?`);
        const already = staticClosure(bundle, entry.fileName);
        return [...staticClosure(bundle, app.fileName)]
          .filter((fileName) => !already.has(fileName))
          .sort()
          .map((fileName) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${fileName}` },
            injectTo: 'head'
          }));
      }
    }
  };
}
