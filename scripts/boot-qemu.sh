#!/usr/bin/env bash
# Boot a kernel and initramfs under QEMU TCG with the platform's CPU model;
# the serial console goes to CONSOLE, QEMU's own messages beside it. Its
# exit status is not the result.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

platform=${1:?usage: boot-qemu.sh PLATFORM BZIMAGE INITRD CONSOLE}
kernel=${2:?} initrd=${3:?} console=${4:?}
load_platform "$platform"

run_watched "$console" qemu-system-x86_64 -accel tcg -cpu "$CPU" \
	-smp "$SMP" -m "$MEM" -kernel "$kernel" -initrd "$initrd" \
	-append "console=ttyS0 panic=-1 $KERNEL_ARGS" \
	-display none -monitor none -serial "file:$console" -no-reboot \
	2>"${console%.log}.qemu.log"
