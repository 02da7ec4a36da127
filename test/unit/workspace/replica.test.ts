import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';
import { WorkspaceReplica, type ProcessConflict, type SyncState } from '../../../src/workspace/replica';
import { couch, startCouchServer, type TestCouchServer } from '../../support/couch-server';
import { NodePouch } from '../../support/pouch-node';
import { memoryIo } from '../cli/support';

/*
 * Two colleagues' replicas of one workspace, replicating live through a real
 * CouchDB-protocol server: changes travel, offline work arrives later, conflicts are told
 * and resolved without losing an edit, and the server's refusals reach the person.
 */

const SAMPLE = readFileSync(new URL('../../../processes/klachtafhandeling.bpmn', import.meta.url), 'utf8');
const variant = (label: string) => SAMPLE.replace('</bpmn:definitions>', `<!-- ${label} --></bpmn:definitions>`);
const WS = 'sync-ws';
let server: TestCouchServer;
const people = {
  eddie: { password: 'eddie-pw', role: 'editor' },
  erin: { password: 'erin-pw', role: 'editor' },
  vic: { password: 'vic-pw', role: 'viewer' },
  rita: { password: 'rita-pw', role: 'editor' }
} as const;
const replicas: WorkspaceReplica[] = [];
let counter = 0;

async function cli(...argv: string[]) {
  const io = memoryIo({});
  const code = await runCli(argv, io);
  expect(code, io.err()).toBe(0);
}

function replicaOf(user: keyof typeof people, publishIntervalMs = 50): WorkspaceReplica {
  const r = new WorkspaceReplica({
    PouchDB: NodePouch,
    localName: `local-${user}-${++counter}`,
    localAdapter: 'memory',
    remoteUrl: `${server.url}/${WS}`,
    user,
    auth: { username: user, password: people[user].password },
    publishIntervalMs
  });
  replicas.push(r);
  return r;
}

/** Resolves when `predicate` holds, polling every 20 ms, or fails after `ms`. */
async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 10000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  server = await startCouchServer({ persistent: true });
  await cli('workspace', 'init', '--server', server.url, '--workspace', WS, '--admin', server.adminArg);
  for (const [user, p] of Object.entries(people))
    await cli('workspace', 'add-member', '--server', server.url, '--workspace', WS, '--admin', server.adminArg, '--user', user, '--password', p.password, '--role', p.role, '--department', 'Marketing');
}, 120000);

afterAll(async () => {
  for (const r of replicas) await r.stop().catch(() => undefined);
  await server?.dispose();
});

