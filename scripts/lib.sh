# shellcheck shell=bash disable=SC2034
# Common settings and helpers for the uexec harness scripts; sourced, not run.
# The one setting read from the environment is BUILD, the build directory
# (make passes the user's BUILD= on); everything else a script needs comes
# as arguments or from platform data.
set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$TOP/build}
DOWNLOADS=$BUILD/downloads
TREE=$BUILD/linux                # editable kernel tree, series applied
BASE_TREE=$BUILD/linux-base      # worktree of the pristine base
MUTANT_TREE=$BUILD/linux-mutant  # worktree of the series with a rule broken
TRIXIE=$BUILD/trixie             # Debian trixie root holding Bochs 3.0
SERIES=$TOP/series
BRANCH=uexec
BASE_TAG=base
# The series' version, in the patches' subjects ([PATCH v4 01/33]).
SERIES_VERSION=4

# shellcheck source=base.pin
. "$TOP/base.pin"

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Stops with a message naming the make target that makes a missing artifact.
need() { [ -e "$1" ] || die "$1 missing: run 'make $2'"; }

# The source tree and object directory of a kernel variant: "series" (the
# base with series/ applied), "debug" (the same with config/debug.config),
# "base" (the pristine base) or "mutant" (the series with one rule broken,
# scripts/check-rules.sh).
src_dir() {
	case $1 in
	series | debug) echo "$TREE" ;;
	base) echo "$BASE_TREE" ;;
	mutant) echo "$MUTANT_TREE" ;;
	*) die "unknown kernel variant '$1' (series, debug, base or mutant)" ;;
	esac
}
obj_dir() { src_dir "$1" >/dev/null; echo "$BUILD/obj-$1"; }

# The variables a platform file (platforms/<name>.conf) must set. BOOT says
# what the platform boots: "kernel", a kernel of ours with an initramfs
# running a test list, or "gmet-test", the emulator's own bare-metal GMET
# test (a multiboot image that prints TAP itself). Bochs platforms name
# their Bochs with BOCHS: "bochs" (Debian's) or "bochs-gmet" (the harness's
# build), which is also the make target that makes it. An L1 platform
# (L1_MEM set: the memory in MB of its L1) boots a kernel that boots the
# same kernel again, with QEMU, as the L1 guest hypervisor that runs the
# test list (with L1_KERNEL_ARGS). LONG_LIST names lists that take minutes
# (kvm-unit-tests suites), which make check leaves out and make check-long
# runs after TEST_LIST.
PLATFORM_VARS=(EMULATOR BOOT CPU SMP MEM KERNEL_ARGS RUN_TIMEOUT)
PLATFORM_VARS_KERNEL=(TEST_LIST TEST_TIMEOUT)
PLATFORM_VARS_OPTIONAL=(BOCHS BOCHS_CPU_OPTIONS L1_MEM L1_KERNEL_ARGS LONG_LIST)

# Sets the variables of platform $1 for kernel variant $2 (series, base or
# debug) from platforms/<name>.conf, checking that it sets what it must.
# The timeouts are multiplied by $3 if given. For the debug kernel,
# platforms/kernel-debug.settings is applied on top: the timeouts are
# multiplied by its DEBUG_SLOWDOWN unless $3 is given, Bochs platforms
# get its extra cpu: options (before the platform's own, which Bochs reads
# last and so win) and kernel arguments, and L1 guest hypervisors its L1
# kernel arguments.
load_platform() {
	local conf=$TOP/platforms/$1.conf variant=$2 slowdown=${3:-} v need
	[ -f "$conf" ] || die "unknown platform '$1' (no $conf)"
	unset "${PLATFORM_VARS[@]}" "${PLATFORM_VARS_KERNEL[@]}" "${PLATFORM_VARS_OPTIONAL[@]}"
	# shellcheck source=/dev/null
	. "$conf"
	need=("${PLATFORM_VARS[@]}")
	[ "${BOOT:-}" = kernel ] && need+=("${PLATFORM_VARS_KERNEL[@]}")
	[ "${EMULATOR:-}" = bochs ] && need+=(BOCHS)
	for v in "${need[@]}"; do
		[ -n "${!v+set}" ] || die "$conf does not set $v"
	done
	case $EMULATOR in qemu | bochs) ;; *) die "$conf: unknown EMULATOR=$EMULATOR" ;; esac
	case $BOOT in kernel | gmet-test) ;; *) die "$conf: unknown BOOT=$BOOT" ;; esac
	[ "$EMULATOR" != bochs ] || bochs_binary "$BOCHS" >/dev/null
	BOCHS_CPU_OPTIONS=${BOCHS_CPU_OPTIONS:-}
	if [ "$variant" = debug ] && [ "$BOOT" = kernel ]; then
		# shellcheck source=platforms/kernel-debug.settings
		. "$TOP/platforms/kernel-debug.settings"
		slowdown=${slowdown:-$DEBUG_SLOWDOWN}
		if [ "$EMULATOR" = bochs ]; then
			KERNEL_ARGS="$KERNEL_ARGS $DEBUG_BOCHS_KERNEL_ARGS"
			BOCHS_CPU_OPTIONS="$DEBUG_BOCHS_CPU_OPTIONS${BOCHS_CPU_OPTIONS:+, $BOCHS_CPU_OPTIONS}"
		fi
		[ -z "${L1_MEM:-}" ] || L1_KERNEL_ARGS="${L1_KERNEL_ARGS:-} $DEBUG_L1_KERNEL_ARGS"
	fi
	RUN_TIMEOUT=$((RUN_TIMEOUT * ${slowdown:-1}))
	[ -z "${TEST_TIMEOUT:-}" ] || TEST_TIMEOUT=$((TEST_TIMEOUT * ${slowdown:-1}))
}

