#!/usr/bin/env bash
# Build the bare-metal GMET test of the emulator (emulator/gmet-test) as a
# flat multiboot image, build/gmet-test/gmet-test.bin.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

src=$TOP/emulator/gmet-test
out=$BUILD/gmet-test
mkdir -p "$out"
gcc -ffreestanding -fno-builtin -nostdlib -static -fno-pic -fno-pie -no-pie \
	-mno-red-zone -mgeneral-regs-only -fno-stack-protector \
	-fno-asynchronous-unwind-tables -O2 -Wall -Wextra -Werror \
	-Wl,-T,"$src/link.ld" -Wl,--build-id=none -Wl,-z,noexecstack \
	-Wl,--no-warn-rwx-segments -o "$out/gmet-test.elf" \
	"$src/entry.S" "$src/gmet-test.c"
objcopy -O binary "$out/gmet-test.elf" "$out/gmet-test.bin"
log "bare-metal GMET test: $out/gmet-test.bin"
