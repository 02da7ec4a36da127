import { assign, fromPromise, setup } from 'xstate';

/** What the user asked the document session to do; one operation runs at a time. */
export type SessionEvent =
  | { type: 'OPEN'; processId: string }
  | { type: 'CREATE' }
  | { type: 'IMPORT'; files: File[] }
  | { type: 'RESTORE'; versionId: number }
  | { type: 'CONFLICT' }
  | { type: 'RELOAD' }
  | { type: 'SAVE_COPY' };

export interface SessionContext {
  /** The failure of the last operation, shown to the user; the open model is unchanged by it. */
  lastError: unknown;
}

/**
 * The life cycle of the document being edited: booting, ready for edits, one
 * loading operation at a time (open, create, import, restore), and the conflict
 * mode when another tab saved the same process first. The BPMN document itself
 * stays in the modeler; the machine only sequences what may happen when.
 */
export const sessionMachine = setup({
  types: {
    context: {} as SessionContext,
    events: {} as SessionEvent
  },
  actors: {
    boot: fromPromise<void>(async () => {
      throw new Error('boot not provided');
    }),
    open: fromPromise<void, { processId: string }>(async () => {
      throw new Error('open not provided');
    }),
    create: fromPromise<void>(async () => {
      throw new Error('create not provided');
    }),
    importFiles: fromPromise<void, { files: File[] }>(async () => {
      throw new Error('importFiles not provided');
    }),
    restore: fromPromise<void, { versionId: number }>(async () => {
      throw new Error('restore not provided');
    }),
    reload: fromPromise<void>(async () => {
      throw new Error('reload not provided');
    }),
    saveCopy: fromPromise<void>(async () => {
      throw new Error('saveCopy not provided');
    })
  },
  actions: {
    reportError: () => {},
    clearError: assign({ lastError: () => undefined })
  }
}).createMachine({
  id: 'session',
  context: { lastError: undefined },
  initial: 'booting',
  states: {
    booting: {
      invoke: {
        src: 'boot',
        onDone: 'ready',
        onError: { target: 'ready', actions: [assign({ lastError: ({ event }) => event.error }), 'reportError'] }
      }
    },
    ready: {
      entry: 'clearError',
      on: {
        OPEN: 'opening',
        CREATE: 'creating',
        IMPORT: 'importing',
        RESTORE: 'restoring',
        CONFLICT: 'conflict'
      }
    },
    opening: {
      invoke: {
        src: 'open',
        input: ({ event }) => ({ processId: (event as Extract<SessionEvent, { type: 'OPEN' }>).processId }),
        onDone: 'ready',
        onError: { target: 'ready', actions: [assign({ lastError: ({ event }) => event.error }), 'reportError'] }
      }
    },
    creating: {
      invoke: {
        src: 'create',
        onDone: 'ready',
        onError: { target: 'ready', actions: [assign({ lastError: ({ event }) => event.error }), 'reportError'] }
      }
    },
    importing: {
      invoke: {
        src: 'importFiles',
        input: ({ event }) => ({ files: (event as Extract<SessionEvent, { type: 'IMPORT' }>).files }),
        onDone: 'ready',
        onError: { target: 'ready', actions: [assign({ lastError: ({ event }) => event.error }), 'reportError'] }
      }
    },
    restoring: {
      invoke: {
        src: 'restore',
        input: ({ event }) => ({ versionId: (event as Extract<SessionEvent, { type: 'RESTORE' }>).versionId }),
        onDone: 'ready',
        onError: { target: 'ready', actions: [assign({ lastError: ({ event }) => event.error }), 'reportError'] }
      }
    },
    conflict: {
      on: {
        RELOAD: 'reloading',
        SAVE_COPY: 'copying'
      }
    },
    reloading: {
      invoke: {
        src: 'reload',
        onDone: 'ready',
        onError: { target: 'conflict', actions: [assign({ lastError: ({ event }) => event.error }), 'reportError'] }
      }
    },
    copying: {
      invoke: {
        src: 'saveCopy',
        onDone: 'ready',
        onError: { target: 'conflict', actions: [assign({ lastError: ({ event }) => event.error }), 'reportError'] }
      }
    }
  }
});
