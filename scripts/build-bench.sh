#!/usr/bin/env bash
# Build the benchmarks in bench/ against the KVM selftest library of the
# series tree, as build-selftests.sh left it in build/obj-series/kselftest,
# into build/obj-series/kselftest/bench. Like the selftests, they are
# static and run on both kernels.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

src=$(src_dir series)
obj=$(obj_dir series)
kvm=$src/tools/testing/selftests/kvm
lib=$obj/kselftest/lib
[ -f "$lib/kvm_util.o" ] || die "no selftest library in $lib: build the selftests first"

mapfile -t lib_objs < <(find "$lib" -name '*.o' | sort)
out=$obj/kselftest/bench
mkdir -p "$out"
for c in "$TOP"/bench/*.c; do
	log "building bench/$(basename "$c")"
	# The selftests' own CFLAGS (tools/testing/selftests/kvm/Makefile).
	gcc -O2 -g -std=gnu99 -Wall -Werror -Wstrict-prototypes -Wuninitialized \
		-DCONFIG_64BIT -U_FORTIFY_SOURCE -fno-builtin-memcmp \
		-fno-builtin-memcpy -fno-builtin-memset -fno-builtin-strnlen \
		-fno-stack-protector -fno-PIE -fno-strict-aliasing -march=x86-64-v2 \
		-I"$src/tools/include" -I"$src/tools/arch/x86/include" \
		-isystem "$obj/usr/include" -I"$kvm/include" -I"$kvm/include/x86_64" \
		-I"$kvm/.." -I"$TOP/bench" \
		-static -pthread -no-pie "$c" "${lib_objs[@]}" -ldl \
		-o "$out/$(basename "$c" .c)"
done
