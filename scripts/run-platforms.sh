#!/usr/bin/env bash
# Run each PLATFORM with run-platform.sh (the options are its own), -j N
# of them at a time (default 1: in turn; each emulator keeps one CPU
# busy), results in OUT, which is emptied first: nothing of an earlier run
# is left to be counted as this run's. Every platform runs even if an earlier
# one failed; a platform that could not be run (run-platform.sh failed: a
# missing artifact, a wrong platform file, a boot script's error) gets a
# TAP file with one failed test saying why. Exits 0: the verdict is
# summarize.sh's.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

usage="usage: run-platforms.sh -o OUT [-j N] [-k KERNEL] [-l LIST] [-L] [-s N] [-t TESTS] PLATFORM..."
out="" opts=() jobs=1
while getopts o:j:k:l:Ls:t: opt; do
	case $opt in
	o) out=$OPTARG ;;
	j) jobs=$OPTARG ;;
	k | l | s | t) opts+=("-$opt" "$OPTARG") ;;
	L) opts+=(-L) ;;
	*) die "$usage" ;;
	esac
done
shift $((OPTIND - 1))
{ [ -n "$out" ] && [ $# -gt 0 ]; } || die "$usage"

rm -rf "$out"
mkdir -p "$out"
[[ $jobs =~ ^[1-9][0-9]*$ ]] || die "-j: not a number of platforms: $jobs"

run() {
	local platform=$1 err=$out/$1.err why
	# Its messages go to the terminal and, for the reason below, to a file.
	if { "$TOP/scripts/run-platform.sh" "${opts[@]}" "$platform" "$out" \
		2>&1 >&3 | tee "$err" >&2; } 3>&1; then
		return
	fi
	why=$(grep '^error: ' "$err" | tail -n 1 | sed 's/^error: //')
	log "$platform did not run: ${why:-run-platform.sh failed, see $err}"
	printf 'TAP version 13\n# uexec: host: %s did not run\n1..1\nnot ok 1 %s # did not run: %s\n' \
		"$platform" "$platform" "${why:-run-platform.sh failed, see $err}" >"$out/$platform.tap"
}

for platform in "$@"; do
	while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do
		wait -n
	done
	run "$platform" &
done
wait
