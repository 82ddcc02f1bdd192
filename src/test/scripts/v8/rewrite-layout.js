#!/usr/bin/env node
// Rewrites a real (small) V8 .heapsnapshot into another, equally valid serialization layout, so that
// parsers can be tested against layouts that other V8 versions write or may write. The graph is not
// changed: only the shape of the file. Node offsets (edges' to_node, locations' object_index and
// script_object_index, scopes' script_node_index) are rescaled when the node field count changes.
// The output is written the way the input's V8 wrote it: either one node / edge / location / string
// per line (V8 up to ~2024, e.g. Node 20), or each section on one line (current V8, e.g. Chromium 15x).
// Reads the whole file into memory: meant for small snapshots only.
//
// usage: node rewrite-layout.js IN.heapsnapshot OUT.heapsnapshot VARIANT[,VARIANT...]   (applied in order)
//   VARIANT:
//     no-detachedness     drop the node field `detachedness` (the layout of V8 before it existed)
//     no-trace-node-id    drop the node field `trace_node_id` (what 2024+ V8 writes with no allocation tracking)
//     with-trace-node-id  add `trace_node_id` (all 0) after `edge_count` if absent
//     locations-4         drop `script_object_index` from location records (pre-2024 V8)
//     locations-5         add `script_object_index` (node offset of the location's Script node) if absent
//     extra-header-keys   add unknown keys inside `snapshot`, inside `snapshot.meta`, and at top level
//     identity            rewrite unchanged (checks that the writer reproduces V8's bytes)
'use strict';
const fs = require('fs');

function fail(msg) { console.error(`rewrite-layout: ${msg}`); process.exit(2); }

// ---- node field changes -------------------------------------------------------------------------
function rescaleOffsets(s, oldF, newF) {
  const fix = (v) => { if (v % oldF !== 0) fail(`node offset ${v} not a multiple of ${oldF}`); return (v / oldF) * newF; };
  const meta = s.snapshot.meta;
  const ef = meta.edge_fields, toOff = ef.indexOf('to_node');
  for (let i = toOff; i < s.edges.length; i += ef.length) s.edges[i] = fix(s.edges[i]);
  const lf = meta.location_fields || [];
  for (const name of ['object_index', 'script_object_index']) {
    const off = lf.indexOf(name);
    if (off >= 0) for (let i = off; i < s.locations.length; i += lf.length) s.locations[i] = fix(s.locations[i]);
  }
  const sf = meta.scope_fields || [];
  const sOff = sf.indexOf('script_node_index');
  if (sOff >= 0 && Array.isArray(s.scopes)) for (let i = sOff; i < s.scopes.length; i += sf.length) s.scopes[i] = fix(s.scopes[i]);
}

function dropNodeField(s, name) {
  const meta = s.snapshot.meta;
  const oldF = meta.node_fields.length;
  const off = meta.node_fields.indexOf(name);
  if (off < 0) fail(`node field ${name} not present: ${meta.node_fields}`);
  const newF = oldF - 1;
  const nodes = new Array((s.nodes.length / oldF) * newF);
  for (let i = 0, j = 0; i < s.nodes.length; i += oldF) for (let k = 0; k < oldF; k++) if (k !== off) nodes[j++] = s.nodes[i + k];
  s.nodes = nodes;
  meta.node_fields.splice(off, 1);
  meta.node_types.splice(off, 1);
  rescaleOffsets(s, oldF, newF);
}

function addNodeField(s, name, after, type, value) {
  const meta = s.snapshot.meta;
  if (meta.node_fields.includes(name)) fail(`node field ${name} already present`);
  const oldF = meta.node_fields.length;
  const off = meta.node_fields.indexOf(after) + 1;
  if (off <= 0) fail(`node field ${after} not present`);
  const newF = oldF + 1;
  const nodes = new Array((s.nodes.length / oldF) * newF);
  for (let i = 0, j = 0; i < s.nodes.length; i += oldF) {
    for (let k = 0; k < oldF; k++) { if (k === off) nodes[j++] = value; nodes[j++] = s.nodes[i + k]; }
    if (off === oldF) nodes[j++] = value;
  }
  s.nodes = nodes;
  meta.node_fields.splice(off, 0, name);
  meta.node_types.splice(off, 0, type);
  rescaleOffsets(s, oldF, newF);
}