# Prints the platform's variables, as load_platform left them, as shell
# assignments: the settings file a run hands to the boot scripts.
platform_settings() {
	local v
	for v in "${PLATFORM_VARS[@]}" "${PLATFORM_VARS_KERNEL[@]}" "${PLATFORM_VARS_OPTIONAL[@]}"; do
		[ -z "${!v+set}" ] || printf '%s=%q\n' "$v" "${!v}"
	done
}

# The path, inside the trixie root, of the Bochs a platform names.
bochs_binary() {
	case $1 in
	bochs) echo /usr/bin/bochs ;;
	bochs-gmet) echo /usr/local/bin/bochs-gmet ;;
	*) die "unknown BOCHS=$1 (bochs or bochs-gmet)" ;;
	esac
}

# The git identity used for commits the harness makes in the kernel tree.
git_tree() {
	git -C "$TREE" -c user.name="uexec harness" \
		-c user.email="uexec@localhost" "$@"
}

# Run an emulator command until the guest has printed its last TAP line (or
# panicked) on the serial console file CONSOLE, then give it a few seconds
# to power off; stop it after TIMEOUT seconds in any case, and then say so
# on the console ("uexec: host: stopped ...", see scripts/console.awk).
run_watched() {
	local console=$1 timeout=$2 pid end
	shift 2
	end=$((SECONDS + timeout))
	"$@" &
	pid=$!
	while kill -0 "$pid" 2>/dev/null; do
		if grep -qE 'uexec: end of TAP|Kernel panic' "$console" 2>/dev/null; then
			sleep 5
			break
		fi
		if [ "$SECONDS" -ge "$end" ]; then
			log "$1 still running after ${timeout}s: stopped"
			echo "uexec: host: stopped after ${timeout}s (RUN_TIMEOUT)" >>"$console"
			break
		fi
		sleep 2
	done
	kill "$pid" 2>/dev/null || true
	wait "$pid" || true
}

# Write the tree's series (base..HEAD) as git format-patch files with a cover
# letter into DIR. The output depends only on the commits and the branch
# description (the cover letter's subject and text), so that applying the
# files and exporting again gives the same bytes in any clone (hence full
# blob hashes: abbreviated ones grow with the repository).
format_series() {
	local dir=$1
	[ -n "$(git -C "$TREE" rev-list "$BASE_TAG..HEAD")" ] || return 0
	GIT_COMMITTER_NAME=$(git -C "$TREE" log -1 --format=%an) \
	GIT_COMMITTER_EMAIL=$(git -C "$TREE" log -1 --format=%ae) \
	GIT_COMMITTER_DATE=$(git -C "$TREE" log -1 --format=%ad --date=raw) \
		git -C "$TREE" format-patch -q -o "$dir" --zero-commit --full-index \
		--no-signature --cover-letter --cover-from-description=subject \
		--subject-prefix="PATCH v$SERIES_VERSION" "$BASE_TAG..HEAD"
}

# Compiler diagnostics (stdin) without their line and column numbers, so
# that those of builds of different trees compare.
strip_line_numbers() { sed -E 's/:[0-9]+(:[0-9]+)?:/:/'; }

# A digest of the patch files in DIR (of nothing if DIR does not exist).
series_digest() {
	local files=()
	[ -d "$1" ] && mapfile -t files < <(find "$1" -maxdepth 1 -name '*.patch' | sort)
	cat "${files[@]}" /dev/null | sha256sum | cut -d' ' -f1
}
