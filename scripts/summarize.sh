#!/usr/bin/env bash
# Print the result table of each platform from $RESULTS/<variant>/*.tap,
# write it to $RESULTS/<variant>/summary.txt, and end with the totals line
# "N passed, N failed, N skipped" over kselftests of all platforms. A
# platform's failed kernel-log check (WARN/BUG/oops) counts as a failure.
# A test that passed with some of its own TAP subtests skipped says so in
# its note. Exits non-zero if anything failed.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

variant=${1:?usage: summarize.sh series|base PLATFORM...}
shift
out=$RESULTS/$variant
base_version=$(cat "$BUILD/base-version" 2>/dev/null || echo unknown)

for platform in "$@"; do
	tap=$out/$platform.tap
	[ -f "$tap" ] || echo "not ok 1 $platform # no TAP file: the platform did not run" >"$tap"
	printf '\n== %s (%s, base %s %s) ==\n' "$platform" "$variant" "$BASE_PACKAGE" "$base_version"
	awk -v platform="$platform" '
		function flush() {
			if (test == "") return
			if (!header++)
				printf "%-44s %-6s %8s  %s\n", "test", "result", "time", "note"
			printf "%-44s %-6s %8s  %s\n", test, res, time, why
			test = ""
		}
		/^# uexec: (cpu|platform)/ { sub(/^# uexec: /, "  "); print; next }
		# The kselftest totals of a test, printed before its result line.
		/^# # Totals: / {
			for (i = 3; i <= NF; i++) { split($i, kv, ":"); sub_n[kv[1]] = kv[2] }
			next
		}
		/^(not )?ok [0-9]+ / {
			flush()
			ok = $1 == "ok"
			test = ok ? $3 : $4
			why = ""; time = "-"
			dir = $0
			if (!sub(/^[^#]*# /, "", dir)) dir = ""
			if (dir ~ /^SKIP/) { res = "SKIP"; why = substr(dir, 6) }
			else if (dir ~ /^TODO/) { res = ok ? "XPASS" : "XFAIL"; why = substr(dir, 6) }
			else { res = ok ? "PASS" : "FAIL"; why = dir }
			if (res == "PASS" && sub_n["skip"] > 0)
				why = sprintf("%d of %d subtests skipped%s", sub_n["skip"],
					      sub_n["pass"] + sub_n["skip"], why == "" ? "" : "; " why)
			delete sub_n
			if (res == "XPASS") why = "now passes, drop its xfail: " why
			kself = test != "kernel-log"
			if (res == "PASS" || res == "XPASS") passed += kself
			else if (res == "FAIL") failed++
			else if (res == "SKIP") skipped++
			else xfail++
			next
		}
		/^  duration_ms: / { time = sprintf("%.2fs", $2 / 1000); next }
		END {
			flush()
			printf "%s: %d passed, %d failed, %d skipped, %d xfail\n", platform, passed, failed, skipped, xfail
			printf "TOTALS %d %d %d %d\n", passed, failed, skipped, xfail
		}' "$tap"
done | tee "$out/summary.txt.tmp" | grep -v '^TOTALS '
status=0
awk '/^TOTALS / { p += $2; f += $3; s += $4; x += $5 }
	END {
		printf "\nall platforms: %d expected failures (xfail, not counted below)\n", x
		printf "%d passed, %d failed, %d skipped\n", p, f, s
		exit f > 0
	}' "$out/summary.txt.tmp" | tee -a "$out/summary.txt.tmp" || status=$?
grep -v '^TOTALS ' "$out/summary.txt.tmp" >"$out/summary.txt"
rm -f "$out/summary.txt.tmp"
exit "$status"
