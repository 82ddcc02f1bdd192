#!/usr/bin/env bash
# make-fixtures.sh: regenerates Heapscope's real V8 heap-snapshot fixtures and the values Chrome DevTools'
# own engine (the DevTools oracle, shared/devtools-oracle) computes for them. One command:
#
#   src/test/scripts/v8/make-fixtures.sh [PART...]      PART: demo leak4 listeners buffer-cache browser layouts hand
#                                                         (default: all of them, in that order): new snapshots from
#                                                         the programs, and every oracle file of each part
#   src/test/scripts/v8/make-fixtures.sh oracle         every oracle file again from the committed snapshots (no
#                                                         program, no browser; reader/ included): after this,
#                                                         `git status` shows whether the JSON still matches the oracle
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
#   hand          F/hand/{interfaces,interfaces-base,interfaces-target,duplicated-strings}.heapsnapshot.gz
#                 hand-snapshots.js: tiny snapshots written by hand, each on one of DevTools' boundaries (no program)
# Expected values, all from the oracle, written beside each fixture (.json, or .json.gz when > 300 KB):
#   every snapshot:  NAME.summary.json (oracle summary), NAME.stats.json (oracle stats)
#   leak4/leak-4, browser/detached-dom and hand/duplicated-strings: NAME.duplicatedStrings.summary.json and
#     NAME.objectsRetainedByDetachedDomNodes.summary.json (oracle summary --named-filter: DevTools' named filters)
#   every series of N snapshots (not layouts/browser):
#     A__B.diff.json                       oracle diff A B for every consecutive pair (B viewed, A as base)
#     LAST.allocated-1-<N-1>.summary.json  oracle summary LAST --allocated-between S1 S(N-1)
#     LAST.instances-CLASS.json            oracle instances LAST CLASS --limit 3 (the leaking class)
#     LAST.retainers-ID.json               oracle retainers LAST ID for those 3 instances
#   hand: interfaces-base__interfaces-target.diff.json (oracle diff: the target's interfaces applied to the base)
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

# Every part has two halves: make_* runs a program (or a browser) that writes fresh snapshots into $WORK/<part>/ and
# gzips them into the repository; expect_* computes every oracle file of the part from the snapshots in
# $WORK/<part>/. `oracle` runs only the second half, on the committed snapshots (gunzipped into $WORK/<part>/).

# commit DIR NAME... : gzip $DIR/NAME.heapsnapshot into $REL.
commit() {
  local dir=$1; shift
  mkdir -p "$REL"
  for n in "$@"; do
    gzip -9 -n -c "$dir/$n.heapsnapshot" > "$REL/$n.heapsnapshot.gz"
    log "  $REL/$n.heapsnapshot.gz $(stat -c %s "$REL/$n.heapsnapshot.gz") bytes"
  done
}

# unpack DIR NAME... : the committed $REL/NAME.heapsnapshot.gz, gunzipped into DIR (for `oracle`).
unpack() {
  local dir=$1; shift
  mkdir -p "$dir"
  for n in "$@"; do gzip -dc "$REL/$n.heapsnapshot.gz" > "$dir/$n.heapsnapshot"; done
}

# expect_each DIR JSONDIR NAME... : summary and stats of each $DIR/NAME.heapsnapshot into JSONDIR.
expect_each() {
  local dir=$1 jdir=$2; shift 2
  mkdir -p "$jdir"
  for n in "$@"; do
    oracle summary "$dir/$n.heapsnapshot" | save "$jdir/$n.summary.json"
    oracle stats "$dir/$n.heapsnapshot" | save "$jdir/$n.stats.json"
  done
}

# expect_named_filters DIR JSONDIR NAME : DevTools' two named Summary filters of $DIR/NAME.heapsnapshot.
expect_named_filters() {
  local dir=$1 jdir=$2 n=$3 filter
  for filter in duplicatedStrings objectsRetainedByDetachedDomNodes; do
    oracle summary "$dir/$n.heapsnapshot" --named-filter "$filter" | save "$jdir/$n.$filter.summary.json"
  done
}

