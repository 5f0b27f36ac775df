# shellcheck shell=bash disable=SC2034
# Common settings and helpers for the uexec harness scripts; sourced, not run.
set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$TOP/build}
DOWNLOADS=$BUILD/downloads
TREE=$BUILD/linux                # editable kernel tree, series applied
BASE_TREE=$BUILD/linux-base      # worktree of the pristine base
RESULTS=${RESULTS:-$BUILD/results}
SERIES=$TOP/series
BRANCH=uexec
BASE_TAG=base

# shellcheck source=base.pin
. "$TOP/base.pin"

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The source tree and object directory of a variant: "series" (the base
# with series/ applied) or "base" (the pristine base).
src_dir() {
	case $1 in
	series | debug) echo "$TREE" ;;
	base) echo "$BASE_TREE" ;;
	*) die "unknown variant '$1' (series, debug or base)" ;;
	esac
}
obj_dir() { src_dir "$1" >/dev/null; echo "$BUILD/obj-$1"; }

# Sets the platform's variables (EMULATOR, CPU, SMP, MEM, KERNEL_ARGS,
# TEST_TIMEOUT, RUN_TIMEOUT) from platforms/<name>.conf. With DEBUG_KERNEL
# set (run-platform.sh sets it for the debug kernel), the timeouts are
# DEBUG_SLOWDOWN times longer, and under Bochs BOCHS_CPU_OPTIONS (which
# boot-bochs.sh puts on the bochsrc cpu: line) makes the emulated CPU run
# ten times the default instructions per emulated second: at the
# default, the debug kernel's timer interrupt handlers took longer than
# the timer period and it never got past its timer setup. There the HPET
# and APERF/MPERF (advertised by Bochs, not implemented: an error logged on
# every tick) are off too.
load_platform() {
	local conf=$TOP/platforms/$1.conf
	[ -f "$conf" ] || die "unknown platform '$1' (see platforms/)"
	# shellcheck source=/dev/null
	. "$conf"
	[ -n "${DEBUG_KERNEL:-}" ] || return 0
	TEST_TIMEOUT=$((TEST_TIMEOUT * ${DEBUG_SLOWDOWN:-8}))
	RUN_TIMEOUT=$((RUN_TIMEOUT * ${DEBUG_SLOWDOWN:-8}))
	if [ "$EMULATOR" = bochs ]; then
		KERNEL_ARGS="$KERNEL_ARGS hpet=disable clearcpuid=aperfmperf"
		BOCHS_CPU_OPTIONS="ips=40000000"
	fi
}

all_platforms() {
	local f
	for f in "$TOP"/platforms/*.conf; do
		basename "$f" .conf
	done
}

# The git identity used for commits the harness makes in the kernel tree.
git_tree() {
	git -C "$TREE" -c user.name="uexec harness" \
		-c user.email="uexec@localhost" "$@"
}

# Run an emulator command until the guest has printed its last TAP line (or
# panicked) on the serial console file CONSOLE, then give it a few seconds
# to power off; stop it after $RUN_TIMEOUT seconds in any case.
run_watched() {
	local console=$1 pid end=$((SECONDS + RUN_TIMEOUT))
	shift
	"$@" &
	pid=$!
	while kill -0 "$pid" 2>/dev/null; do
		if grep -qE 'uexec: end of TAP|Kernel panic' "$console" 2>/dev/null; then
			sleep 5
			break
		fi
		if [ "$SECONDS" -ge "$end" ]; then
			log "$* still running after ${RUN_TIMEOUT}s: stopped"
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
		"$BASE_TAG..HEAD"
}

# A digest of the patch files in DIR (of nothing if DIR does not exist).
series_digest() {
	local files=()
	[ -d "$1" ] && mapfile -t files < <(find "$1" -maxdepth 1 -name '*.patch' | sort)
	cat "${files[@]}" /dev/null | sha256sum | cut -d' ' -f1
}
