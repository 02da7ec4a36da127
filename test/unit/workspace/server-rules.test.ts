import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';
import { couch, startCouchServer, type TestCouchServer } from '../../support/couch-server';
import { memoryIo } from '../cli/support';

/*
 * The workspace's write rules as the server enforces them: every request here talks to
 * a real CouchDB-protocol server over HTTP, as a forged client would, bypassing the app.
 */

let server: TestCouchServer;
const WS = 'rules-ws';
const users = {
  olivia: { user: 'olivia', password: 'o-pass', role: 'owner' },
  eddie: { user: 'eddie', password: 'e-pass', role: 'editor' },
  ada: { user: 'ada', password: 'a-pass', role: 'auditor' },
  vic: { user: 'vic', password: 'v-pass', role: 'viewer' },
  nora: { user: 'nora', password: 'n-pass', role: undefined }
} as const;
type Who = keyof typeof users;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo({});
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

beforeAll(async () => {
  server = await startCouchServer();
  const init = await cli('workspace', 'init', '--server', server.url, '--workspace', WS, '--admin', server.adminArg);
  expect(init.code, init.err).toBe(0);
  for (const u of Object.values(users)) {
    if (!u.role) {
      // A user with an account on the server who is no member of this workspace.
      await couch(server, 'PUT', `/_users/org.couchdb.user:${u.user}`, { _id: `org.couchdb.user:${u.user}`, name: u.user, type: 'user', roles: [], password: u.password }, server.admin);
      continue;
    }
    const add = await cli('workspace', 'add-member', '--server', server.url, '--workspace', WS, '--admin', server.adminArg, '--user', u.user, '--password', u.password, '--role', u.role, '--department', 'Marketing');
    expect(add.code, add.err).toBe(0);
  }
}, 120000);

afterAll(async () => server?.dispose());

let counter = 0;
const now = () => new Date().toISOString();
function docOf(type: string, who: Who, extra: Record<string, unknown> = {}): Record<string, unknown> & { _id: string } {
  counter++;
  const base = { type, updatedBy: users[who].user, updatedAt: now() };
  switch (type) {
    case 'process':
      return { _id: `process:p${counter}`, ...base, processId: `p${counter}`, name: 'Lead to order', xml: '<definitions/>', sha256: '0'.repeat(64), ...extra };
    case 'version':
      return { _id: `version:p1:${counter}`, ...base, processId: 'p1', name: 'Lead to order', label: 'v1', xml: '<definitions/>', ...extra };
    case 'review':
      return { _id: `review:p1:${counter}`, ...base, processId: 'p1', reviewer: users[who].user, fingerprint: 'f'.repeat(64), remarks: 'ok', ...extra };
    case 'exemption-approval':
      return { _id: `exemption-approval:p1:${counter}`, ...base, processId: 'p1', approvedBy: users[who].user, ...extra };
    default:
      return { _id: `${type}:${counter}`, ...base, ...extra };
  }
}

async function write(who: Who, doc: Record<string, unknown> & { _id: string }) {
  return couch(server, 'PUT', `/${WS}/${encodeURIComponent(doc._id)}`, doc, users[who]);
}

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');

const TYPES = ['process', 'version', 'review', 'exemption-approval', 'action', 'assessment'] as const;
const MAY_CREATE: Record<(typeof TYPES)[number], Who[]> = {
  process: ['olivia', 'eddie'],
  version: ['olivia', 'eddie'],
  review: ['olivia', 'ada'],
  'exemption-approval': ['olivia', 'ada'],
  action: ['olivia', 'eddie'],
  assessment: ['olivia', 'eddie']
};

