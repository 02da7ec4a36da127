import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProcessRepository } from '../../../src/storage/process-repository';
import { TabSync, type LibraryMessage, type TabSyncOptions } from '../../../src/storage/tab-sync';
import { FakeTimer, openFreshDb, openSecondTab, settle } from './support';

// Node has a real BroadcastChannel: two TabSync instances on one channel name behave
// like two browser tabs. Each test gets its own channel name so tests cannot hear each other.
const runId = Math.random().toString(36).slice(2);
let channelCount = 0;
const open: TabSync[] = [];

function freshChannelName(): string {
  return `missinglink-test-${runId}-${++channelCount}`;
}

function tabs(count: number, options: TabSyncOptions = {}): TabSync[] {
  const channelName = options.channelName ?? freshChannelName();
  return Array.from({ length: count }, (_, i) => {
    const tab = new TabSync({ channelName, tabId: `tab-${i + 1}`, ...options });
    open.push(tab);
    return tab;
  });
}

afterEach(() => {
  open.splice(0).forEach((tab) => tab.close());
});

describe('TabSync: library changes', () => {
  it('given two tabs, when one publishes a save, then the other hears it with the sender, and the sender does not hear itself', async () => {
    const [a, b] = tabs(2);
    const heardByA: LibraryMessage[] = [];
    const heardByB: LibraryMessage[] = [];
    a!.subscribe((m) => heardByA.push(m));
    b!.subscribe((m) => heardByB.push(m));

    a!.publish({ type: 'saved', processId: 'p1', revision: 4 });

    await vi.waitFor(() => expect(heardByB).toEqual([{ type: 'saved', processId: 'p1', revision: 4, tabId: 'tab-1' }]));
    expect(heardByA).toEqual([]);
  });

  it('given a repository wired to TabSync, when a process is renamed and deleted, then a library list in another tab hears both', async () => {
    const [a, b] = tabs(2);
    const db = await openFreshDb();
    const repoA = new ProcessRepository(db, { onChange: (change) => a!.publish(change) });
    const heard: LibraryMessage[] = [];
    b!.subscribe((m) => heard.push(m));

    const p = await repoA.create({ name: 'Old', xml: '<x/>' });
    await repoA.rename(p.id, 'New');
    await repoA.delete(p.id);

    await vi.waitFor(() => expect(heard.map((m) => m.type)).toEqual(['created', 'renamed', 'deleted']));
    expect(heard[1]).toEqual({ type: 'renamed', processId: p.id, name: 'New', tabId: 'tab-1' });
  });

  it('given an editor in another tab, when this tab saves, then that editor learns early that its copy is stale', async () => {
    const [a, b] = tabs(2);
    const db = await openFreshDb();
    const repoA = new ProcessRepository(db, { onChange: (change) => a!.publish(change) });
    const repoB = new ProcessRepository(await openSecondTab(db));
    const p = await repoA.create({ name: 'P', xml: '<x/>' });
    const editorB = { processId: p.id, revision: (await repoB.get(p.id))!.revision, stale: false };
    b!.subscribe((m) => {
      if (m.type === 'saved' && m.processId === editorB.processId && m.revision > editorB.revision) editorB.stale = true;
    });

    await repoA.save(p.id, '<y/>', { expectedRevision: 1 });

    await vi.waitFor(() => expect(editorB.stale).toBe(true));
  });

  it('given a message from an incompatible build, then it is ignored', async () => {
    const channelName = freshChannelName();
    const [a] = tabs(1, { channelName });
    const heard: LibraryMessage[] = [];
    a!.subscribe((m) => heard.push(m));
    const foreign = new BroadcastChannel(channelName);

    foreign.postMessage({ type: 'saved', processId: 'p1' });
    foreign.postMessage('hello');
    foreign.postMessage({ type: 'deleted', processId: 'p2', tabId: 'tab-9' });

    await vi.waitFor(() => expect(heard).toHaveLength(1));
    expect(heard[0]).toMatchObject({ type: 'deleted', processId: 'p2' });
    foreign.close();
  });

  it('given a browser without BroadcastChannel, then TabSync is a silent no-op', () => {
    const alone = new TabSync({ createChannel: () => undefined });
    const listener = vi.fn();
    alone.subscribe(listener);
    alone.openProcess('p1');

    expect(alone.available).toBe(false);
    expect(() => alone.publish({ type: 'deleted', processId: 'p1' })).not.toThrow();
    expect(alone.isOpenElsewhere('p1')).toBe(false);
    expect(listener).not.toHaveBeenCalled();
    alone.close();
  });
});

describe('TabSync: presence', () => {
  it('given a process opened in one tab, then the other tab sees it open elsewhere until it is closed there', async () => {
    const [a, b] = tabs(2);
    const changes = vi.fn();
    b!.onPresenceChange(changes);

    a!.openProcess('p1');
    await vi.waitFor(() => expect(b!.isOpenElsewhere('p1')).toBe(true));
    expect(b!.tabsWithOpen('p1')).toEqual(['tab-1']);
    expect(b!.isOpenElsewhere('p2')).toBe(false);
    expect(a!.isOpenElsewhere('p1')).toBe(false);

    a!.closeProcess('p1');
    await vi.waitFor(() => expect(b!.isOpenElsewhere('p1')).toBe(false));
    expect(changes).toHaveBeenCalledTimes(2);
  });

  it('given a tab that already has a process open, when a new tab starts, then the new tab learns of it', async () => {
    const channelName = freshChannelName();
    const a = new TabSync({ channelName, tabId: 'early' });
    open.push(a);
    a.openProcess('p1');
    await settle();

    const late = new TabSync({ channelName, tabId: 'late' });
    open.push(late);

    await vi.waitFor(() => expect(late.tabsWithOpen('p1')).toEqual(['early']));
  });

  it('given a tab that closes, then its open processes no longer count', async () => {
    const [a, b] = tabs(2);
    a!.openProcess('p1');
    await vi.waitFor(() => expect(b!.isOpenElsewhere('p1')).toBe(true));

    a!.close();

    await vi.waitFor(() => expect(b!.isOpenElsewhere('p1')).toBe(false));
  });

  it('given a tab that stays open for a long time, then its heartbeat keeps it present', async () => {
    const timer = new FakeTimer();
    const [a, b] = tabs(2, { timer, heartbeatMs: 10_000, staleAfterMs: 30_000 });
    a!.openProcess('p1');
    await vi.waitFor(() => expect(b!.isOpenElsewhere('p1')).toBe(true));

    for (let i = 0; i < 6; i++) {
      await timer.advance(25_000);
      await vi.waitFor(() => expect(b!.isOpenElsewhere('p1')).toBe(true));
    }
  });

  it('given a tab that crashed without saying goodbye, then it stops counting once its heartbeat is overdue', async () => {
    const channelName = freshChannelName();
    const frozen = new FakeTimer(); // the crashed tab's clock never runs again
    const timer = new FakeTimer();
    const crashed = new TabSync({ channelName, tabId: 'crashed', timer: frozen, heartbeatMs: 10_000 });
    const b = new TabSync({ channelName, tabId: 'b', timer, heartbeatMs: 10_000, staleAfterMs: 30_000 });
    open.push(crashed, b);
    crashed.openProcess('p1');
    await vi.waitFor(() => expect(b.isOpenElsewhere('p1')).toBe(true));

    await timer.advance(29_000);
    expect(b.isOpenElsewhere('p1')).toBe(true);
    await timer.advance(2_000);
    expect(b.isOpenElsewhere('p1')).toBe(false);
  });
});
