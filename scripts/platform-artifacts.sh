#!/usr/bin/env bash
# Print the make targets of what the PLATFORMs need besides the kernel, the
# selftests and the guest tools: their Bochs (BOCHS=, also a make target),
# their bare-metal image (BOOT=gmet-test), the guest's QEMU (guest-qemu)
# for an L1 platform or a plan with kvm-unit-tests (in TEST_LIST or
# LONG_LIST), and kvm-unit-tests (kut). The Makefile's build target
# depends on them. A platform whose file is wrong is left out here: its run
# reports it as failed.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

for platform in "$@"; do
	(
		load_platform "$platform" series 2>/dev/null || exit 0
		[ "$EMULATOR" != bochs ] || echo "$BOCHS"
		[ "$BOOT" = kernel ] || { echo "$BOOT"; exit 0; }
		[ -z "${L1_MEM:-}" ] || echo guest-qemu
		"$TOP/scripts/list-tests.sh" "$platform" "$TEST_LIST ${LONG_LIST:-}" "$EMULATOR" 2>/dev/null |
			awk 'NR == FNR { if ($2 == "run-kut") kut[$1] = 1; next }
			     $1 in kut { print "guest-qemu"; print "kut" }' \
				"$TOP/tests/commands" - || true
	)
done | sort -u
