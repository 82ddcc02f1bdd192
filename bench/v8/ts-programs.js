#!/usr/bin/env node
// Builds PROGRAMS independent TypeScript compiler Programs, type-checks each of them, keeps them all
// (with their type checkers and diagnostics) in a global array, runs gc() and writes ONE V8 heap
// snapshot: a real, large snapshot of a real program for Heapscope's benchmarks.
//
// Every Program gets its own CompilerHost, so nothing is shared between Programs: each parses the
// .d.ts files again, and the heap grows ~linearly with PROGRAMS.
// Root files: every .d.ts of @types/node and typescript/lib/typescript.d.ts, plus TypeScript's own lib
// files (those named in LIBS below, default lib.esnext.full.d.ts, with what they reference).
//
// usage: node --expose-gc ts-programs.js WORK_DIR PROGRAMS OUT.heapsnapshot
//   WORK_DIR holds node_modules/typescript and node_modules/@types/node (make-typescript-snapshot.sh installs them)
'use strict';
const fs = require('fs');
const path = require('path');
const v8 = require('v8');

const [workDir, programsArg, out] = process.argv.slice(2);
const PROGRAMS = parseInt(programsArg, 10);
if (!workDir || !(PROGRAMS > 0) || !out) {
  console.error('usage: node --expose-gc ts-programs.js WORK_DIR PROGRAMS OUT.heapsnapshot');
  process.exit(2);
}
if (typeof global.gc !== 'function') { console.error('ts-programs.js: run with node --expose-gc'); process.exit(2); }

const ts = require(path.join(path.resolve(workDir), 'node_modules/typescript'));
const typesNode = path.join(path.resolve(workDir), 'node_modules/@types/node');
const LIBS = (process.env.TS_LIBS || 'lib.esnext.full.d.ts').split(',');

function dtsFiles(dir) {
  const files = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { if (e.name !== 'node_modules') files.push(...dtsFiles(p)); }
    else if (e.name.endsWith('.d.ts')) files.push(p);
  }
  return files.sort();
}

// typescript.d.ts (the compiler's own API declarations) is added to reach the target snapshot size.
const rootNames = [...dtsFiles(typesNode), path.join(path.resolve(workDir), 'node_modules/typescript/lib/typescript.d.ts')];
const options = {
  noEmit: true,
  strict: true,
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: LIBS,
  types: [],
  skipLibCheck: false,
};

// Kept for the whole run, so that everything the compiler made stays reachable in the snapshot.
globalThis.typescriptPrograms = [];

const t0 = Date.now();
for (let i = 0; i < PROGRAMS; i++) {
  const host = ts.createCompilerHost(options, true);
  const program = ts.createProgram({ rootNames, options, host });
  const checker = program.getTypeChecker();
  const diagnostics = [...program.getSyntacticDiagnostics(), ...program.getGlobalDiagnostics(), ...program.getSemanticDiagnostics()];
  globalThis.typescriptPrograms.push({ program, checker, diagnostics });
  console.error(`program ${i + 1}/${PROGRAMS}: ${program.getSourceFiles().length} source files, ` +
    `${checker.getTypeCount()} types, ${checker.getSymbolCount()} symbols, ${diagnostics.length} diagnostics, ` +
    `heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MiB, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
// Node 20's V8 (11.3) computes each JSFunction's source line for the snapshot with a linear scan of
// the script's source unless the script's line-end table already exists: for typescript.js (~9 MB,
// ~100k closures) that takes hours. Enabling the debugger once builds the table of every script
// (it reports each script's line count); then the debugger is switched off again.
{
  const inspector = require('inspector');
  const session = new inspector.Session();
  session.connect();
  let enabled = false;
  session.post('Debugger.enable', (err) => { if (err) throw err; enabled = true; });
  if (!enabled) throw new Error('Debugger.enable did not complete synchronously');
  session.post('Debugger.disable');
  session.disconnect();
}
global.gc();
console.error(`heap after gc: ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MiB; writing ${out}`);
const t1 = Date.now();
v8.writeHeapSnapshot(out);
console.error(`wrote ${out}: ${fs.statSync(out).size} bytes in ${((Date.now() - t1) / 1000).toFixed(1)} s ` +
  `(typescript ${ts.version}, ${rootNames.length} root files, libs ${LIBS.join(',')})`);