// ---- location field changes ---------------------------------------------------------------------
function dropScriptObjectIndex(s) {
  const lf = s.snapshot.meta.location_fields;
  const off = lf.indexOf('script_object_index');
  if (off < 0) fail('locations have no script_object_index');
  const L = s.locations, out = [];
  for (let i = 0; i < L.length; i += lf.length) for (let k = 0; k < lf.length; k++) if (k !== off) out.push(L[i + k]);
  s.locations = out;
  lf.splice(off, 1);
}

// The Script node of a location: closures reach it through shared -> script_or_debug_info (or script);
// other objects through map -> constructor -> shared -> ...; otherwise any Script already found for the
// same script_id.
function addScriptObjectIndex(s) {
  const meta = s.snapshot.meta, lf = meta.location_fields;
  if (lf.includes('script_object_index')) fail('locations already have script_object_index');
  const F = meta.node_fields.length, E = meta.edge_fields.length;
  const nType = meta.node_fields.indexOf('type'), nName = meta.node_fields.indexOf('name');
  const nEdges = meta.node_fields.indexOf('edge_count');
  const eType = meta.edge_fields.indexOf('type'), eName = meta.edge_fields.indexOf('name_or_index');
  const eTo = meta.edge_fields.indexOf('to_node');
  const edgeTypes = meta.edge_types[0], nodeTypes = meta.node_types[0];
  const firstEdge = new Array(s.nodes.length / F);
  for (let i = 0, e = 0; i < s.nodes.length; i += F) { firstEdge[i / F] = e; e += s.nodes[i + nEdges] * E; }
  const child = (node, ...names) => {
    const b = firstEdge[node / F];
    for (let k = 0; k < s.nodes[node + nEdges]; k++) {
      const e = b + k * E, t = edgeTypes[s.edges[e + eType]];
      if (t === 'element' || t === 'hidden') continue;
      if (names.includes(s.strings[s.edges[e + eName]])) return s.edges[e + eTo];
    }
    return -1;
  };
  const isScript = (n) => n >= 0 && nodeTypes[s.nodes[n + nType]] === 'code' && !/^system \/ (DebugInfo|Undefined)/.test(s.strings[s.nodes[n + nName]]);
  const scriptOfClosure = (c) => {
    const sh = c >= 0 && nodeTypes[s.nodes[c + nType]] === 'closure' ? child(c, 'shared') : -1;
    if (sh < 0) return -1;
    let sc = child(sh, 'script_or_debug_info', 'script');
    if (sc >= 0 && /^system \/ DebugInfo/.test(s.strings[s.nodes[sc + nName]])) sc = child(sc, 'script');
    return isScript(sc) ? sc : -1;
  };
  const objOff = lf.indexOf('object_index'), idOff = lf.indexOf('script_id'), L = s.locations;
  const found = new Array(L.length / lf.length), byScriptId = new Map();
  for (let r = 0; r < found.length; r++) {
    const obj = L[r * lf.length + objOff];
    let sc = scriptOfClosure(obj);
    if (sc < 0) { const map = child(obj, 'map'); const ctor = map >= 0 ? child(map, 'constructor') : -1; sc = scriptOfClosure(ctor); }
    found[r] = sc;
    if (sc >= 0 && !byScriptId.has(L[r * lf.length + idOff])) byScriptId.set(L[r * lf.length + idOff], sc);
  }
  let unresolved = 0;
  const out = [], at = idOff + 1;
  for (let r = 0; r < found.length; r++) {
    let sc = found[r];
    if (sc < 0) sc = byScriptId.get(L[r * lf.length + idOff]) ?? -1;
    if (sc < 0) { unresolved++; sc = 0; }
    for (let k = 0; k < lf.length; k++) { if (k === at) out.push(sc); out.push(L[r * lf.length + k]); }
  }
  s.locations = out;
  lf.splice(at, 0, 'script_object_index');
  console.error(`rewrite-layout: script_object_index resolved for ${found.length - unresolved}/${found.length} locations` +
    (unresolved ? ` (${unresolved} set to 0)` : ''));
}

