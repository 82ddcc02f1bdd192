#!/usr/bin/env node
// hand-snapshots.js OUTDIR: writes small V8 heap snapshots by hand, each built to sit on one of DevTools' boundaries,
// so that the DevTools oracle (not Heapscope) says what the Summary and Comparison show there. make-fixtures.sh
// (part `hand`) runs it, gzips the files into fixtures/v8/hand/ and runs the oracle on them. Deterministic: the same
// bytes every run.
//
//   interfaces             plain objects ({a, b} interface names) whose names end exactly at DevTools' 120-character
//                          cut-off, one character past it, with the ", " between names counted, and with a property
//                          name that must be quoted; a first property longer than the cut-off; shapes whose property
//                          ranks collide in Heapscope's hash of a shape, of one length and of two
//   interfaces-base,       a Comparison: the target's interfaces hold a property that no plain object of the base has
//   interfaces-target      (DevTools applies the target's interfaces to the base)
//   duplicated-strings     for DevTools' "duplicated strings" filter: strings V8 cut at 1024 characters ("truncated"
//                          true) with their length and hash, each pair differing in one thing; flat and other cons
//                          strings
'use strict';
const fs = require('fs');
const path = require('path');

const NODE_TYPES = ['hidden', 'array', 'string', 'object', 'code', 'closure', 'regexp', 'number', 'native',
  'synthetic', 'concatenated string', 'sliced string', 'symbol', 'bigint', 'object shape'];
const EDGE_TYPES = ['context', 'element', 'property', 'internal', 'hidden', 'shortcut', 'weak'];

/** A snapshot under construction: nodes by label, each with its edges; ids 1, 3, 5, ... in order of addition. */
class Snapshot {
  constructor() {
    this.nodes = [];
    this.byLabel = new Map();
    this.node('root', 'synthetic', '', 0);
  }

  node(label, type, name, size) {
    this.last = { label, type, name, size, id: 2 * this.nodes.length + 1, edges: [] };
    this.nodes.push(this.last);
    this.byLabel.set(label, this.last);
    return this;
  }

  /** An edge from the node added last; element and hidden edges take an index, the others a name. */
  edge(type, nameOrIndex, target) {
    this.last.edges.push({ type, nameOrIndex, target });
    return this;
  }

  /** An edge from an earlier node. */
  edgeFrom(from, type, nameOrIndex, target) {
    this.byLabel.get(from).edges.push({ type, nameOrIndex, target });
    return this;
  }

  toJson() {
    const strings = [];
    const stringIndex = new Map();
    const str = s => {
      if (!stringIndex.has(s)) {
        stringIndex.set(s, strings.length);
        strings.push(s);
      }
      return stringIndex.get(s);
    };
    const ordinal = new Map(this.nodes.map((n, i) => [n.label, i]));
    const nodes = [];
    const edges = [];
    for (const n of this.nodes) {
      nodes.push(NODE_TYPES.indexOf(n.type), str(n.name), n.id, n.size, n.edges.length, 0);
      for (const e of n.edges) {
        if (!ordinal.has(e.target)) {
          throw new Error(`no node ${e.target}`);
        }
        const indexed = e.type === 'element' || e.type === 'hidden';
        edges.push(EDGE_TYPES.indexOf(e.type), indexed ? e.nameOrIndex : str(e.nameOrIndex),
          ordinal.get(e.target) * 6);
      }
    }
    const meta = {
      node_fields: ['type', 'name', 'id', 'self_size', 'edge_count', 'detachedness'],
      node_types: [NODE_TYPES, 'string', 'number', 'number', 'number', 'number'],
      edge_fields: ['type', 'name_or_index', 'to_node'],
      edge_types: [EDGE_TYPES, 'string_or_number', 'node'],
      trace_function_info_fields: ['function_id', 'name', 'script_name', 'script_id', 'line', 'column'],
      trace_node_fields: ['id', 'function_info_index', 'count', 'size', 'children'],
      sample_fields: ['timestamp_us', 'last_assigned_id'],
      location_fields: ['object_index', 'script_id', 'script_object_index', 'line', 'column'],
    };
    return JSON.stringify({
      snapshot: { meta, node_count: this.nodes.length, edge_count: edges.length / 3, trace_function_count: 0,
        extra_native_bytes: 0 },
      nodes, edges, trace_function_infos: [], trace_tree: [], samples: [], locations: [], strings,
    });
  }
}

/**
 * A snapshot whose root holds a global object W (over a shortcut, as a page's or Node's global is held), and W holds
 * one plain object (V8 object named Object) per property list, each property pointing at one shared number V.
 * Sizes differ per object so that the Summary's sizes tell the objects apart.
 */
