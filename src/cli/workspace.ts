/**
 * `missinglink workspace init|add-member|remove-member`: sets up a team workspace on a
 * CouchDB-protocol server as its administrator (docs/workspace.md).
 */
import { splitCommandLine, type CommandLine } from './arguments';
import type { CliIo } from './io';
import { addMember, initWorkspace, removeMember } from '../workspace/admin';
import { CouchServer, WorkspaceError, type Credentials } from '../workspace/couch';
import { isRole, ROLES, workspaceNameProblem } from '../workspace/members';

export const WORKSPACE_USAGE = `Usage: missinglink workspace <init|add-member|remove-member> [options]

Sets up a team workspace on an Apache CouchDB (or CouchDB-compatible) server.
Needs the server administrator's name and password.

  missinglink workspace init --server URL --workspace NAME --admin USER:PASSWORD
      creates the workspace (its database, members and write rules); run again on an
      existing workspace, it upgrades the write rules and changes nothing else.

  missinglink workspace add-member --server URL --workspace NAME --admin USER:PASSWORD
      --user NAME [--password PW] --role ${ROLES.join('|')} [--department NAME]…
      adds a member (creating the account when --password is given), or changes an
      existing member's role and departments.

  missinglink workspace remove-member --server URL --workspace NAME --admin USER:PASSWORD --user NAME
      removes a member; their account stays on the server.

Exit codes: 0 done; 2 an error (the reason is on stderr).
`;

/** Options every server command shares: where, which workspace, and who. */
export interface ServerArgs {
  server: string;
  workspace: string;
}

/** The value of a named option, the last one given. */
export function optionValue(line: CommandLine, name: string): string | undefined {
  return line.options.filter((o) => o.name === name).at(-1)?.value;
}

/** Reads --server and --workspace, or a message naming what is missing or wrong. */
export function serverArgs(line: CommandLine): ServerArgs | string {
  const server = optionValue(line, 'server');
  const workspace = optionValue(line, 'workspace');
  if (!server) return '--server URL is required.';
  if (!workspace) return '--workspace NAME is required.';
  const problem = workspaceNameProblem(workspace);
  if (problem) return problem;
  return { server, workspace };
}

/** Splits `USER:PASSWORD` at its first colon. */
export function adminCredentials(value: string | undefined): Credentials | string {
  if (!value) return '--admin USER:PASSWORD is required.';
  const colon = value.indexOf(':');
  if (colon <= 0) return '--admin must be USER:PASSWORD.';
  return { user: value.slice(0, colon), password: value.slice(colon + 1) };
}

const KNOWN = new Map<string, readonly string[]>([
  ['init', ['server', 'workspace', 'admin']],
  ['add-member', ['server', 'workspace', 'admin', 'user', 'password', 'role', 'department']],
  ['remove-member', ['server', 'workspace', 'admin', 'user']]
]);

/** Runs `missinglink workspace …`; resolves to the exit code. */
export async function runWorkspaceCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '-h' || sub === '--help' || rest.includes('-h') || rest.includes('--help')) {
    (sub === undefined ? io.stderr : io.stdout)(WORKSPACE_USAGE);
    return sub === undefined ? 2 : 0;
  }
  const fail = (message: string) => {
    io.stderr(`missinglink workspace ${sub}: ${message}\n`);
    return 2;
  };
  const known = KNOWN.get(sub);
  if (!known) return fail(`unknown subcommand "${sub}".\n\n${WORKSPACE_USAGE}`);
  const line = splitCommandLine(rest);
  if (typeof line === 'string') return fail(line);
  if (line.operands.length > 0) return fail(`unexpected argument "${line.operands[0]}".`);
  const unknown = line.options.find((o) => !known.includes(o.name));
  if (unknown) return fail(`unknown option --${unknown.name}.`);
  const where = serverArgs(line);
  if (typeof where === 'string') return fail(where);
  const admin = adminCredentials(optionValue(line, 'admin'));
  if (typeof admin === 'string') return fail(admin);

  try {
    const server = new CouchServer({ url: where.server, credentials: admin });
    if (sub === 'init') {
      const result = await initWorkspace(server, where.workspace);
      const design = { created: 'write rules installed', upgraded: 'write rules upgraded', current: 'write rules already current' }[result.design];
      io.stdout(`workspace ${where.workspace}: ${result.database === 'created' ? 'created' : 'exists'}; ${design}.\n`);
      return 0;
    }
    const user = optionValue(line, 'user');
    if (!user) return fail('--user NAME is required.');
    if (sub === 'remove-member') {
      const removed = await removeMember(server, where.workspace, user);
      io.stdout(removed ? `${user}: removed from ${where.workspace}.\n` : `${user}: was not a member of ${where.workspace}.\n`);
      return 0;
    }
    const role = optionValue(line, 'role');
    if (!role || !isRole(role)) return fail(`--role must be one of ${ROLES.join(', ')}.`);
    const departments = line.options.filter((o) => o.name === 'department').map((o) => o.value);
    const result = await addMember(server, where.workspace, { user, password: optionValue(line, 'password'), role, departments });
    const account = { created: 'account created', 'password-changed': 'password changed', existed: 'existing account' }[result.account];
    io.stdout(`${user}: ${result.membership} as ${role}${departments.length ? ` (${departments.join(', ')})` : ''}; ${account}.\n`);
    return 0;
  } catch (e) {
    if (e instanceof WorkspaceError) return fail(e.message);
    throw e;
  }
}
