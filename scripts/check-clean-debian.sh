#!/usr/bin/env bash
# Prove the README's commands on a clean Debian 12: debootstrap a minimal
# bookworm root (build/clean-debian, made anew each time) with this
# machine's Debian package sources, add only git and make, clone this
# repository's HEAD into it and run the README's test command there
# ("make check", what .ci/run runs), as root in a chroot. Prints how long
# each step took, and writes that, make check's totals and its report
# (copied from the clone) to results/clean-debian.txt and
# results/series.txt; the log is build/clean-debian.log. The directory beside
# this checkout (../shared, where kvm-unit-tests is by default) is there
# too, read-only, beside the clone. Uncommitted changes are not in the
# clone. Not part of make check: it builds everything from nothing.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

[ "$(id -u)" -eq 0 ] || die "check-clean-debian needs root (debootstrap, chroot)"
command -v debootstrap >/dev/null || die "no debootstrap: run 'make deps'"
root=$BUILD/clean-debian
logfile=$BUILD/clean-debian.log
record=$TOP/results/clean-debian.txt
times=()
mounts=(proc sys dev dev/pts mnt/uexec root/shared)

unmount() {
	local m i
	for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
		m=$root/${mounts[i]}
		! mountpoint -q "$m" || umount -l "$m"
	done
}
step() {
	local what=$1 start=$SECONDS
	shift
	log "clean Debian 12: $what"
	if ! "$@" >>"$logfile" 2>&1; then
		tail -n 40 "$logfile" >&2
		die "clean Debian 12: $what failed after $((SECONDS - start))s, see $logfile"
	fi
	times+=("$what: $((SECONDS - start)) s")
	log "clean Debian 12: ${times[-1]}"
}
in_root() { chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb \
	PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"; }

trap unmount EXIT
unmount
rm -rf "$root"
: >"$logfile"
step "debootstrap --variant=minbase bookworm" \
	debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian
# This machine's Debian package sources and apt settings, as on any
# machine set up to install from them (in place of debootstrap's).
rm -f "$root/etc/apt/sources.list"
cp -a /etc/apt/sources.list.d/. "$root/etc/apt/sources.list.d/"
[ ! -f /etc/apt/sources.list ] || cp /etc/apt/sources.list "$root/etc/apt/"
cp -an /etc/apt/apt.conf.d/. "$root/etc/apt/apt.conf.d/"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mkdir -p "$root/mnt/uexec"
mount -t proc proc "$root/proc"
mount -t sysfs sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
mount --bind -o ro "$TOP" "$root/mnt/uexec"
if [ -d "$TOP/../shared" ]; then
	mkdir -p "$root/root/shared"
	mount --bind -o ro "$TOP/../shared" "$root/root/shared"
fi
step "apt-get install git make" in_root sh -c \
	'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends git make'
step "git clone" in_root git clone -q /mnt/uexec /root/uexec
log "clean Debian 12: make check (the README's test command) in /root/uexec"
start=$SECONDS
status=0
in_root sh -c 'cd /root/uexec && make check' 2>&1 | tee -a "$logfile" || status=$?
times+=("make check exited $status after $(((SECONDS - start) / 60)) min $(((SECONDS - start) % 60)) s")
log "clean Debian 12: ${times[-1]}"
{
	printf 'make check-clean-debian, %s: harness %s, %s cores.\n' \
		"$(date -u '+%Y-%m-%d %H:%M UTC')" \
		"$(git -C "$root/root/uexec" describe --always)" "$(nproc)"
	printf '%s\n' "${times[@]}"
	grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$logfile" | tail -n 1
} >"$record"
[ ! -f "$root/root/uexec/results/series.txt" ] ||
	cp "$root/root/uexec/results/series.txt" "$TOP/results/series.txt"
log "$record"
exit "$status"
