import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { Autosaver, RevisionTracker, type AutosaveState } from '../../../src/storage/autosave';
import { StorageError } from '../../../src/storage/errors';
import { ProcessRepository, type SaveResult } from '../../../src/storage/process-repository';
import { corpusBpmn, FakeTimer, openFreshDb, openSecondTab, settle } from './support';

/** An editor whose content changes with every edit, and a save function that records what reached storage. */
function harness(options: { respond?: (xml: string, call: number) => Promise<SaveResult> } = {}) {
  const timer = new FakeTimer();
  const states: AutosaveState[] = [];
  const saves: { at: number; xml: string }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let revision = 1;
  let edits = 0;
  const save = vi.fn(async (xml: string): Promise<SaveResult> => {
    saves.push({ at: timer.now(), xml });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      return options.respond ? await options.respond(xml, saves.length) : { ok: true, revision: ++revision, updatedAt: timer.now() };
    } finally {
      inFlight--;
    }
  });
  const getXml = vi.fn(async () => `<definitions edits="${edits}"/>`);
  const autosaver = new Autosaver({ save, timer, onState: (s) => states.push(s) });
  return {
    timer,
    states,
    saves,
    save,
    getXml,
    autosaver,
    get maxInFlight() {
      return maxInFlight;
    },
    edit() {
      edits++;
      autosaver.schedule(getXml);
    },
    content(n: number) {
      return `<definitions edits="${n}"/>`;
    }
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('Autosaver', () => {
  it('given a burst of edits, when they stop, then one save stores the latest content 400 ms after the last edit', async () => {
    const h = harness();
    for (let i = 0; i < 4; i++) {
      h.edit();
      await h.timer.advance(100);
    }
    // Last edit at t=300: nothing may be saved before t=700.
    await h.timer.advance(299);
    expect(h.saves).toEqual([]);

    await h.timer.advance(1);

    expect(h.saves).toEqual([{ at: 700, xml: h.content(4) }]);
    expect(h.getXml).toHaveBeenCalledTimes(1);
    expect(h.states.map((s) => s.state)).toEqual(['pending', 'saving', 'saved']);
    expect(h.autosaver.hasUnsavedChanges).toBe(false);
  });

  it('given edits that never pause, then the content is still saved at least every second', async () => {
    const h = harness();
    for (let t = 0; t < 3500; t += 100) {
      h.edit();
      await h.timer.advance(100);
    }

    expect(h.saves.map((s) => s.at)).toEqual([1000, 2000, 3000]);
    // Each save carries every edit made before its moment (edit n happens at t = 100 (n-1)).
    expect(h.saves.map((s) => s.xml)).toEqual([h.content(10), h.content(20), h.content(30)]);
    // When the edits stop (last one at t=3400), the rest follows after the quiet time.
    await h.timer.advance(1000);
    expect(h.saves.at(-1)).toEqual({ at: 3800, xml: h.content(35) });
  });

  it('given pending edits, when flushed (the tab is being hidden), then they are saved at once and not again later', async () => {
    const h = harness();
    h.edit();
    h.edit();

    await h.autosaver.flush();

    expect(h.saves).toEqual([{ at: 0, xml: h.content(2) }]);
    await h.timer.advance(5000);
    expect(h.saves).toHaveLength(1);
    expect(h.timer.pending).toBe(0);
  });

  it('given nothing changed, when flushed, then nothing is saved', async () => {
    const h = harness();
    await h.autosaver.flush();
    expect(h.save).not.toHaveBeenCalled();
  });

  it('given a slow save, when edits continue, then the next save waits for it and never two run at once', async () => {
    const first = deferred<SaveResult>();
    const h = harness({
      respond: (_xml, call) => (call === 1 ? first.promise : Promise.resolve({ ok: true, revision: call + 1, updatedAt: 0 }))
    });
    h.edit();
    await h.timer.advance(400);
    expect(h.saves).toHaveLength(1);

    for (let i = 0; i < 30; i++) {
      h.edit();
      await h.timer.advance(100);
    }
    expect(h.saves).toHaveLength(1);

    first.resolve({ ok: true, revision: 2, updatedAt: 0 });
    await h.timer.advance(0);

    expect(h.saves).toHaveLength(2);
    expect(h.saves[1]!.xml).toBe(h.content(31));
    expect(h.maxInFlight).toBe(1);
    expect(h.states.map((s) => s.state)).toEqual(['pending', 'saving', 'pending', 'saving', 'saved']);
  });

  it('given a save in flight, when flushed, then flush resolves only after the newer edits are stored too', async () => {
    const first = deferred<SaveResult>();
    const h = harness({
      respond: (_xml, call) => (call === 1 ? first.promise : Promise.resolve({ ok: true, revision: 3, updatedAt: 0 }))
    });
    h.edit();
    await h.timer.advance(400);
    h.edit();

    let flushed = false;
    const flushing = h.autosaver.flush().then(() => (flushed = true));
    await settle();
    expect(flushed).toBe(false);
    first.resolve({ ok: true, revision: 2, updatedAt: 0 });
    await flushing;

    expect(h.saves.map((s) => s.xml)).toEqual([h.content(1), h.content(2)]);
    expect(h.autosaver.state).toMatchObject({ state: 'saved', revision: 3 });
  });

  it('given content that is still being written in slices, when flushed (the tab is closing), then the writer is told to finish at once and its content is stored', async () => {
    const h = harness();
    const signals: AbortSignal[] = [];
    // A slow content source: it finishes on its own only after 10 s of slices, or when hurried.
    const sliced = (hurry: AbortSignal) => {
      signals.push(hurry);
      return new Promise<string>((resolve) => {
        const handle = h.timer.setTimeout(() => resolve('<definitions sliced="slow"/>'), 10_000);
        hurry.addEventListener('abort', () => {
          h.timer.clearTimeout(handle);
          resolve('<definitions sliced="hurried"/>');
        });
      });
    };
    h.autosaver.schedule(sliced);
    await h.timer.advance(400);
    expect(signals).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(false);
    expect(h.saves).toEqual([]);

    await h.autosaver.flush();

    expect(signals[0]!.aborted).toBe(true);
    expect(h.saves).toEqual([{ at: 400, xml: '<definitions sliced="hurried"/>' }]);
    expect(h.autosaver.hasUnsavedChanges).toBe(false);
  });

  it('given pending edits and no save running, when flushed, then the content source is asked to hurry from the start', async () => {
    const h = harness();
    const signals: AbortSignal[] = [];
    h.autosaver.schedule(async (hurry) => {
      signals.push(hurry);
      return '<definitions/>';
    });
    await h.autosaver.flush();
    expect(signals.map((s) => s.aborted)).toEqual([true]);

    // An ordinary timed save may take its time.
    h.autosaver.schedule(async (hurry) => {
      signals.push(hurry);
      return '<definitions/>';
    });
    await h.timer.advance(400);
    expect(signals.map((s) => s.aborted)).toEqual([true, false]);
  });

  it('given another tab saved first, when the save conflicts, then saving stops until the shell resumes', async () => {
    const h = harness({
      respond: async (_xml, call) =>
        call === 1 ? { ok: false, reason: 'conflict', current: { revision: 7, updatedAt: 123 } } : { ok: true, revision: 8, updatedAt: 0 }
    });
    h.edit();
    await h.timer.advance(400);

    expect(h.autosaver.state).toEqual({ state: 'conflict', current: { revision: 7, updatedAt: 123 } });
    h.edit();
    await h.timer.advance(5000);
    await h.autosaver.flush();
    expect(h.saves).toHaveLength(1);
    expect(h.autosaver.hasUnsavedChanges).toBe(true);

    // "Save a copy": the shell points the save function elsewhere and resumes.
    h.autosaver.resume();
    await h.timer.advance(400);

    expect(h.saves.map((s) => s.xml)).toEqual([h.content(1), h.content(2)]);
    expect(h.autosaver.state).toMatchObject({ state: 'saved', revision: 8 });
  });

  it('given a conflict resolved by reloading, when resumed with discardPending, then the stale edits are dropped', async () => {
    const h = harness({ respond: async () => ({ ok: false, reason: 'conflict', current: { revision: 2, updatedAt: 0 } }) });
    h.edit();
    await h.timer.advance(400);

    h.autosaver.resume({ discardPending: true });
    await h.timer.advance(5000);

    expect(h.saves).toHaveLength(1);
    expect(h.autosaver.state).toEqual({ state: 'saved' });
    expect(h.autosaver.hasUnsavedChanges).toBe(false);
  });

  it('given a paused autosaver, when edited, then nothing is saved until resume', async () => {
    const h = harness();
    h.autosaver.pause();
    h.edit();
    await h.timer.advance(3000);
    expect(h.saves).toHaveLength(0);

    h.autosaver.resume();
    await h.timer.advance(400);
    expect(h.saves.map((s) => s.xml)).toEqual([h.content(1)]);
  });

  it('given a full disk, when saving fails, then the error is shown, no retry loop runs, and the next edit tries again', async () => {
    const h = harness({
      respond: async (_xml, call) => {
        if (call === 1) throw new StorageError('quota', 'The browser storage is full.');
        return { ok: true, revision: 2, updatedAt: 0 };
      }
    });
    h.edit();
    await h.timer.advance(400);

    expect(h.autosaver.state).toMatchObject({ state: 'error', message: 'The browser storage is full.' });
    await h.timer.advance(4_900);
    expect(h.saves).toHaveLength(1);
    expect(h.autosaver.hasUnsavedChanges).toBe(true);

    h.edit();
    await h.timer.advance(400);
    expect(h.saves.map((s) => s.xml)).toEqual([h.content(1), h.content(2)]);
    expect(h.autosaver.state).toMatchObject({ state: 'saved' });
    await h.timer.advance(120_000);
    expect(h.saves, 'no retry once saved').toHaveLength(2);
  });

  it('given a disk that stays full, when nobody edits, then saving is retried after 5, 15, 30 s and then every minute, and succeeds once space is back', async () => {
    let full = true;
    const h = harness({
      respond: async () => {
        if (full) throw new StorageError('quota', 'The browser storage is full.');
        return { ok: true, revision: 2, updatedAt: 0 };
      }
    });
    h.edit();
    await h.timer.advance(400);
    await h.timer.advance(5_000 + 15_000 + 30_000 + 60_000 + 60_000);

    expect(h.saves.map((s) => s.at)).toEqual([400, 5_400, 20_400, 50_400, 110_400, 170_400]);
    expect(h.autosaver.state.state).toBe('error');
    full = false;
    await h.timer.advance(60_000);
    expect(h.saves).toHaveLength(7);
    expect(h.saves.at(-1)!.xml).toBe(h.content(1));
    expect(h.autosaver.state).toMatchObject({ state: 'saved' });
    expect(h.autosaver.hasUnsavedChanges).toBe(false);
  });

  it('given a failed save, when paused for a conflict decision, then no retry runs until resumed', async () => {
    const h = harness({
      respond: async () => {
        throw new StorageError('quota', 'The browser storage is full.');
      }
    });
    h.edit();
    await h.timer.advance(400);
    h.autosaver.pause();
    await h.timer.advance(120_000);
    expect(h.saves).toHaveLength(1);
  });
});

describe('Autosaver with the real repository', () => {
  it('given two tabs editing one process, then the second tab learns of the conflict, and "save a copy" keeps its work', async () => {
    const first = corpusBpmn('A.1.0.bpmn');
    const dbA = await openFreshDb();
    const repoA = new ProcessRepository(dbA);
    const repoB = new ProcessRepository(await openSecondTab(dbA));
    const p = await repoA.create({ name: 'Shared', xml: first });
    const timer = new FakeTimer();
    const trackerA = new RevisionTracker(repoA, p.id, p.revision);
    const trackerB = new RevisionTracker(repoB, p.id, p.revision);
    const tabA = new Autosaver({ save: trackerA.save, timer });
    const tabB = new Autosaver({ save: trackerB.save, timer });

    tabA.schedule(async () => first.replace('Task', 'Taak'));
    await tabA.flush();
    tabA.schedule(async () => first.replace('Task', 'Activiteit'));
    await tabA.flush();
    tabB.schedule(async () => '<b-work/>');
    await tabB.flush();

    expect(trackerA.revision).toBe(3);
    expect(tabB.state).toEqual({ state: 'conflict', current: { revision: 3, updatedAt: expect.any(Number) } });
    expect((await repoA.get(p.id))!.xml).toBe(first.replace('Task', 'Activiteit'));

    const copy = await repoB.duplicate(p.id, 'Shared (copy)');
    trackerB.retarget(copy.id, copy.revision);
    tabB.resume();
    await tabB.flush();

    expect(await repoB.get(copy.id)).toMatchObject({ xml: '<b-work/>', revision: 2 });
    expect((await repoB.get(p.id))!.revision).toBe(3);
  });
});