# series_names PREFIX COUNT : PREFIX-1 ... PREFIX-COUNT
series_names() {
  local i
  for ((i = 1; i <= $2; i++)); do echo "$1-$i"; done
}

# make_series PART PROGRAM COUNT PREFIX : run PROGRAM for COUNT snapshots into $WORK/PART, gzip them into $REL.
make_series() {
  local part=$1 program=$2 count=$3 prefix=$4
  log "$part: node --expose-gc $program ($count snapshots)"
  node --expose-gc "$HERE/$program" "$WORK/$part" "$count" "$prefix"
  rm -f "$REL/$prefix"-*.heapsnapshot.gz
  commit "$WORK/$part" $(series_names "$prefix" "$count")
}

# expect_series PART COUNT PREFIX CLASS JSONDIR : every oracle file of a series (see the header).
expect_series() {
  local part=$1 count=$2 prefix=$3 class=$4 jdir=$5
  local dir="$WORK/$part" i
  rm -f "$jdir/$prefix"-*.json "$jdir/$prefix"-*.json.gz
  expect_each "$dir" "$jdir" $(series_names "$prefix" "$count")
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

# The parts. REL is where the snapshots live in the repository; the JSON goes to the folder each expect_* names.
make_demo()          { REL=src/main/resources/demo; make_series demo leak-program.js 3 leak; }
expect_demo()        { REL=src/main/resources/demo; expect_series demo 3 leak LeakyItem "$F/demo"; }
unpack_demo()        { REL=src/main/resources/demo; unpack "$WORK/demo" $(series_names leak 3); }
make_leak4()         { REL=$F/leak4; make_series leak4 leak-program.js 4 leak; }
expect_leak4()       { REL=$F/leak4; expect_series leak4 4 leak LeakyItem "$REL"; expect_named_filters "$WORK/leak4" "$REL" leak-4; }
unpack_leak4()       { REL=$F/leak4; unpack "$WORK/leak4" $(series_names leak 4); }
make_listeners()     { REL=$F/listeners; make_series listeners listeners-program.js 3 listeners; }
expect_listeners()   { REL=$F/listeners; expect_series listeners 3 listeners Session "$REL"; }
unpack_listeners()   { REL=$F/listeners; unpack "$WORK/listeners" $(series_names listeners 3); }
make_buffer_cache()  { REL=$F/buffer-cache; make_series buffer-cache buffer-cache-program.js 3 buffer-cache; }
expect_buffer_cache() { REL=$F/buffer-cache; expect_series buffer-cache 3 buffer-cache CacheEntry "$REL"; }
unpack_buffer_cache() { REL=$F/buffer-cache; unpack "$WORK/buffer-cache" $(series_names buffer-cache 3); }

need_browser() {
  [[ -x "$CHROMIUM" ]] || { log "$CHROMIUM missing (apt-get update && apt-get install -y chromium)"; exit 1; }
  if [[ ! -f "$SCRATCH/node_modules/playwright-core/package.json" ]]; then
    log "npm install playwright-core@$PLAYWRIGHT_VERSION into $SCRATCH"
    mkdir -p "$SCRATCH"
    npm install --prefix "$SCRATCH" --no-save --no-audit --no-fund "playwright-core@$PLAYWRIGHT_VERSION" >&2
  fi
  log "browser: $("$CHROMIUM" --version 2>/dev/null)"
}

make_browser() {
  need_browser
  REL=$F/browser
  rm -f "$REL"/detached-dom.heapsnapshot.gz
  mkdir -p "$WORK/browser"
  NODE_PATH="$SCRATCH/node_modules" node "$HERE/browser-snapshot.js" "$WORK/browser/detached-dom.heapsnapshot" "$HERE/detached-dom.html"
  commit "$WORK/browser" detached-dom
}
expect_browser() {
  REL=$F/browser
  rm -f "$REL"/detached-dom.*.json
  expect_each "$WORK/browser" "$REL" detached-dom
  expect_named_filters "$WORK/browser" "$REL" detached-dom
}
unpack_browser() { REL=$F/browser; unpack "$WORK/browser" detached-dom; }

# Layout variants of one real small snapshot: a Chromium dedicated worker (layout-worker.js). The base is
# kept too (worker-base: current V8's layout, 6 node fields without trace_node_id, 5 location fields).
LAYOUTS=(worker-base no-detachedness with-trace-node-id locations-4 extra-header-keys)
make_layouts() {
  need_browser
  REL=$F/layouts
  rm -f "$REL"/*.heapsnapshot.gz
  mkdir -p "$WORK/layouts"
  NODE_PATH="$SCRATCH/node_modules" node "$HERE/browser-snapshot.js" --worker "$WORK/layouts/worker-base.heapsnapshot" "$HERE/layout-worker.js"
  local name ops
  for name in "${LAYOUTS[@]:1}"; do
    case $name in
      no-detachedness) ops=with-trace-node-id,no-detachedness ;;  # the node fields of V8 before detachedness
      *) ops=$name ;;
    esac
    node "$HERE/rewrite-layout.js" "$WORK/layouts/worker-base.heapsnapshot" "$WORK/layouts/$name.heapsnapshot" "$ops"
  done
  commit "$WORK/layouts" "${LAYOUTS[@]}"
}
expect_layouts() { REL=$F/layouts; rm -f "$REL"/*.json "$REL"/*.json.gz; expect_each "$WORK/layouts" "$REL" "${LAYOUTS[@]}"; }
unpack_layouts() { REL=$F/layouts; unpack "$WORK/layouts" "${LAYOUTS[@]}"; }

# The reader's Chromium worker snapshot is captured by hand (fixtures/v8/reader/README.md): only its oracle files are
# made here, by `oracle`.
expect_reader() { REL=$F/reader; expect_each "$WORK/reader" "$REL" chromium-worker; }
unpack_reader() { REL=$F/reader; unpack "$WORK/reader" chromium-worker; }

# Snapshots written by hand-snapshots.js, each on one of DevTools' boundaries (see its header).
HAND=(interfaces interfaces-base interfaces-target duplicated-strings)
make_hand() {
  REL=$F/hand
  rm -f "$REL"/*.heapsnapshot.gz
  node "$HERE/hand-snapshots.js" "$WORK/hand"
  commit "$WORK/hand" "${HAND[@]}"
}
expect_hand() {
  REL=$F/hand
  rm -f "$REL"/*.json "$REL"/*.json.gz
  expect_each "$WORK/hand" "$REL" "${HAND[@]}"
  oracle diff "$WORK/hand/interfaces-base.heapsnapshot" "$WORK/hand/interfaces-target.heapsnapshot" \
    | save "$REL/interfaces-base__interfaces-target.diff.json"
  expect_named_filters "$WORK/hand" "$REL" duplicated-strings
}
unpack_hand() { REL=$F/hand; unpack "$WORK/hand" "${HAND[@]}"; }

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

PARTS=(demo leak4 listeners buffer-cache browser layouts hand)
parts=("$@")
(( ${#parts[@]} )) || parts=("${PARTS[@]}")
made=false
for p in "${parts[@]}"; do
  case $p in
    demo|leak4|listeners|buffer-cache|browser|layouts) "make_${p//-/_}"; "expect_${p//-/_}"; made=true ;;
    hand) make_hand; expect_hand ;;  # no program ran: versions.txt stays
    oracle)
      for q in "${PARTS[@]}" reader; do
        log "oracle: $q (committed snapshots)"
        "unpack_${q//-/_}"; "expect_${q//-/_}"
      done ;;
    *) log "unknown part $p"; exit 2 ;;
  esac
done
# versions.txt names the tools that made the snapshots: an `oracle` run alone leaves it as it is.
if $made; then write_versions; fi
log "done: $(du -ch src/main/resources/demo/*.gz "$F" | tail -1 | cut -f1) of fixtures and expected values"
