#!/bin/sh
# Smoke test of the Linux installers that `mvn -Pdist -DskipTests package` left in target/dist/, as a person would
# use them. Needs root (it installs the .deb with apt-get and removes it again at the end) and a machine where the
# package is not installed yet. Not part of CI: it changes the system.
#   1. the app-image launcher runs the CLI headless: --version (must name the pom's version) and summary on the
#      dump, whose --json stays JSON where the kernel has no transparent huge pages; it takes a snapshot of a
#      running JVM and of a Node.js process (opening its inspector with SIGUSR1), so its trimmed runtime has what
#      capture needs (jdk.attach, java.net.http);
#   2. the .deb installs; the file types and the default application are registered; `heapscope` is on the PATH;
#   3. the installed app starts under Xvfb through its menu entry (as a file manager starts it) with the dump, and
#      a screenshot is saved to target/dist/smoke/ to look at;
#   4. the .deb uninstalls and leaves no default-handler entries behind.
# Usage: packaging/smoke-test-linux.sh [dump file]  (default: the committed JDK 25 dump, as sample.hprof)
# Needs: xvfb, imagemagick (import), libgtk-3-0, xdg-utils, libglib2.0-bin (gio), node, unshare (util-linux); the
# test classes compiled (`mvn -Pdist -DskipTests package` compiles them).
set -eu
cd "$(dirname "$0")/.."
dist=target/dist
out=$dist/smoke
rm -rf "$out"
mkdir -p "$out"
deb=$(ls "$dist"/heapscope_*.deb)
version=$(sed -n 's/^java-options=-Djpackage.app-version=//p' "$dist/heapscope/lib/app/heapscope.cfg")
dump=${1:-}
if [ -z "$dump" ]; then
    dump=$out/sample.hprof
    gunzip -c src/test/resources/fixtures/hprof/jdk25-small.hprof.gz > "$dump"
fi
dump=$(realpath "$dump")
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "== 1. app-image launcher, headless (no DISPLAY)"
got=$(env -u DISPLAY "$dist/heapscope/bin/heapscope" --version)
echo "heapscope --version: $got"
case "$got" in *"$version"*) ;; *) fail "--version does not name $version" ;; esac
env -u DISPLAY "$dist/heapscope/bin/heapscope" summary "$dump" > "$out/summary.txt" || fail "summary exited $?"
head -5 "$out/summary.txt"
# The launcher asks for transparent huge pages; where the kernel has none, the JVM's warning must not reach standard
# output. "never" is bind-mounted over the sysfs setting in a private mount namespace, so the system keeps its own.
is_json() { node -e 'JSON.parse(require("fs").readFileSync(0, "utf8"))'; }
env -u DISPLAY "$dist/heapscope/bin/heapscope" summary --json "$dump" | is_json || fail "summary --json is not JSON"
echo "always madvise [never]" > "$out/thp-never"
unshare -m sh -c "mount --bind '$out/thp-never' /sys/kernel/mm/transparent_hugepage/enabled \
    && env -u DISPLAY '$dist/heapscope/bin/heapscope' summary --json '$dump' 2> '$out/thp-never.err'" | is_json \
    || fail "summary --json is not JSON without transparent huge pages"
grep -q UseTransparentHugePages "$out/thp-never.err" || fail "no warning on stderr without transparent huge pages"
echo "summary --json: JSON with and without transparent huge pages"
sleep 60 | java -cp target/test-classes heapscope.app.capture.programs.GrowingSessionsService > /dev/null &
jvm=$!
sleep 60 | node --inspect-port=127.0.0.1:0 src/test/scripts/capture/growing-closure.js > /dev/null 2>&1 &
node=$!
sleep 2
env -u DISPLAY "$dist/heapscope/bin/heapscope" capture --list | grep -e "jvm:$jvm" -e "^$node " || fail "capture --list"
env -u DISPLAY "$dist/heapscope/bin/heapscope" capture "jvm:$jvm" -o "$out/capture" || fail "capture jvm:$jvm"
env -u DISPLAY "$dist/heapscope/bin/heapscope" capture "$node" -o "$out/capture" || fail "capture $node"
kill "$jvm" "$node"
ls "$out/capture"/jvm-"$jvm"-*.hprof "$out/capture"/node-"$node"-*.heapsnapshot > /dev/null || fail "capture files"

echo "== 2. install $deb"
if dpkg-query -W -f '${Status}' heapscope 2> /dev/null | grep -q 'ok installed'; then
    fail "heapscope is installed already; remove it first"
fi
apt-get install -y "./$deb" > "$out/install.log" 2>&1 || { tail "$out/install.log"; fail "install"; }
for mime in application/x-java-hprof application/x-compressed-java-hprof \
            application/x-v8-heapsnapshot application/x-compressed-v8-heapsnapshot; do
    handler=$(xdg-mime query default "$mime")
    echo "xdg-mime query default $mime: $handler"
    [ "$handler" = heapscope-heapscope.desktop ] || fail "no default application for $mime"
done
type=$(xdg-mime query filetype "$dump")
echo "xdg-mime query filetype $(basename "$dump"): $type"
[ "$(readlink /usr/bin/heapscope)" = /opt/heapscope/bin/heapscope ] || fail "/usr/bin/heapscope"
env -u DISPLAY heapscope --version

echo "== 3. the installed app, started from its menu entry with the dump, under Xvfb"
cat > "$out/launch.sh" <<SH
#!/bin/sh
gio launch /usr/share/applications/heapscope-heapscope.desktop "$dump" > "$out/app.log" 2>&1 &
sleep 10
import -window root "$out/screen.png"
pids=\$(pgrep -f '^/opt/heapscope/bin/heapscope' || true)
ps -o args= -p "\$pids" > "$out/app-command-line.txt" 2>/dev/null || true
kill \$pids 2>/dev/null || true
SH
chmod +x "$out/launch.sh"
xvfb-run -a -s "-screen 0 1280x800x24" "$out/launch.sh"
echo "app command line: $(cat "$out/app-command-line.txt")"
grep -qF "$dump" "$out/app-command-line.txt" || fail "the app was not started with the dump"
echo "screenshot: $out/screen.png"

echo "== 4. uninstall"
apt-get remove -y heapscope > "$out/remove.log" 2>&1 || { tail "$out/remove.log"; fail "remove"; }
if grep -s heapscope /usr/share/applications/defaults.list /usr/share/applications/mimeinfo.cache; then
    fail "handler entries left behind"
fi
[ ! -e /usr/bin/heapscope ] || fail "/usr/bin/heapscope left behind"
echo "PASS"
