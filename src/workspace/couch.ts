/**
 * A thin client for the CouchDB HTTP API (documents, `_security`, `_users`), used by the
 * command line. Replication is not done here: the app replicates with PouchDB. Every
 * failure becomes a `WorkspaceError` whose message tells a user what happened and what
 * to do, in place of a status code.
 */

/** Why a request to the workspace server failed. */
export type WorkspaceErrorKind =
  | 'unreachable'
  | 'timeout'
  | 'not-couchdb'
  | 'wrong-password'
  | 'not-member'
  | 'forbidden'
  | 'no-workspace'
  | 'not-found'
  | 'conflict'
  | 'server-full'
  | 'server-error'
  | 'bad-response';

/** A failed request, with a message for the user. */
export class WorkspaceError extends Error {
  constructor(
    readonly kind: WorkspaceErrorKind,
    message: string,
    readonly status?: number
  ) {
    super(message);
    this.name = 'WorkspaceError';
  }
}

/** Name and password for Basic authentication. */
export interface Credentials {
  user: string;
  password: string;
}

/** How to reach one server. */
export interface ServerOptions {
  /** The server's address, e.g. `http://127.0.0.1:5984`. */
  url: string;
  credentials?: Credentials;
  /** Milliseconds before a request is given up (default 15 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The parsed JSON answer of a request that succeeded. */
export type Json = Record<string, unknown>;

/** A server address normalised to end without a slash; throws a WorkspaceError for anything but http(s). */
export function serverUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new WorkspaceError('unreachable', `"${url}" is not a server address (for example http://127.0.0.1:5984).`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new WorkspaceError('unreachable', `"${url}" is not an http or https address.`);
  if (parsed.username || parsed.password) throw new WorkspaceError('unreachable', 'Give the user name and password as options, not inside the address.');
  return parsed.href.replace(/\/+$/, '');
}

/** A CouchDB-protocol server. */
export class CouchServer {
  readonly url: string;
  private readonly auth?: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(options: ServerOptions) {
    this.url = serverUrl(options.url);
    if (options.credentials) this.auth = basicAuth(options.credentials);
    this.timeoutMs = options.timeoutMs ?? 15000;
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** Checks that the address answers as a CouchDB-protocol server; resolves to its welcome object. */
  async welcome(): Promise<Json> {
    const body = await this.request('GET', '/');
    if (typeof body.couchdb !== 'string' && typeof body['express-pouchdb'] !== 'string')
      throw new WorkspaceError('not-couchdb', `${this.url} answers, but it is not a CouchDB server.`);
    return body;
  }

  /** One request; `path` is already encoded. `accept` lists statuses that are answers, not errors. */
  async request(method: string, path: string, body?: unknown, accept: number[] = []): Promise<Json & { status?: number }> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    let response: Response;
    try {
      response = await this.fetchImpl(this.url + path, {
        method,
        headers: { accept: 'application/json', 'content-type': 'application/json', ...(this.auth ? { authorization: this.auth } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal
      });
    } catch (e) {
      if (controller.signal.aborted) throw new WorkspaceError('timeout', `${this.url} did not answer within ${Math.round(this.timeoutMs / 1000)} s.`);
      throw new WorkspaceError('unreachable', `Cannot reach ${this.url} (${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message}).`);
    } finally {
      clearTimeout(timer);
    }
    const text = await response.text().catch(() => '');
    let json: unknown;
    try {
      json = text.length > 0 ? JSON.parse(text) : {};
    } catch {
      json = undefined;
    }
    const ok = response.ok || accept.includes(response.status);
    if (ok && json !== null && typeof json === 'object' && !Array.isArray(json)) return Object.assign(json as Json, { status: response.status });
    if (json === undefined || json === null || typeof json !== 'object') {
      if (response.ok) throw new WorkspaceError('not-couchdb', `${this.url} answered something that is not CouchDB's JSON.`, response.status);
      throw failure(response.status, {}, this.url, path);
    }
    throw failure(response.status, json as Json, this.url, path);
  }

  /** A document, or undefined when there is none. */
  async getDocument(db: string, id: string): Promise<Json | undefined> {
    const body = await this.request('GET', `/${encodeURIComponent(db)}/${encodeDocId(id)}`, undefined, [404]);
    if (body.status === 404) {
      if (body.reason === 'no_db_file' || body.reason === 'Database does not exist.') throw noWorkspace(db);
      return undefined;
    }
    return body;
  }

  /** Writes a document; resolves to its new revision. */
  async putDocument(db: string, doc: Json & { _id: string }): Promise<string> {
    const body = await this.request('PUT', `/${encodeURIComponent(db)}/${encodeDocId(doc._id)}`, doc);
    return String(body.rev);
  }

  /** Every document whose id starts with `prefix`, with its body. */
  async documentsWithPrefix(db: string, prefix: string): Promise<Json[]> {
    const query = `startkey=${encodeURIComponent(JSON.stringify(prefix))}&endkey=${encodeURIComponent(JSON.stringify(`${prefix}\ufff0`))}&include_docs=true`;
    const body = await this.request('GET', `/${encodeURIComponent(db)}/_all_docs?${query}`, undefined, [404]);
    if (body.status === 404) throw noWorkspace(db);
    const rows = Array.isArray(body.rows) ? body.rows : [];
    return rows.map((r) => (r as { doc?: Json }).doc).filter((d): d is Json => d !== null && typeof d === 'object');
  }
}

/** The Authorization header value for Basic authentication (UTF-8 names and passwords). */
export function basicAuth({ user, password }: Credentials): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

function noWorkspace(db: string): WorkspaceError {
  return new WorkspaceError('no-workspace', `The workspace "${db}" does not exist on this server (create it with missinglink workspace init).`, 404);
}

/** A document id in a URL: design documents keep their slash. */
export function encodeDocId(id: string): string {
  return id.startsWith('_design/') ? `_design/${encodeURIComponent(id.slice(8))}` : encodeURIComponent(id);
}

function failure(status: number, body: Json, url: string, path: string): WorkspaceError {
  const reason = typeof body.reason === 'string' ? body.reason : '';
  const error = typeof body.error === 'string' ? body.error : '';
  if (status === 401) {
    if (/name or password/i.test(reason)) return new WorkspaceError('wrong-password', 'The user name or password is wrong.', status);
    if (/not authorized to access this db|not a member/i.test(reason) || path !== '/_session')
      return new WorkspaceError('not-member', reason ? `You are not allowed in: ${reason}` : 'You are not a member of this workspace.', status);
    return new WorkspaceError('wrong-password', 'Sign in first.', status);
  }
  if (status === 403) return new WorkspaceError('forbidden', `The server refused the change: ${reason || error || 'forbidden'}`, status);
  if (status === 404) return new WorkspaceError('not-found', `Not found on ${url}: ${reason || path}`, status);
  if (status === 409) return new WorkspaceError('conflict', 'Someone else changed this document first.', status);
  if (status === 413 || /no space|disk full|enospc|insufficient_storage/i.test(`${reason} ${error}`) || status === 507)
    return new WorkspaceError('server-full', 'The workspace server has no room left; ask its administrator.', status);
  if (status >= 500) return new WorkspaceError('server-error', `The workspace server failed (${status}${reason ? `: ${reason}` : ''}); try again later.`, status);
  return new WorkspaceError('bad-response', `Unexpected answer ${status}${reason ? `: ${reason}` : ''}.`, status);
}
