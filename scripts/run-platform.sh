#!/usr/bin/env bash
# Boot one platform once and leave in OUT (created if missing):
# <platform>.settings (what it ran with), .plan (the tests handed to the
# guest), .log (the serial console, with the host's own lines) and .tap
# (collected from the console), all removed first, the TAP written last.
# It stops with an error, leaving no TAP, when an artifact is missing
# (naming the make target that makes it) or the platform file is wrong.
#   -k KERNEL   series (default), base or debug
#   -l LIST     run tests/LIST.list instead of the platform's TEST_LIST
#   -L          run the platform's LONG_LIST too, after its TEST_LIST
#   -s N        multiply the platform's timeouts by N (default: 1, and
#               DEBUG_SLOWDOWN of platforms/kernel-debug.settings for the
#               debug kernel)
#   -t TESTS    only these tests of the list (space-separated; a bare-metal
#               platform runs its whole test and says so)
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

usage="usage: run-platform.sh [-k KERNEL] [-l LIST] [-L] [-s N] [-t TESTS] PLATFORM OUT"
kernel=series list="" long="" slowdown="" tests=""
while getopts k:l:Ls:t: opt; do
	case $opt in
	k) kernel=$OPTARG ;;
	l) list=$OPTARG ;;
	L) long=1 ;;
	s) slowdown=$OPTARG ;;
	t) tests=$OPTARG ;;
	*) die "$usage" ;;
	esac
done
shift $((OPTIND - 1))
platform=${1:?$usage} out=${2:?$usage}
mkdir -p "$out"
settings=$out/$platform.settings plan=$out/$platform.plan
console=$out/$platform.log tap=$out/$platform.tap
rm -f "$settings" "$plan" "$console" "$tap" "$out/$platform".*.log

load_platform "$platform" "$kernel" "$slowdown"
platform_settings >"$settings"
echo "PLATFORM=$platform" >>"$settings"

start=$SECONDS
if [ "$BOOT" = kernel ]; then
	obj=$(obj_dir "$kernel")
	image=$obj/arch/x86/boot/bzImage
	need "$image" "kernel-$kernel"
	list=${list:-$TEST_LIST}
	[ -z "$long" ] || list="$list ${LONG_LIST:-}"
	# shellcheck disable=SC2086 # TESTS is a list of names
	"$TOP/scripts/list-tests.sh" "$platform" "$list" "$EMULATOR" $tests >"$plan"
	initrd=$out/$platform.cpio.gz
	l1=()
	if [ -n "${L1_MEM:-}" ]; then
		# L1 runs the plan, L0 checks its own kernel log last.
		echo l0-kernel-log >>"$plan"
		l1=(-l "$image")
	fi
	"$TOP/scripts/make-initramfs.sh" "${l1[@]}" "$settings" "$plan" "$initrd"
	log "booting $platform ($kernel kernel) on $EMULATOR"
else
	[ -z "$list" ] || die "$platform runs $BOOT, which takes no test list"
	[ -z "$tests" ] || log "$platform runs $BOOT whole: TESTS do not apply to it"
	image=$BUILD/gmet-test/gmet-test.bin
	need "$image" gmet-test
	initrd=-
	plan=
	log "booting $platform ($BOOT, no kernel of ours) on $EMULATOR"
fi
"$TOP/scripts/boot-$EMULATOR.sh" "$settings" "$image" "$initrd" "$console"
# A guest that never got to /init: the emulator's last words go on the
# console as the host's, for the table.
if ! grep -q '^uexec: platform' "$console"; then
	tail -n 5 "${console%.log}.$EMULATOR.log" 2>/dev/null |
		sed "s/^/uexec: host: $EMULATOR: /" >>"$console" || true
fi
echo "uexec: host: $platform took $((SECONDS - start))s of wall-clock time" >>"$console"
"$TOP/scripts/collect-tap.sh" "$console" "$plan" >"$tap.tmp"
mv "$tap.tmp" "$tap"
log "$tap"
