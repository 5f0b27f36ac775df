#!/usr/bin/env bash
# Print the tests to run on a platform: tests/<platform>.list (or the list
# its TEST_LIST names, or the one $LIST names: make bench uses "bench")
# without comment lines, restricted to $TESTS (space-separated names) when
# it is set.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

platform=${1:?usage: list-tests.sh PLATFORM}
load_platform "$platform"
list=$TOP/tests/${LIST:-${TEST_LIST:-$platform}}.list
[ -f "$list" ] || die "no test list $list"
sed -e '/^[[:space:]]*#/d' -e '/^[[:space:]]*$/d' "$list" |
	awk -v want="${TESTS:-}" '
		BEGIN { n = split(want, w, " "); for (i = 1; i <= n; i++) sel[w[i]] = 1 }
		n == 0 || $1 in sel { print; found[$1] = 1 }
		END { for (t in sel) if (!(t in found)) { print "error: " t " is not in the list" > "/dev/stderr"; exit 1 } }'
