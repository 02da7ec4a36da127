#!/usr/bin/env node
// The missinglink command line: runs the JavaScript build of src/cli in dist-cli/
// (vite.cli.config.ts; `npm install` makes it through the `prepare` script, and
// `npm run build:cli` remakes it after a change to the sources).
import { existsSync } from 'node:fs';

const entry = new URL('../dist-cli/main.mjs', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('missinglink: the command line is not built yet; run "npm run build:cli" (or "npm install") in the missinglink folder.\n');
  process.exitCode = 2;
} else {
  const { main } = await import(entry.href);
  process.exitCode = await main(process.argv.slice(2));
}
