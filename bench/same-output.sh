#!/usr/bin/env bash
# Exports every deck we have in every mode with two deckpdf binaries and
# compares the bytes: the check for a change that must not alter any output
# (a refactor). Usage: bench/same-output.sh [--pages] OLD_BIN NEW_BIN [WORKDIR]
# --pages: for a change in how the PDF file is written but not what it
# shows (pdf/serialize), PDFs are compared by what a reader gets instead of
# their bytes: pdfinfo (pages, sizes, metadata; not the version or file
# size), pdftotext's text and pdftoppm's pictures of every page at 30 dpi.
# Decks: samples/, the test decks, ../shared/corpus/ and its real talks (when
# present) and a generated bench deck. Modes: slides, builds, slide numbers,
# 4:3, each theme, every handout layout on A4 and Letter, notes-only, pdfpc,
# the dumps and --check. Prints one line per difference and a summary; exits
# 1 when anything differs.
set -uo pipefail
pages=0
[ "${1:-}" = "--pages" ] && { pages=1; shift; }
old=$(realpath "$1") new=$(realpath "$2")
work=${3:-$(mktemp -d)}
mkdir -p "$work"
cd "$(dirname "$0")/.."
export SOURCE_DATE_EPOCH=1700000000
decks=(samples/*.pug tests/*/decks/*.pug tests/reliability/regressions/*.pug)
[ -d ../shared/corpus ] && decks+=(../shared/corpus/*.pug)
[ -d ../shared/corpus/real ] && while IFS= read -r d; do decks+=("$d"); done \
  < <(find ../shared/corpus/real -name '*.pug' | sort)
python3 bench/gen_deck.py 60 > "$work/bench60.pug" && decks+=("$work/bench60.pug")
modes=("" "--builds" "--slide-numbers" "--builds --slide-numbers --size 4:3"
       "--theme black" "--theme solarized --builds" "--slides 2-3,5"
       "--notes-only" "--notes-only --paper Letter" "--pdfpc"
       "--dump=html" "--dump=json" "--dump=layout" "--check")
for l in layouts/*.handout; do
  modes+=("--handout=$(basename "$l" .handout)" "--handout=$(basename "$l" .handout) --paper Letter")
done
modes+=("--builds --handout" "--handout --pdfpc --builds")
compared=0 differ=0
same() {  # file-a file-b
  if [ "$pages" = 0 ] || [ "${1##*.}" != pdf ]; then cmp -s "$1" "$2"; return; fi
  local p="$work/pages"
  rm -rf "$p" && mkdir -p "$p/a" "$p/b"
  info() { pdfinfo "$1" 2>&1 | grep -vE '^(PDF version|File size|Optimized):'; }
  cmp -s <(info "$1") <(info "$2") &&
    cmp -s <(pdftotext -q "$1" - 2>&1) <(pdftotext -q "$2" - 2>&1) &&
    pdftoppm -q -r 30 -png "$1" "$p/a/page" && pdftoppm -q -r 30 -png "$2" "$p/b/page" &&
    diff -rq "$p/a" "$p/b" >/dev/null
}
run() {  # bin outdir deck mode...
  local bin=$1 dir=$2 deck=$3; shift 3
  rm -rf "$dir" && mkdir -p "$dir"
  # shellcheck disable=SC2068
  (cd "$dir" && "$bin" "$deck" -o "$dir/out.pdf" $@ >"$dir/stdout" 2>"$dir/stderr"; echo $? >"$dir/rc")
}
for deck in "${decks[@]}"; do
  abs=$(realpath "$deck")
  for mode in "${modes[@]}"; do
    # --dump=layout is new: compare it only when the old binary has it.
    run "$old" "$work/a" "$abs" $mode
    run "$new" "$work/b" "$abs" $mode
    if [ "$mode" = "--dump=layout" ] && grep -q "dump" "$work/a/stderr"; then continue; fi
    for f in $(cd "$work/a" && ls); do
      compared=$((compared + 1))
      if ! same "$work/a/$f" "$work/b/$f"; then
        differ=$((differ + 1)); echo "DIFF: $deck [$mode] $f"
      fi
    done
    for f in $(cd "$work/b" && ls); do
      [ -e "$work/a/$f" ] || { differ=$((differ + 1)); echo "NEW FILE: $deck [$mode] $f"; }
    done
  done
done
echo "same-output: ${#decks[@]} decks x ${#modes[@]} modes, $compared files compared, $differ differ"
[ "$differ" = 0 ]
