#!/usr/bin/env bash
# Boot a kernel and initramfs under Bochs 3.0 (run in the trixie root) with
# the platform's CPU model. Bochs cannot load a bzImage itself, so they go
# on an ISOLINUX CD. The serial console goes to CONSOLE; Bochs' own log goes
# beside it. Its exit status is not the result.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

platform=${1:?usage: boot-bochs.sh PLATFORM BZIMAGE INITRD CONSOLE}
kernel=${2:?} initrd=${3:?} console=${4:?}
load_platform "$platform"
"$TOP/scripts/setup-bochs.sh"

root=$BUILD/trixie
run=/uexec/$platform          # as seen inside the trixie root
dir=$root$run
rm -rf "$dir"
mkdir -p "$dir/iso/isolinux"
cp /usr/lib/ISOLINUX/isolinux.bin /usr/lib/syslinux/modules/bios/ldlinux.c32 \
	"$dir/iso/isolinux/"
cp "$kernel" "$dir/iso/bzImage"
cp "$initrd" "$dir/iso/initrd.gz"
cat >"$dir/iso/isolinux/isolinux.cfg" <<CFG
DEFAULT linux
PROMPT 0
LABEL linux
  KERNEL /bzImage
  INITRD /initrd.gz
  APPEND console=ttyS0 panic=-1 $KERNEL_ARGS
CFG
xorriso -as mkisofs -quiet -o "$dir/boot.iso" -b isolinux/isolinux.bin \
	-c isolinux/boot.cat -no-emul-boot -boot-load-size 4 -boot-info-table \
	"$dir/iso" 2>"$dir/xorriso.log" || { cat "$dir/xorriso.log" >&2; exit 1; }

cat >"$dir/bochsrc" <<RC
megs: $MEM
cpu: model=$CPU, count=$SMP, reset_on_triple_fault=0
romimage: file=/usr/share/bochs/BIOS-bochs-latest
vgaromimage: file=/usr/share/bochs/VGABIOS-lgpl-latest
pci: enabled=1, chipset=i440fx
ata0-master: type=cdrom, path=$run/boot.iso, status=inserted
boot: cdrom
display_library: rfb, options="timeout=0"
com1: enabled=1, mode=file, dev=$run/console.log
log: $run/bochs.log
panic: action=fatal
error: action=report
info: action=ignore
debug: action=ignore
RC
echo c >"$dir/continue"

run_watched "$dir/console.log" chroot "$root" bochs -q -f "$run/bochsrc" \
	-rc "$run/continue" </dev/null >"$dir/bochs.out" 2>&1
cp "$dir/console.log" "$console" 2>/dev/null || : >"$console"
cp "$dir/bochs.log" "${console%.log}.bochs.log"
