// How every Node leak program ends a phase: a full GC, then a heap snapshot of the live objects
// (v8.writeHeapSnapshot, Node's defaults) to OUT_DIR/PROGRAM-PHASE.heapsnapshot, after a line on stdout with the
// program's own count of what it keeps (the harness shows it when a run fails). Also checks the command line.
'use strict';
const v8 = require('v8');
const fs = require('fs');
const path = require('path');

const PHASES = 4;

function outDirFromArgs(program) {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error(`usage: node --expose-gc ${program}.js OUT_DIR`);
    process.exit(2);
  }
  if (typeof global.gc !== 'function') {
    console.error(`${program}.js: run with node --expose-gc`);
    process.exit(2);
  }
  fs.mkdirSync(outDir, { recursive: true });
  return outDir;
}

function writePhaseSnapshot(outDir, program, phase, counts) {
  console.log(`phase ${phase}: ${counts}`);
  global.gc();
  v8.writeHeapSnapshot(path.join(outDir, `${program}-${phase}.heapsnapshot`));
}

module.exports = { PHASES, outDirFromArgs, writePhaseSnapshot };
