import { describe, expect, it } from 'vitest';
import type { HtmlTagDescriptor, IndexHtmlTransformContext } from 'vite';
import { preloadApp } from '../../../src/build/preload-app';

const APP = '/repo/src/ui/shell/ml-app.ts';

function chunk(fileName: string, imports: string[] = [], facadeModuleId: string | null = null, dynamicImports: string[] = []) {
  return { type: 'chunk', fileName, imports, dynamicImports, facadeModuleId };
}

/** A build as the app's: an entry with its own imports that awaits the shell chunk, which shares one of them. */
function bundle() {
  return {
    'assets/index.js': chunk('assets/index.js', ['assets/localization.js'], '/repo/index.html', ['assets/ml-app.js']),
    'assets/localization.js': chunk('assets/localization.js', [], null, ['assets/nl.js']),
    'assets/ml-app.js': chunk('assets/ml-app.js', ['assets/bpmn.js', 'assets/localization.js'], APP),
    'assets/bpmn.js': chunk('assets/bpmn.js', ['assets/moddle.js']),
    'assets/moddle.js': chunk('assets/moddle.js'),
    'assets/nl.js': chunk('assets/nl.js', [], '/repo/src/i18n/generated/nl.ts'),
    'assets/index.css': { type: 'asset', fileName: 'assets/index.css' }
  };
}

function run(b: Record<string, unknown>): HtmlTagDescriptor[] {
  const plugin = preloadApp(APP);
  const hook = plugin.transformIndexHtml as { handler(html: string, ctx: Partial<IndexHtmlTransformContext>): HtmlTagDescriptor[] };
  return hook.handler('<html></html>', { bundle: b as never, chunk: b['assets/index.js'] as never });
}

describe('preload-app build plugin', () => {
  it('given the shell chunk main.ts awaits, when index.html is written, then it preloads the shell and its imports that the entry does not already load, and no lazy chunk', () => {
    const tags = run(bundle());
    expect(tags.map((t) => t.attrs?.href)).toEqual(['./assets/bpmn.js', './assets/ml-app.js', './assets/moddle.js']);
    expect(tags.every((t) => t.tag === 'link' && t.attrs?.rel === 'modulepreload' && t.injectTo === 'head')).toBe(true);
  });

  it('given a build without the shell chunk, when index.html is written, then the build fails naming the module', () => {
    const b: Record<string, unknown> = bundle();
    delete b['assets/ml-app.js'];
    expect(() => run(b)).toThrow(/ml-app\.ts/);
  });
});