describe('a workspace replica', () => {
  it('given two editors online, when one publishes a process, then the other receives it within 2 s', async () => {
    const a = replicaOf('eddie');
    const b = replicaOf('erin');
    const received: string[] = [];
    b.onProcessChanged((doc) => received.push(doc.processId));
    a.start();
    b.start();
    await until('both synced', () => a.state.kind === 'synced' && b.state.kind === 'synced');
    const started = Date.now();
    a.publish('complaints', 'Klachtafhandeling', variant('first'));
    await until('the change at B', () => received.includes('complaints'), 2000);
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await b.head('complaints'))?.xml).toBe(variant('first'));
    await until('A synced again', () => a.state.kind === 'synced');
  });

  it('publishes a process at most once per interval, with the latest content', async () => {
    const a = replicaOf('eddie', 400);
    a.start();
    for (let i = 0; i < 20; i++) a.publish('burst', 'Burst', variant(`edit ${i}`));
    expect(a.waiting()).toBe(1);
    await until('the head', () => a.head('burst'), 3000);
    const remote = await until('on the server', async () => {
      const r = await couch(server, 'GET', `/${WS}/process:burst`, undefined, { user: 'eddie', password: 'eddie-pw' });
      return r.status === 200 ? r.body : undefined;
    });
    expect(remote.xml).toBe(variant('edit 19'));
    // One publication for twenty edits: the first revision carries the last edit.
    expect(String(remote._rev)).toMatch(/^1-/);
  });

  it('given the server is gone, edits wait (offline, N waiting) and arrive when it is back, nothing lost or duplicated', async () => {
    const a = replicaOf('eddie');
    const b = replicaOf('erin');
    a.start();
    b.start();
    await until('synced', () => a.state.kind === 'synced' && b.state.kind === 'synced');
    await server.kill();
    const states: SyncState[] = [];
    a.onState((s) => states.push(s));
    await a.writeHead('offline-1', 'Offline one', variant('offline 1'));
    await a.writeHead('offline-2', 'Offline two', variant('offline 2'));
    await until('offline with 2 waiting', () => a.state.kind === 'offline' && a.state.waiting === 2, 15000);
    await server.restart();
    await until('B has both', async () => (await b.head('offline-1')) && (await b.head('offline-2')), 20000);
    await until('A synced', () => a.state.kind === 'synced', 20000);
    const all = await couch(server, 'GET', `/${WS}/_all_docs?startkey="process:offline"&endkey="process:offline\ufff0"`, undefined, { user: 'erin', password: 'erin-pw' });
    expect((all.body.rows as Array<{ id: string }>).map((r) => r.id)).toEqual(['process:offline-1', 'process:offline-2']);
  }, 60000);

  describe('given two editors changed the same process at the same time', () => {
    async function conflictOn(processId: string): Promise<{ a: WorkspaceReplica; b: WorkspaceReplica; told: ProcessConflict; toldA: ProcessConflict[] }> {
      const a = replicaOf('eddie');
      const b = replicaOf('erin');
      a.start();
      b.start();
      await a.writeHead(processId, 'Shared', variant('base'));
      await until('B has the base', () => b.head(processId));
      await until('both synced', () => a.state.kind === 'synced' && b.state.kind === 'synced');
      // Both edit while neither has the other's change: stop replicating, edit, replicate again.
      await a.stop();
      await b.stop();
      const a2 = replicaOf('eddie');
      const b2 = replicaOf('erin');
      await a.local.replicate.to(a2.local);
      await b.local.replicate.to(b2.local);
      await a2.writeHead(processId, 'Shared', variant('eddie first'));
      await new Promise((r) => setTimeout(r, 5));
      await b2.writeHead(processId, 'Shared', variant('erin second'));
      const toldA: ProcessConflict[] = [];
      const toldB: ProcessConflict[] = [];
      a2.onConflict((c) => toldA.push(c));
      b2.onConflict((c) => toldB.push(c));
      a2.start();
      b2.start();
      const told = await until('erin is told', () => toldB[0], 15000).catch(async (e) => {
        console.log('DEBUGC', JSON.stringify({ ...(await b2.local.get(`process:${processId}`, { conflicts: true })), xml: 0 }), JSON.stringify({ ...(await a2.local.get(`process:${processId}`, { conflicts: true })), xml: 0 }), JSON.stringify((await couch(server, "GET", `/${WS}/process:${processId}?conflicts=true`, undefined, server.admin)).body._conflicts), JSON.stringify(b2.state), JSON.stringify(a2.state));
        throw e;
      });
      return { a: a2, b: b2, told, toldA };
    }

    it('the one whose change came second is told, with both versions, and the other is not', async () => {
      const { told, toldA } = await conflictOn('told');
      expect(told.mine.xml).toBe(variant('erin second'));
      expect(told.theirs.xml).toBe(variant('eddie first'));
      expect(told.theirs.updatedBy).toBe('eddie');
      await new Promise((r) => setTimeout(r, 500));
      expect(toldA).toEqual([]);
    }, 60000);

    for (const choice of ['keep-mine', 'take-theirs', 'keep-both'] as const) {
      it(`choosing ${choice} loses no edit: the other one is kept as a version or a process, on both sides`, async () => {
        const id = `choice-${choice}`;
        const { a, b, told } = await conflictOn(id);
        const mineProcess = await b.resolve(told, choice);
        const expectHead = choice === 'keep-mine' ? variant('erin second') : variant('eddie first');
        await until('A sees the resolution', async () => (await a.head(id))?.xml === expectHead, 15000);
        const doc = await a.local.get(`process:${id}`, { conflicts: true });
        await until('no conflict left', async () => ((await a.local.get(`process:${id}`, { conflicts: true })) as { _conflicts?: string[] })._conflicts === undefined, 15000);
        expect(doc).toBeDefined();
        const versions = (await until('versions at A', async () => {
          const v = await a.versions(id);
          return choice === 'keep-both' || v.length > 0 ? v : undefined;
        }, 15000)).map((v) => v.xml);
        if (choice === 'keep-mine') expect(versions).toContain(variant('eddie first'));
        if (choice === 'take-theirs') expect(versions).toContain(variant('erin second'));
        if (choice === 'keep-both') {
          expect(mineProcess).not.toBe(id);
          expect((await until('the copy at A', () => a.head(mineProcess), 15000)).xml).toBe(variant('erin second'));
        }
      }, 60000);
    }
  });

  it('given a viewer, a change is refused by the server and the reason reaches the state', async () => {
    const v = replicaOf('vic');
    v.start();
    await v.writeHead('by-viewer', 'By viewer', variant('viewer'));
    const state = await until('refused', () => (v.state.kind === 'error' ? v.state : undefined));
    expect(state.reason).toMatch(/A viewer may read the workspace but not change it/);
    const r = await couch(server, 'GET', `/${WS}/process:by-viewer`, undefined, server.admin);
    expect(r.status).toBe(404);
  });

  it('given a member removed while connected, they are told and keep their local copy', async () => {
    const r = replicaOf('rita');
    r.start();
    await r.writeHead('rita-work', 'Rita', variant('rita'));
    await until('synced', () => r.state.kind === 'synced');
    await cli('workspace', 'remove-member', '--server', server.url, '--workspace', WS, '--admin', server.adminArg, '--user', 'rita');
    // Her next change cannot reach the server; the replica says why and keeps it.
    await r.writeHead('rita-work', 'Rita', variant('rita after removal'));
    const state = await until('told', () => (r.state.kind === 'error' || r.state.kind === 'signed-out' ? r.state : undefined), 20000);
    expect(state.kind === 'error' ? state.reason : 'signed-out').toMatch(/no longer a member|signed-out/);
    expect((await r.head('rita-work'))?.xml).toBe(variant('rita after removal'));
  }, 40000);
});
