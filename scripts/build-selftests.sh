#!/usr/bin/env bash
# Build the KVM selftests of a variant, statically linked against the UAPI
# headers of the variant's own kernel build, into <obj>/kselftest.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

variant=${1:?usage: build-selftests.sh series|base}
src=$(src_dir "$variant")
obj=$(obj_dir "$variant")
[ -d "$obj/usr/include" ] || die "no headers in $obj: build the kernel first"

log "building $variant KVM selftests in $obj/kselftest"
# LDFLAGS from the environment: the selftests' Makefile appends to it.
LDFLAGS=-static make -C "$src/tools/testing/selftests/kvm" -j"$(nproc)" \
	OUTPUT="$obj/kselftest" KHDR_INCLUDES="-isystem $obj/usr/include"
