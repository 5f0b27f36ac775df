#!/usr/bin/env bash
# Break each rule of the series' SPTE encoding and permissions, one at a
# time, and check that a test catches it. tests/rules/<rule>.patch is a
# change to the series (the tip of build/linux) that breaks one rule; its
# header says which and what must catch it:
#   Rule: <the rule>
#   Platform: <the platform that runs the guard>
#   Tests: <the tests of which at least one must fail>, or "build": the
#          kernel must not build (a static_assert)
# Each is applied in build/linux-mutant (a worktree, kept between runs, so
# that only what a patch touches is rebuilt), built as the mutant kernel
# and run on its platform with those tests only. Prints and writes to
# RESULT a table: rule, platform, the tests that failed, verdict. Exits 1
# if a rule went uncaught.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

usage="usage: check-rules.sh RESULT [RULE...]"
result=${1:?$usage}
shift
rules=("$@")
[ ${#rules[@]} -gt 0 ] ||
	mapfile -t rules < <(find "$TOP/tests/rules" -name '*.patch' -printf '%f\n' | sed 's/\.patch$//' | sort)
out=$BUILD/results/rules
tip=$(git -C "$TREE" rev-parse HEAD)
[ -d "$MUTANT_TREE" ] || git -C "$TREE" worktree add -q --detach "$MUTANT_TREE" "$tip"
rm -rf "$out"
mkdir -p "$out"

# The value of header field $2 of patch $1.
field() { sed -n "s/^$2: //p" "$1" | head -n 1; }

missed=0
table=$out/table
printf '%-14s %-16s %-40s %s\n' rule platform failed verdict >"$table"
for rule in "${rules[@]}"; do
	patch=$TOP/tests/rules/$rule.patch
	[ -f "$patch" ] || die "no $patch"
	platform=$(field "$patch" Platform) tests=$(field "$patch" Tests)
	{ [ -n "$platform" ] && [ -n "$tests" ]; } || die "$patch: no Platform: or Tests: line"
	log "check-rules: $rule: $(field "$patch" Rule)"
	git -C "$MUTANT_TREE" checkout -q --detach --force "$tip"
	git -C "$MUTANT_TREE" apply "$patch" || die "$patch does not apply to the series"
	failed=""
	if ! "$TOP/scripts/build-kernel.sh" mutant >"$out/$rule.build.log" 2>&1; then
		failed=build
	elif [ "$tests" != build ]; then
		"$TOP/scripts/run-platforms.sh" -k mutant -o "$out/$rule" -t "$tests" "$platform"
		failed=$(awk -v platform="$platform" -f "$TOP/scripts/console.awk" \
			-f /dev/fd/3 "$out/$rule/$platform.tap" 3<<'AWK'
parse_result($0) && R_RES == "FAIL" && R_NAME != platform { printf "%s ", R_NAME }
AWK
		)
	fi
	verdict="caught"
	if [ "$tests" = build ]; then
		[ "$failed" = build ] || verdict="NOT CAUGHT"
	elif [ "$failed" = build ]; then
		verdict="the mutant does not build: see $out/$rule.build.log"
	elif ! grep -qwFf <(tr ' ' '\n' <<<"$tests" | sed '/^$/d') <<<"$failed"; then
		verdict="NOT CAUGHT"
	fi
	[ "$verdict" = caught ] || missed=1
	printf '%-14s %-16s %-40s %s\n' "$rule" "$platform" "${failed:-none}" "$verdict" >>"$table"
done
git -C "$MUTANT_TREE" checkout -q --detach --force "$tip"
{
	echo "Rules of the series broken one at a time (make check-rules), series tip $tip"
	echo "on $BASE_PACKAGE $(cat "$BUILD/base-version"):"
	echo
	cat "$table"
} | tee "$result"
exit $missed
