#!/usr/bin/env node
// Takes a heap snapshot of a real Chromium page that holds detached DOM trees, the way DevTools'
// Memory panel does: CDP HeapProfiler.takeHeapSnapshot with captureNumericValue, the JSON assembled
// from HeapProfiler.addHeapSnapshotChunk events. With --worker, snapshots instead a dedicated Web
// Worker running WORKER.js (a small isolate: the base of the layout variants).
//
// usage: node browser-snapshot.js OUT.heapsnapshot [PAGE.html]
//        node browser-snapshot.js --worker OUT.heapsnapshot WORKER.js
//   needs playwright-core resolvable (e.g. NODE_PATH=<scratch>/node_modules) and Debian's chromium at
//   $CHROMIUM (default /usr/bin/chromium). Prints the browser version on stderr.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const SNAPSHOT_PARAMS = { reportProgress: false, captureNumericValue: true };

async function snapshotPage(context, out, page) {
  const tab = await context.newPage();
  await tab.goto('file://' + page);
  await tab.waitForFunction(() => document.title === 'ready');
  const cdp = await context.newCDPSession(tab);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', SNAPSHOT_PARAMS);
  await cdp.send('HeapProfiler.disable');
  return chunks.join('');
}

// The worker is reached through the page's session (Target.setAutoAttach without flatten), its CDP
// messages carried by Target.sendMessageToTarget / Target.receivedMessageFromTarget.
async function snapshotWorker(context, workerFile) {
  const source = fs.readFileSync(workerFile, 'utf8');
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  let onAttach;
  const attached = new Promise((resolve) => { onAttach = resolve; });
  const pending = new Map();
  const chunks = [];
  cdp.on('Target.attachedToTarget', (e) => { if (e.targetInfo.type === 'worker') onAttach(e.sessionId); });
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    if (m.method === 'HeapProfiler.addHeapSnapshotChunk') chunks.push(m.params.chunk);
    if (m.id && pending.has(m.id)) { pending.get(m.id)(m); pending.delete(m.id); }
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await tab.setContent('<!doctype html><title>starting</title><script>' +
    'const w = new Worker(URL.createObjectURL(new Blob([' + JSON.stringify(source).replace(/</g, '\\u003c') +
    '], {type: "text/javascript"})));' +
    'w.onmessage = (e) => { if (e.data === "ready") document.title = "ready"; }; window.w = w;</script>');
  await tab.waitForFunction(() => document.title === 'ready');
  const sessionId = await attached;
  let nextId = 1;
  const send = (method, params = {}) => new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result)));
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
  });
  await send('HeapProfiler.enable');
  await send('HeapProfiler.collectGarbage');
  await send('HeapProfiler.takeHeapSnapshot', SNAPSHOT_PARAMS);
  await send('HeapProfiler.disable');
  return chunks.join('');
}

async function main() {
  const args = process.argv.slice(2);
  const worker = args[0] === '--worker';
  if (worker) args.shift();
  const out = args[0];
  if (!out || (worker && !args[1])) {
    console.error('usage: node browser-snapshot.js OUT.heapsnapshot [PAGE.html]\n       node browser-snapshot.js --worker OUT.heapsnapshot WORKER.js');
    process.exit(2);
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    console.error(`browser: ${browser.version()}`);
    const context = await browser.newContext();
    const json = worker ? await snapshotWorker(context, path.resolve(args[1]))
      : await snapshotPage(context, out, path.resolve(args[1] || path.join(__dirname, 'detached-dom.html')));
    fs.writeFileSync(out, json);
    console.error(`wrote ${out} (${fs.statSync(out).size} bytes)`);
  } finally {
    await browser.close();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
