#!/usr/bin/env bash
# Set the counts that selftests print ("# counts..." lines in the TAP files)
# for the base kernel beside those for the series, platform by platform,
# from RESULTS/base/ and RESULTS/series/.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

results=${1:?usage: compare-counts.sh RESULTS PLATFORM...}
shift
printf '\n== counts: base, then series ==\n'
for platform in "$@"; do
	for kernel in base series; do
		tap=$results/$kernel/$platform.tap
		if [ -f "$tap" ]; then
			sed -n "s/^# \(counts.*\)/$platform $kernel: \1/p" "$tap"
		fi
	done
done
