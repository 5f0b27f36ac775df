#!/usr/bin/env bash
# Build kvm-unit-tests from SRC (a kvm-unit-tests checkout or a tarball of
# one, as in ../shared/third-party/) into build/kut/: the x86 test images
# (x86/*.flat) that the guest's run-kut boots with QEMU. The tree is
# extracted or copied into build/kut/src and built there, never changed
# where it came from; make rebuilds only what changed. Without SRC the
# suites are skipped, not passed: build/kut/missing says why, and the
# guest reports it in each suite's SKIP.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

src=${1:?usage: build-kut.sh SRC (a kvm-unit-tests checkout or tarball)}
out=$BUILD/kut
mkdir -p "$out"
rm -f "$out/missing"
if [ ! -e "$src" ]; then
	echo "no kvm-unit-tests at $src: get it from https://gitlab.com/kvm-unit-tests/kvm-unit-tests and run make KUT=<checkout or tarball>" >"$out/missing"
	log "WARNING: $(cat "$out/missing"); its suites will be skipped"
	exit 0
fi

if [ -d "$src" ]; then
	rsync -a --delete --exclude .git --exclude '*.o' --exclude '*.d' \
		--exclude '*.flat' --exclude '*.elf' --exclude config.mak "$src/" "$out/src/"
	key=$(git -C "$src" describe --always --dirty 2>/dev/null || echo "$src")
else
	key=$(sha256sum "$src" | cut -d' ' -f1)
	if [ "$(cat "$out/source" 2>/dev/null)" != "$key" ]; then
		rm -rf "$out/src"
		mkdir -p "$out/src"
		tar -xf "$src" -C "$out/src" --strip-components=1
	fi
fi
log "kvm-unit-tests from $src ($key)"
(
	cd "$out/src" || exit
	[ -f config.mak ] || ./configure --arch=x86_64 || exit
	make -j"$(nproc)"
) >"$out/build.log" 2>&1 || {
	tail -n 30 "$out/build.log" >&2
	die "building kvm-unit-tests failed, see $out/build.log"
}
echo "$key" >"$out/source"
