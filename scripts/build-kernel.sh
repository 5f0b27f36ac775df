#!/usr/bin/env bash
# Build the test kernel of a variant (series or base): tinyconfig plus
# config/kvm.config, then bzImage and the exported UAPI headers the
# selftests compile against.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

variant=${1:?usage: build-kernel.sh series|base}
src=$(src_dir "$variant")
obj=$(obj_dir "$variant")
if [ "$variant" = base ] && [ ! -d "$BASE_TREE" ]; then
	git -C "$TREE" worktree add -q --detach "$BASE_TREE" "$BASE_TAG"
fi
[ -d "$src" ] || die "$src missing: run 'make tree' first"

fragment=$TOP/config/kvm.config

kmake() { make -C "$src" O="$obj" ARCH=x86_64 -j"$(nproc)" "$@"; }

mkdir -p "$obj"
kmake -s tinyconfig >/dev/null
"$src/scripts/kconfig/merge_config.sh" -m -O "$obj" "$obj/.config" "$fragment" >/dev/null
kmake -s olddefconfig >/dev/null
# merge_config only warns about options that did not stick: fail instead.
missing=$(grep '^CONFIG_' "$fragment" | grep -vxFf "$obj/.config" || true)
[ -z "$missing" ] || die "config options that did not take effect:"$'\n'"$missing"

log "building $variant kernel in $obj"
kmake bzImage
kmake -s headers
log "kernel: $obj/arch/x86/boot/bzImage"
