#!/usr/bin/env bash
# Build the KVM selftests of the series tree, statically linked against the
# UAPI headers of the series kernel build, into build/obj-series/kselftest.
# Both the series and the base kernel run these binaries.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

src=$(src_dir series)
obj=$(obj_dir series)
[ -d "$obj/usr/include" ] || die "no headers in $obj: build the kernel first"

log "building KVM selftests in $obj/kselftest"
# LDFLAGS from the environment: the selftests' Makefile appends to it.
LDFLAGS=-static make -s -C "$src/tools/testing/selftests/kvm" -j"$(nproc)" \
	OUTPUT="$obj/kselftest" KHDR_INCLUDES="-isystem $obj/usr/include"
