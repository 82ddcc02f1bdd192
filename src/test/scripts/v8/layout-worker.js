// A small dedicated Web Worker whose heap snapshot is the base of the layout variants
// (rewrite-layout.js): a real, small V8 snapshot from Chromium. Holds a few classes with source
// locations, a Map, a closure, numbers and non-ASCII strings, then tells the page it is ready.
class LayoutProbe {
  constructor(i) {
    this.index = i;
    this.label = 'probe ' + i;
    this.ratio = i / 7;
  }
}
class ProbeRegistry {
  constructor() { this.byName = new Map(); }
  add(probe) { this.byName.set(probe.label, probe); return this; }
}
const registry = new ProbeRegistry();
for (let i = 0; i < 50; i++) registry.add(new LayoutProbe(i));
self.registry = registry;
self.texts = ['caf\u00e9', 'na\u00efve \u2013 dash', 'snowman \u2603', 'emoji \ud83d\ude00', 'tab\tand\nnewline "quoted" \\ backslash'];
self.counter = (() => { let n = 0; return function next() { return ++n; }; })();
self.postMessage('ready');
