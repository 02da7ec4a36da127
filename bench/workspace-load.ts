/**
 * Team workspace under load, against a real CouchDB-protocol server on 127.0.0.1 that
 * this script starts (pouchdb-server through bin/missinglink-server.mjs) and stops.
 * Run: npx tsx bench/workspace-load.ts [--clients 20] [--processes 50] [--edits 3]
 *
 * 1. Load: N clients (PouchDB replicas in this process, as the app uses them), each with
 *    P processes of its own, edit and sync through one server; a few processes are edited
 *    by two clients at once. Reports the time to converge, edits lost (target 0) and
 *    conflicts surfaced against conflicts created (target all).
 * 2. Propagation from A to B: median and p95 over repeated edits (target median ≤ 1 s).
 * 3. First sync of a 500-process workspace into a new replica (target ≤ 10 s).
 * 4. Bytes sent per autosaved edit of a 1,000-node model (the whole head document
 *    travels: the XML is the source of truth), against the XML's own size as baseline.
 */
import { createServer, connect } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { generateCollaboration } from './lib/generate-collaboration';
import { printFigures, quantile, median, round, writeResult } from './lib/browser-bench';
import { runCli } from '../src/cli/main';
import { WorkspaceReplica, type ProcessConflict } from '../src/workspace/replica';
import { couch, startCouchServer } from '../test/support/couch-server';
import { NodePouch } from '../test/support/pouch-node';
import { memoryIo } from '../test/unit/cli/support';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const CLIENTS = opt('clients', 20);
const PROCESSES = opt('processes', 50);
const EDITS = opt('edits', 3);
const CONTESTED = Math.min(10, CLIENTS - 1);
const WS = 'load';
const DEADLINE_MS = 240_000;

const server = await startCouchServer();
const started = Date.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function cli(...argv: string[]) {
  const io = memoryIo({});
  const code = await runCli(argv, io);
  if (code !== 0) throw new Error(io.err());
}

async function until(what: string, probe: () => Promise<boolean> | boolean, ms = 120_000): Promise<number> {
  const t0 = performance.now();
  while (!(await probe())) {
    if (performance.now() - t0 > ms || Date.now() - started > DEADLINE_MS) throw new Error(`timed out: ${what}`);
    await sleep(25);
  }
  return performance.now() - t0;
}

/** A TCP relay in front of the server that counts the bytes a client sends through it (headers included). */
let bytesSent = 0;
const relay = createServer((client) => {
  const upstream = connect(Number(new URL(server.url).port), '127.0.0.1');
  client.on('data', (chunk) => (bytesSent += chunk.length));
  client.pipe(upstream).pipe(client);
  client.on('error', () => upstream.destroy());
  upstream.on('error', () => client.destroy());
});
await new Promise<void>((r) => relay.listen(0, '127.0.0.1', () => r()));
const relayUrl = `http://127.0.0.1:${(relay.address() as { port: number }).port}`;

let serial = 0;
function replica(user: string, options: { via?: string; interval?: number } = {}): WorkspaceReplica {
  return new WorkspaceReplica({
    PouchDB: NodePouch,
    localName: `bench-${user}-${++serial}`,
    localAdapter: 'memory',
    remoteUrl: `${options.via ?? server.url}/${WS}`,
    user,
    auth: { username: user, password: `${user}-pw` },
    publishIntervalMs: options.interval ?? 0
  });
}

const small = (owner: string, p: number, edit: number) => `<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d_${owner}_${p}" targetNamespace="x"><bpmn:process id="p"><bpmn:task id="t" name="edit ${edit} by ${owner}"/></bpmn:process></bpmn:definitions>`;

