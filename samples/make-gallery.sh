#!/usr/bin/env bash
# Makes the README's gallery, samples/gallery/*.png, from the sample decks:
# a few slides, a build sequence, and one page of each handout layout.
#
#   samples/make-gallery.sh [path/to/deckpdf]      (default: build/deckpdf)
#
# Needs pdftoppm (apt-get install poppler-utils). The pictures are small on
# purpose (-r 30 for slides, 24 for handout pages): they show the shape of
# the output, not its detail. SOURCE_DATE_EPOCH keeps them reproducible.
set -euo pipefail
cd "$(dirname "$0")/.."
deckpdf=${1:-build/deckpdf}
out=samples/gallery
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1700000000
mkdir -p "$out"
rm -f "$out"/*.png

# page PDF PAGE NAME [DPI]: one page of a PDF as samples/gallery/NAME.png
page() {
  pdftoppm -png -r "${4:-30}" -f "$2" -l "$2" -singlefile "$1" "$out/$3"
}

# Slides: the tour's title, a Markdown slide, and a slide of the seed deck.
"$deckpdf" -q samples/deckpdf-tour.pug -o "$work/tour.pdf"
page "$work/tour.pdf" 1 slide-title
page "$work/tour.pdf" 5 slide-markdown
"$deckpdf" -q samples/beam.pug -o "$work/beam.pdf"
page "$work/beam.pdf" 4 slide-list

# A build sequence: the seed deck's second slide, one page per fragment step.
"$deckpdf" -q samples/beam.pug --builds --slides 2 -o "$work/builds.pdf"
n=$(pdfinfo "$work/builds.pdf" | awk '/^Pages:/ {print $2}')
for ((i = 1; i <= n; i++)); do page "$work/builds.pdf" "$i" "build-$i"; done

# The README's one-minute tour: samples/minute.pug in the three modes.
"$deckpdf" -q samples/minute.pug -o "$work/minute.pdf"
page "$work/minute.pdf" 1 minute-slide-1
page "$work/minute.pdf" 2 minute-slide-2
"$deckpdf" -q samples/minute.pug --builds -o "$work/minute-builds.pdf"
page "$work/minute-builds.pdf" 2 minute-build-2
page "$work/minute-builds.pdf" 3 minute-build-3
"$deckpdf" -q samples/minute.pug --handout --paper A4 -o "$work/minute-handout.pdf"
page "$work/minute-handout.pdf" 2 minute-handout-2 24

# Each handout layout in layouts/, first page (when this deckpdf has handouts).
if grep -q -- --handout <<<"$("$deckpdf" --help)"; then
  for layout in layouts/*.handout; do
    name=$(basename "$layout" .handout)
    "$deckpdf" -q samples/deckpdf-tour.pug --handout="$name" --paper A4 \
      -o "$work/handout-$name.pdf"
    page "$work/handout-$name.pdf" 1 "handout-$name" 24
  done
fi

ls -l "$out"
