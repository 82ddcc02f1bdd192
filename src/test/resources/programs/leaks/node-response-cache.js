// Leak program node-response-cache: a response cache that is never evicted.
//
// Each request renders a response into a Buffer and stores it, with its headers, as a CacheEntry in the
// module-level Map responseCache, keyed by URL; URLs carry the request number, so no entry is ever looked up
// again and none is evicted: +REQUESTS_PER_PHASE CacheEntries (each with a Buffer, a headers object and its
// strings) per phase. Around it: a MIME table and a header template built once, and a scratch Buffer and parsed
// JSON per request that die. The truth is in node-response-cache.truth.json beside this file.
//
// usage: node --expose-gc node-response-cache.js OUT_DIR   (writes OUT_DIR/node-response-cache-{1..4}.heapsnapshot)
'use strict';
const { outDirFromArgs, runPhases } = require('./phase-snapshots');

const REQUESTS_PER_PHASE = 250;
const outDir = outDirFromArgs('node-response-cache');

class CacheEntry {
  constructor(url, buffer, headers) {
    this.url = url;
    this.buffer = buffer;
    this.headers = headers;
    this.hits = 0;
  }
}

// Built once and kept: not leaks.
const MIME_TYPES = new Map();
for (let i = 0; i < 200; i++) MIME_TYPES.set('ext' + i, 'application/x-type-' + i);
const STATUS_LINE = Buffer.from('HTTP/1.1 200 OK\r\n', 'latin1');

const responseCache = new Map(); // the leak: url -> CacheEntry, never evicted

let requests = 0;
let bytes = 0;
function handleRequest() {
  const n = ++requests;
  const url = `/api/products/${n}?page=${n % 5}&lang=en`;
  const cached = responseCache.get(url);
  if (cached) {
    cached.hits++;
    return;
  }
  const scratch = Buffer.alloc(1024, n & 0xff); // dies with the request
  const json = JSON.stringify({ id: n, url, name: 'product ' + n, checksum: scratch[0] });
  const buffer = Buffer.alloc(STATUS_LINE.length + 384 + (n % 4) * 128, 0x20);
  STATUS_LINE.copy(buffer, 0);
  buffer.write(json, STATUS_LINE.length, 'utf8');
  const headers = {
    'content-type': MIME_TYPES.get('ext' + (n % 200)),
    'content-length': String(buffer.length),
    etag: '"' + n.toString(16) + '-' + buffer.length + '"',
  };
  responseCache.set(url, new CacheEntry(url, buffer, headers));
  bytes += JSON.parse(json).name.length;
}

runPhases(outDir, 'node-response-cache', () => {
  for (let i = 0; i < REQUESTS_PER_PHASE; i++) handleRequest();
}, () => `cached=${responseCache.size} bytes=${bytes}`);
