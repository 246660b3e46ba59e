#!/usr/bin/env bash
# Benchmarks deckpdf on synthetic decks (gen_deck.py): for N slides and each
# mode, the median wall time (bash's microsecond clock) and CPU time (GNU
# time, 10 ms resolution) of several whole-process runs, pages
# per second, peak RSS (GNU time's maximum resident set size) and the output
# size. Writes a Markdown table to stdout.
#
#   bench/run.sh [build/deckpdf] [runs] [sizes...]
#   bench/run.sh build/deckpdf 5 10 200 2000 20000 > bench/RESULTS.md
#   BENCH_DECK=--code bench/run.sh build/deckpdf 5 200   (a code block per slide)
#
# Needs python3 and GNU time (apt-get install time).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-"$here/../build/deckpdf"}
runs=${2:-5}
shift $(( $# > 2 ? 2 : $# ))
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 200 2000 20000)
[ -x /usr/bin/time ] || { echo "bench/run.sh: needs GNU time: apt-get install time" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

modes=("slides:" "builds:--builds")
if "$bin" --help 2>/dev/null | grep -- '--handout' >/dev/null; then modes+=("handout:--handout"); fi

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "| slides | mode | pages | wall median (s) | CPU median (s) | pages/s | peak RSS (MB) | size (KB) |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  python3 "$here/gen_deck.py" "$n" ${BENCH_DECK:-} > "$work/deck.pug"
  for m in "${modes[@]}"; do
    name=${m%%:*}
    flag=${m#*:}
    : > "$work/wall"; : > "$work/cpu"; : > "$work/rss"
    for _ in $(seq "$runs"); do
      start=$EPOCHREALTIME
      /usr/bin/time -f "%U %S %M" -o "$work/t" "$bin" "$work/deck.pug" $flag -q -o "$work/out.pdf"
      end=$EPOCHREALTIME
      read -r user sys rss < "$work/t"
      echo "$start $end" | awk '{printf "%.4f\n", $2 - $1}' >> "$work/wall"
      echo "$user $sys" | awk '{print $1 + $2}' >> "$work/cpu"
      echo "$rss" >> "$work/rss"
    done
    pages=$(pdfinfo "$work/out.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
    wall=$(median < "$work/wall")
    cpu=$(median < "$work/cpu")
    rss=$(sort -g "$work/rss" | tail -1)
    size=$(stat -c %s "$work/out.pdf")
    awk -v n="$n" -v mode="$name" -v p="$pages" -v w="$wall" -v c="$cpu" -v r="$rss" -v s="$size" \
      'BEGIN { printf "| %d | %s | %d | %.3f | %.3f | %.0f | %.1f | %.0f |\n", n, mode, p, w, c, (w > 0 ? p / w : 0), r / 1024, s / 1024 }'
  done
done
