#!/usr/bin/env bash
# Install the Debian 12 packages the harness needs, if any is missing.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

packages=(
	bc bison busybox-static clang cpio debootstrap file flex g++ gcc git
	isolinux libc6-dev libelf-dev libssl-dev linux-config-6.12 lld llvm make
	patch perl python3 python3-git python3-ply qemu-system-x86 rsync
	shellcheck sparse syslinux-common xorriso xz-utils
)
missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed' ||
		missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
[ "$(id -u)" -eq 0 ] || die "missing packages (install as root): ${missing[*]}"
log "installing ${missing[*]}"
apt-get update -q >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
