#!/usr/bin/env bash
# Install Bochs 3.0 from Debian 13 (trixie) into a debootstrap'd root kept
# in the build directory; bookworm's Bochs 2.7 has no MBEC.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

root=$TRIXIE
[ -f "$root/.uexec-ready" ] && exit 0
log "debootstrapping Debian trixie with bochs into $root"
rm -rf "$root"
# apt, not debootstrap --include, resolves bochs' dependencies: debootstrap
# cannot pick a provider for dconf-service's dbus-session-bus alternative.
if ! { debootstrap --variant=minbase trixie "$root" http://deb.debian.org/debian &&
	DEBIAN_FRONTEND=noninteractive chroot "$root" apt-get install -y -q \
		--no-install-recommends bochs bochsbios; } >"$root.log" 2>&1; then
	tail -n 20 "$root.log" >&2
	die "installing bochs into $root failed, see $root.log"
fi
[ -x "$root/usr/bin/bochs" ] || die "no bochs in $root after debootstrap"
touch "$root/.uexec-ready"
