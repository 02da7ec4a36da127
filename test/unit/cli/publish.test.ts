import { createServer, type Server } from 'node:http';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/analysis/audit/fingerprint';
import { nodeIo, type CliIo } from '../../../src/cli/io';
import { runCli } from '../../../src/cli/main';
import { couch, freePort, startCouchServer, type TestCouchServer } from '../../support/couch-server';

/*
 * missinglink workspace / push / pull against a real CouchDB-protocol server, on real
 * files, as a BPM professional's CI job would run them.
 */

const ROOT = resolve(import.meta.dirname, '../../..');
let server: TestCouchServer;
let work: string;
const WS = 'team';
const editor = { user: 'erin', password: 'erin-pw' };
const viewer = { user: 'victor', password: 'victor-pw' };

async function run(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { ...nodeIo(), stdout: (s) => void (out += s), stderr: (s) => void (err += s), env };
  const code = await runCli(argv, io);
  return { code, out, err };
}
const as = (u: { user: string; password: string }) => ['--user', u.user, '--password', u.password];
const at = () => ['--server', server.url, '--workspace', WS];

beforeAll(async () => {
  server = await startCouchServer();
  work = mkdtempSync(join(tmpdir(), 'ml-publish-'));
  expect((await run(['workspace', 'init', ...at(), '--admin', server.adminArg])).code).toBe(0);
  for (const [u, role] of [
    [editor, 'editor'],
    [viewer, 'viewer']
  ] as const) {
    const r = await run(['workspace', 'add-member', ...at(), '--admin', server.adminArg, '--user', u.user, '--password', u.password, '--role', role]);
    expect(r.code, r.err).toBe(0);
  }
}, 120000);

