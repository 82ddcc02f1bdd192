#!/usr/bin/env node
// An unbounded cache, as a fixture generator for Heapscope.
//
// Simulated requests render a response into a Buffer and store it, wrapped in a CacheEntry, in a
// module-level Map (responseCache) that is never evicted, plus a plain-object index (cacheIndex) keyed
// by URL: both only grow. Each request also makes a temporary parse buffer that is dropped, so
// comparisons show deleted objects too. A MIME-type table and a header Buffer are built once at
// start-up and kept: they must not be reported as leaks.
// Every REQUESTS_PER_SNAPSHOT requests (~2 s) the program runs global.gc() and writes a heap
// snapshot with v8.writeHeapSnapshot(), until COUNT snapshots are written.
//
// usage: node --expose-gc buffer-cache-program.js OUT_DIR COUNT [PREFIX]
//   writes OUT_DIR/PREFIX-1.heapsnapshot ... (PREFIX defaults to "buffer-cache")
'use strict';
const v8 = require('v8');
const fs = require('fs');
const path = require('path');

const TICK_MS = 5;
const REQUESTS_PER_SNAPSHOT = 400;

const [outDir, countArg, prefix = 'buffer-cache'] = process.argv.slice(2);
const count = parseInt(countArg, 10);
if (!outDir || !(count > 0)) {
  console.error('usage: node --expose-gc buffer-cache-program.js OUT_DIR COUNT [PREFIX]');
  process.exit(2);
}
if (typeof global.gc !== 'function') {
  console.error('buffer-cache-program.js: run with node --expose-gc');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });

class CacheEntry {
  constructor(url, body) {
    this.url = url;
    this.body = body; // a Buffer
    this.storedAt = Date.now();
    this.hits = 0;
  }
}

// Created once and kept: not leaks.
const MIME_TYPES = new Map();
for (let i = 0; i < 300; i++) MIME_TYPES.set('ext' + i, 'application/x-type-' + i);
const HEADER = Buffer.from('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\r\n', 'latin1');

const responseCache = new Map(); // url -> CacheEntry, never evicted
const cacheIndex = {};           // url -> { size, type }, never cleaned

let requests = 0;
let written = 0;

function handleRequest(n) {
  const url = `/api/items/${n}?page=${n % 7}`;
  const scratch = Buffer.alloc(512, n & 0xff); // temporary, dropped
  const body = Buffer.alloc(HEADER.length + 256 + (n % 8) * 64, 0x20);
  HEADER.copy(body, 0);
  body.write(JSON.stringify({ id: n, url, checksum: scratch[0] }), HEADER.length, 'utf8');
  responseCache.set(url, new CacheEntry(url, body));
  cacheIndex[url] = { size: body.length, type: MIME_TYPES.get('ext' + (n % 300)) };
}

function snapshot() {
  global.gc();
  const file = path.join(outDir, `${prefix}-${++written}.heapsnapshot`);
  v8.writeHeapSnapshot(file);
  console.error(`wrote ${file}: cached=${responseCache.size}`);
}

const timer = setInterval(() => {
  handleRequest(++requests);
  if (requests % REQUESTS_PER_SNAPSHOT === 0) {
    snapshot();
    if (written >= count) clearInterval(timer);
  }
}, TICK_MS);
