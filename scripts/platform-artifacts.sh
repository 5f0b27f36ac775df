#!/usr/bin/env bash
# Print the make targets of what the PLATFORMs need besides the kernel, the
# selftests and the guest tools: their Bochs (BOCHS=, also a make target)
# and their bare-metal image (BOOT=gmet-test). The Makefile's build target
# depends on them. A platform whose file is wrong is left out here: its
# run reports it as failed.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

for platform in "$@"; do
	(
		load_platform "$platform" series 2>/dev/null || exit 0
		[ "$EMULATOR" != bochs ] || echo "$BOCHS"
		[ "$BOOT" = kernel ] || echo "$BOOT"
	)
done | sort -u
