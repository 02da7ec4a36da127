/**
 * Setting up a workspace on a CouchDB-protocol server, as a server admin: the database,
 * its `_security` (members, roles, departments) and the design document with the write
 * rules. Every operation is idempotent, so `workspace init` also upgrades an older
 * design document, and `add-member` also changes a member.
 */
import { CouchServer, WorkspaceError, encodeDocId, type Json } from './couch';
import { DESIGN_ID, DESIGN_VERSION, designDocument } from './design';
import { membersOf, securityWith, withMembershipRoles, workspaceNameProblem, type Membership } from './members';

/** What `initWorkspace` did. */
export interface InitResult {
  database: 'created' | 'existed';
  design: 'created' | 'upgraded' | 'current';
}

function checkName(workspace: string): void {
  const problem = workspaceNameProblem(workspace);
  if (problem) throw new WorkspaceError('bad-response', problem);
}

/** Creates the workspace database, its security object and its design document, or brings them up to date. */
export async function initWorkspace(server: CouchServer, workspace: string): Promise<InitResult> {
  checkName(workspace);
  await server.welcome();
  const db = `/${encodeURIComponent(workspace)}`;
  const created = await server.request('PUT', db, undefined, [412]);
  const database = created.status === 412 ? 'existed' : 'created';

  const security = await server.request('GET', `${db}/_security`);
  // A database without members would be readable by every signed-in user: keep it closed until members are added.
  await server.request('PUT', `${db}/_security`, securityWith(security, membersOf(security)));

  const current = await server.getDocument(workspace, DESIGN_ID);
  let design: InitResult['design'] = 'created';
  if (current) {
    const version = typeof current.missinglinkVersion === 'number' ? current.missinglinkVersion : 0;
    if (version >= DESIGN_VERSION && current.validate_doc_update === designDocument(workspace).validate_doc_update) design = 'current';
    else design = 'upgraded';
  }
  if (design !== 'current') await server.request('PUT', `${db}/${encodeDocId(DESIGN_ID)}`, { ...designDocument(workspace), ...(current ? { _rev: current._rev } : {}) });
  return { database, design };
}

/** A member to add or change. */
export interface MemberChange extends Membership {
  user: string;
  /** Sets the password; required for a user the server does not know yet. */
  password?: string;
}

/** What `addMember` did. */
export interface AddMemberResult {
  account: 'created' | 'password-changed' | 'existed';
  membership: 'added' | 'changed' | 'unchanged';
}

/** Adds a member to a workspace (creating the user account if needed), or changes their role and departments. */
export async function addMember(server: CouchServer, workspace: string, change: MemberChange): Promise<AddMemberResult> {
  checkName(workspace);
  if (!/^[^_:][^:]*$/.test(change.user) || change.user.length > 128)
    throw new WorkspaceError('bad-response', `"${change.user}" cannot be a user name (no colon, not starting with _).`);
  await server.welcome();
  const db = `/${encodeURIComponent(workspace)}`;
  const security = await server.request('GET', `${db}/_security`, undefined, [404]);
  if (security.status === 404) throw new WorkspaceError('no-workspace', `The workspace "${workspace}" does not exist (run missinglink workspace init first).`, 404);

  const members = membersOf(security);
  const before = members.get(change.user);
  const departments = [...new Set(change.departments.map((d) => d.trim()).filter((d) => d.length > 0))];
  const membership: Membership = { role: change.role, departments };

  const userId = `org.couchdb.user:${change.user}`;
  const existing = await server.getDocument('_users', userId);
  let account: AddMemberResult['account'] = 'existed';
  if (!existing) {
    if (!change.password) throw new WorkspaceError('bad-response', `The server has no user "${change.user}" yet: give --password to create the account.`);
    await server.putDocument('_users', { _id: userId, name: change.user, type: 'user', roles: withMembershipRoles([], workspace, membership), password: change.password });
    account = 'created';
  } else {
    await server.putDocument('_users', {
      ...(existing as Json),
      _id: userId,
      roles: withMembershipRoles(existing.roles, workspace, membership),
      ...(change.password ? { password: change.password } : {})
    });
    if (change.password) account = 'password-changed';
  }
  members.set(change.user, membership);
  const outcome: AddMemberResult['membership'] = !before
    ? 'added'
    : before.role === change.role && JSON.stringify(before.departments) === JSON.stringify(departments)
      ? 'unchanged'
      : 'changed';
  await server.request('PUT', `${db}/_security`, securityWith(security, members));
  return { account, membership: outcome };
}

/** Removes a member from a workspace; their account stays on the server. Resolves to false when they were no member. */
export async function removeMember(server: CouchServer, workspace: string, user: string): Promise<boolean> {
  checkName(workspace);
  const db = `/${encodeURIComponent(workspace)}`;
  const security = await server.request('GET', `${db}/_security`);
  const members = membersOf(security);
  if (!members.delete(user)) return false;
  await server.request('PUT', `${db}/_security`, securityWith(security, members));
  const account = await server.getDocument('_users', `org.couchdb.user:${user}`);
  if (account) await server.putDocument('_users', { ...(account as Json), _id: `org.couchdb.user:${user}`, roles: withMembershipRoles(account.roles, workspace, undefined) });
  return true;
}
