#!/bin/sh
# Makes docs/screenshots/capture-dialog.png, the README's picture of File ▸ Take snapshot…: the app under Xvfb with
# the capture dialog open on a few real targets (two JVMs, one refusing attach; two Node.js processes, one without
# an inspector), the Node.js program with the growing closure selected, the 3-snapshot method started and snapshot 1
# taken. Runs in fresh PID and mount namespaces with a private /tmp, so only these targets are listed (other JVMs on
# the machine would be). Needs root, util-linux (unshare), xvfb, xdotool, imagemagick, node, and
# `mvn -DskipTests package` done (target/heapscope.jar and the test classes).
# Usage: src/test/scripts/capture/screenshot-capture-dialog.sh
set -eu
cd "$(dirname "$0")/../../../.."
repo=$(pwd)
if [ "${1:-}" != --inside ]; then
    exec unshare --pid --fork --mount-proc --mount sh "$0" --inside
fi
mount -t tmpfs tmpfs /tmp
mount -t tmpfs tmpfs /home
out=/tmp/shot
mkdir -p "$out" /home/dev/Documents
classes=$repo/target/test-classes
sleep 120 | java -cp "$classes" heapscope.app.capture.programs.GrowingSessionsService --every 500 > /dev/null &
sleep 120 | java -XX:+DisableAttachMechanism -cp "$classes" heapscope.app.capture.programs.GrowingSessionsService \
    > /dev/null &
sleep 120 | node --inspect=127.0.0.1:0 src/test/scripts/capture/growing-closure.js --every 200 > /dev/null 2>&1 &
sleep 120 | node src/test/scripts/capture/growing-closure.js > /dev/null 2>&1 &
sleep 2
cat > "$out/drive.sh" <<SH
#!/bin/sh
java -Duser.home=/home/dev -jar "$repo/target/heapscope.jar" > "$out/app.log" 2>&1 &
sleep 15
xdotool mousemove 700 500 click 1
sleep 0.5
xdotool key ctrl+t
sleep 8
# The third row: the Node.js process with its inspector open (rows are JVMs first, then Node.js by pid).
xdotool mousemove 560 276 click 1
sleep 0.5
import -window root "$out/dialog.png"
xdotool mousemove 474 578 click 1
# Until snapshot 1 is written (its file stops growing), then a moment for it to load.
last=-1
while :; do
    sleep 2
    size=\$(cat /home/dev/Documents/Heapscope/*.heapsnapshot 2>/dev/null | wc -c)
    [ "\$size" -gt 0 ] && [ "\$size" = "\$last" ] && break
    last=\$size
done
sleep 8
import -window root "$out/screen.png"
SH
xvfb-run -a -s "-screen 0 1400x900x24" sh "$out/drive.sh"
cp "$out"/*.png /work/wt-16/target/ 2>/dev/null || true
convert "$out/screen.png" -crop 1282x822+59+26 +repage "$repo/docs/screenshots/capture-dialog.png"
echo "wrote docs/screenshots/capture-dialog.png"
