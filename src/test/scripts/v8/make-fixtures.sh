#!/usr/bin/env bash
# make-fixtures.sh: regenerates Heapscope's real V8 heap-snapshot fixtures and the values Chrome DevTools'
# own engine (the DevTools oracle, shared/devtools-oracle) computes for them. One command:
#
#   src/test/scripts/v8/make-fixtures.sh [PART...]      PART: demo leak4 listeners buffer-cache browser layouts
#                                                         (default: all of them, in that order)
# What it makes (paths relative to the repository root; F = src/test/resources/fixtures/v8):
#   demo          src/main/resources/demo/leak-{1,2,3}.heapsnapshot.gz      leak-program.js, 3 snapshots
#                 (expected values in F/demo/, so that test data stays out of the application's resources)
#   leak4         F/leak4/leak-{1..4}.heapsnapshot.gz                       leak-program.js, a separate run of 4
#   listeners     F/listeners/listeners-{1,2,3}.heapsnapshot.gz             listeners-program.js
#   buffer-cache  F/buffer-cache/buffer-cache-{1,2,3}.heapsnapshot.gz       buffer-cache-program.js
#   browser       F/browser/detached-dom.heapsnapshot.gz                    browser-snapshot.js + detached-dom.html
#                 (Debian's /usr/bin/chromium driven by playwright-core, installed into $SCRATCH)
#   layouts       F/layouts/worker-base.heapsnapshot.gz                     browser-snapshot.js --worker layout-worker.js
#                 (a small real snapshot: a Chromium dedicated worker) and F/layouts/<variant>.heapsnapshot.gz made
#                 from it by rewrite-layout.js: no-detachedness (node fields of older V8: trace_node_id, no
#                 detachedness), with-trace-node-id (7 node fields), locations-4, extra-header-keys
# Expected values, all from the oracle, written beside each fixture (.json, or .json.gz when > 300 KB):
#   every snapshot:  NAME.summary.json (oracle summary), NAME.stats.json (oracle stats)
#   every series of N snapshots (not layouts/browser):
#     A__B.diff.json                       oracle diff A B for every consecutive pair (B viewed, A as base)
#     LAST.allocated-1-<N-1>.summary.json  oracle summary LAST --allocated-between S1 S(N-1)
#     LAST.instances-CLASS.json            oracle instances LAST CLASS --limit 3 (the leaking class)
#     LAST.retainers-ID.json               oracle retainers LAST ID for those 3 instances
#   The JSON's file paths are rewritten to the fixture's repository path (the oracle read the gunzipped file).
#   F/versions.txt records the Node, Chromium, playwright-core and DevTools frontend versions used.
# Snapshots are gzipped with gzip -9 -n. Runs are timer driven, so a rerun gives equivalent, not identical, files.
#
# Environment: ORACLE (path of devtools-oracle.mjs; default ../shared/devtools-oracle next to the repository,
# else /work/shared/devtools-oracle), SCRATCH (npm prefix for playwright-core; default
# ${TMPDIR:-/tmp}/heapscope-fixtures-npm), CHROMIUM (default /usr/bin/chromium).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
F=src/test/resources/fixtures/v8
if [[ -z "${ORACLE:-}" ]]; then
  for c in "$ROOT/../shared/devtools-oracle/devtools-oracle.mjs" /work/shared/devtools-oracle/devtools-oracle.mjs; do
    [[ -f "$c" ]] && { ORACLE=$c; break; }
  done
