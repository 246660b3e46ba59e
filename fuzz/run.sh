#!/usr/bin/env bash
# Runs one fuzz target for a while, nicely, from its seed corpus.
#   fuzz/run.sh TARGET SECONDS [BUILD_DIR] [WORK_DIR]
# TARGET is pug_parse, front_matter, markdown, style, export, image, svg or math. New inputs
# go to WORK_DIR/TARGET (not committed), crashes to WORK_DIR/artifacts/.
# Add every crash to tests/reliability/regressions/ once it is fixed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target=$1
seconds=$2
build=${3:-$here/../build-fuzz}
work=${4:-$here/../build-fuzz/fuzz-work}
dict=(-dict="$here/pug.dict")
case $target in
  pug_parse) seeds=pug ;;
  image) seeds=image dict=() ;;  # picture bytes: no deck words to suggest
  math) seeds=math dict=(-dict="$here/math.dict") ;;
  *) seeds=$target ;;
esac
mkdir -p "$work/$target" "$work/artifacts"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/../.ci/lsan.supp}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
exec nice -n 19 "$build/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 \
  -max_len=16384 "${dict[@]}" -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/$target-" "$work/$target" "$here/corpus/$seeds"
