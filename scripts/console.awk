# The console protocol of the uexec test guests, and the one parser of it.
# Used with -f by collect-tap.sh (console -> TAP file) and summarize.sh
# (TAP files -> tables and totals), both written in POSIX awk (Debian's
# mawk runs them).
#
# What a guest prints on its serial console (guest/init for kernel
# platforms, emulator/gmet-test for the bare-metal one); everything else on
# the console (the kernel's own messages, the emulator's BIOS) is ignored:
#
#   uexec: platform <name>, ...      who is talking: the first line /init prints
#                                    ("<name> (l0)" and "<name> (l1)" on an
#                                    L1 platform: the emulated host and the
#                                    guest hypervisor it boots, whose
#                                    console is the host's)
#   uexec: cpu: <what the CPU advertises>
#   uexec: param <module>.<param>=<value>   KVM's module parameters
#   uexec: dmesg: <KVM's boot messages>
#   uexec: l0: <line>                L0 on an L1 platform: QEMU's exit status
#                                    and its messages, after L1 stopped
#   TAP version 13                   then TAP 13: the plan "1..N", one
#   1..N                             result line per test, "# " diagnostic
#   ok|not ok <i> <test>[ # <directive>]   lines (a selftest's own output),
#     ---                            and a YAML block with the test's guest
#     duration_ms: <n>               time after its result line
#     ...
#   uexec: end of TAP                the guest is done
#
# Directives: "# SKIP <why>" (skipped: the test exited with KSFT_SKIP);
# "# TODO <why>" (expected failure, from a test list's "xfail:"; an "ok"
# with it is an unexpected pass, XPASS); "# passed on a second run
# (flaky: <why>)" (a listed flaky test that failed once); anything else is
# a note. The guest's last test is "kernel-log": its kernel log holds no
# WARN, BUG, oops, KASAN, UBSAN or lockdep report; on an L1 platform
# L1's "kernel-log" is followed by L0's, "l0-kernel-log". A
# kvm-unit-tests suite prints its counts as a diagnostic line before its
# result: "# kvm-unit-tests: <n> cases, <n> unexpected failures, <n>
# skipped".
#
# The host (run-platform.sh, run_watched in lib.sh) adds its own lines
# after the guest's output:
#   uexec: host: stopped after <n>s (RUN_TIMEOUT)   it cut the run off
#   uexec: host: <emulator>: <line>   the emulator's last log lines, when
#                                     the guest never reached /init
#   uexec: host: <platform> took <n>s of wall-clock time
# and run-platforms.sh writes "# uexec: host: <platform> did not run" into
# the TAP file of a platform it could not run.

# Splits a TAP result line into R_OK (1 or 0), R_NUM, R_NAME, R_DIR (the
# directive, "" if none), R_RES (PASS, FAIL, SKIP, XFAIL or XPASS) and R_WHY
# (the directive without its keyword). Returns 0 if it is no result line.
function parse_result(line,    rest) {
	if (line !~ /^(not )?ok [0-9]+( |$)/)
		return 0
	R_OK = line ~ /^ok /
	rest = line
	sub(/^(not )?ok /, "", rest)
	R_NUM = rest + 0
	sub(/^[0-9]+ */, "", rest)
	R_DIR = ""
	if (match(rest, / *# /)) {
		R_DIR = substr(rest, RSTART + RLENGTH)
		rest = substr(rest, 1, RSTART - 1)
	}
	R_NAME = rest
	R_WHY = R_DIR
	if (R_DIR ~ /^SKIP/) {
		R_RES = "SKIP"
		R_WHY = substr(R_DIR, 6)
	} else if (R_DIR ~ /^TODO/) {
		R_RES = R_OK ? "XPASS" : "XFAIL"
		R_WHY = substr(R_DIR, 6)
	} else {
		R_RES = R_OK ? "PASS" : "FAIL"
	}
	return 1
}

# Whether a console or TAP line is one of the guest's reports about itself
# (platform, cpu, param, dmesg, l0) or the host's (host).
function is_report(line) {
	return line ~ /^uexec: (platform|cpu:|param |dmesg:|l0:|host:)/
}
