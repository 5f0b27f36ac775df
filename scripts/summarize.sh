#!/usr/bin/env bash
# Print the result table of each platform from DIR/<platform>.tap (as
# run-platforms.sh leaves them), and end with the totals line
# "N passed, N failed, N skipped" over the tests of all platforms; write
# the same to DIR/summary.txt and, with -o, to FILE too. A platform without
# a TAP file did not run in this run and counts as failed. Its kernel-log
# checks count as a failure when they fail, never as a pass. Expected
# failures (TODO) are counted on a line of their own; a test that passed
# with some of its own TAP subtests skipped says so in its note. Exits
# non-zero if anything failed.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

usage="usage: summarize.sh [-o FILE] DIR PLATFORM..."
copy=
while getopts o: opt; do
	case $opt in
	o) copy=$OPTARG ;;
	*) die "$usage" ;;
	esac
done
shift $((OPTIND - 1))
dir=${1:?$usage}
shift
[ $# -gt 0 ] || die "$usage"
base_version=$(cat "$BUILD/base-version" 2>/dev/null || echo unknown)
kernel=$(basename "$dir")
summary=$dir/summary.txt
mkdir -p "$dir"

status=0
for platform in "$@"; do
	tap=$dir/$platform.tap
	printf '\n== %s (%s kernel, base %s %s) ==\n' "$platform" "$kernel" \
		"$BASE_PACKAGE" "$base_version"
	if [ -f "$tap" ]; then
		cat "$tap"
	else
		printf '1..1\nnot ok 1 %s # no TAP file: the platform did not run\n' "$platform"
	fi | awk -f "$TOP/scripts/console.awk" -v platform="$platform" -f /dev/fd/3 3<<'AWK'
function flush() {
	if (test == "") return
	if (!header++)
		printf "%-44s %-6s %8s  %s\n", "test", "result", "time", "note"
	printf "%-44s %-6s %8s  %s\n", test, res, time, why
	test = ""
}
/^# uexec: (cpu|platform|l0|host)/ { sub(/^# uexec: /, "  "); print; next }
# The kselftest totals of a test, printed before its result line.
/^# # Totals: / {
	for (i = 3; i <= NF; i++) { split($i, kv, ":"); sub_n[kv[1]] = kv[2] }
	next
}
# A kvm-unit-tests suite's counts, printed before its result line.
/^# kvm-unit-tests: / { kut = substr($0, 19); next }
# A test's failure reason, for its note: the guest's line right after the
# result ("# exit status N", "# timed out after Ns"), or for kernel-log the
# first report line before it.
/^# (exit status|timed out after) / && after_failure {
	why = why == "" ? substr($0, 3) : why "; " substr($0, 3)
	after_failure = 0
	next
}
/^# / && !parse_result($0) {
	after_failure = 0
	if (first_diag == "" && $0 !~ /^# dmesg: /) first_diag = substr($0, 3)
	next
}
parse_result($0) {
	flush()
	test = R_NAME; res = R_RES; why = R_WHY; time = "-"
	after_failure = !R_OK
	if (test ~ /kernel-log$/ && res == "FAIL" && why == "") why = first_diag
	first_diag = ""
	if (res == "PASS" && sub_n["skip"] > 0)
		why = sprintf("%d of %d subtests skipped%s", sub_n["skip"],
			      sub_n["pass"] + sub_n["skip"], why == "" ? "" : "; " why)
	split("", sub_n)
	if (kut != "") why = kut (why == "" ? "" : "; " why)
	kut = ""
	if (res == "XPASS") why = "passed, though an xfail (drop it if it keeps passing): " why
	if (res == "PASS" || res == "XPASS") passed += test !~ /kernel-log$/
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
}
AWK
done >"$summary.tmp"
awk '/^TOTALS / { p += $2; f += $3; s += $4; x += $5; next }
	{ print }
	END {
		printf "\nall platforms: %d expected failures (xfail, not counted below)\n", x
		printf "%d passed, %d failed, %d skipped\n", p, f, s
		exit (f > 0)
	}' "$summary.tmp" >"$summary" || status=$?
rm -f "$summary.tmp"
cat "$summary"
if [ -n "$copy" ]; then
	mkdir -p "$(dirname "$copy")"
	# Before COPY is rewritten: that alone would make the checkout dirty.
	harness=$(git -C "$TOP" describe --always --dirty 2>/dev/null || echo unknown)
	{
		printf 'Results of %s, %s: harness %s, series/ sha256 %s.\n' \
			"$kernel kernel" "$(date -u '+%Y-%m-%d %H:%M UTC')" \
			"$harness" "$(series_digest "$SERIES")"
		cat "$summary"
	} >"$copy"
fi
exit "$status"
