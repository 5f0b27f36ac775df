#!/usr/bin/env bash
# Build the KVM selftests of a kernel tree, statically linked against the
# UAPI headers of the series kernel build (the series changes no UAPI
# header): by default those of the series tree into
# build/obj-series/kselftest, which both the series and the base kernel
# run; check-series.sh passes its scratch tree and an output directory.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

src=${1:-$(src_dir series)}
obj=$(obj_dir series)
out=${2:-$obj/kselftest}
[ -d "$obj/usr/include" ] || die "no headers in $obj: build the kernel first"

log "building KVM selftests in $out"
# LDFLAGS from the environment: the selftests' Makefile appends to it.
LDFLAGS=-static make -s -C "$src/tools/testing/selftests/kvm" -j"$(nproc)" \
	OUTPUT="$out" KHDR_INCLUDES="-isystem $obj/usr/include"
