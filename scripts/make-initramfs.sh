#!/usr/bin/env bash
# Build the initramfs IMAGE for one platform's run: busybox, guest/init, the
# guest tools and the plan's selftests or benchmarks (all static), plus the
# plan PLAN (from list-tests.sh) and the settings /init reads, taken from
# SETTINGS (the platform settings file run-platform.sh writes).
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

usage="usage: make-initramfs.sh SETTINGS PLAN IMAGE"
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

root=$(mktemp -d "$BUILD/initramfs.XXXXXX")
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,etc,proc,sys,dev,tmp,tests}
cp "$TOP/guest/init" "$root/init"
cp /bin/busybox "$BUILD"/guest/* "$root/bin/"
cp "$plan" "$root/etc/uexec.tests"
while read -r name _; do
	[ "$name" = kernel-log ] && continue
	if [ -x "$bins/x86_64/$name" ]; then
		cp "$bins/x86_64/$name" "$root/tests/"
	elif [ -f "$TOP/bench/$name.c" ]; then
		need "$bins/bench/$name" benchmarks
		cp "$bins/bench/$name" "$root/tests/"
	else
		need "$bins/x86_64" selftests
		die "$name: no such selftest in $bins/x86_64"
	fi
done <"$plan"
printf 'PLATFORM=%s\nTEST_TIMEOUT=%s\n' "$PLATFORM" "$TEST_TIMEOUT" >"$root/etc/uexec.conf"
(cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) >"$image"
