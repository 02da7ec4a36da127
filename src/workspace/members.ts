/**
 * Workspace membership as CouchDB's `_security` object carries it: every member is a
 * reader (`members.names`), owners are database admins (`admins.names`, so they may
 * change `_security` and nothing else a server admin does), and the `missinglink`
 * section holds each member's role and departments for the validation function.
 */

/** The roles of a workspace member. */
export const ROLES = ['owner', 'editor', 'auditor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** One member's role and departments. */
export interface Membership {
  role: Role;
  departments: string[];
}

/** The `_security` object of a workspace database. */
export interface SecurityObject {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
  missinglink: { version: 1; members: Record<string, Membership> };
}

/** Whether a text names a role. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

const stringList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * The members recorded in a security object read from a server, as a Map (names come
 * from the server and are never used as keys of a plain object). Entries with an unknown
 * role are dropped.
 */
export function membersOf(security: unknown): Map<string, Membership> {
  const out = new Map<string, Membership>();
  const section = (security as { missinglink?: { members?: unknown } } | null)?.missinglink?.members;
  if (!section || typeof section !== 'object') return out;
  for (const [name, value] of Object.entries(section as Record<string, unknown>)) {
    const role = (value as { role?: unknown } | null)?.role;
    if (typeof role !== 'string' || !isRole(role)) continue;
    out.set(name, { role, departments: stringList((value as { departments?: unknown }).departments) });
  }
  return out;
}

/**
 * The security object for a set of members, keeping the admin and member roles (and any
 * other names) an administrator configured by hand.
 */
export function securityWith(previous: unknown, members: Map<string, Membership>): SecurityObject {
  const prev = (previous ?? {}) as { admins?: { names?: unknown; roles?: unknown }; members?: { names?: unknown; roles?: unknown } };
  const recorded = membersOf(previous);
  // Names a previous MissingLink set-up put there are ours to manage; names added by hand stay.
  const byHand = (names: string[]) => names.filter((n) => !recorded.has(n));
  const owners = [...members].filter(([, m]) => m.role === 'owner').map(([n]) => n);
  const section: Record<string, Membership> = Object.create(null);
  for (const [name, m] of [...members].sort(([a], [b]) => a.localeCompare(b))) section[name] = { role: m.role, departments: [...m.departments] };
  return {
    admins: { names: unique([...byHand(stringList(prev.admins?.names)), ...owners]), roles: stringList(prev.admins?.roles) },
    // '_admin' among the member roles keeps a workspace without members closed: CouchDB opens a
    // database to every signed-in user when both member lists are empty.
    members: { names: unique([...byHand(stringList(prev.members?.names)), ...members.keys()]), roles: unique([...stringList(prev.members?.roles), '_admin']) },
    missinglink: { version: 1, members: { ...section } }
  };
}

function unique(names: string[]): string[] {
  return [...new Set(names)].sort((a, b) => a.localeCompare(b));
}

/**
 * The user roles that mirror a membership in `_users`, for servers that do not hand
 * `_security` to the validation function: `missinglink.<workspace>.role.<role>` and
 * `missinglink.<workspace>.department.<department>`.
 */
export function membershipRoles(workspace: string, membership: Membership | undefined): string[] {
  if (!membership) return [];
  return [`missinglink.${workspace}.role.${membership.role}`, ...membership.departments.map((d) => `missinglink.${workspace}.department.${d}`)];
}

/** A user's roles with those of one workspace replaced. */
export function withMembershipRoles(roles: unknown, workspace: string, membership: Membership | undefined): string[] {
  const prefix = `missinglink.${workspace}.`;
  return [...stringList(roles).filter((r) => !r.startsWith(prefix)), ...membershipRoles(workspace, membership)];
}

/**
 * A CouchDB database name for a workspace: lowercase letters, digits and `_$()+-/`,
 * starting with a letter, at most 238 characters (CouchDB's own rule). Returns a message
 * when the name cannot be one.
 */
export function workspaceNameProblem(name: string): string | undefined {
  if (!/^[a-z][a-z0-9_$()+/-]*$/.test(name)) return `"${name}" cannot be a workspace name: use lowercase letters, digits and - _ (starting with a letter).`;
  if (name.length > 238) return 'A workspace name has at most 238 characters.';
  return undefined;
}
