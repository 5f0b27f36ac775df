#!/usr/bin/env bash
# Gather Debian's QEMU for the test guest into build/guest-qemu/, a tree
# that make-initramfs.sh copies into the initramfs of a platform whose plan
# runs QEMU (a kvm-unit-tests suite or an L1 guest hypervisor): the
# qemu-system-x86_64 this machine has installed (make deps), the shared
# libraries it loads, at their paths, and the firmware an x86 guest boots
# with: SeaBIOS and QEMU's option ROMs for -kernel (Linux and multiboot)
# and the TPR patching of kvmvapic. In the guest QEMU finds them only with
# -L /usr/share/seabios -L /usr/share/qemu (guest/run-qemu passes both).
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

qemu=/usr/bin/qemu-system-x86_64
roms=(kvmvapic.bin linuxboot_dma.bin multiboot_dma.bin)
out=$BUILD/guest-qemu
need "$qemu" deps

rm -rf "$out"
mkdir -p "$out/usr/share/qemu"
# The binary and its libraries, the dynamic loader included.
for f in "$qemu" $(ldd "$qemu" | grep -o '/[^ ]*'); do
	mkdir -p "$out$(dirname "$f")"
	cp -L "$f" "$out$f"
done
cp -rL /usr/share/seabios "$out/usr/share/"
for r in "${roms[@]}"; do
	cp -L "/usr/share/qemu/$r" "$out/usr/share/qemu/"
done
log "guest QEMU: $(dpkg-query -W -f='${Version}' qemu-system-x86), $(du -sh "$out" | cut -f1)"