afterAll(async () => {
  await server?.dispose();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('missinglink workspace', () => {
  it('init is idempotent and upgrades an older design document', async () => {
    const again = await run(['workspace', 'init', ...at(), '--admin', server.adminArg]);
    expect(again).toMatchObject({ code: 0, out: 'workspace team: exists; write rules already current.\n' });
    const design = await couch(server, 'GET', `/${WS}/_design/missinglink`, undefined, server.admin);
    await couch(server, 'PUT', `/${WS}/_design/missinglink`, { ...design.body, missinglinkVersion: 0, validate_doc_update: 'function () {}' }, server.admin);
    const upgraded = await run(['workspace', 'init', ...at(), '--admin', server.adminArg]);
    expect(upgraded.out).toBe('workspace team: exists; write rules upgraded.\n');
    // The upgraded rules hold again: a viewer is refused.
    const write = await couch(server, 'PUT', `/${WS}/process:x`, { type: 'process' }, viewer);
    expect(write.status).toBe(403);
  });

  it('add-member changes a member’s role and departments, and keeps members closed to others', async () => {
    const r = await run(['workspace', 'add-member', ...at(), '--admin', server.adminArg, '--user', viewer.user, '--role', 'viewer', '--department', 'Verkoop', '--department', 'Finance']);
    expect(r).toMatchObject({ code: 0, out: 'victor: changed as viewer (Verkoop, Finance); existing account.\n' });
    const sec = await couch(server, 'GET', `/${WS}/_security`, undefined, server.admin);
    expect(sec.body).toMatchObject({ missinglink: { members: { victor: { role: 'viewer', departments: ['Verkoop', 'Finance'] } } } });
  });

  it('explains a wrong admin password, a missing workspace and bad arguments, with exit code 2', async () => {
    const wrong = await run(['workspace', 'init', ...at(), '--admin', 'admin:nope']);
    expect(wrong).toMatchObject({ code: 2, err: 'missinglink workspace init: The user name or password is wrong.\n' });
    const missing = await run(['workspace', 'add-member', '--server', server.url, '--workspace', 'nowhere', '--admin', server.adminArg, '--user', 'x', '--role', 'viewer']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/"nowhere" does not exist/);
    const role = await run(['workspace', 'add-member', ...at(), '--admin', server.adminArg, '--user', 'x', '--role', 'boss']);
    expect(role.err).toMatch(/--role must be one of owner, editor, auditor, viewer/);
    const name = await run(['workspace', 'init', '--server', server.url, '--workspace', 'Team Space', '--admin', server.adminArg]);
    expect(name.err).toMatch(/cannot be a workspace name/);
  });
});

describe('missinglink push and pull', () => {
  let models: string;

  beforeAll(() => {
    models = join(work, 'models');
    cpSync(join(ROOT, 'processes'), models, { recursive: true });
  });

  it('publishes every .bpmn file of a folder, then reports them unchanged', async () => {
    const first = await run(['push', models, ...at(), ...as(editor)]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const files = readdirSync(models).filter((f) => f.endsWith('.bpmn'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(first.out.trim().split('\n')).toHaveLength(files.length);
    for (const line of first.out.trim().split('\n')) expect(line).toMatch(/^created {3}/);
    const again = await run(['push', models, ...at(), ...as(editor)]);
    expect(again.code).toBe(0);
    for (const line of again.out.trim().split('\n')) expect(line).toMatch(/^unchanged /);
    // Every publication is history: a write-once version per created process.
    const versions = await couch(server, 'GET', `/${WS}/_all_docs?startkey="version:"&endkey="version:\ufff0"`, undefined, editor);
    expect((versions.body.rows as unknown[]).length).toBe(files.length);
  });

  it('takes the credentials from ML_USER and ML_PASSWORD', async () => {
    const r = await run(['push', models, ...at()], { ML_USER: editor.user, ML_PASSWORD: editor.password });
    expect(r.code).toBe(0);
    const none = await run(['push', models, ...at()]);
    expect(none).toMatchObject({ code: 2 });
    expect(none.err).toMatch(/set ML_USER and ML_PASSWORD/);
  });

  it('updates a process changed in the folder, and refuses to overwrite one changed in the workspace (exit 1)', async () => {
    const file = join(models, 'klachtafhandeling.bpmn');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('</bpmn:definitions>', '<!-- edited in git --></bpmn:definitions>'));
    const updated = await run(['push', file, ...at(), ...as(editor)]);
    expect(updated).toMatchObject({ code: 0 });
    expect(updated.out).toMatch(/^updated {3}.*klachtafhandeling\.bpmn\n$/);

    // A colleague edits the process in the app: the head changes, not through a publication.
    const head = await couch(server, 'GET', `/${WS}/process:klachtafhandeling`, undefined, editor);
    const appXml = original.replace('</bpmn:definitions>', '<!-- edited in the app --></bpmn:definitions>');
    const edited = await couch(server, 'PUT', `/${WS}/process:klachtafhandeling`, { ...head.body, xml: appXml, sha256: await sha256Hex(appXml), updatedBy: editor.user, updatedAt: new Date().toISOString() }, editor);
    expect(edited.status).toBe(201);

    writeFileSync(file, original.replace('</bpmn:definitions>', '<!-- edited in git again --></bpmn:definitions>'));
    const conflict = await run(['push', models, ...at(), ...as(editor)]);
    expect(conflict.code).toBe(1);
    expect(conflict.out).toMatch(/^conflict {2}.*klachtafhandeling\.bpmn \(the workspace has a newer version by erin at .* \(revision 3-[0-9a-f]+\); nothing was overwritten\)$/m);
    const after = await couch(server, 'GET', `/${WS}/process:klachtafhandeling`, undefined, editor);
    expect(after.body.xml).toBe(appXml);
    writeFileSync(file, original);
  });

  it('refuses a viewer’s push with the server’s reason (exit 2)', async () => {
    const file = join(work, 'viewer.bpmn');
    cpSync(join(ROOT, 'processes/klachtafhandeling.bpmn'), file);
    const r = await run(['push', file, ...at(), ...as(viewer)]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/A viewer may read the workspace but not change it\./);
  });

  it('refuses an unreadable file with its reason and publishes the rest (exit 2)', async () => {
    const folder = join(work, 'mixed');
    cpSync(join(ROOT, 'processes/klachtafhandeling.bpmn'), join(folder, 'good.bpmn'));
    writeFileSync(join(folder, 'broken.bpmn'), 'this is not xml');
    const r = await run(['push', folder, ...at(), ...as(editor)]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/broken\.bpmn: The file is not well-formed XML/);
    expect(r.out).toMatch(/^created {3}.*good\.bpmn$/m);
  });

  it('pulls every process as <name>.bpmn, byte for byte what was pushed, then unchanged', async () => {
    const out = join(work, 'pulled');
    const first = await run(['pull', out, ...at(), ...as(viewer)]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const written = readdirSync(out).filter((f) => f.endsWith('.bpmn'));
    expect(written.length).toBeGreaterThanOrEqual(5);
    // The pushed sample comes back byte-identical, named after the model.
    const pushed = readFileSync(join(models, 'klachtafhandeling.bpmn'), 'utf8');
    const name = (/<bpmn:definitions[^>]*\sname="([^"]+)"/.exec(pushed) ?? [])[1];
    const match = written.find((f) => readFileSync(join(out, f), 'utf8') === readFileSync(join(models, 'van-lead-tot-order.bpmn'), 'utf8'));
    expect(match, 'a pulled file equal to the pushed van-lead-tot-order.bpmn').toBeDefined();
    if (name) expect(written).toContain(`${name}.bpmn`);
    const again = await run(['pull', out, ...at(), ...as(viewer)]);
    expect(again.out).not.toMatch(/^skipped/m);
    expect(again.code).toBe(0);
    for (const line of again.out.trim().split('\n')) expect(line).toMatch(/^unchanged /);
  });

  it('skips a file changed locally since the last pull and says so (exit 1)', async () => {
    const out = join(work, 'pulled');
    const file = readdirSync(out).find((f) => f.endsWith('.bpmn'))!;
    writeFileSync(join(out, file), 'my local notes');
    const r = await run(['pull', out, ...at(), ...as(viewer)]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`skipped   ${join(out, file)} (changed here since the last pull`);
    expect(readFileSync(join(out, file), 'utf8')).toBe('my local notes');
  });

  it('tells a wrong password, a non-member, an unreachable server and a server that is not CouchDB apart (exit 2)', async () => {
    const wrong = await run(['pull', join(work, 'x'), ...at(), '--user', editor.user, '--password', 'nope']);
    expect(wrong).toMatchObject({ code: 2, err: 'missinglink pull: The user name or password is wrong.\n' });
    await couch(server, 'PUT', '/_users/org.couchdb.user:stranger', { _id: 'org.couchdb.user:stranger', name: 'stranger', type: 'user', roles: [], password: 's' }, server.admin);
    const stranger = await run(['pull', join(work, 'x'), ...at(), '--user', 'stranger', '--password', 's']);
    expect(stranger.code).toBe(2);
    expect(stranger.err).toMatch(/not allowed in/);
    const port = await freePort();
    const unreachable = await run(['push', models, '--server', `http://127.0.0.1:${port}`, '--workspace', WS, ...as(editor)]);
    expect(unreachable.code).toBe(2);
    expect(unreachable.err).toMatch(/Cannot reach http:\/\/127\.0\.0\.1:\d+/);
    const web: Server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hello</html>'));
    await new Promise<void>((r) => web.listen(0, '127.0.0.1', () => r()));
    const notCouch = await run(['push', models, '--server', `http://127.0.0.1:${(web.address() as { port: number }).port}`, '--workspace', WS, ...as(editor)]);
    web.close();
    expect(notCouch.code).toBe(2);
    expect(notCouch.err).toMatch(/is not CouchDB|not a CouchDB server/);
  });
});
