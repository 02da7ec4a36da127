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

/** Deletes a profile folder made by `newProfile`. */
export function removeProfile(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}

/** Starts headless Chromium on `profileDir` and connects to it. */
export async function launchKillable(profileDir: string): Promise<KillableBrowser> {
  const { executablePath, args } = await findChromium();
  const child = spawn(
    executablePath,
    [...args, '--headless=new', '--remote-debugging-port=0', `--user-data-dir=${profileDir}`, '--window-size=1440,900', 'about:blank'],
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
    },
    async close() {
      await browser.close().catch(() => undefined);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    }
  };
}
