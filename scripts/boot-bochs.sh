#!/usr/bin/env bash
# Boot under Bochs 3.0 (run in the trixie root) as the platform settings
# file SETTINGS (from run-platform.sh) says: a bzImage and its initramfs,
# or, with INITRD "-", a multiboot image (BOOT=gmet-test) whose command
# line is KERNEL_ARGS. Bochs cannot load either itself, so they go on an
# ISOLINUX CD (multiboot through ISOLINUX's mboot.c32). BOCHS_CPU_OPTIONS
# are added to the bochsrc cpu: line. BOCHS names the binary in the trixie
# root and the make target that makes it: Debian's /usr/bin/bochs (bochs)
# or the harness's build with GMET (bochs-gmet). The serial console goes
# to CONSOLE; Bochs' own output and log go beside it (<console>.bochs.log).
# Its exit status is not the result: the console is. MEM is the guest's
# memory in MB; Bochs backs at most 2048 MB of it with host memory
# (memory: host=; megs: stops at 2048), which is enough for what the guest
# touches.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

usage="usage: boot-bochs.sh SETTINGS KERNEL INITRD|- CONSOLE"
settings=${1:?$usage} kernel=${2:?$usage} initrd=${3:?$usage} console=${4:?$usage}
# shellcheck source=/dev/null
. "$settings"
root=$TRIXIE
binary=$(bochs_binary "$BOCHS")
need "$root/.uexec-ready" bochs
need "$root$binary" "$BOCHS"
# Debian's Bochs has its debugger built in: a command file that just
# continues keeps it from stopping at the debugger prompt. The harness's own
# build has no debugger (and no -rc option).
run=/uexec/$(basename "$console" .log)   # as seen inside the trixie root
debugger=()
[ "$BOCHS" = bochs ] && debugger=(-rc "$run/continue")
dir=$root$run
modules=/usr/lib/syslinux/modules/bios
rm -rf "$dir"
mkdir -p "$dir/iso/isolinux"
cp /usr/lib/ISOLINUX/isolinux.bin "$modules/ldlinux.c32" "$dir/iso/isolinux/"
if [ "$initrd" = - ]; then
	cp "$modules/mboot.c32" "$modules/libcom32.c32" "$dir/iso/isolinux/"
	cp "$kernel" "$dir/iso/kernel.bin"
	entry="KERNEL mboot.c32
  APPEND /kernel.bin $KERNEL_ARGS"
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
memory: guest=$MEM, host=$((MEM < 2048 ? MEM : 2048))
cpu: model=$CPU, count=$SMP, reset_on_triple_fault=0${BOCHS_CPU_OPTIONS:+, $BOCHS_CPU_OPTIONS}
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

run_watched "$dir/console.log" "$RUN_TIMEOUT" chroot "$root" "$binary" -q -f "$run/bochsrc" \
	"${debugger[@]}" </dev/null >"$dir/bochs.out" 2>&1
cp "$dir/console.log" "$console" 2>/dev/null || : >"$console"
cat "$dir/bochs.out" "$dir/bochs.log" >"${console%.log}.bochs.log" 2>/dev/null || true
