#!/usr/bin/env bash
# Make the kernel tree's branch hold exactly series/ on top of the base
# (fetching the base first). Refuses to drop work that is not in series/:
# uncommitted changes, or commits made since the last apply or export.
# With --reset, such work is dropped (kept under refs/uexec-backup/).
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

"$TOP/scripts/fetch-base.sh"
stamp=$TREE/.git/uexec-exported
if [ "${1:-}" = --reset ]; then
	git_tree am --abort 2>/dev/null || true
	git_tree reset -q --hard
	rm -f "$stamp"
fi
[ -z "$(git_tree status --porcelain --untracked-files=no)" ] ||
	die "$TREE has uncommitted changes: commit them and 'make export', or 'make reset-tree' to drop them"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
format_series "$tmp/tree"
have=$(series_digest "$tmp/tree")
want=$(series_digest "$SERIES")
if [ "$have" = "$want" ]; then
	echo "$want" >"$stamp"
	exit 0
fi
last=$(cat "$stamp" 2>/dev/null || series_digest /nonexistent)
if [ "$have" != "$last" ]; then
	[ "${1:-}" = --reset ] ||
		die "$TREE has commits that are not in series/: 'make export' them, or 'make reset-tree' to drop them"
	git_tree update-ref "refs/uexec-backup/$(date +%Y%m%d-%H%M%S)" HEAD
fi

log "applying series/ to $BASE_PACKAGE $(cat "$BUILD/base-version")"
git_tree checkout -q -B "$BRANCH" "$BASE_TAG"
git_tree config --unset "branch.$BRANCH.description" || true
for patch in "$SERIES"/*.patch; do
	[ -e "$patch" ] || continue
	name=series/${patch##*/}
	if [ "${patch##*/}" = 0000-cover-letter.patch ]; then
		# The cover letter's subject and text become the branch description.
		awk '
			/^$/ && !body { body = 1; next }
			!body && /^Subject: / { sub(/^Subject: \[[^]]*\] /, ""); subj = $0; insubj = 1; next }
			!body && insubj && /^[ \t]/ { subj = subj $0; next }
			!body { insubj = 0; next }
			/^[^ ].* \([0-9]+\):$/ { exit }
			{ text = text $0 "\n" }
			END { sub(/\n+$/, "\n", text); printf "%s\n\n%s", subj, text }' "$patch" \
			>"$tmp/description"
		git_tree config "branch.$BRANCH.description" "$(cat "$tmp/description")"
		continue
	fi
	if ! git_tree am -q "$patch" >"$tmp/am.log" 2>&1; then
		cat "$tmp/am.log" >&2
		git_tree am --abort
		die "$name does not apply"
	fi
done

# On another base than the pin (BASE=...), the blob hashes and line
# numbers of an export differ: only the pin's must give series/ back.
if [ "$(cat "$BUILD/base-version")" = "$BASE_VERSION" ]; then
	format_series "$tmp/applied"
	[ "$(series_digest "$tmp/applied")" = "$want" ] ||
		die "series/ does not round-trip: 'make export' would rewrite it (was it edited by hand?)"
else
	log "series/ applied to $(cat "$BUILD/base-version"), not the pin: its round trip is not checked"
fi
echo "$want" >"$stamp"
log "tree ready: $TREE ($(git_tree rev-list --count "$BASE_TAG..HEAD") patches on the base)"