// ---- unknown keys -------------------------------------------------------------------------------
function addExtraKeys(s) {
  s.snapshot.meta.x_future_fields = ['alpha', 'beta'];
  s.snapshot.x_heapscope_note = 'unknown header key added by rewrite-layout.js';
  s.snapshot.x_future_object = { nested: { list: [1, 2, 3], text: 'a } brace and a ] bracket' }, flag: true, none: null };
  const out = {};
  for (const k of Object.keys(s)) {
    out[k] = s[k];
    if (k === 'snapshot') out.x_top_level_scalar = 42;
    if (k === 'locations') out.x_future_section = [7, 8, 9, 10];
  }
  // After `strings`: DevTools takes the strings array to end at the file's last ']', so this value has none.
  out.x_trailing_object = { note: 'unknown key after "strings" {with braces}', n: -1.5e3 };
  return out;
}

// ---- V8-style writer ----------------------------------------------------------------------------
function str(v) { // JSON string escaped the way V8 writes them: short escapes, else \uXXXX (upper-case hex)
  let out = '"';
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x0c) out += '\\f';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c < 0x20 || c > 0x7f) out += '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
    else out += v[i];
  }
  return out + '"';
}
function value(v) { return typeof v === 'string' ? str(v) : Array.isArray(v) ? '[' + v.map(value).join(',') + ']'
  : v !== null && typeof v === 'object' ? '{' + Object.keys(v).map((k) => str(k) + ':' + value(v[k])).join(',') + '}' : JSON.stringify(v); }
function rows(a, width, perLine) {
  if (!perLine) return '[' + a.join(',') + ']';
  const parts = [];
  for (let i = 0; i < a.length; i += width) parts.push(a.slice(i, i + width).join(','));
  return '[' + parts.join('\n,') + (parts.length ? '\n' : '') + ']';
}
function write(file, s, perLine) {
  const meta = s.snapshot.meta;
  const widths = { nodes: meta.node_fields.length, edges: meta.edge_fields.length,
    locations: (meta.location_fields || []).length, samples: (meta.sample_fields || []).length,
    trace_function_infos: (meta.trace_function_info_fields || []).length, scopes: (meta.scope_fields || []).length };
  const fd = fs.openSync(file, 'w');
  let first = true;
  fs.writeSync(fd, '{');
  for (const k of Object.keys(s)) {
    const v = s[k];
    let text;
    if (k === 'strings') text = '[' + v.map(str).join(perLine ? ',\n' : ',') + ']';
    else if (Array.isArray(v) && widths[k] > 0 && v.every((x) => typeof x === 'number')) text = rows(v, widths[k], perLine);
    else text = value(v);
    fs.writeSync(fd, (first ? '' : ',\n') + str(k) + ':' + text);
    first = false;
  }
  fs.writeSync(fd, '}');
  fs.closeSync(fd);
}

function main() {
  const [input, output, variants] = process.argv.slice(2);
  if (!input || !output || !variants) fail('usage: node rewrite-layout.js IN.heapsnapshot OUT.heapsnapshot VARIANT[,VARIANT...]');
  const text = fs.readFileSync(input, 'utf8');
  // Old V8 ends each node row with a newline: look for one before the nodes array closes.
  const nodesAt = text.indexOf('"nodes":[');
  const perLine = nodesAt >= 0 && /^[0-9,]*\n/.test(text.slice(nodesAt + 9, nodesAt + 9 + 4096));
  let s = JSON.parse(text);
  for (const variant of variants.split(',')) {
    switch (variant) {
      case 'no-detachedness': dropNodeField(s, 'detachedness'); break;
      case 'no-trace-node-id': dropNodeField(s, 'trace_node_id'); break;
      case 'with-trace-node-id': addNodeField(s, 'trace_node_id', 'edge_count', 'number', 0); break;
      case 'locations-4': dropScriptObjectIndex(s); break;
      case 'locations-5': addScriptObjectIndex(s); break;
      case 'extra-header-keys': s = addExtraKeys(s); break;
      case 'identity': break;
      default: fail(`unknown variant ${variant}`);
    }
  }
  write(output, s, perLine);
  console.error(`rewrite-layout: ${variants}: node_fields=[${s.snapshot.meta.node_fields}] location_fields=[${s.snapshot.meta.location_fields}]`);
}
main();
