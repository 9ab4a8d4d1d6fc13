#!/bin/sh
# Runs one libFuzzer binary for a bounded time from a fresh corpus directory (CTest's fuzz_run_* tests,
# tests/fuzz/fuzz.cmake, and `./build.sh fuzz`).
#   run-fuzzer.sh <fuzzer binary> <work dir> <seconds> <seed dir>... [-- <extra libFuzzer flags>]
# Exit 0: no crash; 1: a crash, leak, timeout or broken invariant (the input is saved as
# <work dir>/crash-*, leak-*, timeout-* or oom-*); 77: the fuzzer was not built (CTest: skipped).
set -eu
bin=$1 work=$2 seconds=$3
shift 3
if [ ! -x "$bin" ]; then
    echo "fuzzer not built: $bin (./build.sh builds it in build-fuzz)"
    exit 77
fi
seeds=""
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    seeds="$seeds $1"
    shift
done
[ $# -gt 0 ] && shift
rm -rf "$work/corpus"
mkdir -p "$work/corpus"
rm -f "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-* "$work"/slow-unit-*
# -error_exitcode/-timeout_exitcode 1: libFuzzer's default 77 would read as "skipped" to CTest.
# shellcheck disable=SC2086
exec "$bin" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 \
    -error_exitcode=1 -timeout_exitcode=1 -artifact_prefix="$work/" "$@" "$work/corpus" $seeds
