#!/bin/sh
# Renders every installer icon from the one source image, packaging/icons/heapscope.svg:
#   icons/heapscope-<N>.png  for N in 16 24 32 48 64 128 256 512 (heapscope-256.png is the Linux installer icon)
#   icons/heapscope.ico      Windows: 16, 24, 32, 48, 64, 128 and 256 px in one file
#   icons/heapscope.icns     macOS: PNG entries from 16 to 1024 px (16@2x ... 512@2x)
# The outputs are committed, so a build needs none of these tools. Run it again after editing the SVG.
# Needs: rsvg-convert (Debian: librsvg2-bin), ImageMagick's convert (imagemagick), python3.
set -eu
cd "$(dirname "$0")/icons"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for n in 16 24 32 48 64 128 256 512 1024; do
    rsvg-convert --width "$n" --height "$n" heapscope.svg --output "$work/$n.png"
done
for n in 16 24 32 48 64 128 256 512; do
    # -strip drops timestamps, so re-running on an unchanged SVG gives identical files.
    /usr/bin/convert "$work/$n.png" -strip "heapscope-$n.png"
done

/usr/bin/convert "$work/16.png" "$work/24.png" "$work/32.png" "$work/48.png" "$work/64.png" "$work/128.png" \
    "$work/256.png" -strip heapscope.ico

# ICNS is a 4-byte "icns" tag and a big-endian total length, then entries of (type, length including the 8-byte
# entry header, data). Since macOS 10.7 every type below may hold a plain PNG.
python3 - "$work" <<'PY'
import struct, sys
work = sys.argv[1]
entries = [("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512),
           ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512), ("ic10", 1024)]
body = b""
for kind, size in entries:
    with open(f"{work}/{size}.png", "rb") as f:
        png = f.read()
    body += kind.encode("ascii") + struct.pack(">I", len(png) + 8) + png
with open("heapscope.icns", "wb") as f:
    f.write(b"icns" + struct.pack(">I", len(body) + 8) + body)
PY
ls -l heapscope*
