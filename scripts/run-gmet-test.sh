#!/usr/bin/env bash
# Run the bare-metal GMET test of the emulator (emulator/gmet-test) on the
# amd-gmet platform's Bochs, once with GMET advertised (cpu: gmet=1) and
# once without (gmet=0), and write both TAP streams as one file,
# $RESULTS/<variant>/emulator-gmet.tap (summarize.sh counts it like a
# platform's). A run that stops before its last result counts as a failure.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

variant=${1:-series}
out=$RESULTS/$variant
mkdir -p "$out"
image=$("$TOP/scripts/build-gmet-test.sh")

# The result lines of one run's console, unnumbered, and its comments.
results() {
	local run
	run=$(basename "$1" .log)
	tr -d '\r' <"$1" | awk -v run="$run" '
		/^uexec: platform: / { print "# " $0; next }
		/^1\.\.[0-9]+$/ { plan = substr($0, 4) + 0; next }
		/^(not )?ok [0-9]+ / {
			n++
			ok = $1 == "ok"
			sub(/^(not )?ok [0-9]+ /, "")
			print (ok ? "ok " : "not ok ") $0
			next
		}
		/^uexec: end of TAP/ { end = 1 }
		END {
			if (!end || n != plan || plan == 0)
				print "not ok " run " # stopped after " n " of " plan " results"
		}'
}

for gmet in 1 0; do
	console=$out/emulator-gmet$gmet.log
	rm -f "$console"
	log "running the bare-metal GMET test on Bochs with cpu: gmet=$gmet"
	"$TOP/scripts/boot-bochs.sh" amd-gmet "$image" - "$console" "gmet=$gmet"
	results "$console"
done | awk '
	/^#/ { comment[++c] = $0; next }
	{ line[++n] = $0 }
	END {
		print "TAP version 13"
		for (i = 1; i <= c; i++) print comment[i]
		print "1.." n
		for (i = 1; i <= n; i++) {
			l = line[i]
			if (sub(/^not ok /, "", l)) print "not ok " i " " l
			else { sub(/^ok /, "", l); print "ok " i " " l }
		}
	}' >"$out/emulator-gmet.tap"
log "$out/emulator-gmet.tap"
