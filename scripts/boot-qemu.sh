#!/usr/bin/env bash
# Boot a kernel and initramfs under QEMU TCG as the platform settings file
# SETTINGS (from run-platform.sh) says; the serial console goes to CONSOLE,
# QEMU's own messages beside it (<console>.qemu.log). Its exit status is
# not the result: the console is.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

usage="usage: boot-qemu.sh SETTINGS BZIMAGE INITRD CONSOLE"
settings=${1:?$usage} kernel=${2:?$usage} initrd=${3:?$usage} console=${4:?$usage}
# shellcheck source=/dev/null
. "$settings"
[ "$BOOT" = kernel ] || die "boot-qemu.sh boots kernels only, not BOOT=$BOOT"
qemu=$(command -v qemu-system-x86_64) || die "no qemu-system-x86_64: run 'make deps'"

: >"$console"
run_watched "$console" "$RUN_TIMEOUT" "$qemu" -accel tcg -cpu "$CPU" \
	-smp "$SMP" -m "$MEM" -kernel "$kernel" -initrd "$initrd" \
	-append "console=ttyS0 panic=-1 $KERNEL_ARGS" \
	-display none -monitor none -serial "file:$console" -no-reboot \
	2>"${console%.log}.qemu.log"
