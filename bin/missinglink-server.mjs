#!/usr/bin/env node
// `npm run server`: a CouchDB-compatible development server (pouchdb-server) for team
// workspaces, on 127.0.0.1. Production runs on Apache CouchDB 3 (docs/workspace.md).
//
//   PORT                port (default 5984)
//   ML_ADMIN_USER       the server admin's name (default "admin")
//   ML_ADMIN_PASSWORD   the server admin's password (a development default is printed)
//   ML_DATA_DIR         where the databases live (default .missinglink-server/ here)
//   --in-memory         keep nothing on disk (the tests use this)
//   --quiet             print only the ready line
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const inMemory = args.includes('--in-memory');
const quiet = args.includes('--quiet');
const port = Number(process.env.PORT ?? 5984);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`missinglink-server: PORT must be a port number, not "${process.env.PORT}".`);
  process.exit(2);
}
const adminUser = process.env.ML_ADMIN_USER || 'admin';
const defaultPassword = !process.env.ML_ADMIN_PASSWORD;
const adminPassword = process.env.ML_ADMIN_PASSWORD || 'missinglink-dev';
const dataDir = resolve(process.env.ML_DATA_DIR || '.missinglink-server');
mkdirSync(dataDir, { recursive: true });

const require = createRequire(import.meta.url);
let serverBin;
try {
  serverBin = resolve(require.resolve('pouchdb-server/package.json'), '..', 'bin', 'pouchdb-server');
} catch {
  console.error('missinglink-server: pouchdb-server is not installed; run npm install first.');
  process.exit(2);
}

const child = spawn(
  process.execPath,
  ['--require', resolve(import.meta.dirname, 'pouchdb-server-fixes.cjs'), serverBin, '--host', '127.0.0.1', '--port', String(port), '--dir', dataDir, '--config', resolve(dataDir, 'config.json'), '--no-stdout-logs', ...(inMemory ? ['--in-memory'] : [])],
  { stdio: ['ignore', 'pipe', 'pipe'], cwd: dataDir }
);
let output = '';
child.stdout.on('data', (d) => {
  output += d;
  if (!quiet) process.stdout.write(d);
});
child.stderr.on('data', (d) => {
  output += d;
  process.stderr.write(d);
});
child.on('exit', (code, signal) => {
  if (!ready) console.error(`missinglink-server: the server stopped before it was ready (${signal ?? code}).\n${output.slice(-2000)}`);
  process.exit(code ?? 1);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill('SIGTERM'));

const base = `http://127.0.0.1:${port}`;
const auth = `Basic ${Buffer.from(`${adminUser}:${adminPassword}`).toString('base64')}`;
let ready = false;

async function call(method, path, body, withAuth = true) {
  const response = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', ...(withAuth ? { authorization: auth } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  return { status: response.status, text: await response.text() };
}

for (let i = 0; ; i++) {
  try {
    if ((await fetch(base)).ok) break;
  } catch {
    // not listening yet
  }
  if (i > 300) {
    console.error('missinglink-server: the server did not start within 30 s.');
    child.kill('SIGKILL');
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 100));
}

// The first start creates the admin (the server is open until then); later starts check it.
const session = await call('GET', '/_session');
const signedIn = JSON.parse(session.text)?.userCtx;
if (session.status === 200 && signedIn?.roles?.includes('_admin') && signedIn.name === adminUser) {
  // the admin exists with this password
} else {
  const created = await call('PUT', `/_config/admins/${encodeURIComponent(adminUser)}`, adminPassword, false);
  if (created.status !== 200) {
    console.error(`missinglink-server: the admin "${adminUser}" exists with another password (set ML_ADMIN_PASSWORD), or the server refused: ${created.text.trim()}`);
    child.kill('SIGTERM');
    process.exit(2);
  }
}
// Sessions by cookie, for the app (credentials are never stored by the app itself).
await call('PUT', '/_config/couch_httpd_auth/timeout', '3600');
ready = true;
console.log(`MissingLink workspace server ready on ${base} (admin "${adminUser}"${defaultPassword ? `, development password "${adminPassword}"` : ''}; data in ${inMemory ? 'memory' : dataDir})`);
