#!/usr/bin/env bash
# Test the harness's verdicts without an emulator, in seconds:
# - collect-tap.sh and summarize.sh against the recorded consoles of
#   tests/harness/<case>/ (console.log, and plan when the guest was handed
#   one): the TAP must equal expected.tap, the summary and its exit status
#   expected.txt;
# - load_platform against broken platform files: it names what is wrong;
#   and what it makes of the real ones for the debug kernel;
# - the run loop: with nothing built, every platform of a list (an unknown
#   one in the middle) is still tried, each fails saying why, nothing of an
#   earlier run is left, and the summary counts them all as failed.
# With -u, the expected files are rewritten from what the scripts print
# (then read the diff before committing it).
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

update=0
[ "${1:-}" = -u ] && update=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

# Compares what a check printed (file $2) with the expected file $1.
expect() {
	if [ "$update" -eq 1 ]; then
		cp "$2" "$1"
	elif ! diff -u "$1" "$2" >"$tmp/diff"; then
		log "FAIL: ${1#"$TOP"/}"
		cat "$tmp/diff" >&2
		failed=$((failed + 1))
		return
	fi
	log "ok: ${1#"$TOP"/}"
}

# Runs a harness script with an empty build directory, so that nothing
# from this machine's builds shows, with its paths and the checkout's
# written as TMP and TOP.
isolated() {
	local status=0
	BUILD=$tmp/build "$@" >"$tmp/out" 2>&1 || status=$?
	echo "exit status $status" >>"$tmp/out"
	sed -e "s|$tmp|TMP|g" -e "s|$TOP|TOP|g" "$tmp/out"
}

for dir in "$TOP"/tests/harness/*/; do
	dir=${dir%/}
	case=$(basename "$dir")
	plan=()
	[ -f "$dir/plan" ] && plan=("$dir/plan")
	mkdir -p "$tmp/$case/series"
	"$TOP/scripts/collect-tap.sh" "$dir/console.log" "${plan[@]}" \
		>"$tmp/$case/series/$case.tap"
	expect "$dir/expected.tap" "$tmp/$case/series/$case.tap"
	isolated "$TOP/scripts/summarize.sh" "$tmp/$case/series" "$case" >"$tmp/$case/summary"
	expect "$dir/expected.txt" "$tmp/$case/summary"
done

# load_platform PLATFORM VARIANT with the platform files of TOPDIR: what
# it says, or the variables the kernel variant changes.
load() {
	# shellcheck disable=SC2016 # expanded by the inner shell
	isolated bash -c '. "$1/scripts/lib.sh"; TOP=$2; load_platform "$3" "$4"
		for v in BOCHS_CPU_OPTIONS L1_KERNEL_ARGS; do echo "$3: $v=${!v-}"; done' \
		- "$TOP" "$1" "$2" "$3"
}
# Platform files that lack a variable or name an unknown emulator or Bochs;
# then the real platforms for the debug kernel: kernel-debug.settings' cpu:
# options come first, so that a platform's own (amd-gmet-l1's higher ips=)
# win, Bochs taking the last; L1 gets the debug L1 arguments.
mkdir -p "$tmp/top/platforms"
conf() { printf '%s\n' EMULATOR=qemu BOOT=kernel SMP=1 MEM=2G KERNEL_ARGS= \
	RUN_TIMEOUT=9 TEST_LIST=amd TEST_TIMEOUT=9 "$@" >"$tmp/top/platforms/$p.conf"; }
p=no-cpu conf
p=bad-emulator conf CPU=host EMULATOR=kvm
p=no-bochs conf CPU=ryzen EMULATOR=bochs
p=bad-bochs conf CPU=ryzen EMULATOR=bochs BOCHS=bochs-qemu
{
	for p in no-cpu bad-emulator no-bochs bad-bochs no-such-platform; do
		load "$tmp/top" "$p" series
	done
	for p in intel-mbec amd-gmet-l1; do
		load "$TOP" "$p" debug
	done
} >"$tmp/load-platform"
expect "$TOP/tests/harness/load-platform.txt" "$tmp/load-platform"

# The run loop, with nothing built: an earlier run's passing TAP must not
# survive, and the platform after the unknown one must still be tried.
mkdir -p "$tmp/build/results/series"
printf 'TAP version 13\n1..1\nok 1 state_test\n' >"$tmp/build/results/series/amd-npt.tap"
{
	isolated "$TOP/scripts/run-platforms.sh" -o "$tmp/build/results/series" \
		intel-nombec no-such-platform amd-npt bare-gmet
	isolated "$TOP/scripts/summarize.sh" "$tmp/build/results/series" \
		intel-nombec no-such-platform amd-npt bare-gmet
} >"$tmp/run-loop"
expect "$TOP/tests/harness/run-loop.txt" "$tmp/run-loop"

[ "$failed" -eq 0 ] || die "test-harness: $failed checks failed"
log "test-harness: all checks passed"
