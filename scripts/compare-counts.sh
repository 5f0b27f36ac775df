#!/usr/bin/env bash
# Set the counts that selftests print ("# counts..." lines in the TAP files)
# and the kvm-unit-tests suites' counts (cases, unexpected failures, skips)
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
			awk -v who="$platform $kernel" -f "$TOP/scripts/console.awk" \
				-f /dev/fd/3 "$tap" 3<<'AWK'
/^# counts/ { print who ": " substr($0, 3) }
# A kvm-unit-tests suite's counts come before its result line.
/^# kvm-unit-tests: / { kut = substr($0, 19); next }
parse_result($0) && kut != "" { print who ": " R_NAME ": " kut; kut = "" }
AWK
		fi
	done
done
