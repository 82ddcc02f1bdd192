#!/usr/bin/env node
// A listener leak, as a fixture generator for Heapscope.
//
// A module-level EventRegistry (an EventEmitter-like registry that keeps listeners in a Map keyed by a
// numeric id) gets a new 'tick' listener for every simulated connection. The listener is a closure over
// the connection's Session, and nobody ever calls off() for it: Sessions and their closures pile up.
// Each connection also registers a 'close' listener that IS removed, and the connection's scratch
// buffer is dropped, so comparisons show deleted objects too. A MetricsRegistry singleton is warmed
// once at start-up (with one listener of its own) and kept: it must not be reported as a leak.
// Every CONNECTIONS_PER_SNAPSHOT connections (~2 s) the program runs global.gc() and writes a heap
// snapshot with v8.writeHeapSnapshot(), until COUNT snapshots are written.
//
// usage: node --expose-gc listeners-program.js OUT_DIR COUNT [PREFIX]
//   writes OUT_DIR/PREFIX-1.heapsnapshot ... (PREFIX defaults to "listeners")
'use strict';
const v8 = require('v8');
const fs = require('fs');
const path = require('path');

const TICK_MS = 5;
const CONNECTIONS_PER_SNAPSHOT = 400;

const [outDir, countArg, prefix = 'listeners'] = process.argv.slice(2);
const count = parseInt(countArg, 10);
if (!outDir || !(count > 0)) {
  console.error('usage: node --expose-gc listeners-program.js OUT_DIR COUNT [PREFIX]');
  process.exit(2);
}
if (typeof global.gc !== 'function') {
  console.error('listeners-program.js: run with node --expose-gc');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });

class EventRegistry {
  constructor() {
    this.listeners = new Map(); // id -> { event, fn }
    this.nextId = 1;
  }
  on(event, fn) {
    const id = this.nextId++;
    this.listeners.set(id, { event, fn });
    return id;
  }
  off(id) {
    this.listeners.delete(id);
  }
  emit(event, arg) {
    for (const entry of this.listeners.values()) if (entry.event === event) entry.fn(arg);
  }
}

class Session {
  constructor(id) {
    this.id = id;
    this.user = 'user-' + id;
    this.ticks = 0;
    this.lastSeen = Date.now();
  }
}

// Created once and kept: a metrics registry warmed at start-up.
class MetricsRegistry {
  constructor(names) {
    this.counters = Object.create(null);
    for (const name of names) this.counters[name] = 0;
  }
  inc(name) { this.counters[name] = (this.counters[name] || 0) + 1; }
}
const registry = new EventRegistry();
const metrics = new MetricsRegistry(Array.from({ length: 200 }, (_, i) => 'metric.' + i));
registry.on('tick', function metricsOnTick() { metrics.inc('metric.0'); });

let connections = 0;
let written = 0;

function connect(id) {
  const session = new Session(id);
  const scratch = new Array(64).fill(id); // dropped when connect() returns
  // The leak: this listener is never removed, and its closure keeps the session alive.
  registry.on('tick', function onTick(n) {
    session.ticks += n;
    session.lastSeen = Date.now();
  });
  // Done right: registered, then removed.
  const closeId = registry.on('close', () => scratch.length + session.id);
  registry.off(closeId);
}

function snapshot() {
  global.gc();
  const file = path.join(outDir, `${prefix}-${++written}.heapsnapshot`);
  v8.writeHeapSnapshot(file);
  console.error(`wrote ${file}: listeners=${registry.listeners.size}`);
}

const timer = setInterval(() => {
  connect(++connections);
  if (connections % 50 === 0) registry.emit('tick', 1);
  if (connections % CONNECTIONS_PER_SNAPSHOT === 0) {
    snapshot();
    if (written >= count) clearInterval(timer);
  }
}, TICK_MS);
