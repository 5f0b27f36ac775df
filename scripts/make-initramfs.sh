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
selftests_src=$(src_dir series)/tools/testing/selftests/kvm
need /bin/busybox deps
file -L /bin/busybox | grep -q 'statically linked' ||
	die "/bin/busybox is not static: install busybox-static (make deps)"
need "$BUILD/guest/cpu-features" guest-tools

# The KVM selftest program $1, as built (x86_64/ or the generic ones) or,
# for a script (x86_64/nx_huge_pages_test.sh), from the source tree; prints
# nothing if there is none.
selftest_program() {
	local f
	for f in "$bins/x86_64/$1" "$bins/$1" "$selftests_src/x86_64/$1"; do
		[ -f "$f" ] && { echo "$f"; return; }
	done
	return 0
}

# Installs test $1 into root $2: a selftest, a benchmark or a command. A
# selftest script comes with the program of the same name, which it runs
# from its own directory. A command that names a selftest (as COMMAND or
# an ARG) gets that selftest in /bin.
add_test() {
	local name=$1 root=$2 words program i
	read -r -a words <<<"$(awk -v n="$name" '$1 == n { $1 = ""; print }' "$TOP/tests/commands")"
	if [ ${#words[@]} -gt 0 ]; then
		case ${words[0]} in
		run-kut) add_qemu "$root" && add_kut "$root" "${words[1]}" ;;
		esac
		# A selftest is called by its path: it opens its own ELF file
		# by argv[0].
		for i in "${!words[@]}"; do
			program=$(selftest_program "${words[i]}")
			[ -n "$program" ] || continue
			cp "$program" "$root/bin/"
			words[i]=/bin/${words[i]}
		done
		printf '#!/bin/sh\nexec%s\n' "$(printf " '%s'" "${words[@]}")" >"$root/tests/$name"
		chmod +x "$root/tests/$name"
	elif program=$(selftest_program "$name") && [ -n "$program" ]; then
		cp "$program" "$root/tests/"
		case $name in
		*.sh) cp "$(selftest_program "${name%.sh}")" "$root/tests/" ;;
		esac
	elif [ -f "$TOP/bench/$name.c" ]; then
		need "$bins/bench/$name" benchmarks
		cp "$bins/bench/$name" "$root/tests/"
	else
		need "$bins/x86_64" selftests
		die "$name: no such selftest in $bins, nor in tests/commands"
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
	# For whoami (x86_64/nx_huge_pages_test.sh).
	echo 'root:x:0:0:root:/:/bin/sh' >"$root/etc/passwd"
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
