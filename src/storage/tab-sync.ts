import { z } from 'zod';
import type { LibraryChange } from './process-repository';

/** Name of the BroadcastChannel all MissingLink tabs of one origin share. */
export const TAB_CHANNEL_NAME = 'missinglink';

/** A committed library change as another tab sees it: the change plus the tab that made it. */
export type LibraryMessage = LibraryChange & { tabId: string };

const changeMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('created'), processId: z.string(), name: z.string(), tabId: z.string() }),
  z.object({ type: z.literal('saved'), processId: z.string(), revision: z.number(), tabId: z.string() }),
  z.object({ type: z.literal('renamed'), processId: z.string(), name: z.string(), tabId: z.string() }),
  z.object({ type: z.literal('deleted'), processId: z.string(), tabId: z.string() })
]);
const presenceMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('presence'), tabId: z.string(), openProcessIds: z.array(z.string()) }),
  z.object({ type: z.literal('presence-query'), tabId: z.string() }),
  z.object({ type: z.literal('tab-closed'), tabId: z.string() })
]);
// Another tab may run an older or newer build: anything that does not fit is ignored.
const anyMessage = z.union([changeMessage, presenceMessage]);
type AnyMessage = z.infer<typeof anyMessage>;

/** The part of BroadcastChannel TabSync uses; tests and old browsers can supply their own. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

/** Timer for the presence heartbeat (same shape as the Autosaver's). */
export interface PresenceTimer {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

/** Wiring for TabSync; every default suits the browser. */
export interface TabSyncOptions {
  channelName?: string;
  tabId?: string;
  /** Returns undefined where no cross-tab channel exists; TabSync then works as a silent no-op. */
  createChannel?: (name: string) => ChannelLike | undefined;
  timer?: PresenceTimer;
  /** How often a tab with open processes re-announces them. */
  heartbeatMs?: number;
  /** After this long without news a tab counts as gone (it crashed or was killed). */
  staleAfterMs?: number;
}

function defaultChannel(name: string): ChannelLike | undefined {
  return typeof BroadcastChannel === 'function' ? (new BroadcastChannel(name) as unknown as ChannelLike) : undefined;
}

const defaultTimer: PresenceTimer = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
  now: () => Date.now()
};

function randomTabId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `tab-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Tells other tabs what this tab changed in the library (so their lists refresh and
 * their editors learn early that they are stale) and which processes each tab has
 * open (so the UI can warn "this process is open in another tab").
 */
export class TabSync {
  /** Identifies this tab in messages and presence. */
  readonly tabId: string;
  /** False when the browser has no BroadcastChannel; everything then still works for this tab alone. */
  readonly available: boolean;

  private readonly channel: ChannelLike | undefined;
  private readonly timer: PresenceTimer;
  private readonly heartbeatMs: number;
  private readonly staleAfterMs: number;
  private readonly changeListeners = new Set<(message: LibraryMessage) => void>();
  private readonly presenceListeners = new Set<() => void>();
  private readonly others = new Map<string, { openProcessIds: Set<string>; seenAt: number }>();
  private readonly open = new Set<string>();
  private heartbeat: unknown;
  private closed = false;

  constructor(options: TabSyncOptions = {}) {
    this.tabId = options.tabId ?? randomTabId();
    this.timer = options.timer ?? defaultTimer;
    this.heartbeatMs = options.heartbeatMs ?? 10_000;
    this.staleAfterMs = options.staleAfterMs ?? 3 * this.heartbeatMs;
    this.channel = (options.createChannel ?? defaultChannel)(options.channelName ?? TAB_CHANNEL_NAME);
    this.available = this.channel !== undefined;
    this.channel?.addEventListener('message', (event) => this.receive(event.data));
    this.post({ type: 'presence-query', tabId: this.tabId });
  }

  /** Announces a committed change to the other tabs (wire as ProcessRepository's `onChange`). */
  publish(change: LibraryChange): void {
    this.post({ ...change, tabId: this.tabId });
  }

  /** Calls `listener` for each change made in another tab; returns the unsubscribe function. */
  subscribe(listener: (message: LibraryMessage) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Marks a process as open in this tab (an editor showed it). */
  openProcess(processId: string): void {
    if (this.open.has(processId)) return;
    this.open.add(processId);
    this.announce();
  }

  /** Marks a process as no longer open in this tab. */
  closeProcess(processId: string): void {
    if (!this.open.delete(processId)) return;
    this.announce();
  }

  /** The other live tabs that have `processId` open. */
  tabsWithOpen(processId: string): string[] {
    const freshSince = this.timer.now() - this.staleAfterMs;
    return [...this.others]
      .filter(([, tab]) => tab.seenAt >= freshSince && tab.openProcessIds.has(processId))
      .map(([tabId]) => tabId);
  }

  /** True when another live tab has `processId` open. */
  isOpenElsewhere(processId: string): boolean {
    return this.tabsWithOpen(processId).length > 0;
  }

  /** Calls `listener` whenever another tab opens or closes a process; returns the unsubscribe function. */
  onPresenceChange(listener: () => void): () => void {
    this.presenceListeners.add(listener);
    return () => this.presenceListeners.delete(listener);
  }

  /** Says goodbye to the other tabs and releases the channel (call on pagehide). */
  close(): void {
    if (this.closed) return;
    this.post({ type: 'tab-closed', tabId: this.tabId });
    this.closed = true;
    this.stopHeartbeat();
    this.channel?.close();
    this.changeListeners.clear();
    this.presenceListeners.clear();
  }

  private announce(): void {
    this.post({ type: 'presence', tabId: this.tabId, openProcessIds: [...this.open] });
    this.stopHeartbeat();
    if (this.open.size > 0 && !this.closed) {
      this.heartbeat = this.timer.setTimeout(() => {
        this.heartbeat = undefined;
        this.announce();
      }, this.heartbeatMs);
    }
  }

  private stopHeartbeat(): void {
    if (this.heartbeat !== undefined) this.timer.clearTimeout(this.heartbeat);
    this.heartbeat = undefined;
  }

  private post(message: AnyMessage): void {
    if (this.closed || !this.channel) return;
    try {
      this.channel.postMessage(message);
    } catch (error) {
      // Cross-tab news is a courtesy; this tab's own work must go on without it.
      console.warn('Could not notify other tabs', error);
    }
  }

  private receive(data: unknown): void {
    const parsed = anyMessage.safeParse(data);
    if (!parsed.success || parsed.data.tabId === this.tabId || this.closed) return;
    const message = parsed.data;
    switch (message.type) {
      case 'presence-query':
        if (this.open.size > 0) this.announce();
        return;
      case 'presence': {
        const before = this.others.get(message.tabId)?.openProcessIds ?? new Set<string>();
        const after = new Set(message.openProcessIds);
        this.others.set(message.tabId, { openProcessIds: after, seenAt: this.timer.now() });
        // Heartbeats repeat the same set; only real changes interest the UI.
        if (before.size !== after.size || [...after].some((id) => !before.has(id))) {
          this.presenceListeners.forEach((listener) => listener());
        }
        return;
      }
      case 'tab-closed':
        if (this.others.delete(message.tabId)) this.presenceListeners.forEach((listener) => listener());
        return;
      default:
        this.changeListeners.forEach((listener) => listener(message));
    }
  }
}
