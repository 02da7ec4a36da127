import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { findChromium } from './browser';

/**
 * A Chromium this test started itself, with a profile folder that outlives it, so a
 * test can kill the whole browser the hard way (SIGKILL: no unload, no flush, no
 * goodbye) and start a new one on the same profile, as after a crash or a power cut
 * of the process. playwright's own launchers hide the process or refuse a profile
 * folder of one's own; a browser started here and reached over CDP allows both.
 */
export interface KillableBrowser {
  browser: Browser;
  /** The profile's default context: its IndexedDB and storage live in the profile folder. */
  context: BrowserContext;
  process: ChildProcess;
  /** Ends the browser and all its helper processes with SIGKILL and waits until it is gone. */
  kill(): Promise<void>;
  /** Ends the browser politely (tests that are done with it). */
  close(): Promise<void>;
}

/** A fresh, empty profile folder; remove it with `removeProfile`. */
export function newProfile(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'missinglink-profile-'));
}

/**
 * Deletes a profile folder made by `newProfile`. A helper process that outlived the
 * browser by a moment can still be writing into it, so removal retries; a folder that
 * still will not go is left to the system's temp cleaning rather than failing a test
 * whose assertions all passed.
 */
export async function removeProfile(dir: string): Promise<void> {
  try {
    await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch (error) {
    console.warn(`Profile folder ${dir} was not removed: ${(error as Error).message}`);
  }
}

/** Whether any process of the group led by `pid` is still alive. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Kills what is left of the process group and waits (up to 5 s) until it is gone. */
async function endGroup(pid: number): Promise<void> {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    return; // already gone
  }
  for (let waited = 0; waited < 5_000 && groupAlive(pid); waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts headless Chromium on `profileDir` and connects to it. */
export async function launchKillable(profileDir: string, extraArgs: readonly string[] = []): Promise<KillableBrowser> {
  const { executablePath, args } = await findChromium();
  const child = spawn(
    executablePath,
    [...args, '--headless=new', '--remote-debugging-port=0', `--user-data-dir=${profileDir}`, '--window-size=1440,900', ...extraArgs, 'about:blank'],
    // Its own process group, so a kill takes the renderer, storage and GPU helpers with it.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true }
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const wsEndpoint = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${seen.slice(-500)}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before it listened: ${seen.slice(-500)}`));
    });
  });
  // Keep reading stderr so a chatty browser never blocks on a full pipe.
  child.stderr!.resume();
  const browser = await chromium.connectOverCDP(wsEndpoint);
  const context = browser.contexts()[0]!;
  return {
    browser,
    context,
    process: child,
    async kill() {
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
      await endGroup(child.pid!);
    },
    async close() {
      await browser.close().catch(() => undefined);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      // Helpers (crash handler, storage, GPU) may linger after the browser process.
      await endGroup(child.pid!);
    }
  };
}
