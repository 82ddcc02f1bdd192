#!/usr/bin/env node
// A Node.js program that leaks the classic way, as a live target for Heapscope's capture tests (it is run, not
// snapshotted here): every request pushes a LeakyRecord into an array that only a closure holds, and nothing ever
// removes it. Beside the leak, as in a real service: a cache that keeps its last 20 entries, a lookup table built once
// at start-up (neither leaks) and short-lived garbage per request.
//
// usage: node [--inspect=127.0.0.1:0] growing-closure.js [--every MS] [--ballast N]
//   Prints "ready" on stdout once running. Each line "grow N" on stdin handles N requests and answers "grew TOTAL".
//   --every MS     also handles 100 requests every MS milliseconds (for a series taken at an interval)
//   --ballast N    keeps N extra small objects from the start (a heap whose snapshot takes seconds)
//   Closing stdin ends the program.
'use strict';
const readline = require('readline');

class LeakyRecord {
  constructor(seq) {
    this.seq = seq;
    this.payload = 'record #' + seq;
    this.samples = new Array(16).fill(seq % 1000);
  }
}

class CacheEntry {
  constructor(seq, status) {
    this.seq = seq;
    this.key = '/request/' + seq;
    this.status = status;
  }
}

function makeRequestHandler() {
  const history = []; // the leak: only this closure holds it, and it is never trimmed
  return function handle(seq) {
    history.push(new LeakyRecord(seq));
    return history.length;
  };
}

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? parseInt(args[at + 1], 10) : 0;
};

const handle = makeRequestHandler();
const recent = [];
const lookup = new Map();
for (let i = 0; i < 300; i++) lookup.set('code-' + i, { code: i, text: 'status text ' + i });
// Module-level values only stay alive while a function refers to them: the ballast hangs off the global object.
globalThis.ballast = [];
for (let i = 0; i < option('--ballast'); i++) globalThis.ballast.push({ i, s: 'ballast ' + i });

let seq = 0;
let total = 0;
function serve(n) {
  for (let i = 0; i < n; i++) {
    total = handle(++seq);
    recent.push(new CacheEntry(seq, lookup.get('code-' + (seq % 300))));
    if (recent.length > 20) recent.shift();
    JSON.parse(JSON.stringify({ seq, at: Date.now() })); // garbage
  }
  return total;
}

const every = option('--every');
if (every > 0) setInterval(() => serve(100), every);

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const match = /^grow (\d+)$/.exec(line.trim());
  if (match) console.log('grew ' + serve(parseInt(match[1], 10)));
});
lines.on('close', () => process.exit(0));
console.log('ready');