function plainObjects(propertyLists) {
  const s = new Snapshot();
  s.edge('shortcut', 'global', 'W').node('W', 'object', 'W', 8);
  propertyLists.forEach((_, i) => s.edgeFrom('W', 'element', i, 'P' + i));
  propertyLists.forEach((properties, i) => {
    s.node('P' + i, 'object', 'Object', 12 + i);
    properties.forEach(p => s.edge('property', p, 'V'));
    s.edge('internal', 'map', 'V');
  });
  return s.node('V', 'number', 'number', 16);
}

const twice = list => [list, list];

/** Each shape twice (an interface needs two objects); the name DevTools gives it is in the comment. */
function interfaces() {
  const letters = (c, n) => c.repeat(n);
  // The names n00 ... n31 have consecutive ranks in text order. Heapscope hashes a shape as h = 31 * h + rank from
  // 1125899906842597, so the shapes (n00, n31) and (n01, n00) hash alike (31 * r + r + 31 = 31 * (r + 1) + r), and so
  // do two shapes of different lengths below (found by writing the difference of their hashes in base 31). Another
  // hash would leave these shapes apart: they would still be right, but would no longer test the collisions.
  const ranked = Array.from({ length: 32 }, (_, i) => 'n' + String(i).padStart(2, '0'));
  return plainObjects([
    // "{" + 60 + 59 is exactly 120: both kept, c is not -> {a*60, b*59}
    ...twice([letters('a', 60), letters('b', 59), 'c']),
    // "{" + 60 + 60 is 121: the second is left out -> {d*60}
    ...twice([letters('d', 60), letters('e', 60)]),
    // "{" + 40 + ", " + 40 is 83, + 37 is 120: kept; then 122 + 1 passes -> {f*40, g*40, h*37}
    ...twice([letters('f', 40), letters('g', 40), letters('h', 37), 'i']),
    // the quoted name counts with its quotes: "{" + 60 + 60 ("k,"+56 k, quoted) is 121 -> {j*60}
    ...twice([letters('j', 60), 'k,' + letters('k', 56)]),
    // the first property is kept however long -> {l*120}
    ...twice([letters('l', 120), 'm']),
    // colliding hashes: two shapes, three objects and two -> {n01, n00} and {n00, n31}
    ...twice(['n00', 'n31']),
    ...twice(['n01', 'n00']),
    ['n01', 'n00'],
    // a shape of one name and one of fourteen that hash alike (13 names sort before n00, so nXX has rank 13 + XX):
    // each is made by one object, so neither is an interface
    ['n00'],
    [8, 20, 25, 17, 14, 3, 5, 2, 13, 7, 28, 10, 16, 21].map(i => ranked[i]),
    // one object naming n02 ... n30, so that the ranks above hold
    ranked.slice(2, 31),
  ]);
}

/**
 * The base's plain objects know x, y and z but not w; the target's interface {w, x, y} (three objects) names
 * a property the base never saw, and {x, y} (two objects) one it did: a base object with w, x, y matches neither.
 */
function interfacesBase() {
  return plainObjects([['x', 'y'], ['x', 'y', 'z'], ['x', 'y', 'z'], ['z']]);
}

function interfacesTarget() {
  return plainObjects([['x', 'y'], ['w', 'x', 'y'], ['x', 'y'], ['z'], ['w', 'x', 'y'], ['w', 'x', 'y']]);
}

/**
 * Strings held by W, each with a distinct self size (powers of two) so that the filter's shallow size names exactly
 * the strings it kept. V8 marks a string it cut at 1024 characters with internal edges: truncated -> (number "bool")
 * -> value -> (string "true"), length and hash -> (number "int") -> value -> (string of digits). Those value strings,
 * the halves of the cons strings and the empty string have size 0, so the filter passes over them.
 */
