// Leak program node-listeners: listeners never removed from an EventEmitter.
//
// Every request registers `tracker.on('request', function onRequestDone() {...})`, a closure over the request's
// RequestContext, and never removes it (the emitter's max-listeners warning is switched off, as people do), so
// each phase adds REQUESTS_PER_PHASE closures and contexts under the tracker's 'request' listener array. Around
// it: a 'progress' listener added and removed per request (done right), one 'drain' listener for the program's
// life, and garbage per request. The truth is in node-listeners.truth.json beside this file.
//
// usage: node --expose-gc node-listeners.js OUT_DIR   (writes OUT_DIR/node-listeners-{1..4}.heapsnapshot)
'use strict';
const { EventEmitter } = require('events');
const { outDirFromArgs, runPhases } = require('./phase-snapshots');

const REQUESTS_PER_PHASE = 300;
const outDir = outDirFromArgs('node-listeners');

class RequestTracker extends EventEmitter {}

class RequestContext {
  constructor(id, url) {
    this.id = id;
    this.url = url;
    this.method = id % 4 === 0 ? 'POST' : 'GET';
    this.progress = 0;
    this.done = false;
  }
}

const tracker = new RequestTracker();
tracker.setMaxListeners(0);
let drained = 0;
tracker.on('drain', function onDrain() { drained++; }); // one listener for the program's life: not a leak

let nextId = 0;
function handleRequest() {
  const ctx = new RequestContext(++nextId, '/orders/' + nextId + '/items');
  // The leak: registered per request, never removed; the closure keeps ctx alive.
  tracker.on('request', function onRequestDone(finishedId) {
    if (finishedId === ctx.id) ctx.done = true;
  });
  // Done right: registered, used, removed.
  const onProgress = (step) => { ctx.progress += step; };
  tracker.on('progress', onProgress);
  tracker.emit('progress', 1);
  tracker.off('progress', onProgress);
  const scratch = JSON.parse(JSON.stringify({ id: ctx.id, url: ctx.url, tags: ['a', 'b', 'c'] }));
  return scratch.tags.length;
}

runPhases(outDir, 'node-listeners', () => {
  for (let i = 0; i < REQUESTS_PER_PHASE; i++) {
    handleRequest();
    if (i % 100 === 99) {
      tracker.emit('request', nextId);
      tracker.emit('drain');
    }
  }
}, () => `request listeners=${tracker.listenerCount('request')} progress listeners=${tracker.listenerCount('progress')}`
  + ` drained=${drained}`);
