#!/usr/bin/env bash
# Regenerate series/ from the kernel tree: one file per commit on top of the
# base, plus the cover letter made from the branch description (edit it with
# `git -C build/linux branch --edit-description`). Stale files are removed.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

[ -d "$TREE/.git" ] || die "no kernel tree: run 'make tree' first"
[ -z "$(git -C "$TREE" status --porcelain --untracked-files=no)" ] ||
	die "$TREE has uncommitted changes: commit them first"

[ -z "$(git -C "$TREE" rev-list "$BASE_TAG..HEAD")" ] ||
	git -C "$TREE" config "branch.$BRANCH.description" >/dev/null ||
	die "no cover letter text: git -C $TREE branch --edit-description"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
format_series "$tmp"
rm -f "$SERIES"/*.patch
if compgen -G "$tmp/*.patch" >/dev/null; then
	mkdir -p "$SERIES"
	mv "$tmp"/*.patch "$SERIES/"
fi
series_digest "$SERIES" >"$TREE/.git/uexec-exported"
log "series/: $(find "$SERIES" -name '*.patch' 2>/dev/null | wc -l) files"
