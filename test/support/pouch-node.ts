import PouchDB from 'pouchdb-core';
import http from 'pouchdb-adapter-http';
import memory from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';

/** PouchDB for node-side clients of a workspace (tests and the load benchmark): memory replicas (localAdapter 'memory'), HTTP remotes. */
export const NodePouch = PouchDB.plugin(http).plugin(memory).plugin(replication);