fi
[[ -f "${ORACLE:-}" ]] || { echo "make-fixtures: devtools-oracle.mjs not found; set ORACLE" >&2; exit 2; }
SCRATCH=${SCRATCH:-${TMPDIR:-/tmp}/heapscope-fixtures-npm}
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
PLAYWRIGHT_VERSION=1.65.1
WORK=$(mktemp -d "${TMPDIR:-/tmp}/heapscope-fixtures.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$ROOT"

log() { echo "make-fixtures: $*" >&2; }

# oracle SUBCOMMAND ARGS... : one oracle run, DevTools' progress going to $WORK/oracle.log.
oracle() { node --max-old-space-size=8000 "$ORACLE" "$@" 2>>"$WORK/oracle.log"; }

# save OUT.json : stdin (oracle JSON) -> OUT.json, or OUT.json.gz when larger than 300 KB. Paths of files under
# $WORK/<dir>/ are rewritten to "$REL/<name>.heapsnapshot.gz" ($REL = repository folder of the fixtures).
save() {
  local out=$1 tmp="$WORK/save.json"
  sed -E "s#\"$WORK/[^\"/]+/([^\"/]+)\\.heapsnapshot\"#\"$REL/\\1.heapsnapshot.gz\"#g" > "$tmp"
  rm -f "$out" "$out.gz"
  if (( $(stat -c %s "$tmp") > 300 * 1024 )); then gzip -9 -n -c "$tmp" > "$out.gz"; else cp "$tmp" "$out"; fi
}

# expect_each DIR JSONDIR NAME... : gzip $DIR/NAME.heapsnapshot into $REL, then summary and stats into JSONDIR.
expect_each() {
  local dir=$1 jdir=$2; shift 2
  mkdir -p "$REL" "$jdir"
  for n in "$@"; do
    gzip -9 -n -c "$dir/$n.heapsnapshot" > "$REL/$n.heapsnapshot.gz"
    oracle summary "$dir/$n.heapsnapshot" | save "$jdir/$n.summary.json"
    oracle stats "$dir/$n.heapsnapshot" | save "$jdir/$n.stats.json"
    log "  $REL/$n.heapsnapshot.gz $(stat -c %s "$REL/$n.heapsnapshot.gz") bytes"
  done
}

# series PART PROGRAM COUNT PREFIX CLASS OUTDIR JSONDIR : run PROGRAM for COUNT snapshots, then all expected values.
series() {
  local part=$1 program=$2 count=$3 prefix=$4 class=$5 jdir=$7
  REL=$6
  local dir="$WORK/$part"
  log "$part: node --expose-gc $program ($count snapshots)"
  node --expose-gc "$HERE/$program" "$dir" "$count" "$prefix"
  rm -f "$REL/$prefix"-*.heapsnapshot.gz "$jdir/$prefix"-*.json "$jdir/$prefix"-*.json.gz
  local names=() i
  for ((i = 1; i <= count; i++)); do names+=("$prefix-$i"); done
  expect_each "$dir" "$jdir" "${names[@]}"
  for ((i = 1; i < count; i++)); do
    oracle diff "$dir/$prefix-$i.heapsnapshot" "$dir/$prefix-$((i + 1)).heapsnapshot" \
      | save "$jdir/$prefix-$i"__"$prefix-$((i + 1)).diff.json"
  done
  local last="$prefix-$count"
  oracle summary "$dir/$last.heapsnapshot" --allocated-between "$dir/$prefix-1.heapsnapshot" "$dir/$prefix-$((count - 1)).heapsnapshot" \
    | save "$jdir/$last.allocated-1-$((count - 1)).summary.json"
  oracle instances "$dir/$last.heapsnapshot" "$class" --limit 3 | save "$jdir/$last.instances-$class.json"
  local ids
  ids=$(node -e 'const j=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));console.log(j.instances.map(i=>i.id).join(" "))' \
    "$jdir/$last.instances-$class.json")
  [[ -n "$ids" ]] || { log "no $class instances in $last"; exit 1; }
  for id in $ids; do oracle retainers "$dir/$last.heapsnapshot" "$id" | save "$jdir/$last.retainers-$id.json"; done
}

part_demo()         { series demo leak-program.js 3 leak LeakyItem src/main/resources/demo "$F/demo"; }
part_leak4()        { series leak4 leak-program.js 4 leak LeakyItem "$F/leak4" "$F/leak4"; }
part_listeners()    { series listeners listeners-program.js 3 listeners Session "$F/listeners" "$F/listeners"; }
part_buffer_cache() { series buffer-cache buffer-cache-program.js 3 buffer-cache CacheEntry "$F/buffer-cache" "$F/buffer-cache"; }

need_browser() {
  [[ -x "$CHROMIUM" ]] || { log "$CHROMIUM missing (apt-get update && apt-get install -y chromium)"; exit 1; }
  if [[ ! -f "$SCRATCH/node_modules/playwright-core/package.json" ]]; then
    log "npm install playwright-core@$PLAYWRIGHT_VERSION into $SCRATCH"
    mkdir -p "$SCRATCH"
    npm install --prefix "$SCRATCH" --no-save --no-audit --no-fund "playwright-core@$PLAYWRIGHT_VERSION" >&2
  fi
  log "browser: $("$CHROMIUM" --version 2>/dev/null)"
}

part_browser() {
  need_browser
  REL=$F/browser
  rm -f "$REL"/detached-dom.*
  mkdir -p "$WORK/browser"
  NODE_PATH="$SCRATCH/node_modules" node "$HERE/browser-snapshot.js" "$WORK/browser/detached-dom.heapsnapshot" "$HERE/detached-dom.html"
  expect_each "$WORK/browser" "$REL" detached-dom
}

# Layout variants of one real small snapshot: a Chromium dedicated worker (layout-worker.js). The base is
# kept too (worker-base: current V8's layout, 6 node fields without trace_node_id, 5 location fields).
part_layouts() {
  need_browser
  REL=$F/layouts
  rm -f "$REL"/*.heapsnapshot.gz "$REL"/*.json "$REL"/*.json.gz
  mkdir -p "$WORK/layouts"
  NODE_PATH="$SCRATCH/node_modules" node "$HERE/browser-snapshot.js" --worker "$WORK/layouts/worker-base.heapsnapshot" "$HERE/layout-worker.js"
  expect_each "$WORK/layouts" "$REL" worker-base
  local name ops
  for name in no-detachedness with-trace-node-id locations-4 extra-header-keys; do
    case $name in
      no-detachedness) ops=with-trace-node-id,no-detachedness ;;  # the node fields of V8 before detachedness
      *) ops=$name ;;
    esac
    node "$HERE/rewrite-layout.js" "$WORK/layouts/worker-base.heapsnapshot" "$WORK/layouts/$name.heapsnapshot" "$ops"
    expect_each "$WORK/layouts" "$REL" "$name"
  done
}

write_versions() {
  {
    echo "node $(node --version)"
    echo "v8 $(node -p process.versions.v8)"
    if [[ -x "$CHROMIUM" ]]; then echo "chromium $("$CHROMIUM" --version 2>/dev/null | sed -n 's/^Chromium \([0-9.]*\).*/\1/p')"; fi
    if [[ -f "$SCRATCH/node_modules/playwright-core/package.json" ]]; then
      echo "playwright-core $(node -p "require('$SCRATCH/node_modules/playwright-core/package.json').version")"
    fi
    echo "oracle $(grep -ho 'chrome-devtools-frontend [0-9.]* heap_snapshot_worker' "$F"/*/*.summary.json | head -1)"
  } > "$F/versions.txt"
}

parts=("$@")
(( ${#parts[@]} )) || parts=(demo leak4 listeners buffer-cache browser layouts)
for p in "${parts[@]}"; do
  case $p in
    demo|leak4|listeners|browser|layouts) "part_$p" ;;
    buffer-cache) part_buffer_cache ;;
    *) log "unknown part $p"; exit 2 ;;
  esac
done
write_versions
log "done: $(du -ch src/main/resources/demo/*.gz "$F" | tail -1 | cut -f1) of fixtures and expected values"
