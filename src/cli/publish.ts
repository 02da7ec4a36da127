/**
 * `missinglink push` and `missinglink pull`: publish `.bpmn` files from a folder (a git
 * checkout, a CI job) to a team workspace, and write the workspace's processes back as
 * files. Neither ever overwrites someone else's work: push refuses a process that was
 * changed in the workspace since it was last published or pulled, and pull skips a file
 * that was changed locally since the last pull.
 */
import { sha256Hex } from '../analysis/audit/fingerprint';
import { BpmnImportError, parseBpmn } from '../model/bpmn-io';
import { CouchServer, WorkspaceError, type Credentials, type Json } from '../workspace/couch';
import { fileNameForProcess, processDocId, processDocumentSchema, processKeyFromFileName, type ProcessDocument } from '../workspace/documents';
import { splitCommandLine } from './arguments';
import type { CliIo } from './io';
import { optionValue, serverArgs } from './workspace';

export const PUSH_USAGE = `Usage: missinglink push <files or folders…> --server URL --workspace NAME [--user NAME --password PW]

Publishes .bpmn files to a team workspace as processes (folders are searched
recursively). The user name and password come from --user/--password or from the
environment variables ML_USER and ML_PASSWORD. Prints per file: created, updated,
unchanged, or conflict (the process was changed in the workspace since it was last
published or pulled: nothing is overwritten, and the workspace's version is named).

Exit codes: 0 all published; 1 some conflicted; 2 an error (sign-in, permission,
unreadable file), with the reason on stderr.
`;

export const PULL_USAGE = `Usage: missinglink pull <folder> --server URL --workspace NAME [--user NAME --password PW]

Writes every process of the workspace you may read as <folder>/<name>.bpmn, with its
value-chain data. A file changed here since the last pull is skipped, and said so.
Remembers what it wrote in <folder>/${'.missinglink-pull.json'}.

Exit codes: 0 all written or unchanged; 1 some skipped; 2 an error.
`;

/** The file in a folder that records what the last pull wrote there. */
export const PULL_STATE_FILE = '.missinglink-pull.json';

/** What a pull wrote: file name → process and the SHA-256 of the text written. */
type PullState = Map<string, { processId: string; sha256: string }>;

async function readPullState(io: CliIo, folder: string): Promise<PullState> {
  const state: PullState = new Map();
  let text: string;
  try {
    text = await io.readFile(join(folder, PULL_STATE_FILE));
  } catch {
    return state;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return state;
  }
  const files = (parsed as { files?: unknown } | null)?.files;
  if (!files || typeof files !== 'object') return state;
  for (const [name, entry] of Object.entries(files as Record<string, unknown>)) {
    const e = entry as { processId?: unknown; sha256?: unknown } | null;
    if (typeof e?.processId === 'string' && typeof e.sha256 === 'string') state.set(name, { processId: e.processId, sha256: e.sha256 });
  }
  return state;
}

async function writePullState(io: CliIo, folder: string, where: { server: string; workspace: string }, state: PullState): Promise<void> {
  const files = Object.fromEntries([...state].sort(([a], [b]) => a.localeCompare(b)));
  await io.writeFile(join(folder, PULL_STATE_FILE), `${JSON.stringify({ server: where.server, workspace: where.workspace, files }, null, 2)}\n`);
}

function join(folder: string, name: string): string {
  return folder.endsWith('/') ? folder + name : `${folder}/${name}`;
}

function splitPath(path: string): { folder: string; name: string } {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? { folder: '.', name: path } : { folder: path.slice(0, slash) || '/', name: path.slice(slash + 1) };
}

/** The user's credentials from the options or the environment, or a message. */
function userCredentials(line: { options: { name: string; value: string }[] }, io: CliIo): Credentials | string {
  const user = optionValue(line as never, 'user') ?? io.env.ML_USER;
  const password = optionValue(line as never, 'password') ?? io.env.ML_PASSWORD;
  if (!user || password === undefined) return 'sign in with --user and --password, or set ML_USER and ML_PASSWORD.';
  return { user, password };
}

async function bpmnFilesIn(io: CliIo, path: string, out: string[]): Promise<void> {
  const kind = await io.kind(path);
  if (kind === 'missing') throw new WorkspaceError('not-found', `${path}: no such file or folder.`);
  if (kind === 'file') {
    out.push(path);
    return;
  }
  const entries = (await io.listDirectory(path)).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const child = join(path, e.name);
    if (e.directory) await bpmnFilesIn(io, child, out);
    else if (/\.bpmn$/i.test(e.name)) out.push(child);
  }
}

