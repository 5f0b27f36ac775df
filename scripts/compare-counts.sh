#!/usr/bin/env bash
# Set the counts that selftests print ("# counts..." lines in the TAP files)
# for the base kernel beside those for the series, platform by platform.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

printf '\n== counts: base, then series ==\n'
for platform in "$@"; do
	for variant in base series; do
		tap=$RESULTS/$variant/$platform.tap
		if [ -f "$tap" ]; then
			sed -n "s/^# \(counts.*\)/$platform $variant: \1/p" "$tap"
		fi
	done
done