function duplicatedStrings() {
  const s = new Snapshot();
  s.edge('shortcut', 'global', 'W').node('W', 'object', 'W', 8);
  const cut = 'x'.repeat(1024);
  const other = 'y'.repeat(1024);
  const third = 'w'.repeat(1024);
  // label, type, text, and its internal edges: [edge name, target label] ("property:" marks a property edge)
  const strings = [
    // the untruncated text equal to `cut`, just before a string whose first edge is `truncated`
    ['plain', 'string', cut, []],
    // same text, length and hash: duplicates
    ['sameA', 'string', cut, [['truncated', 'yes'], ['length', 'len2000'], ['hash', 'hash7']]],
    ['sameB', 'string', cut, [['truncated', 'yes'], ['length', 'len2000'], ['hash', 'hash7']]],
    // same text and hash as those, another length: none of them
    ['longer', 'string', cut, [['truncated', 'yes'], ['length', 'len3000'], ['hash', 'hash7']]],
    // same text and length, another hash
    ['otherHash', 'string', cut, [['truncated', 'yes'], ['length', 'len2000'], ['hash', 'hash9']]],
    // no length and no hash: equal to each other (both missing), not to those that have them
    ['bareA', 'string', other, [['truncated', 'yes']]],
    ['bareB', 'string', other, [['truncated', 'yes']]],
    // a length that is no int (a bool node, a number that is not a number, no value edge): each counts as missing,
    // so these match each other and bareA/bareB
    ['lengthBool', 'string', other, [['truncated', 'yes'], ['length', 'no']]],
    ['lengthNaN', 'string', other, [['truncated', 'yes'], ['length', 'lenNaN']]],
    ['lengthNoValue', 'string', other, [['truncated', 'yes'], ['length', 'intNoValue']]],
    // a hash of 0 is a hash: not missing, so none of those
    ['hashZero', 'string', other, [['truncated', 'yes'], ['hash', 'hash0']]],
    // a length node that is a string named int counts as missing too: it matches a bare string of its own text (not
    // the others above, so that a wrong reading of it and of lengthBool cannot pair them)
    ['lengthString', 'string', third, [['truncated', 'yes'], ['length', 'stringInt']]],
    ['bareThird', 'string', third, [['truncated', 'yes']]],
    // truncated false, a flag that is no bool, a flag that is a string, a flag without value, a flag over a property
    // edge: not truncated, so equal to `plain`. Each has a hash of its own, so that read as truncated it would
    // match nothing.
    ['flagFalse', 'string', cut, [['truncated', 'no'], ['length', 'len2000'], ['hash', 'hash11']]],
    ['flagInt', 'string', cut, [['truncated', 'intTrue'], ['length', 'len2000'], ['hash', 'hash12']]],
    ['flagString', 'string', cut, [['truncated', 'stringBool'], ['length', 'len2000'], ['hash', 'hash13']]],
    ['flagNoValue', 'string', cut, [['truncated', 'boolNoValue'], ['length', 'len2000'], ['hash', 'hash14']]],
    ['flagProperty', 'string', cut, [['property:truncated', 'yes'], ['length', 'len2000'], ['hash', 'hash15']]],
    // a lone truncated string of its own text: no duplicate
    ['alone', 'string', 'z'.repeat(1024), [['truncated', 'yes'], ['length', 'len2000'], ['hash', 'hash7']]],
    // cons strings: one whose first half is empty and one whose second half is (listed first) are flat, so they
    // are passed over, and `hello` and `world` stay single; `abcd` (halves ab, cd) is no flat string, though
    // the flat one follows it, and duplicates the string abcd
    ['hello', 'string', 'hello', []],
    ['world', 'string', 'world', []],
    ['abcd', 'string', 'abcd', []],
    ['consFlatFirst', 'concatenated string', 'hello', [['first', 'empty'], ['second', 'halfHello']]],
    ['consAbcd', 'concatenated string', 'abcd', [['first', 'halfAb'], ['second', 'halfCd']]],
    ['consFlatSecond', 'concatenated string', 'world', [['second', 'empty'], ['first', 'halfWorld']]],
  ];
  strings.forEach(([label], i) => s.edgeFrom('W', 'element', i, label));
  strings.forEach(([label, type, text, internals], i) => {
    s.node(label, type, text, 2 ** i);
    for (const [name, target] of internals) {
      const [edgeType, edgeName] = name.includes(':') ? name.split(':') : ['internal', name];
      s.edge(edgeType, edgeName, target);
    }
  });
  const value = (label, type, name, valueText) => {
    s.node(label, type, name, 0);
    if (valueText !== undefined) {
      s.edge('internal', 'value', label + 'Text').node(label + 'Text', 'string', valueText, 0);
    }
  };
  value('yes', 'number', 'bool', 'true');
  value('no', 'number', 'bool', 'false');
  value('len2000', 'number', 'int', '2000');
  value('len3000', 'number', 'int', '3000');
  for (const hash of [0, 7, 9, 11, 12, 13, 14, 15]) {
    value('hash' + hash, 'number', 'int', String(hash));
  }
  value('lenNaN', 'number', 'int', 'many');
  value('intNoValue', 'number', 'int');
  value('stringInt', 'string', 'int', '2000');
  value('intTrue', 'number', 'int', 'true');
  value('stringBool', 'string', 'bool', 'true');
  value('boolNoValue', 'number', 'bool');
  for (const [label, text] of [['empty', ''], ['halfHello', 'hello'], ['halfWorld', 'world'], ['halfAb', 'ab'],
    ['halfCd', 'cd']]) {
    s.node(label, 'string', text, 0);
  }
  return s;
}

const out = process.argv[2];
if (!out) {
  console.error('usage: hand-snapshots.js OUTDIR');
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });
const snapshots = {
  interfaces: interfaces(),
  'interfaces-base': interfacesBase(),
  'interfaces-target': interfacesTarget(),
  'duplicated-strings': duplicatedStrings(),
};
for (const [name, snapshot] of Object.entries(snapshots)) {
  fs.writeFileSync(path.join(out, name + '.heapsnapshot'), snapshot.toJson());
}
