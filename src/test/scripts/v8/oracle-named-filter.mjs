#!/usr/bin/env node
// Expected values for the Summary's named filters, which ../shared/devtools-oracle does not cover: runs Chrome
// DevTools' own heap snapshot worker (as built by ../shared/devtools-oracle/setup.sh) on one snapshot and prints the
// Summary rows DevTools shows with the filter "Duplicated strings" (duplicatedStrings) or "Objects retained by
// detached DOM nodes" (objectsRetainedByDetachedDomNodes), in the oracle's summary JSON schema.
//
// usage: node oracle-named-filter.mjs FILE[.gz] duplicatedStrings|objectsRetainedByDetachedDomNodes > OUT.json
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { MessageChannel } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

if (!Promise.withResolvers) {
  Promise.withResolvers = () => { let resolve, reject; const promise = new Promise((a, b) => { resolve = a; reject = b; });
    return { promise, resolve, reject }; };
}
const [file, filterName] = process.argv.slice(2);
const home = process.env.HEAPSCOPE_ORACLE_HOME || path.join(process.env.HOME, '.cache/heapscope-devtools-oracle');
const worker = path.join(home, 'devtools-worker');
const load = (rel) => import(pathToFileURL(path.join(worker, rel)).href);
const HS = await load('entrypoints/heap_snapshot_worker/HeapSnapshot.js');
const HL = await load('entrypoints/heap_snapshot_worker/HeapSnapshotLoader.js');
const HM = (await load('models/heap_snapshot/heap_snapshot.js')).HeapSnapshotModel;
console.log = (...args) => console.error(...args); // stdout carries only the JSON

let bytes = fs.readFileSync(file);
if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = zlib.gunzipSync(bytes);
const loader = new HL.HeapSnapshotLoader(undefined);
const text = bytes.toString('utf8');
for (let at = 0; at < text.length; at += 1 << 20) loader.write(text.slice(at, at + (1 << 20)));
loader.close();
await loader.parsingComplete;
const { port1, port2 } = new MessageChannel();
new HS.SecondaryInitManager(port2); // the second "worker" runs on this thread, as in DevTools' own tests
const snapshot = await loader.buildSnapshot(port1);

const nodeFilter = new HM.NodeFilter();
nodeFilter.filterName = filterName;
const aggregates = snapshot.aggregatesWithFilter(nodeFilter);
const classes = Object.entries(aggregates).map(([key, a]) => ({ name: a.name, key, count: a.count,
  distance: a.distance, shallowSize: a.self, retainedSize: a.maxRet }));
classes.sort((a, b) => b.retainedSize - a.retainedSize || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
process.stdout.write(JSON.stringify({ tool: 'chrome-devtools-frontend heap_snapshot_worker', command: 'summary',
  file, nodeCount: snapshot.nodeCount, edgeCount: snapshot.containmentEdges.length / snapshot.edgeFieldsCount,
  totalSize: snapshot.totalSize, maxJsObjectId: snapshot.maxJsNodeId(), filter: { kind: 'named', name: filterName },
  classes }, null, 1) + '\n');
port1.close();
port2.close();
