#!/usr/bin/env bash
# Boot one platform with a variant's kernel (series by default) and leave
# <platform>.tap and <platform>.log in $RESULTS/<variant>/.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

platform=${1:?usage: run-platform.sh PLATFORM [series|base|debug]}
variant=${2:-series}
# The debug kernel's timeouts and emulator workarounds: see load_platform.
[ "$variant" = debug ] && export DEBUG_KERNEL=1
load_platform "$platform"
obj=$(obj_dir "$variant")
kernel=$obj/arch/x86/boot/bzImage
[ -f "$kernel" ] || die "$kernel missing: build the $variant kernel first"
out=$RESULTS/$variant
mkdir -p "$out"

initrd=$("$TOP/scripts/make-initramfs.sh" "$platform" "$variant")
console=$out/$platform.log
rm -f "$console" "$out/$platform.tap"
log "booting $platform ($variant kernel) on $EMULATOR"
"$TOP/scripts/boot-$EMULATOR.sh" "$platform" "$kernel" "$initrd" "$console"
"$TOP/scripts/collect-tap.sh" "$console" "$obj/initramfs-$platform/etc/uexec.tests" \
	>"$out/$platform.tap"
log "$out/$platform.tap"
