#!/bin/sh
# Makes the tiny test pictures in pictures/ with ImageMagick (committed, so
# the tests need no ImageMagick; run again only to change them). Each shows
# the same thing: left half one colour, right half another, so that a test
# reading pixels back sees its colours and which way up it is. Ours (MIT,
# like the rest of deckpdf).
set -eu
cd "$(dirname "$0")/pictures"
IM="convert -define png:exclude-chunks=date,time +set date:create +set date:modify -strip"
halves() { # LEFT RIGHT -> 32x16, left half LEFT, right half RIGHT
  echo "-size 16x16 xc:$1 -size 16x16 xc:$2 +append"
}
$IM $(halves red blue) -depth 16 PNG48:png16.png
$IM $(halves lime magenta) -interlace PNG PNG24:interlaced.png
$IM $(halves black 'rgba(255,255,255,0.5)') -define png:color-type=4 -define png:bit-depth=8 \
  grey-alpha.png
$IM $(halves yellow none) -define png:color-type=3 PNG8:palette.png
# EXIF orientation 6: stored turned a quarter to the left, shown upright.
$IM $(halves red blue) -rotate -90 -quality 95 exif6.jpg
python3 - <<'PY'
import struct
# An APP1 Exif block whose IFD0 holds one entry: Orientation (0x0112) = 6.
tiff = b'MM' + struct.pack('>HI', 42, 8) + struct.pack('>H', 1) + struct.pack('>HHIHH', 0x0112, 3, 1, 6, 0) + struct.pack('>I', 0)
app1 = b'Exif\0\0' + tiff
data = open('exif6.jpg', 'rb').read()
open('exif6.jpg', 'wb').write(data[:2] + b'\xff\xe1' + struct.pack('>H', len(app1) + 2) + app1 + data[2:])
PY
# The same orientation in a PNG's eXIf chunk (before IDAT) and a WebP's EXIF
# chunk (in an extended, VP8X, file), both stored turned as exif6.jpg is.
$IM $(halves red blue) -rotate -90 PNG24:exif6.png
$IM $(halves red blue) -rotate -90 -define webp:lossless=true webp:exif6.webp
python3 - <<'PY'
import struct, zlib
tiff = b'MM' + struct.pack('>HI', 42, 8) + struct.pack('>H', 1) + struct.pack('>HHIHH', 0x0112, 3, 1, 6, 0) + struct.pack('>I', 0)
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
png = open('exif6.png', 'rb').read()
at = png.index(b'IDAT') - 4
open('exif6.png', 'wb').write(png[:at] + chunk(b'eXIf', tiff) + png[at:])
webp = open('exif6.webp', 'rb').read()
assert webp[12:16] == b'VP8L'
def riff(t, d): return t + struct.pack('<I', len(d)) + d + (b'\0' if len(d) % 2 else b'')
vp8x = bytes([0x08, 0, 0, 0]) + (16 - 1).to_bytes(3, 'little') + (32 - 1).to_bytes(3, 'little')
body = b'WEBP' + riff(b'VP8X', vp8x) + webp[12:] + riff(b'EXIF', tiff)
open('exif6.webp', 'wb').write(b'RIFF' + struct.pack('<I', len(body)) + body)
PY
$IM $(halves cyan yellow) -colorspace CMYK -quality 95 cmyk.jpg
$IM $(halves red blue) -interlace JPEG -quality 95 progressive.jpg
$IM $(halves blue none) gif:palette.gif
$IM $(halves green red) -define webp:lossless=true webp:lossless.webp
# Animated: the first frame (red | blue) is what is drawn, not the second.
$IM $(halves red blue) first.png
$IM -size 32x16 xc:lime second.png
$IM -delay 10 first.png second.png -loop 0 -define webp:lossless=true animated.webp
rm first.png second.png
# A transparent diagram: shapes and lines on nothing, as slides use them.
$IM -size 600x400 xc:none -fill '#1f77b4' -draw 'rectangle 40,40 260,160' \
  -fill '#ff7f0e' -draw 'circle 420,120 500,120' -stroke black -strokewidth 4 \
  -draw 'line 260,100 340,120' -fill '#2ca02c' -stroke none -draw 'rectangle 40,240 560,360' \
  PNG32:diagram.png
# Broken ones: cut short, bad bytes, zero-sized, and a bomb's header.
head -c 300 diagram.png > truncated.png
head -c 400 progressive.jpg > truncated.jpg
printf 'GIF89a\001\000' > truncated.gif
printf 'RIFF\040\000\000\000WEBPVP8 ' > truncated.webp
: > empty.png
# A PNG that declares 20000x20000 pixels: refused before anything decodes.
python3 - <<'PY'
import struct, zlib
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
ihdr = struct.pack('>IIBBBBB', 20000, 20000, 8, 2, 0, 0, 0)
open('bomb.png', 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr) + chunk(b'IDAT', zlib.compress(b'\0' * 60001)) + chunk(b'IEND', b''))
PY
