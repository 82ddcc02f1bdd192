#!/usr/bin/env node
// The classic Node.js leak, as a fixture generator for Heapscope.
//
// Every TICK_MS a LeakyItem is created and pushed into two module-level arrays, leakyData and
// nonLeakyData. nonLeakyData only ever keeps the last few items (it is shifted), leakyData is never
// trimmed: that is the leak. A short-lived RequestContext is also made per tick and dropped soon after,
// so snapshot comparisons show deleted objects too, and a lookup table is warmed once at start-up and
// kept (a singleton that must not be reported as a leak).
// Every ITEMS_PER_SNAPSHOT ticks (~2 s) the program runs global.gc() and writes a heap snapshot with
// v8.writeHeapSnapshot(), until COUNT snapshots are written; then it exits.
//
// usage: node --expose-gc leak-program.js OUT_DIR COUNT [PREFIX]
//   writes OUT_DIR/PREFIX-1.heapsnapshot ... OUT_DIR/PREFIX-COUNT.heapsnapshot (PREFIX defaults to "leak")
'use strict';
const v8 = require('v8');
const fs = require('fs');
const path = require('path');

const TICK_MS = 5;
const ITEMS_PER_SNAPSHOT = 400; // 400 x 5 ms = ~2 s between snapshots
const KEEP_NON_LEAKY = 10;
const KEEP_CONTEXTS = 20;

const [outDir, countArg, prefix = 'leak'] = process.argv.slice(2);
const count = parseInt(countArg, 10);
if (!outDir || !(count > 0)) {
  console.error('usage: node --expose-gc leak-program.js OUT_DIR COUNT [PREFIX]');
  process.exit(2);
}
if (typeof global.gc !== 'function') {
  console.error('leak-program.js: run with node --expose-gc');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });

class LeakyItem {
  constructor(seq) {
    this.seq = seq;
    this.createdAt = Date.now();
    this.label = 'leaky item #' + seq;
    this.samples = new Array(32).fill(seq % 1000);
  }
}

class RequestContext {
  constructor(seq) {
    this.seq = seq;
    this.path = '/request/' + seq;
    this.headers = { accept: 'application/json', 'x-request-seq': String(seq) };
  }
}

// Created once and kept for the whole run: not a leak.
class LookupTable {
  constructor(size) {
    this.entries = new Map();
    for (let i = 0; i < size; i++) this.entries.set('code-' + i, { code: i, text: 'status text ' + i });
  }
}
const lookupTable = new LookupTable(300);

const leakyData = [];
const nonLeakyData = [];
const recentContexts = [];

let seq = 0;
let written = 0;

function snapshot() {
  global.gc();
  const file = path.join(outDir, `${prefix}-${++written}.heapsnapshot`);
  v8.writeHeapSnapshot(file);
  console.error(`wrote ${file}: leakyData=${leakyData.length} nonLeakyData=${nonLeakyData.length} lookup=${lookupTable.entries.size}`);
}

const timer = setInterval(() => {
  const item = new LeakyItem(++seq);
  leakyData.push(item);
  nonLeakyData.push(item);
  if (nonLeakyData.length > KEEP_NON_LEAKY) nonLeakyData.shift();
  recentContexts.push(new RequestContext(seq));
  if (recentContexts.length > KEEP_CONTEXTS) recentContexts.shift();
  if (seq % ITEMS_PER_SNAPSHOT === 0) {
    snapshot();
    if (written >= count) clearInterval(timer);
  }
}, TICK_MS);
