import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { sessionMachine } from '../../../src/app/session-machine';

/** A promise the test settles by hand, so each step of an operation can be looked at. */
function gate() {
  let open!: () => void;
  let fail!: (error: unknown) => void;
  const promise = new Promise<void>((resolve, reject) => ((open = resolve), (fail = reject)));
  return { promise, open, fail };
}

/** The session with every operation replaced through .provide(); `calls` records what ran, with its input. */
function session(
  overrides: Partial<Record<'boot' | 'open' | 'create' | 'importFiles' | 'restore' | 'reload' | 'saveCopy', () => Promise<void>>> = {}
) {
  const calls: string[] = [];
  const errors: unknown[] = [];
  const op = <I>(name: string) =>
    fromPromise<void, I>(async ({ input }) => {
      calls.push(input === undefined ? name : `${name} ${JSON.stringify(input)}`);
      await (overrides[name as keyof typeof overrides]?.() ?? Promise.resolve());
    });
  const machine = sessionMachine.provide({
    actors: {
      boot: op('boot'),
      open: op<{ processId: string }>('open'),
      create: op('create'),
      importFiles: op<{ files: File[] }>('importFiles'),
      restore: op<{ versionId: number }>('restore'),
      reload: op('reload'),
      saveCopy: op('saveCopy')
    },
    actions: { reportError: ({ context }) => void errors.push(context.lastError) }
  });
  const actor = createActor(machine).start();
  return { actor, calls, errors };
}

describe('the session machine', () => {
  it('given a start, then it boots and becomes ready for edits', async () => {
    const { actor, calls } = session();
    expect(actor.getSnapshot().value).toBe('booting');
    await waitFor(actor, (s) => s.matches('ready'));
    expect(calls).toEqual(['boot']);
  });

  it('given an open that is still loading, when the user asks to create a process, then that request is ignored: one operation at a time', async () => {
    const loading = gate();
    const { actor, calls } = session({ open: () => loading.promise });
    await waitFor(actor, (s) => s.matches('ready'));
    actor.send({ type: 'OPEN', processId: 'p1' });
    expect(actor.getSnapshot().value).toBe('opening');
    actor.send({ type: 'CREATE' });
    expect(actor.getSnapshot().value).toBe('opening');
    loading.open();
    await waitFor(actor, (s) => s.matches('ready'));
    expect(calls).toEqual(['boot', 'open {"processId":"p1"}']);
  });

  it('given an import that fails, then the session is ready again and the error is reported once, with the failure itself', async () => {
    const failure = new Error('not a BPMN file');
    let fail = true;
    const { actor, errors, calls } = session({ importFiles: () => (fail ? Promise.reject(failure) : Promise.resolve()) });
    await waitFor(actor, (s) => s.matches('ready'));
    actor.send({ type: 'IMPORT', files: [] });
    await waitFor(actor, () => errors.length > 0);
    await waitFor(actor, (s) => s.matches('ready'));
    expect(errors).toEqual([failure]);
    // Back in ready, the error is cleared: the next operation starts clean.
    expect(actor.getSnapshot().context.lastError).toBeUndefined();
    fail = false;
    actor.send({ type: 'IMPORT', files: [] });
    await waitFor(actor, (s) => s.matches('ready') && calls.length === 3);
    expect(errors).toEqual([failure]);
  });

  it('given a conflict with another tab, then only reload or save-as-copy are possible, and a failed reload stays in conflict', async () => {
    let reloadFails = true;
    const { actor, calls } = session({ reload: () => (reloadFails ? Promise.reject(new Error('gone')) : Promise.resolve()) });
    await waitFor(actor, (s) => s.matches('ready'));
    actor.send({ type: 'CONFLICT' });
    expect(actor.getSnapshot().value).toBe('conflict');
    actor.send({ type: 'OPEN', processId: 'p2' });
    expect(actor.getSnapshot().value).toBe('conflict');
    actor.send({ type: 'RELOAD' });
    // A failed reload keeps the conflict and its reason: the user's edits are still unsaved.
    await waitFor(actor, (s) => s.matches('conflict') && (s.context.lastError as Error | undefined)?.message === 'gone');
    reloadFails = false;
    actor.send({ type: 'SAVE_COPY' });
    await waitFor(actor, (s) => s.matches('ready'));
    expect(calls).toEqual(['boot', 'reload', 'saveCopy']);
  });

  it('given a failed boot, then the session is still ready, so the user can open or import', async () => {
    const { actor, errors } = session({ boot: () => Promise.reject(new Error('no storage')) });
    await waitFor(actor, (s) => s.matches('ready'));
    expect((errors[0] as Error).message).toBe('no storage');
    actor.send({ type: 'CREATE' });
    await waitFor(actor, (s) => s.matches('ready'));
  });

  it('given no implementation, then an operation fails with a clear message instead of doing nothing', async () => {
    const reported: unknown[] = [];
    const actor = createActor(
      sessionMachine.provide({ actions: { reportError: ({ context }) => void reported.push(context.lastError) } })
    ).start();
    await waitFor(actor, (s) => s.matches('ready'));
    expect((reported[0] as Error).message).toBe('boot not provided');
  });
});
