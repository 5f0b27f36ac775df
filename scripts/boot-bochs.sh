#!/usr/bin/env bash
# Boot a kernel under Bochs 3.0 (run in the trixie root) with the platform's
# CPU model: a bzImage and its initramfs, or, with INITRD "-", a multiboot
# image (the bare-metal emulator test) whose command line is CPU_OPTIONS.
# Bochs cannot load either itself, so they go on an ISOLINUX CD (multiboot
# through ISOLINUX's mboot.c32). CPU_OPTIONS are added to the bochsrc cpu:
# line (e.g. "gmet=0"), after the BOCHS_CPU_OPTIONS load_platform sets for
# the debug kernel. The platform's BOCHS names the binary in the trixie
# root: Debian's /usr/bin/bochs, or one built by build-bochs.sh. The serial
# console goes to CONSOLE; Bochs' own log goes beside it. Its exit status is
# not the result.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

platform=${1:?usage: boot-bochs.sh PLATFORM KERNEL INITRD|- CONSOLE [CPU_OPTIONS]}
kernel=${2:?} initrd=${3:?} console=${4:?} cpu_options=${5:-}
BOCHS=/usr/bin/bochs
load_platform "$platform"
# Debian's Bochs has its debugger built in: a command file that just
# continues keeps it from stopping at the debugger prompt. The harness's own
# build has no debugger (and no -rc option).
root=$BUILD/trixie
run=/uexec/$(basename "$console" .log)   # as seen inside the trixie root
if [ "$BOCHS" = /usr/bin/bochs ]; then
	"$TOP/scripts/setup-bochs.sh"
	debugger=(-rc "$run/continue")
else
	"$TOP/scripts/build-bochs.sh"
	debugger=()
fi
[ -x "$root$BOCHS" ] || die "no $BOCHS in $root"
dir=$root$run
modules=/usr/lib/syslinux/modules/bios
rm -rf "$dir"
mkdir -p "$dir/iso/isolinux"
cp /usr/lib/ISOLINUX/isolinux.bin "$modules/ldlinux.c32" "$dir/iso/isolinux/"
if [ "$initrd" = - ]; then
	cp "$modules/mboot.c32" "$modules/libcom32.c32" "$dir/iso/isolinux/"
	cp "$kernel" "$dir/iso/kernel.bin"
	entry="KERNEL mboot.c32
  APPEND /kernel.bin $cpu_options"
else
	cp "$kernel" "$dir/iso/bzImage"
	cp "$initrd" "$dir/iso/initrd.gz"
	entry="KERNEL /bzImage
  INITRD /initrd.gz
  APPEND console=ttyS0 panic=-1 $KERNEL_ARGS"
fi
cat >"$dir/iso/isolinux/isolinux.cfg" <<CFG
DEFAULT boot
PROMPT 0
LABEL boot
  $entry
CFG
xorriso -as mkisofs -quiet -o "$dir/boot.iso" -b isolinux/isolinux.bin \
	-c isolinux/boot.cat -no-emul-boot -boot-load-size 4 -boot-info-table \
	"$dir/iso" 2>"$dir/xorriso.log" || { cat "$dir/xorriso.log" >&2; exit 1; }

cat >"$dir/bochsrc" <<RC
megs: $MEM
cpu: model=$CPU, count=$SMP, reset_on_triple_fault=0${BOCHS_CPU_OPTIONS:+, $BOCHS_CPU_OPTIONS}${cpu_options:+, $cpu_options}
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

run_watched "$dir/console.log" chroot "$root" "$BOCHS" -q -f "$run/bochsrc" \
	"${debugger[@]}" </dev/null >"$dir/bochs.out" 2>&1
cp "$dir/console.log" "$console" 2>/dev/null || : >"$console"
cp "$dir/bochs.log" "${console%.log}.bochs.log"
