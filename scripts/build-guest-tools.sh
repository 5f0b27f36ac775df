#!/usr/bin/env bash
# Build the test guest's own programs into build/guest/, for
# make-initramfs.sh: guest/*.c (the CPU-feature probe), static, and the
# shell scripts (QEMU and kvm-unit-tests launchers, the module-parameter
# check). guest/init goes into the initramfs on its own.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

out=$BUILD/guest
mkdir -p "$out"
for c in "$TOP"/guest/*.c; do
	gcc -static -O2 -Wall -Werror -o "$out/$(basename "$c" .c)" "$c"
done
for f in "$TOP"/guest/*; do
	case $f in */init | *.c) continue ;; esac
	cp "$f" "$out/"
done
