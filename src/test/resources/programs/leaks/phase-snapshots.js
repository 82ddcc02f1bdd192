// How every Node leak program runs: its phases run one per event-loop turn, after the script's top-level code has
// returned (as a server's work runs from its event loop), and each ends with a full GC and a heap snapshot of the
// live objects (v8.writeHeapSnapshot, Node's defaults) to OUT_DIR/PROGRAM-PHASE.heapsnapshot, after a line on stdout
// with the program's own count of what it keeps (the harness shows it when a run fails). Snapshots written from
// the top-level code instead would find the program's objects held by the running script's handle scope first, a
// path no server has and DevTools gives no distance. Also checks the command line.
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

// Runs runPhase(1) ... runPhase(PHASES), each in its own timer callback, writing a snapshot after each; counts()
// says what the program keeps, for the log.
function runPhases(outDir, program, runPhase, counts) {
  let phase = 0;
  const nextPhase = () => {
    phase++;
    runPhase(phase);
    console.log(`phase ${phase}: ${counts()}`);
    global.gc();
    v8.writeHeapSnapshot(path.join(outDir, `${program}-${phase}.heapsnapshot`));
    if (phase < PHASES) setTimeout(nextPhase, 0);
  };
  setTimeout(nextPhase, 0);
}

module.exports = { outDirFromArgs, runPhases };
