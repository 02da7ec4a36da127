#!/usr/bin/env node
// The missinglink command line: runs the TypeScript entry through tsx, so the CLI
// uses exactly the source the app is built from (no separate build step).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
