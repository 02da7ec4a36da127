import { defineConfig } from 'vite';

/*
 * The command line as plain JavaScript for node (docs/cli.md "How it is built"): vite's
 * SSR build of src/cli/main.ts into dist-cli/, run by bin/missinglink.mjs. Packages are
 * bundled in, so a run loads a few files instead of resolving node_modules; each command
 * and its heavy dependencies is a chunk of its own, loaded only when that command runs.
 */
export default defineConfig({
  // The app's public/ folder and its plugins have nothing to do with the command line.
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    reportCompressedSize: false,
    rollupOptions: {
      output: {
        format: 'es',
        entryFileNames: 'main.mjs',
        chunkFileNames: 'chunks/[name]-[hash].mjs'
      }
    }
  },
  ssr: { target: 'node', noExternal: true }
});
