#!/usr/bin/env bash
# Print the benchmark tables from DIR/{base,series}/<platform>.tap (as
# run-platforms.sh leaves them for make bench) and write them to RESULT
# (bench/results.md for make bench): per platform, the nested exit counts
# on the series kernel (nested_exits) and the MMU counts of both kernels
# side by side with series/base (mmu_cost). Whether the benchmarks passed
# their own checks is summarize.sh's verdict, not this script's.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

usage="usage: summarize-bench.sh RESULT DIR PLATFORM..."
[ $# -gt 2 ] || die "$usage"
results=$1 dir=$2
shift 2
base_version=$(cat "$BUILD/base-version" 2>/dev/null || echo unknown)

tap() { echo "$dir/$2/$1.tap"; }

# "<workload> <counter>=<n>..." lines of mmu_cost, or nothing.
mmu_lines() { [ -f "$1" ] && sed -n 's/^# mmu-cost: //p' "$1"; }

# The MMU-cost table of a platform from "<variant> <workload> <counter>=<n>..."
# lines: a row per workload, a column per counter with the base and series
# counts and their ratio.
mmu_table() {
	awk '
		$3 == "paging" { next }
		{
			if (!($2 in seen)) { seen[$2] = 1; order[++n] = $2 }
			if ($3 == "skipped") { skip[$2] = 1; next }
			for (i = 3; i <= NF; i++) {
				split($i, kv, "=")
				if (!(kv[1] in cseen)) { cseen[kv[1]] = 1; cnt[++m] = kv[1] }
				val[$1, $2, kv[1]] = kv[2]
			}
		}
		function cell(w, c,    b, s, r) {
			b = val["base", w, c]; s = val["series", w, c]
			if (b == "" || s == "") r = "n/a"
			else if (b == 0 && s == 0) r = "both 0"
			else if (b == 0) r = "n/a"
			else r = sprintf("%.2f", s / b)
			return sprintf("%s / %s (%s)", b, s, r)
		}
		END {
			printf "| workload |"
			for (c = 1; c <= m; c++) printf " %s |", cnt[c]
			printf "\n|---|"
			for (c = 1; c <= m; c++) printf "---:|"
			printf "\n"
			for (w = 1; w <= n; w++) {
				printf "| %s |", order[w]
				for (c = 1; c <= m; c++)
					printf " %s |", order[w] in skip ? "skipped" : cell(order[w], cnt[c])
				printf "\n"
			}
		}'
}

{
	echo "# Benchmark results"
	echo
	echo "Written by \`make bench\` (scripts/summarize-bench.sh); base $BASE_PACKAGE $base_version."
	echo "Platforms: $*."
	echo "Counts, not times: see bench/nested_exits.c and bench/mmu_cost.c for what is counted."
	for platform in "$@"; do
		base=$(tap "$platform" base)
		series=$(tap "$platform" series)
		echo
		echo "## $platform"
		echo
		grep -q '^ok [0-9]* nested_exits' "$series" 2>/dev/null ||
			echo "nested_exits did not pass on the series kernel: see $series"
		if grep -q '^# |' "$series" 2>/dev/null; then
			echo "Nested exits, series kernel:"
			echo
			sed -n 's/^# \(|.*\)/\1/p' "$series"
			sed -n 's/^# \(\(not \)\{0,1\}ok [0-9]* mode .*\)/- \1/p' "$series"
		else
			echo "Nested exits: $(sed -n 's/^ok [0-9]* nested_exits # SKIP /skipped: /p' "$series" 2>/dev/null)"
		fi
		echo
		mmu=$(mmu_lines "$base" | head -1)
		echo "MMU cost (${mmu:-no run}): base / series (series/base):"
		echo
		for variant in base series; do
			mmu_lines "$(tap "$platform" "$variant")" | sed "s/^/$variant /"
		done | mmu_table
	done
} >"$results.tmp"
mv "$results.tmp" "$results"
cat "$results"
