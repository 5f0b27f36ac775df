#!/usr/bin/env bash
# Build the test kernel of a variant: tinyconfig plus config/kvm.config, of
# the series or of the base, or of the series with config/debug.config too
# (debug), or of the series with one rule broken (mutant, made by
# check-rules.sh); then bzImage and the exported UAPI headers the selftests
# compile against.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

variant=${1:?usage: build-kernel.sh series|debug|base|mutant}
src=$(src_dir "$variant")
obj=$(obj_dir "$variant")
if [ "$variant" = base ] && [ ! -d "$BASE_TREE" ]; then
	git -C "$TREE" worktree add -q --detach "$BASE_TREE" "$BASE_TAG"
fi
[ -d "$src" ] || die "$src missing: run 'make tree' first"

fragments=("$TOP/config/kvm.config")
[ "$variant" = debug ] && fragments+=("$TOP/config/debug.config")

kmake() { make -C "$src" O="$obj" ARCH=x86_64 -j"$(nproc)" "$@"; }

mkdir -p "$obj"
kmake -s tinyconfig >/dev/null
"$src/scripts/kconfig/merge_config.sh" -m -O "$obj" "$obj/.config" "${fragments[@]}" >/dev/null
kmake -s olddefconfig >/dev/null
# merge_config only warns about options that did not stick: fail instead.
missing=$(cat "${fragments[@]}" | grep '^CONFIG_' | grep -vxFf "$obj/.config" || true)
[ -z "$missing" ] || die "config options that did not take effect:"$'\n'"$missing"

log "building $variant kernel in $obj"
kmake bzImage
kmake -s headers
log "kernel: $obj/arch/x86/boot/bzImage"