describe('the workspace server: who may write what', () => {
  for (const type of TYPES) {
    for (const who of ['olivia', 'eddie', 'ada', 'vic'] as const) {
      const allowed = MAY_CREATE[type].includes(who);
      it(`${article(users[who].role)} ${users[who].role} ${allowed ? 'may' : 'may not'} create ${article(type)} ${type} document`, async () => {
        const r = await write(who, docOf(type, who));
        expect(r.status, JSON.stringify(r.body)).toBe(allowed ? 201 : 403);
        if (!allowed) expect(String(r.body.reason)).toMatch(/may not|viewer/i);
      });
    }
  }

  it('a non-member reads nothing and writes nothing (401), signed in or not', async () => {
    for (const as of [users.nora, undefined]) {
      expect((await couch(server, 'GET', `/${WS}/_all_docs`, undefined, as)).status).toBe(401);
      expect((await couch(server, 'GET', `/${WS}/_changes`, undefined, as)).status).toBe(401);
      expect((await couch(server, 'PUT', `/${WS}/process:x`, docOf('process', 'nora'), as)).status).toBe(401);
    }
  });

  it('every member reads everything, the viewer included', async () => {
    await write('eddie', docOf('process', 'eddie'));
    for (const who of ['olivia', 'eddie', 'ada', 'vic'] as const) {
      const r = await couch(server, 'GET', `/${WS}/_all_docs?include_docs=true`, undefined, users[who]);
      expect(r.status).toBe(200);
      expect((r.body.rows as unknown[]).length).toBeGreaterThan(1);
    }
  });

  it('a write must name the signed-in user as its author: an editor cannot write as the owner', async () => {
    const r = await write('eddie', docOf('process', 'olivia'));
    expect(r.status).toBe(403);
    expect(String(r.body.reason)).toMatch(/updatedBy must be the signed-in user/);
  });

  it('an auditor cannot sign off in another auditor’s name, and an editor cannot sign off at all', async () => {
    const forged = await write('ada', docOf('review', 'ada', { reviewer: 'olivia' }));
    expect(forged.status).toBe(403);
    expect(String(forged.body.reason)).toMatch(/signed by the signed-in user/);
    const editor = await write('eddie', docOf('review', 'eddie'));
    expect(editor.status).toBe(403);
    expect(String(editor.body.reason)).toMatch(/editor may not write a review/);
  });

  it('a signed version or review cannot be changed by anyone, the owner included', async () => {
    for (const [type, author] of [
      ['version', 'eddie'],
      ['review', 'ada']
    ] as const) {
      const doc = docOf(type, author);
      const created = await write(author, doc);
      expect(created.status).toBe(201);
      for (const who of ['olivia', 'eddie', 'ada'] as const) {
        const changed = await write(who, { ...doc, _rev: created.body.rev, updatedBy: users[who].user, ...(type === 'review' ? { reviewer: users[who].user } : {}), remarks: 'changed' });
        expect(changed.status, `${who} changing a ${type}`).toBe(403);
      }
      // The server admin is bound by the same rule.
      const admin = await couch(server, 'PUT', `/${WS}/${encodeURIComponent(doc._id)}`, { ...doc, _rev: created.body.rev, label: 'x' }, server.admin);
      expect(admin.status).toBe(403);
    }
  });

  it('only an owner deletes a signed review, and the deletion records who and why', async () => {
    const doc = docOf('review', 'ada');
    const created = await write('ada', doc);
    const rev = created.body.rev as string;
    for (const who of ['eddie', 'ada', 'vic'] as const) {
      const r = await couch(server, 'DELETE', `/${WS}/${encodeURIComponent(doc._id)}?rev=${rev}`, undefined, users[who]);
      expect(r.status, who).toBe(403);
    }
    const bare = await couch(server, 'DELETE', `/${WS}/${encodeURIComponent(doc._id)}?rev=${rev}`, undefined, users.olivia);
    expect(bare.status).toBe(403);
    expect(String(bare.body.reason)).toMatch(/deletedBy|reason/);
    const recorded = await write('olivia', { _id: doc._id, _rev: rev, _deleted: true, deletedBy: 'olivia', deletionReason: 'signed the wrong model', updatedAt: now() });
    expect([200, 201]).toContain(recorded.status);
    // The tombstone keeps who deleted it and why.
    const tomb = await couch(server, 'GET', `/${WS}/${encodeURIComponent(doc._id)}?rev=${recorded.body.rev}`, undefined, users.vic);
    expect(tomb.body).toMatchObject({ _deleted: true, deletedBy: 'olivia', deletionReason: 'signed the wrong model' });
  });

  it('an editor edits a process head; a viewer cannot, and is told why', async () => {
    const doc = docOf('process', 'eddie');
    const created = await write('eddie', doc);
    const updated = await write('eddie', { ...doc, _rev: created.body.rev, name: 'Renamed' });
    expect(updated.status).toBe(201);
    const viewer = await write('vic', { ...doc, _rev: updated.body.rev, updatedBy: 'vic', name: 'By viewer' });
    expect(viewer.status).toBe(403);
    expect(viewer.body.reason).toBe('A viewer may read the workspace but not change it.');
  });

  it('refuses unknown document types, ids that do not match their type, and a change of type', async () => {
    expect((await write('olivia', docOf('secret', 'olivia'))).status).toBe(403);
    expect((await write('olivia', { ...docOf('process', 'olivia'), _id: 'review:sneaky' })).status).toBe(403);
    const doc = docOf('action', 'eddie');
    const created = await write('eddie', doc);
    const retyped = await write('eddie', { ...doc, _id: doc._id, _rev: created.body.rev, type: 'process' });
    expect(retyped.status).toBe(403);
  });

  it('members cannot change the rules, the members or the roles; an owner manages members', async () => {
    for (const who of ['eddie', 'ada', 'vic'] as const) {
      expect((await couch(server, 'PUT', `/${WS}/_design/evil`, { validate_doc_update: 'function(){}' }, users[who])).status, who).toBeGreaterThanOrEqual(401);
      const sec = await couch(server, 'PUT', `/${WS}/_security`, { members: { names: [who] }, missinglink: { version: 1, members: { [who]: { role: 'owner', departments: [] } } } }, users[who]);
      expect(sec.status, who).toBeGreaterThanOrEqual(401);
    }
    const current = await couch(server, 'GET', `/${WS}/_security`, undefined, users.olivia);
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ missinglink: { members: { vic: { role: 'viewer' } } } });
    const byOwner = await couch(server, 'PUT', `/${WS}/_security`, current.body, users.olivia);
    expect(byOwner.status).toBe(200);
  });
});
