# uexec: build, boot and test the KVM user/supervisor-execute series.
# `make` is the main job, `make check` is what CI runs; see README.md.

PLATFORMS ?= amd-npt amd-shadow amd-gmet amd-gmet-off intel-mbec intel-mbec-off \
	intel-nombec intel-shadow
S := scripts

.PHONY: all deps tree export reset-tree build baseline bench check \
	check-series check-debug lint clean

# Boot every platform with the $(1) kernel (series, debug or base), print the
# result tables and the closing totals line, counting also the TAP files
# named in $(2) (results of tests that are not platforms).
define run_platforms
	@for p in $(PLATFORMS); do $(S)/run-platform.sh $$p $(1); done
	@$(S)/summarize.sh $(1) $(PLATFORMS) $(2)
endef

all: deps build
	$(call run_platforms,series)

# The emulator's own bare-metal GMET test runs first: its TAP file,
# emulator-gmet.tap, is counted in the totals like a platform's.
check: lint deps check-series
	@$(S)/run-gmet-test.sh series
	$(call run_platforms,series,emulator-gmet)

# The unpatched base kernel running the same selftest binaries on the same
# platforms, results in build/results/base.
baseline: build
	@$(S)/build-kernel.sh base
	$(call run_platforms,base)
	@$(S)/compare-counts.sh $(PLATFORMS)

# The benchmarks in bench/ on every platform, base and series kernel, their
# tables printed and written to bench/results.md.
bench: build
	@$(S)/build-kernel.sh base
	@$(S)/run-bench.sh $(PLATFORMS)
	@$(S)/summarize-bench.sh $(PLATFORMS)

# The series kernel with config/debug.config (KASAN, UBSAN, lockdep,
# DEBUG_VM, KVM_PROVE_MMU...) on every platform, results in
# build/results/debug: a report in a guest's kernel log fails its platform.
check-debug: build
	@$(S)/build-kernel.sh debug
	$(call run_platforms,debug)

deps:
	@$(S)/install-deps.sh

tree: deps
	@$(S)/apply-series.sh

reset-tree: deps
	@$(S)/apply-series.sh --reset

export:
	@$(S)/export-series.sh

build: tree
	@$(S)/build-kernel.sh series
	@$(S)/build-selftests.sh
	@$(S)/build-bench.sh

check-series: build
	@$(S)/check-series.sh

lint:
	@shellcheck $(S)/*.sh guest/init .ci/run

clean:
	rm -rf build/obj-* build/results build/bench
