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

# The compiler and linker flags and the libraries of the selftests, printed
# by their own Makefile (its rules only build sources under its directory,
# so it cannot build bench/ itself). Some include paths are relative to
# that directory, hence the compiles run there; the rule's prerequisite
# gives the Makefile's per-source -I$(<D) a value.
# shellcheck disable=SC2016 # make expands the variables, not the shell
mapfile -t made < <(make -s -C "$kvm" OUTPUT="$obj/kselftest" \
	KHDR_INCLUDES="-isystem $obj/usr/include" \
	--eval 'uexec-flags: Makefile ; @echo $(CFLAGS) $(LDFLAGS); echo $(LDLIBS)' \
	uexec-flags)
[ "${#made[@]}" -eq 2 ] || die "the selftests Makefile did not print its flags"
read -r -a flags <<<"${made[0]}"
read -r -a libs <<<"${made[1]}"
mapfile -t lib_objs < <(find "$lib" -name '*.o' | sort)
out=$obj/kselftest/bench
mkdir -p "$out"
for c in "$TOP"/bench/*.c; do
	log "building bench/$(basename "$c")"
	(cd "$kvm" && gcc "${flags[@]}" -Werror -I"$TOP/bench" -static "$c" \
		"${lib_objs[@]}" "${libs[@]}" -o "$out/$(basename "$c" .c)")
done
