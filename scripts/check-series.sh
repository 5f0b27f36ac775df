#!/usr/bin/env bash
# Check series/ patch by patch in a scratch worktree of the base: each patch
# applies in order, passes checkpatch --strict (errors fail; warnings and
# checks fail unless the cover letter justifies them, naming the patch's
# subject and quoting each message), and
# arch/x86/kvm/ builds with W=1 after it with no warning the base lacks (not
# rebuilt after a patch that only touches tools/ and Documentation/), and
# the KVM selftests build after it without warnings (built again only after
# a patch that touches them). The whole kernel at the tip is built by
# 'make build'.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

mapfile -t patches < <(find "$SERIES" -maxdepth 1 -name '*.patch' \
	! -name 0000-cover-letter.patch 2>/dev/null | sort)
if [ ${#patches[@]} -eq 0 ]; then
	log "check-series: series/ has no patches: nothing to check"
	exit 0
fi
cover=$SERIES/0000-cover-letter.patch
[ -f "$cover" ] || die "series/ has no cover letter"
[ -f "$(obj_dir series)/.config" ] || die "build the series kernel first"

wt=$BUILD/linux-check
obj=$BUILD/obj-check
git -C "$TREE" worktree remove --force "$wt" 2>/dev/null || rm -rf "$wt"
git -C "$TREE" worktree prune
git -C "$TREE" worktree add -q --detach "$wt" "$BASE_TAG"
mkdir -p "$obj"
cp "$(obj_dir series)/.config" "$obj/.config"

# The cover letter from its first "checkpatch" on, as one line: where it
# names a patch's subject and quotes, in double quotes, each warning and
# check of that patch, it justifies them.
justified=$(sed -n '/checkpatch/,$p' "$cover" | tr -s ' \t\n' ' ')

# The warnings and checks of checkpatch log $1 the cover letter does not
# quote (each message without its "(ctx:...)").
unjustified() {
	sed -n 's/^\(WARNING\|CHECK\): //; T; s/ (ctx:[^)]*)$//; p' "$1" |
		while IFS= read -r message; do
			grep -qF -- "\"$message\"" <<<"$justified" || echo "$message"
		done
}

# Warnings of a W=1 build of arch/x86/kvm/, without line and column numbers.
kvm_warnings() {
	make -C "$wt" O="$obj" ARCH=x86_64 -j"$(nproc)" W=1 olddefconfig arch/x86/kvm/ \
		>"$obj/kvm-build.log" 2>&1 || { cat "$obj/kvm-build.log" >&2; return 1; }
	{ grep -E 'warning:' "$obj/kvm-build.log" || true; } |
		strip_line_numbers | sort -u
}

log "check-series: building arch/x86/kvm/ (W=1) at the base"
kvm_warnings >"$obj/base-warnings" || die "arch/x86/kvm/ does not build at the base"
failed=0
for patch in "${patches[@]}"; do
	name=series/${patch##*/}
	subject=$(sed -n 's/^Subject: \[[^]]*\] //p' "$patch")
	log "check-series: $name"
	if ! git -C "$wt" -c user.name=uexec -c user.email=uexec@localhost \
		am -q "$patch" >"$obj/am.log" 2>&1; then
		cat "$obj/am.log" >&2
		die "$name does not apply"
	fi
	# Debian's python3 first: checkpatch's SPDX check needs its python3-ply.
	if ! (cd "$wt" && PATH=/usr/bin:$PATH ./scripts/checkpatch.pl --strict --quiet "$patch") \
		>"$obj/checkpatch.log" 2>&1; then
		cat "$obj/checkpatch.log" >&2
		if grep -q '^ERROR:' "$obj/checkpatch.log"; then
			log "FAIL: $name: checkpatch --strict errors"
			failed=1
		elif ! grep -qF -- "$subject" <<<"$justified" ||
			unjustified "$obj/checkpatch.log" | grep .; then
			log "FAIL: $name: checkpatch warnings not justified in the cover letter"
			failed=1
		fi
	fi
	changed=$(git -C "$wt" diff --name-only HEAD~1 HEAD)
	if grep -q '^tools/testing/selftests/kvm/' <<<"$changed"; then
		"$TOP/scripts/build-selftests.sh" "$wt" "$obj/kselftest" \
			>"$obj/selftests.log" 2>&1 ||
			{ cat "$obj/selftests.log" >&2; die "$name: the KVM selftests do not build"; }
		if grep 'warning:' "$obj/selftests.log"; then
			log "FAIL: $name: warnings in the KVM selftests"
			failed=1
		fi
	fi
	if ! grep -qv '^tools/\|^Documentation/' <<<"$changed"; then
		continue
	fi
	if ! kvm_warnings >"$obj/warnings"; then
		die "$name: arch/x86/kvm/ does not build"
	fi
	if comm -13 "$obj/base-warnings" "$obj/warnings" | grep .; then
		log "FAIL: $name: new W=1 warnings in arch/x86/kvm/"
		failed=1
	fi
done
[ "$failed" -eq 0 ] || die "check-series failed"
log "check-series: ${#patches[@]} patches apply, are checkpatch clean and build"