/** The name a published process gets: the model's own name, else the file's. */
async function modelName(xml: string, fileName: string): Promise<string> {
  const { definitions } = await parseBpmn(xml);
  const own = typeof definitions.name === 'string' ? definitions.name.trim() : '';
  return own || fileName.replace(/\.(bpmn|xml)$/i, '');
}

type PushOutcome = 'created' | 'updated' | 'unchanged' | 'conflict';

/** Publishes one file; resolves to what happened and, for a conflict, what the workspace holds. */
async function pushFile(server: CouchServer, workspace: string, user: string, path: string, io: CliIo, pulled: Map<string, PullState>): Promise<{ outcome: PushOutcome; detail?: string }> {
  const xml = await io.readFile(path);
  const { folder, name: fileName } = splitPath(path);
  const name = await modelName(xml, fileName);
  if (!pulled.has(folder)) pulled.set(folder, await readPullState(io, folder));
  const fromPull = pulled.get(folder)!.get(fileName);
  const processId = fromPull?.processId ?? processKeyFromFileName(fileName);
  const hash = await sha256Hex(xml);
  const now = new Date().toISOString();
  const current = await server.getDocument(workspace, processDocId(processId));
  const head = current ? processDocumentSchema.safeParse(current) : undefined;
  if (current && !head?.success) throw new WorkspaceError('bad-response', `${path}: the workspace holds a damaged process document ${processDocId(processId)}.`);
  const existing = head?.data;
  // The hash of what the server holds is computed, not taken from the document.
  const serverHash = existing ? await sha256Hex(existing.xml) : undefined;
  if (existing && serverHash === hash) return { outcome: 'unchanged' };
  if (existing) {
    // Safe to replace only what nobody changed since this folder last saw it.
    const unchangedSincePublish = existing.publishedSha256 === serverHash;
    const unchangedSincePull = fromPull !== undefined && fromPull.sha256 === serverHash;
    if (!unchangedSincePublish && !unchangedSincePull) return { outcome: 'conflict', detail: describe(existing) };
  }
  const doc: ProcessDocument = {
    _id: processDocId(processId),
    ...(existing?._rev ? { _rev: existing._rev } : {}),
    type: 'process',
    processId,
    name,
    xml,
    sha256: hash,
    updatedBy: user,
    updatedAt: now,
    publishedSha256: hash
  };
  try {
    await server.putDocument(workspace, doc as unknown as Json & { _id: string });
  } catch (e) {
    if (e instanceof WorkspaceError && e.kind === 'conflict') {
      const latest = processDocumentSchema.safeParse(await server.getDocument(workspace, doc._id));
      return { outcome: 'conflict', detail: latest.success ? describe(latest.data) : 'changed at the same moment' };
    }
    throw e;
  }
  // The published state is history too: a write-once version, so the workspace's history shows every publication.
  await server.putDocument(workspace, {
    _id: `version:${processId}:${now.replace(/[-:.]/g, '')}-${hash.slice(0, 8)}`,
    type: 'version',
    processId,
    name,
    label: `Published from ${fileName}`,
    xml,
    sha256: hash,
    updatedBy: user,
    updatedAt: now
  });
  return { outcome: existing ? 'updated' : 'created' };
}

function describe(doc: ProcessDocument): string {
  return `the workspace has a newer version by ${doc.updatedBy} at ${doc.updatedAt} (revision ${doc._rev ?? '?'}); nothing was overwritten`;
}

