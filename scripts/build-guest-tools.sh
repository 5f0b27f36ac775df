#!/usr/bin/env bash
# Build the test guest's own programs (guest/*.c: the CPU-feature probe),
# static, into build/guest/, for make-initramfs.sh.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

out=$BUILD/guest
mkdir -p "$out"
for c in "$TOP"/guest/*.c; do
	gcc -static -O2 -Wall -Werror -o "$out/$(basename "$c" .c)" "$c"
done
