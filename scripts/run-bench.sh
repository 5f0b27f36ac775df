#!/usr/bin/env bash
# Boot each platform named with the base kernel, then with the series
# kernel, running tests/bench.list (the benchmarks in bench/); the TAP
# files go to build/bench/{base,series}/, for summarize-bench.sh.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

[ $# -gt 0 ] || die "usage: run-bench.sh PLATFORM..."
export LIST=bench RESULTS=$BUILD/bench
for platform in "$@"; do
	for variant in base series; do
		"$TOP/scripts/run-platform.sh" "$platform" "$variant"
	done
done
