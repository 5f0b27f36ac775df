#!/usr/bin/env bash
# Build Bochs with GMET emulation: Debian trixie's bochs source package,
# fetched with apt-get source in the trixie root, with Debian's own patches
# and then ours, emulator/bochs-*.patch in name order, applied. The binary
# is installed into the trixie root as /usr/local/bin/bochs-gmet (Debian's
# /usr/bin/bochs stays as it is) and rebuilt only when the source package,
# a patch or this script change. Only what the harness uses is configured
# in: x86-64, SVM, VMX, AVX (with EVEX: Bochs 3.0 does not build AVX
# without it), SMP (the -smp platforms' cpu: count=2), PCI, CD-ROM and the
# rfb display; no plugins (Debian's would
# be loaded from /usr/lib otherwise), no debugger, no sound, USB or network
# devices.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

root=$TRIXIE
fetched=$root/uexec-src/bochs        # /uexec-src/bochs in the trixie root
work=$BUILD/bochs-gmet
binary=$(bochs_binary bochs-gmet)    # as seen inside the trixie root
patches=("$TOP"/emulator/bochs-*.patch)
configure_flags=(
	--enable-x86-64 --enable-cpu-level=6 --enable-svm --enable-vmx=2 --enable-smp
	--enable-avx --enable-evex --enable-monitor-mwait --enable-pci --enable-cdrom
	--enable-a20-pin --enable-all-optimizations --with-rfb
	--disable-plugins --disable-debugger --disable-docbook
)

need "$root/.uexec-ready" bochs

# The source package's tarballs, checked against the sha256 sums of apt's
# signed Sources index (apt-get source may fail to fetch the .dsc from some
# mirrors; the tarballs are all the build needs).
fetch_source() {
	local list=$root/etc/apt/sources.list.d/uexec-deb-src.list f sums
	if [ ! -f "$list" ]; then
		echo "deb-src http://deb.debian.org/debian trixie main" >"$list"
		chroot "$root" apt-get update -q >>"$work/fetch.log" 2>&1 ||
			die "apt-get update in $root failed, see $work/fetch.log"
	fi
	if ! compgen -G "$fetched/bochs_*.debian.tar.*" >/dev/null; then
		log "fetching Debian's bochs source package"
		mkdir -p "$fetched"
		chroot "$root" sh -c 'cd /uexec-src/bochs && apt-get source --download-only bochs' \
			>>"$work/fetch.log" 2>&1 || log "apt-get source reported errors, see $work/fetch.log"
	fi
	sums=$(chroot "$root" apt-cache showsrc bochs)
	for f in "$fetched"/bochs_*.orig.tar.* "$fetched"/bochs_*.debian.tar.*; do
		[ -f "$f" ] || die "bochs source tarballs missing in $fetched, see $work/fetch.log"
		grep -q " $(sha256sum "$f" | cut -d' ' -f1) " <<<"$sums" ||
			die "$f does not match apt's Sources index"
	done
}

mkdir -p "$work"
fetch_source
key=$(cat "$fetched"/bochs_*.tar.* "${patches[@]}" "${BASH_SOURCE[0]}" | sha256sum | cut -d' ' -f1)
if [ -x "$root$binary" ] && [ "$(cat "$work/key" 2>/dev/null)" = "$key" ]; then
	exit 0
fi

log "building Bochs with GMET into $root$binary (log: $work/build.log)"
start=$SECONDS
rm -rf "$work/src" "$work/key"
mkdir -p "$work/src"
tar -xf "$fetched"/bochs_*.orig.tar.* -C "$work/src" --strip-components=1
tar -xf "$fetched"/bochs_*.debian.tar.* -C "$work/src"
# set -e does not apply inside a subshell whose status is tested: every
# step says itself that it failed.
(
	cd "$work/src" || exit
	# Debian's patches (source format 3.0 (quilt)), then ours.
	while read -r p _; do
		case $p in '' | '#'*) continue ;; esac
		patch -p1 -s <"debian/patches/$p" || exit
	done <debian/patches/series
	for p in "${patches[@]}"; do
		patch -p1 -s <"$p" || exit
	done
	# no debug information: it only slows the build down
	CFLAGS=-O2 CXXFLAGS=-O2 ./configure "${configure_flags[@]}" && make -j2
) >"$work/build.log" 2>&1 || {
	tail -n 30 "$work/build.log" >&2
	die "building Bochs failed, see $work/build.log"
}
install -D -m 755 "$work/src/bochs" "$root$binary"
echo "$key" >"$work/key"
log "Bochs with GMET built in $((SECONDS - start))s"
