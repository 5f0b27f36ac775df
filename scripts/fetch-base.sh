#!/usr/bin/env bash
# Fetch the pinned Debian linux-source-6.12, verify it, and create the kernel
# git tree ($TREE) whose first commit, tagged "base", is the pristine source.
# Falls back, loudly, to the newest 6.12.y Debian serves if the pin is gone.
# With BASE=latest (make check BASE=latest), the newest one served instead
# of the pin; with BASE=<version>, that version; said loudly either way.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

mkdir -p "$DOWNLOADS"
cd "$DOWNLOADS" || exit

newest() { apt-cache madison "$BASE_PACKAGE" | awk 'NR == 1 { print $3 }'; }

case ${BASE:-} in
"" | pin) version=$BASE_VERSION ;;
latest) version=$(newest) ;;
*) version=$BASE ;;
esac
[ -n "$version" ] || die "no version of $BASE_PACKAGE is served (apt-get update?)"
if [ "$version" != "$BASE_VERSION" ]; then
	cat >&2 <<-MSG
	################################################################
	# BASE=${BASE}: using $BASE_PACKAGE $version, not the pinned
	# $BASE_VERSION. Its checksum is NOT the pinned one.
	################################################################
	MSG
fi
deb=${BASE_PACKAGE}_${version}_all.deb
if [ ! -f "$deb" ] && ! apt-get download "$BASE_PACKAGE=$version" >&2; then
	[ "$version" = "$BASE_VERSION" ] || die "$BASE_PACKAGE $version is not served"
	version=$(newest)
	[ -n "$version" ] || die "no version of $BASE_PACKAGE is served (apt-get update?)"
	cat >&2 <<-MSG
	################################################################
	# WARNING: pinned base $BASE_PACKAGE $BASE_VERSION is no longer
	# served by this machine's Debian sources. Using the newest one
	# served instead: $version. Its checksum is NOT the pinned one.
	################################################################
	MSG
	deb=${BASE_PACKAGE}_${version}_all.deb
	[ -f "$deb" ] || apt-get download "$BASE_PACKAGE=$version" >&2
fi

tarball=linux-source-$version.tar.xz
if [ ! -f "$tarball" ]; then
	dpkg-deb --fsys-tarfile "$deb" |
		tar -xO "./usr/src/$BASE_PACKAGE.tar.xz" >"$tarball.tmp"
	mv "$tarball.tmp" "$tarball"
fi
sum=$(sha256sum "$tarball" | cut -d' ' -f1)
if [ "$version" = "$BASE_VERSION" ]; then
	[ "$sum" = "$BASE_SHA256" ] ||
		die "$tarball: sha256 $sum does not match base.pin ($BASE_SHA256)"
	log "base: $BASE_PACKAGE $version, sha256 verified"
else
	log "base: $BASE_PACKAGE $version (NOT the pinned $BASE_VERSION), sha256 $sum"
fi
echo "$version" >"$BUILD/base-version"

if git -C "$TREE" rev-parse -q --verify "refs/tags/$BASE_TAG" >/dev/null 2>&1; then
	have=$(git -C "$TREE" tag -l --format='%(contents:subject)' "$BASE_TAG")
	[ "$have" = "$BASE_PACKAGE $version" ] && exit 0
	die "$TREE holds base '$have', not '$BASE_PACKAGE $version': move it away and rerun"
fi

log "extracting $tarball into $TREE"
rm -rf "$TREE.tmp"
mkdir -p "$TREE.tmp"
tar -xf "$tarball" -C "$TREE.tmp" --strip-components=1
date="@$(stat -c %Y "$tarball") +0000"
(
	cd "$TREE.tmp" || exit
	git init -q -b "$BRANCH"
	git add -A -f
	GIT_AUTHOR_DATE=$date GIT_COMMITTER_DATE=$date \
		git -c user.name="uexec harness" -c user.email="uexec@localhost" \
		commit -q -m "$BASE_PACKAGE $version" -m "Pristine source from Debian's $deb."
	git -c user.name="uexec harness" -c user.email="uexec@localhost" \
		tag -a -m "$BASE_PACKAGE $version" "$BASE_TAG"
)
mv "$TREE.tmp" "$TREE"
log "kernel tree ready: $TREE"