try {
  await cli('workspace', 'init', '--server', server.url, '--workspace', WS, '--admin', server.adminArg);
  const users = Array.from({ length: CLIENTS }, (_, i) => `user${i}`);
  for (const u of users) await cli('workspace', 'add-member', '--server', server.url, '--workspace', WS, '--admin', server.adminArg, '--user', u, '--password', `${u}-pw`, '--role', 'editor');

  // ---- 1. load --------------------------------------------------------------------------------
  const clients = users.map((u) => replica(u));
  const conflictsTold: ProcessConflict[] = [];
  for (const c of clients) c.onConflict((conflict) => conflictsTold.push(conflict));
  for (const c of clients) c.start();
  const loadStart = performance.now();
  const expected = new Map<string, string>();
  for (let edit = 0; edit < EDITS; edit++) {
    await Promise.all(
      clients.map(async (c, i) => {
        for (let p = 0; p < PROCESSES; p++) {
          const id = `${users[i]}-p${p}`;
          const xml = small(users[i]!, p, edit);
          await c.writeHead(id, `Process ${p} of ${users[i]}`, xml);
          expected.set(id, xml);
        }
      })
    );
  }
  // Contested: client 0 and client k edit process "shared-k" at the same moment, from the same base.
  for (let k = 1; k <= CONTESTED; k++) await clients[0]!.writeHead(`shared-${k}`, `Shared ${k}`, small('base', k, 0));
  await until('contested bases everywhere', async () => (await Promise.all(clients.slice(1, CONTESTED + 1).map((c, i) => c.head(`shared-${i + 1}`)))).every(Boolean));
  for (const c of clients.slice(0, CONTESTED + 1)) c.pause();
  await sleep(200);
  const contestedEdits = new Map<string, string[]>();
  for (let k = 1; k <= CONTESTED; k++) {
    const a = small(users[0]!, k, 1);
    const b = small(users[k]!, k, 1);
    await clients[0]!.writeHead(`shared-${k}`, `Shared ${k}`, a);
    await sleep(2);
    await clients[k]!.writeHead(`shared-${k}`, `Shared ${k}`, b);
    contestedEdits.set(`shared-${k}`, [a, b]);
  }
  for (const c of clients.slice(0, CONTESTED + 1)) c.start();

  const total = CLIENTS * PROCESSES;
  const converge = await until('every replica has every process at its last edit', async () => {
    for (const c of [clients[0]!, clients[CLIENTS - 1]!]) {
      const heads = await c.processes();
      if (heads.filter((h) => expected.get(h.processId) === h.xml).length < total) return false;
    }
    return conflictsTold.length >= CONTESTED;
  });
  const loadMs = performance.now() - loadStart;

  // Every edit survives: the last edit of every own process is the head at a client far away.
  const far = await clients[CLIENTS - 1]!.processes();
  const lost = [...expected].filter(([id, xml]) => far.find((h) => h.processId === id)?.xml !== xml).length;
  // Resolve each contested process (keep-mine) and check both edits remain: the head and a version.
  for (const c of conflictsTold) await clients.find((cl) => cl === clients[users.indexOf(c.mine.updatedBy)])!.resolve(c, 'keep-mine');
  let contestedLost = 0;
  await until('resolutions replicated', async () => {
    contestedLost = 0;
    for (const [id, edits] of contestedEdits) {
      const head = await clients[0]!.head(id);
      const versions = (await clients[0]!.versions(id)).map((v) => v.xml);
      for (const xml of edits) if (head?.xml !== xml && !versions.includes(xml)) contestedLost++;
    }
    return contestedLost === 0;
  }, 60_000).catch(() => undefined);
  for (const c of clients) await c.stop();

  // ---- 2. propagation A → B ---------------------------------------------------------------
  const a = replica(users[0]!);
  const b = replica(users[1]!);
  const seen = new Map<string, number>();
  b.onProcessChanged((doc) => {
    if (!seen.has(doc.xml)) seen.set(doc.xml, performance.now());
  });
  a.start();
  b.start();
  await until('A and B synced', () => a.state.kind === 'synced' && b.state.kind === 'synced');
  const delays: number[] = [];
  for (let i = 0; i < 30; i++) {
    const xml = small('propagation', 0, i);
    const t0 = performance.now();
    await a.writeHead('propagation', 'Propagation', xml);
    await until('B sees it', () => seen.has(xml), 10_000);
    delays.push(seen.get(xml)! - t0);
    await sleep(50);
  }
  await a.stop();
  await b.stop();

  // ---- 3. first sync of a 500-process workspace ------------------------------------------------
  const filler = replica(users[2]!);
  filler.start();
  const model = generateCollaboration({ flowNodes: 40, lanes: 4, seed: 7, withValueChain: true });
  for (let p = 0; p < 500 - total; p++) await filler.writeHead(`filler-${p}`, `Filler ${p}`, model.replace('</bpmn:definitions>', `<!-- ${p} --></bpmn:definitions>`));
  await until('filler synced', () => filler.state.kind === 'synced' && filler.waiting() === 0);
  await filler.stop();
  const all = await couch(server, 'GET', `/${WS}/_all_docs?startkey="process:"&endkey="process:\ufff0"`, undefined, server.admin);
  const processCount = (all.body.rows as unknown[]).length;
  const fresh = replica(users[3]!);
  const t0 = performance.now();
  fresh.start();
  await until('first sync', async () => (await fresh.processes()).length >= processCount && fresh.state.kind === 'synced', 60_000);
  const firstSyncMs = performance.now() - t0;
  await fresh.stop();

  // ---- 4. bytes per autosaved edit of a 1,000-node model ------------------------------------------
  const big = generateCollaboration({ flowNodes: 1000, lanes: 6, seed: 3, withValueChain: true });
  const editor = replica(users[4]!, { via: relayUrl });
  editor.start();
  await editor.writeHead('big', 'Big', big);
  await until('big synced', () => editor.state.kind === 'synced' && editor.waiting() === 0);
  await sleep(500);
  bytesSent = 0;
  const AUTOSAVES = 10;
  for (let i = 0; i < AUTOSAVES; i++) {
    await editor.writeHead('big', 'Big', big.replace('</bpmn:definitions>', `<!-- autosave ${i} --></bpmn:definitions>`));
    await until('autosave synced', () => editor.waiting() === 0 && editor.state.kind === 'synced');
    await sleep(100);
  }
  await sleep(500);
  const bytesPerEdit = bytesSent / AUTOSAVES;
  await editor.stop();

  const figures = {
    clients: CLIENTS,
    processesPerClient: PROCESSES,
    editsPerProcess: EDITS,
    load: {
      documentsWritten: total * EDITS + CONTESTED * 3,
      convergeMs: round(loadMs),
      lastReplicaConvergedAfterMs: round(converge),
      editsLost: lost + contestedLost,
      conflictsCreated: CONTESTED,
      conflictsSurfaced: new Set(conflictsTold.map((c) => c.processId)).size
    },
    propagation: { samples: delays.length, medianMs: round(median(delays)), p95Ms: round(quantile(delays, 0.95)), targetMedianMs: 1000 },
    firstSync: { processes: processCount, ms: round(firstSyncMs), targetMs: 10000 },
    autosave: { modelBytes: Buffer.byteLength(big), bytesSentPerEdit: Math.round(bytesPerEdit), ratioToModel: round(bytesPerEdit / Buffer.byteLength(big), 2) },
    machine: { cpus: cpus().length, load1: round(loadavg()[0]!) }
  };
  printFigures('Team workspace under load', [
    ['clients × processes × edits', `${CLIENTS} × ${PROCESSES} × ${EDITS}`],
    ['time to converge', `${figures.load.convergeMs} ms`],
    ['edits lost (target 0)', figures.load.editsLost],
    ['conflicts surfaced / created', `${figures.load.conflictsSurfaced} / ${figures.load.conflictsCreated}`],
    ['propagation A→B median / p95', `${figures.propagation.medianMs} / ${figures.propagation.p95Ms} ms (target median ≤ 1000)`],
    [`first sync of ${processCount} processes`, `${figures.firstSync.ms} ms (target ≤ 10000)`],
    ['bytes sent per autosave (1,000 nodes)', `${figures.autosave.bytesSentPerEdit} (${figures.autosave.ratioToModel}× the model's ${figures.autosave.modelBytes} bytes)`],
    ['load average (1 min)', figures.machine.load1]
  ]);
  console.log(`results: ${await writeResult('workspace-load', figures)}`);
} finally {
  relay.close();
  await server.dispose();
}
process.exit(0);