/** Runs `missinglink push …`; resolves to the exit code. */
export async function runPushCommand(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    io.stdout(PUSH_USAGE);
    return 0;
  }
  const fail = (message: string) => {
    io.stderr(`missinglink push: ${message}\n`);
    return 2;
  };
  const line = splitCommandLine(argv);
  if (typeof line === 'string') return fail(line);
  const unknown = line.options.find((o) => !['server', 'workspace', 'user', 'password'].includes(o.name));
  if (unknown) return fail(`unknown option --${unknown.name}.`);
  if (line.operands.length === 0) return fail(`name the files or folders to publish.\n\n${PUSH_USAGE}`);
  const where = serverArgs(line);
  if (typeof where === 'string') return fail(where);
  const credentials = userCredentials(line, io);
  if (typeof credentials === 'string') return fail(credentials);

  let server: CouchServer;
  const files: string[] = [];
  try {
    server = new CouchServer({ url: where.server, credentials });
    for (const operand of line.operands) await bpmnFilesIn(io, operand, files);
    await server.welcome();
  } catch (e) {
    if (e instanceof WorkspaceError) return fail(e.message);
    throw e;
  }
  let errors = 0;
  let conflicts = 0;
  const pulled = new Map<string, PullState>();
  for (const path of files) {
    try {
      const { outcome, detail } = await pushFile(server, where.workspace, credentials.user, path, io, pulled);
      if (outcome === 'conflict') conflicts++;
      io.stdout(`${outcome.padEnd(9)} ${path}${detail ? ` (${detail})` : ''}\n`);
    } catch (e) {
      errors++;
      if (e instanceof WorkspaceError) {
        io.stderr(`missinglink push: ${path}: ${e.message}\n`);
        // Signing in or reaching the server fails the same way for every further file.
        if (['wrong-password', 'not-member', 'no-workspace', 'unreachable', 'timeout', 'not-couchdb'].includes(e.kind)) return 2;
      } else if (e instanceof BpmnImportError) io.stderr(`missinglink push: ${path}: ${e.message}\n`);
      else if ((e as NodeJS.ErrnoException).code) io.stderr(`missinglink push: ${path}: cannot read the file (${(e as Error).message}).\n`);
      else throw e;
    }
  }
  return errors > 0 ? 2 : conflicts > 0 ? 1 : 0;
}

/** Runs `missinglink pull <folder> …`; resolves to the exit code. */
export async function runPullCommand(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    io.stdout(PULL_USAGE);
    return 0;
  }
  const fail = (message: string) => {
    io.stderr(`missinglink pull: ${message}\n`);
    return 2;
  };
  const line = splitCommandLine(argv);
  if (typeof line === 'string') return fail(line);
  const unknown = line.options.find((o) => !['server', 'workspace', 'user', 'password'].includes(o.name));
  if (unknown) return fail(`unknown option --${unknown.name}.`);
  if (line.operands.length !== 1) return fail(`name one folder to write the processes into.\n\n${PULL_USAGE}`);
  const folder = line.operands[0]!.replace(/\/+$/, '') || '/';
  const where = serverArgs(line);
  if (typeof where === 'string') return fail(where);
  const credentials = userCredentials(line, io);
  if (typeof credentials === 'string') return fail(credentials);

  try {
    const server = new CouchServer({ url: where.server, credentials });
    await server.welcome();
    if ((await io.kind(folder)) === 'file') return fail(`${folder} is a file, not a folder.`);
    const docs = (await server.documentsWithPrefix(where.workspace, 'process:'))
      .map((d) => processDocumentSchema.safeParse(d))
      .filter((r) => r.success)
      .map((r) => r.data!)
      .sort((a, b) => a.name.localeCompare(b.name) || a.processId.localeCompare(b.processId));
    const state = await readPullState(io, folder);
    const byProcess = new Map([...state].map(([file, e]) => [e.processId, file]));
    const taken = new Set([...state.keys()].map((f) => f.toLowerCase()));
    const next: PullState = new Map();
    let skipped = 0;
    for (const doc of docs) {
      // A process keeps the file it was pulled into before, even when it was renamed since.
      const fileName = byProcess.get(doc.processId) ?? fileNameForProcess(doc.name, taken, doc.processId);
      const path = join(folder, fileName);
      const previous = state.get(fileName);
      let local: string | undefined;
      if ((await io.kind(path)) === 'file') local = await io.readFile(path);
      const localHash = local === undefined ? undefined : await sha256Hex(local);
      const serverHash = await sha256Hex(doc.xml);
      if (localHash === serverHash) {
        next.set(fileName, { processId: doc.processId, sha256: serverHash });
        io.stdout(`unchanged ${path}\n`);
        continue;
      }
      if (local !== undefined && localHash !== previous?.sha256) {
        skipped++;
        if (previous) next.set(fileName, previous);
        io.stdout(`skipped   ${path} (changed here since the last pull; push it, or move it away and pull again)\n`);
        continue;
      }
      await io.writeFile(path, doc.xml);
      next.set(fileName, { processId: doc.processId, sha256: serverHash });
      io.stdout(`${local === undefined ? 'created  ' : 'updated  '} ${path}\n`);
    }
    await writePullState(io, folder, where, next);
    return skipped > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof WorkspaceError) return fail(e.message);
    if ((e as NodeJS.ErrnoException).code) return fail(`cannot write into ${folder} (${(e as Error).message}).`);
    throw e;
  }
}
