// Loaded with `node --require` into the development server (bin/missinglink-server.mjs).
// pouchdb-validation 4.2.0, which pouchdb-server uses for validate_doc_update, replaces the
// revision history (_revisions) of every document it validates with the stored one. For a
// document that arrives by replication (new_edits=false) that throws away its own history,
// so a concurrent edit is silently dropped instead of becoming a conflict, as it would on
// Apache CouchDB. This keeps a history the document brings, and changes nothing else.
'use strict';
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');

const serverDir = path.dirname(require.resolve('pouchdb-server/package.json'));
const target = require.resolve('pouchdb-validation/lib/index.js', { paths: [serverDir, path.join(serverDir, 'node_modules/express-pouchdb')] });
const BROKEN = 'newDoc._revisions = (oldDoc || {})._revisions;';
const FIXED = 'if (!newDoc._revisions) newDoc._revisions = (oldDoc || {})._revisions;';
const load = Module._extensions['.js'];
Module._extensions['.js'] = function (module, filename) {
  if (filename !== target) return load(module, filename);
  const source = fs.readFileSync(filename, 'utf8');
  if (!source.includes(BROKEN)) throw new Error(`pouchdb-server-fixes: ${filename} changed; check whether the _revisions fix is still needed`);
  module._compile(source.replace(BROKEN, FIXED), filename);
};
