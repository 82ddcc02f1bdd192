// Leak program node-closure: an array captured by a named closure grows.
//
// makeLatencyRecorder() returns the closure recordLatency, which pushes a Sample per request into the array
// `samples` that only the closure's context holds, and nothing ever trims it: +REQUESTS_PER_PHASE Samples per
// phase. Around it: a closure over a bounded window (the last 50 latencies, not a leak), a route table built once,
// and garbage per request. The truth is in node-closure.truth.json beside this file.
//
// usage: node --expose-gc node-closure.js OUT_DIR   (writes OUT_DIR/node-closure-{1..4}.heapsnapshot)
'use strict';
const { outDirFromArgs, runPhases } = require('./phase-snapshots');

const REQUESTS_PER_PHASE = 400;
const outDir = outDirFromArgs('node-closure');

class Sample {
  constructor(requestId, millis) {
    this.requestId = requestId;
    this.millis = millis;
    this.label = 'sample-' + requestId;
  }
}

function makeLatencyRecorder() {
  const samples = []; // the leak: captured by recordLatency, never trimmed
  return function recordLatency(requestId, millis) {
    samples.push(new Sample(requestId, millis));
    return samples.length;
  };
}

function makeRecentWindow(size) {
  const recent = new Array(size).fill(0); // bounded: overwritten in a ring
  let next = 0;
  return function rememberRecent(millis) {
    recent[next] = millis;
    next = (next + 1) % size;
    return recent.reduce((a, b) => a + b, 0) / size;
  };
}

// Built once and kept: not a leak.
const ROUTES = new Map();
for (let i = 0; i < 100; i++) ROUTES.set('/api/v1/resource-' + i, { handler: 'resource' + i, auth: i % 3 === 0 });

const recordLatency = makeLatencyRecorder();
const rememberRecent = makeRecentWindow(50);

let requestId = 0;
let recorded = 0;
let average = 0;
function handleRequest() {
  requestId++;
  const route = ROUTES.get('/api/v1/resource-' + (requestId % 100));
  const scratch = { route, headers: new Array(16).fill(requestId), body: JSON.stringify({ requestId }) };
  const millis = (requestId * 7) % 250 + scratch.body.length;
  recorded = recordLatency(requestId, millis);
  average = rememberRecent(millis);
}

runPhases(outDir, 'node-closure', () => {
  for (let i = 0; i < REQUESTS_PER_PHASE; i++) handleRequest();
}, () => `samples=${recorded} average=${average.toFixed(1)}`);
