import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * A real CouchDB-protocol server for a test (pouchdb-server through bin/missinglink-server.mjs,
 * the same launcher as `npm run server`), on a free port of 127.0.0.1. Never a mock.
 */
export interface TestCouchServer {
  url: string;
  admin: { user: string; password: string };
  /** `user:password` for --admin. */
  adminArg: string;
  /** Stops the server (SIGTERM) and waits for it. */
  stop(): Promise<void>;
  /** Kills the server at once (SIGKILL), as a crash would. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data folder. */
  restart(): Promise<void>;
  /** Ends it and removes its data folder. */
  dispose(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../..');

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const probe = createServer();
    probe.once('error', rej);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => res(port));
    });
  });
}

/** Starts a server; `persistent` keeps the data on disk (LevelDB) so a restart finds it again. */
export async function startCouchServer(options: { persistent?: boolean } = {}): Promise<TestCouchServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'ml-couch-'));
  const admin = { user: 'admin', password: `pw-${port}` };
  let child: ChildProcess | undefined;

  const launch = () =>
    new Promise<void>((res, rej) => {
      const c = spawn(process.execPath, [join(ROOT, 'bin/missinglink-server.mjs'), '--quiet', ...(options.persistent ? [] : ['--in-memory'])], {
        cwd: dataDir,
        env: { ...process.env, PORT: String(port), ML_ADMIN_USER: admin.user, ML_ADMIN_PASSWORD: admin.password, ML_DATA_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true
      });
      child = c;
      let out = '';
      const timer = setTimeout(() => rej(new Error(`the workspace server did not start within 60 s:\n${out}`)), 60000);
      c.stdout!.on('data', (d) => {
        out += d;
        if (out.includes('ready on')) {
          clearTimeout(timer);
          res();
        }
      });
      c.stderr!.on('data', (d) => {
        out += d;
        if (process.env.ML_SERVER_LOG) process.stderr.write(`[server] ${d}`);
      });
      c.once('exit', (code) => {
        clearTimeout(timer);
        rej(new Error(`the workspace server exited (${code}):\n${out}`));
      });
    });

  const end = async (signal: NodeJS.Signals) => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise<void>((res) => c.once('exit', () => res()));
    // The launcher and the server it spawned form one process group.
    try {
      process.kill(-c.pid!, signal);
    } catch {
      c.kill(signal);
    }
    await exited;
    await new Promise((r) => setTimeout(r, 100));
  };

  await launch();
  return {
    url: `http://127.0.0.1:${port}`,
    admin,
    adminArg: `${admin.user}:${admin.password}`,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
    restart: launch,
    async dispose() {
      await end('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
}

/** One HTTP request to the server as a given user (or anonymous): status and parsed body. */
export async function couch(
  server: { url: string },
  method: string,
  path: string,
  body?: unknown,
  as?: { user: string; password: string }
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(server.url + path, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(as ? { authorization: `Basic ${Buffer.from(`${as.user}:${as.password}`).toString('base64')}` } : {})
    },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}
