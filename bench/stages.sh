#!/usr/bin/env bash
# Where an export's wall time goes, stage by stage: the median over several
# runs of each stage's time as DECKPDF_TIMINGS=1 reports it (parse, deck,
# fonts, layout, compose, pdf), in ms, as a Markdown table.
#
#   bench/stages.sh [build/deckpdf] [runs] [sizes...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-"$here/../build/deckpdf"}
runs=${2:-5}
shift $(( $# > 2 ? 2 : $# ))
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(200 2000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stages=(parse deck fonts layout compose pdf)
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

printf "| slides | mode |"; printf " %s |" "${stages[@]}"; echo
printf '|---:|---|'; for _ in "${stages[@]}"; do printf -- '---:|'; done; echo
for n in "${sizes[@]}"; do
  python3 "$here/gen_deck.py" "$n" > "$work/deck.pug"
  for m in "slides:" "builds:--builds" "handout:--handout"; do
    name=${m%%:*}
    flag=${m#*:}
    : > "$work/t"
    for _ in $(seq "$runs"); do
      DECKPDF_TIMINGS=1 "$bin" "$work/deck.pug" $flag -q -o "$work/out.pdf" 2>> "$work/t"
    done
    row="| $n | $name |"
    for s in "${stages[@]}"; do
      row+=" $(awk -v s="$s" '$2 == s {print $3}' "$work/t" | median) |"
    done
    echo "$row"
  done
done
