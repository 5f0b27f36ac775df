#!/usr/bin/env bash
# Build the initramfs for one platform and variant: busybox, guest/init,
# the CPU-feature probe and the platform's selftests (all static), plus the
# test list and settings /init reads. Prints the path of the image.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

platform=${1:?usage: make-initramfs.sh PLATFORM series|base}
variant=${2:?}
load_platform "$platform"
obj=$(obj_dir "$variant")
# Both kernels run the series' selftests: the same binaries on the base and
# on the series, so results and counts can be set side by side.
# The benchmarks (build-bench.sh) are listed and copied like selftests.
bins=$(obj_dir series)/kselftest
root=$obj/initramfs-$platform
image=$root.cpio.gz

rm -rf "$root"
mkdir -p "$root"/{bin,etc,proc,sys,dev,tmp,tests}
cp /bin/busybox "$root/bin/busybox"
file -L "$root/bin/busybox" | grep -q 'statically linked' ||
	die "/bin/busybox is not static: install busybox-static"
cp "$TOP/guest/init" "$root/init"
gcc -static -O2 -Wall -o "$root/bin/cpu-features" "$TOP/guest/cpu-features.c"

"$TOP/scripts/list-tests.sh" "$platform" >"$root/etc/uexec.tests"
while read -r name _; do
	bin=$bins/x86_64/$name
	[ -x "$bin" ] || bin=$bins/bench/$name
	[ -x "$bin" ] || die "selftest or benchmark $name not built in $bins"
	cp "$bin" "$root/tests/"
done <"$root/etc/uexec.tests"
printf 'PLATFORM=%s\nTEST_TIMEOUT=%s\n' "$platform" "$TEST_TIMEOUT" >"$root/etc/uexec.conf"

(cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) >"$image"
echo "$image"
