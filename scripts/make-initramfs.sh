#!/usr/bin/env bash
# Build the initramfs IMAGE for one platform's run: busybox, guest/init, the
# guest tools and the plan's tests, plus the plan PLAN (from list-tests.sh)
# and the settings /init reads, taken from SETTINGS (the platform settings
# file run-platform.sh writes). A test is a selftest or benchmark (static
# binaries) or a command of tests/commands; a plan with a command that runs
# QEMU gets Debian's QEMU (make guest-qemu), and kvm-unit-tests suites
# their test images (make kut).
#
# With -l KERNEL the image is that of the L0 of an L1 platform (L1_MEM set):
# it holds KERNEL and, inside, the initramfs of the L1 guest hypervisor
# that runs PLAN but its last line, L0's own kernel-log check.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

usage="usage: make-initramfs.sh [-l KERNEL] SETTINGS PLAN IMAGE"
l1_kernel=
while getopts l: opt; do
	case $opt in
	l) l1_kernel=$OPTARG ;;
	*) die "$usage" ;;
	esac
done
shift $((OPTIND - 1))
settings=${1:?$usage} plan=${2:?$usage} image=${3:?$usage}
# shellcheck source=/dev/null
. "$settings"
# Every kernel runs the series' selftests: the same binaries on the base
# and on the series, so results and counts can be set side by side.
bins=$(obj_dir series)/kselftest
need /bin/busybox deps
file -L /bin/busybox | grep -q 'statically linked' ||
	die "/bin/busybox is not static: install busybox-static (make deps)"
need "$BUILD/guest/cpu-features" guest-tools

# Installs test $1 into root $2: a selftest, a benchmark or a command.
add_test() {
	local name=$1 root=$2 words
	read -r -a words <<<"$(awk -v n="$name" '$1 == n { $1 = ""; print }' "$TOP/tests/commands")"
	if [ ${#words[@]} -gt 0 ]; then
		printf '#!/bin/sh\nexec%s\n' "$(printf " '%s'" "${words[@]}")" >"$root/tests/$name"
		chmod +x "$root/tests/$name"
		case ${words[0]} in
		run-kut) add_qemu "$root" && add_kut "$root" "${words[1]}" ;;
		esac
	elif [ -x "$bins/x86_64/$name" ]; then
		cp "$bins/x86_64/$name" "$root/tests/"
	elif [ -f "$TOP/bench/$name.c" ]; then
		need "$bins/bench/$name" benchmarks
		cp "$bins/bench/$name" "$root/tests/"
	else
		need "$bins/x86_64" selftests
		die "$name: no such selftest in $bins/x86_64, nor in tests/commands"
	fi
}
add_qemu() {
	need "$BUILD/guest-qemu/usr/bin/qemu-system-x86_64" guest-qemu
	cp -a "$BUILD/guest-qemu/." "$1/"
}
# The test image $2 of kvm-unit-tests into root $1, or why there is none.
add_kut() {
	mkdir -p "$1/kut"
	if [ -f "$BUILD/kut/missing" ]; then
		cp "$BUILD/kut/missing" "$1/kut/"
	else
		need "$BUILD/kut/src/x86/$2" kut
		cp "$BUILD/kut/src/x86/$2" "$1/kut/"
	fi
}

# Fills root $1 for role $2 ("" for a platform without L1, l0 or l1) with
# the tests of plan $3.
populate() {
	local root=$1 role=$2 plan=$3 name
	mkdir -p "$root"/{bin,etc,proc,sys,dev,tmp,tests}
	cp "$TOP/guest/init" "$root/init"
	cp /bin/busybox "$BUILD"/guest/* "$root/bin/"
	cp "$plan" "$root/etc/uexec.tests"
	while read -r name _; do
		case $name in *kernel-log) continue ;; esac
		# L0 runs no test of its own but its kernel-log check.
		[ "$role" = l0 ] || add_test "$name" "$root"
	done <"$plan"
	printf 'PLATFORM=%s\nTEST_TIMEOUT=%s\nROLE=%s\n' "$PLATFORM" "$TEST_TIMEOUT" "$role" \
		>"$root/etc/uexec.conf"
	[ "$role" != l0 ] ||
		printf 'L1_MEM=%s\nL1_KERNEL_ARGS=%q\n' "$L1_MEM" "${L1_KERNEL_ARGS:-}" \
			>>"$root/etc/uexec.conf"
}
cpio_gz() { (cd "$1" && find . | cpio -o -H newc --quiet | gzip -1); }

tmp=$(mktemp -d "$BUILD/initramfs.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
if [ -z "$l1_kernel" ]; then
	populate "$tmp/root" "" "$plan"
else
	[ -n "${L1_MEM:-}" ] || die "-l: $settings sets no L1_MEM"
	head -n -1 "$plan" >"$tmp/l1.plan"
	populate "$tmp/l1" l1 "$tmp/l1.plan"
	populate "$tmp/root" l0 "$plan"
	add_qemu "$tmp/root"
	mkdir -p "$tmp/root/l1"
	cp "$l1_kernel" "$tmp/root/l1/bzImage"
	cpio_gz "$tmp/l1" >"$tmp/root/l1/initrd.gz"
fi
cpio_gz "$tmp/root" >"$image"
