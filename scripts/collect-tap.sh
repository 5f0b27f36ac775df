#!/usr/bin/env bash
# Turn a guest console log into a TAP file: the guest's report on its CPU
# and KVM as comments, then its TAP lines. Tests of LIST that have no result
# (the guest crashed or the run was stopped) are reported as failures.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

console=${1:?usage: collect-tap.sh CONSOLE LIST}
list=${2:?}

tr -d '\r' <"$console" | awk -v list="$list" '
	BEGIN {
		while ((getline line < list) > 0) {
			split(line, f, " ")
			name[++n] = f[1]
		}
		name[++n] = "kernel-log"
		print "TAP version 13"
		print "1.." n
	}
	/^uexec: (cpu|param|platform|dmesg)/ { print "# " $0; next }
	/^TAP version 13/ { tap = 1; next }
	/^uexec: end of TAP/ { tap = 0; next }
	!tap || /^1\.\./ { next }
	/^(not )?ok [0-9]+ / {
		i = $1 == "ok" ? $2 : $3
		seen[i] = 1
	}
	/^(not )?ok [0-9]+ |^#|^  (---|duration_ms: [0-9]+|\.\.\.)$/ { print }
	END {
		for (i = 1; i <= n; i++)
			if (!seen[i])
				print "not ok " i " " name[i] " # no result: the guest stopped before it finished"
	}'
