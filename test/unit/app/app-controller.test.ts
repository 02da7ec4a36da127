import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import EventBus from 'diagram-js/lib/core/EventBus';
import { AppController } from '../../../src/app/app-controller';
import { ProcessRepository } from '../../../src/storage/process-repository';
import { TabSync } from '../../../src/storage/tab-sync';
import { openFreshDb, openSecondTab } from '../storage/support';

/*
 * The app service without a browser: a real repository on fake-indexeddb, a real
 * TabSync on node's BroadcastChannel, and a stand-in for the bpmn-js modeler that
 * holds the XML it was given and fires commandStack.changed when the test "edits".
 */

class FakeModeler {
  xml = '';
  readonly bus = new EventBus();
  private readonly services: Record<string, unknown> = {
    eventBus: this.bus,
    canvas: {
      zoom: () => 1,
      viewbox: () => ({
        x: 0,
        y: 0,
        width: 800,
        height: 600,
        inner: { x: 0, y: 0, width: 400, height: 300 },
        outer: { width: 800, height: 600 }
      }),
      scrollToElement: () => {},
      resized: () => {}
    },
    commandStack: { undo: () => {}, redo: () => {}, canUndo: () => true, canRedo: () => false },
    slicedSerializer: { serialize: async () => ({ xml: this.xml }) },
    elementRegistry: { filter: () => [], getAll: () => [], get: () => undefined }
  };
  get<T>(name: string): T {
    if (!(name in this.services)) throw new Error(`no service ${name}`);
    return this.services[name] as T;
  }
  async importXML(xml: string) {
    if (!xml.includes('definitions')) throw new Error('not BPMN');
    this.xml = xml;
    this.bus.fire('import.done', {});
    return { warnings: [] };
  }
  async saveXML() {
    return { xml: this.xml };
  }
  getDefinitions() {
    return undefined;
  }
  /** A user edit: the model changes and the command stack says so. */
  edit(name: string) {
    this.xml = this.xml.replace(/name="[^"]*"/, `name="${name}"`);
    this.bus.fire('commandStack.changed', {});
  }
}

const started: AppController[] = [];
afterEach(async () => {
  for (const c of started.splice(0)) await c.flush().catch(() => {});
});

async function app(options: { db?: Awaited<ReturnType<typeof openFreshDb>>; channel?: string } = {}) {
  const db = options.db ?? (await openFreshDb());
  const tabSync = new TabSync({ channelName: options.channel ?? `t-${Math.random()}` });
  const repository = new ProcessRepository(db, { onChange: (change) => tabSync.publish(change) });
  const modeler = new FakeModeler();
  const controller = new AppController(modeler as never, repository, tabSync);
  started.push(controller);
  controller.start();
  await vi.waitFor(() => expect(controller.state.booted && !controller.state.busy).toBe(true), { timeout: 10_000 });
  return { controller, modeler, repository, db };
}

describe('AppController', () => {
  it('given an empty library, when the app starts, then the sample processes are added and one is open', async () => {
    const { controller, modeler } = await app();
    expect(controller.state.processes.length).toBeGreaterThan(0);
    expect(controller.state.processes.map((p) => p.id)).toContain(controller.state.current?.id);
    expect(modeler.xml).toContain('definitions');
    expect(controller.state.saveState).toBe('saved');
  });

  it('given an edit, when the app flushes, then the stored process has the edit and a new revision', async () => {
    const { controller, modeler, repository } = await app();
    const id = controller.state.current!.id;
    const before = (await repository.get(id))!.revision;
    modeler.edit('Edited in the test');
    expect(controller.state.saveState).not.toBe('saved');
    await controller.flush();
    const stored = (await repository.get(id))!;
    expect(stored.xml).toContain('Edited in the test');
    expect(stored.revision).toBeGreaterThan(before);
    expect(controller.state.saveState).toBe('saved');
  });

  it('given a process, when it is duplicated, then the library has a copy named "(copy)" with the same model, and the original stays open', async () => {
    const { controller, repository } = await app();
    const original = controller.state.current!;
    await controller.duplicate(original.id);
    const copy = controller.state.processes.find((p) => p.name === `${original.name} (copy)`);
    expect(copy).toBeDefined();
    expect((await repository.get(copy!.id))!.xml).toBe((await repository.get(original.id))!.xml);
    expect(controller.state.current?.id).toBe(original.id);
    expect(controller.state.notices.map((n) => n.tone)).toContain('success');
  });

  it('given the open process, when it is deleted, then it leaves the library and another process opens', async () => {
    const { controller, repository } = await app();
    const removed = controller.state.current!.id;
    const count = controller.state.processes.length;
    await controller.remove(removed);
    await vi.waitFor(() => expect(controller.state.busy).toBe(false));
    expect(await repository.get(removed)).toBeUndefined();
    expect(controller.state.processes).toHaveLength(count - 1);
    expect(controller.state.current?.id).not.toBe(removed);
    expect(controller.state.current).toBeDefined();
  });

  it('given a file that is not BPMN, when it is imported, then the user is told and the open model and the library are unchanged', async () => {
    const { controller, modeler } = await app();
    const open = controller.state.current!.id;
    const xml = modeler.xml;
    const count = controller.state.processes.length;
    controller.importFiles([new File(['hello'], 'notes.bpmn', { type: 'text/xml' })]);
    await vi.waitFor(() => expect(controller.state.notices.some((n) => n.tone === 'error')).toBe(true));
    await vi.waitFor(() => expect(controller.state.busy).toBe(false));
    expect(controller.state.current?.id).toBe(open);
    expect(modeler.xml).toBe(xml);
    expect(controller.state.processes).toHaveLength(count);
  });

  it('given two tabs on the same process, when the other tab saves first, then this tab is in conflict and "save my changes as a copy" keeps both', async () => {
    const channel = `conflict-${Math.random()}`;
    const first = await app({ channel });
    const second = await app({ db: await openSecondTab(first.db), channel });
    const id = first.controller.state.current!.id;
    if (second.controller.state.current?.id !== id) {
      second.controller.open(id);
      await vi.waitFor(() => expect(second.controller.state.current?.id === id && !second.controller.state.busy).toBe(true));
    }
    second.modeler.edit('Saved by the other tab');
    await second.controller.flush();
    await vi.waitFor(() => expect(first.controller.state.conflict).toBe(true));
    first.modeler.edit('Mine');
    first.controller.resolveConflict('copy');
    await vi.waitFor(() => expect(first.controller.state.conflict).toBe(false));
    await vi.waitFor(() => expect(first.controller.state.busy).toBe(false));
    const stored = await first.repository.get(id);
    expect(stored!.xml).toContain('Saved by the other tab');
    const copies = await Promise.all(first.controller.state.processes.map((p) => first.repository.get(p.id)));
    expect(copies.some((p) => p!.id !== id && p!.xml.includes('Mine'))).toBe(true);
  });
});
