#!/usr/bin/env bash
# Print the plan of a platform's run, one test a line: the tests of
# tests/<list>.list for each list of LISTS (space-separated; restricted to
# the TESTs named, if any) with the notes of tests/EMULATOR.notes that
# apply to PLATFORM appended, and last "kernel-log", guest/init's check of
# the kernel log. A note is "xfail: <why>", "xfail N: <why>" or "flaky:
# <why>" (see tests/README); a test noted twice, or a TEST not in the
# lists, is an error.
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

usage="usage: list-tests.sh PLATFORM LISTS EMULATOR [TEST...]"
platform=${1:?$usage} lists=${2:?$usage} emulator=${3:?$usage}
shift 3
files=()
for list in $lists; do
	files+=("$TOP/tests/$list.list")
	[ -f "${files[-1]}" ] || die "no test list ${files[-1]}"
done
notes=$TOP/tests/$emulator.notes
[ -f "$notes" ] || notes=/dev/null

# Lines without comments and blank lines.
entries() { sed -e 's/[[:space:]]*#.*//' -e '/^[[:space:]]*$/d' "$@"; }

awk -v platform="$platform" -v want="$*" -v notes="$notes" '
	BEGIN {
		nw = split(want, w, " ")
		for (i = 1; i <= nw; i++) sel[w[i]] = 1
		# "TEST [PLATFORM...] xfail [N]|flaky: why": applies to PLATFORM,
		# or to every platform of the emulator if none is named.
		while ((getline line < notes) > 0) {
			if (line ~ /^[ \t]*(#|$)/) continue
			nf = split(line, f, " ")
			for (k = 2; k <= nf && f[k] !~ /^(xfail|flaky):$/ && \
			     !(f[k] == "xfail" && f[k + 1] ~ /^[0-9]+:$/); k++)
				;
			if (k > nf) { print "error: " notes ": no xfail:, xfail N: or flaky: in: " line > "/dev/stderr"; err = 1; exit 1 }
			mine = k == 2
			for (j = 2; j < k; j++) if (f[j] == platform) mine = 1
			if (!mine) continue
			note = line
			sub(/^[^:]*(xfail|flaky)( [0-9]+)?:/, f[k] (f[k] == "xfail" ? " " f[k + 1] : ""), note)
			note_of[f[1]] = note
		}
	}
	{
		name = $1
		if (nw && !(name in sel)) next
		found[name] = 1
		if (NF > 1 && name in note_of) { print "error: " name " has a note in the list and in " notes > "/dev/stderr"; err = 1; exit 1 }
		print (name in note_of) ? name " " note_of[name] : $0
	}
	END {
		if (err) exit 1
		for (t in sel) if (!(t in found)) { print "error: " t " is not in the lists" > "/dev/stderr"; exit 1 }
		print "kernel-log"
	}' <(entries "${files[@]}")
