#!/usr/bin/env bash
# Turn a guest's serial console log into a TAP file on standard output: the
# guest's and the host's reports (scripts/console.awk names them) as
# comments, then the guest's TAP lines. Every test of the plan that has no
# result counts as a failure, saying why: the host stopped the run, the
# guest kernel panicked, the guest never reached /init, or it stopped
# before its end. PLAN is the file of tests handed to the guest (a test
# name first on each line); without it, the guest's own "1..N" is the plan.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

console=${1:?usage: collect-tap.sh CONSOLE [PLAN]}
plan=${2:-}
[ -f "$console" ] || die "no console log $console"
run=$(basename "$console" .log)

tr -d '\r' <"$console" | awk -f "$TOP/scripts/console.awk" -v plan="$plan" \
	-v run="$run" -f /dev/fd/3 3<<'AWK'
BEGIN {
	if (plan != "")
		while ((getline line < plan) > 0) {
			split(line, f, " ")
			name[++n] = f[1]
		}
}
is_report($0) {
	report[++nreports] = "# " $0
	if ($0 ~ /^uexec: platform/) started = 1
	if ($0 ~ /^uexec: host: stopped/) stopped = $0
	next
}
/Kernel panic/ { panic = $0 }
/^TAP version 13$/ { tap = 1; next }
/^uexec: end of TAP$/ { tap = 0; ended = 1; next }
!tap { next }
/^1\.\.[0-9]+$/ { guest_plan = substr($0, 4) + 0; next }
{
	if (parse_result($0)) {
		seen[R_NUM] = 1
		if (plan == "" && !(R_NUM in name)) name[R_NUM] = R_NAME
	} else if ($0 !~ /^#|^  (---|duration_ms: [0-9]+|\.\.\.)$/) {
		next
	}
	body[++nbody] = $0
}
END {
	if (plan == "") n = guest_plan
	if (n == 0) { n = 1; name[1] = run }
	if (stopped != "") why = "the host " substr(stopped, 14)
	else if (panic != "") why = "the guest kernel panicked (" panic ")"
	else if (!started) why = "the guest never started its tests"
	else if (!ended) why = "the guest stopped before it finished"
	else why = "the guest did not report it"
	print "TAP version 13"
	for (i = 1; i <= nreports; i++) print report[i]
	print "1.." n
	for (i = 1; i <= nbody; i++) print body[i]
	for (i = 1; i <= n; i++)
		if (!(i in seen))
			print "not ok " i " " name[i] " # no result: " why
}
AWK
