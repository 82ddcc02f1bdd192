#!/usr/bin/env bash
# make-typescript-snapshot.sh PROGRAMS OUT.heapsnapshot
# Makes a real, large V8 heap snapshot for Heapscope's benchmarks: installs typescript and @types/node
# (pinned versions) from npm into bench/work/ (git-ignored), then runs ts-programs.js, which builds
# PROGRAMS independent TypeScript Programs over the .d.ts files of @types/node, typescript.d.ts and
# TypeScript's lib files, type-checks them, keeps them all, gc()s and writes one snapshot with
# v8.writeHeapSnapshot. With Node 20.20.2: PROGRAMS=1 -> ~262 MB, ~2.04 M nodes, ~12.6 M edges;
# PROGRAMS=5 -> ~1.3 GB. See bench/v8/README.md.
# Environment: BENCH_WORK (install dir, default bench/work), NODE (default node).
set -euo pipefail
if [[ $# -ne 2 ]] || ! [[ $1 =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 PROGRAMS OUT.heapsnapshot" >&2; exit 2
fi
PROGRAMS=$1
OUT=$2
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${BENCH_WORK:-$ROOT/bench/work}
NODE=${NODE:-node}
TYPESCRIPT_VERSION=5.9.3     # the last JavaScript compiler line (typescript 7 is the native port, no JS API)
TYPES_NODE_VERSION=22.20.5

mkdir -p "$WORK" "$(dirname "$OUT")"
installed() { node -p "require('$WORK/node_modules/$1/package.json').version" 2>/dev/null || true; }
if [[ $(installed typescript) != "$TYPESCRIPT_VERSION" || $(installed @types/node) != "$TYPES_NODE_VERSION" ]]; then
  echo "installing typescript@$TYPESCRIPT_VERSION @types/node@$TYPES_NODE_VERSION into $WORK" >&2
  [[ -f "$WORK/package.json" ]] || echo '{"private": true}' > "$WORK/package.json"
  npm install --prefix "$WORK" --no-audit --no-fund "typescript@$TYPESCRIPT_VERSION" "@types/node@$TYPES_NODE_VERSION" >&2
fi
# Old space must hold the Programs (~200 MB each); the snapshot itself is built outside the JS heap.
"$NODE" --expose-gc --max-old-space-size=16000 "$HERE/ts-programs.js" "$WORK" "$PROGRAMS" "$OUT"
head -c 2000 "$OUT" | grep -o '"node_count":[0-9]*,"edge_count":[0-9]*' >&2 || true
