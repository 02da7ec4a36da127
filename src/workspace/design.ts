/**
 * The workspace's design document: the write rules every CouchDB-protocol server
 * enforces through `validate_doc_update`, whoever writes (the app, the command line, or
 * someone talking HTTP directly). The function is plain ES5 because Apache CouchDB runs
 * it in its own JavaScript engine (SpiderMonkey/QuickJS); it reads the member's role and
 * departments from the database's `_security` object (see docs/workspace.md).
 */

/** Bumped whenever the rules change; `workspace init` upgrades a design document with a lower version. */
export const DESIGN_VERSION = 2;

/** The id of the design document. */
export const DESIGN_ID = '_design/missinglink';

/**
 * The validation function's source for one workspace (its name is written into it, for
 * servers that do not pass `_security`). Document types and who may write them:
 * - `process` (mutable head of a process): owner, editor.
 * - `version` (named version, write-once): owner, editor create; only an owner deletes.
 * - `review` (sign-off, write-once): owner, auditor create, as themselves; only an owner deletes.
 * - `exemption-approval` (write-once): owner, auditor, as themselves.
 * - `action`, `assessment`: owner, editor.
 * A viewer writes nothing; a non-member is refused by `_security` before this runs.
 * Every write names its author (`updatedBy`), who must be the signed-in user.
 * Deleting a write-once document leaves a tombstone that records who deleted it and why.
 */
export function validateDocUpdate(workspace: string): string {
  if (!/^[a-z][a-z0-9_$()+/-]*$/.test(workspace)) throw new Error(`not a workspace name: ${workspace}`);
  return `function (newDoc, oldDoc, userCtx, secObj) {
  var WORKSPACE = '${workspace}';
  var MAX_XML = 10485760;
  var WRITERS = {
    process: ['owner', 'editor'],
    version: ['owner', 'editor'],
    review: ['owner', 'auditor'],
    'exemption-approval': ['owner', 'auditor'],
    action: ['owner', 'editor'],
    assessment: ['owner', 'editor']
  };
  var WRITE_ONCE = { version: true, review: true, 'exemption-approval': true };
  var has = function (o, k) { return o !== null && typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, k); };
  var contains = function (list, v) { if (!list || typeof list.length !== 'number') return false; for (var i = 0; i < list.length; i++) if (list[i] === v) return true; return false; };
  var deny = function (why) { throw { forbidden: why }; };

  var name = userCtx && userCtx.name;
  var serverAdmin = contains(userCtx && userCtx.roles, '_admin');
  var role = null;
  if (has(secObj, 'missinglink') && has(secObj.missinglink, 'members')) {
    // CouchDB: the role comes from the workspace's _security, which its owners manage.
    var members = secObj.missinglink.members;
    var member = (name && has(members, name)) ? members[name] : null;
    role = member && typeof member.role === 'string' ? member.role : null;
  } else {
    // A server that does not hand _security to this function (pouchdb-server on _bulk_docs):
    // the role that workspace add-member also records among the user's own roles.
    var prefix = 'missinglink.' + WORKSPACE + '.role.';
    var roles = userCtx.roles || [];
    for (var r = 0; r < roles.length; r++) if (typeof roles[r] === 'string' && roles[r].indexOf(prefix) === 0) role = roles[r].slice(prefix.length);
  }
  if (serverAdmin) role = 'owner';
  if (!role) throw { unauthorized: 'You are not a member of this workspace.' };
  if (role === 'viewer') deny('A viewer may read the workspace but not change it.');

  var deleting = newDoc._deleted === true;
  var type = deleting ? (oldDoc && oldDoc.type) : newDoc.type;
  if (!has(WRITERS, type)) deny('Unknown document type: ' + type + '.');
  if (!contains(WRITERS[type], role)) deny('The role ' + role + ' may not write a ' + type + ' document.');
  if (oldDoc && !oldDoc._deleted && !deleting && oldDoc.type !== newDoc.type) deny('A document cannot change its type.');
  if (String(newDoc._id).indexOf(type + ':') !== 0) deny('A ' + type + ' document needs an id that starts with "' + type + ':".');

  if (deleting) {
    if (WRITE_ONCE[type] && role !== 'owner') deny('Only an owner may delete a ' + type + '.');
    if (WRITE_ONCE[type] && (newDoc.deletedBy !== name && !serverAdmin)) deny('A deletion must name who deleted it (deletedBy).');
    if (WRITE_ONCE[type] && (typeof newDoc.deletionReason !== 'string' || newDoc.deletionReason.length === 0)) deny('A deletion must give its reason (deletionReason).');
    return;
  }

  if (WRITE_ONCE[type] && oldDoc && !oldDoc._deleted) deny('A ' + type + ' cannot be changed once written.');
  if (!serverAdmin && newDoc.updatedBy !== name) deny('updatedBy must be the signed-in user (' + name + ').');
  if (typeof newDoc.updatedAt !== 'string') deny('updatedAt is required.');

  if (type === 'process' || type === 'version') {
    if (typeof newDoc.processId !== 'string' || newDoc.processId.length === 0) deny('processId is required.');
    if (typeof newDoc.name !== 'string') deny('name is required.');
    if (typeof newDoc.xml !== 'string' || newDoc.xml.length === 0) deny('xml is required.');
    if (newDoc.xml.length > MAX_XML) deny('The model is larger than 10 MiB.');
  }
  if (type === 'review') {
    if (newDoc.reviewer !== name && !serverAdmin) deny('A sign-off must be signed by the signed-in user.');
    if (typeof newDoc.fingerprint !== 'string' || newDoc.fingerprint.length === 0) deny('A sign-off needs the fingerprint of the model it signs.');
  }
  if (type === 'exemption-approval' && newDoc.approvedBy !== name && !serverAdmin) deny('An approval must be given by the signed-in user.');
}`;
}

/** The design document as `workspace init` writes it for a workspace. */
export function designDocument(workspace: string): { _id: string; language: 'javascript'; missinglinkVersion: number; validate_doc_update: string } {
  return { _id: DESIGN_ID, language: 'javascript', missinglinkVersion: DESIGN_VERSION, validate_doc_update: validateDocUpdate(workspace) };
}
