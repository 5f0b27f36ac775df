# uexec: build, boot and test the KVM user/supervisor-execute series.
# `make` is the main job, `make check` is what CI runs; `make help` lists
# the targets and the variables you may set. See README.md.

# Variables you may set (make VAR=value):
##  PLATFORMS       platforms to run (default: every platforms/*.conf)
##  TESTS           only these tests of each platform's list
##  JOBS            platforms booted at a time (default: the number of CPUs;
##                  each emulator keeps one busy)
##  LONG            LONG=1: the platforms' LONG_LIST too (what check-long
##                  adds; for run, baseline and check-debug)
##  BENCH_SLOWDOWN  make bench's timeout factor (default: 10; the
##                  benchmarks run for longer than a test)
##  DEBUG_SLOWDOWN  the debug kernel's timeout factor (default: in
##                  platforms/kernel-debug.settings)
##  BASE            the base: empty for base.pin's, "latest" for the newest
##                  linux-source-6.12 the Debian sources serve, or a version
##  BUILD           build directory (default: ./build, ./build-$(BASE) with
##                  BASE set)
##  KUT             kvm-unit-tests: a checkout or a tarball of one (default:
##                  ../shared/third-party/kvm-unit-tests-1da1819e.tar.gz)
PLATFORMS ?= $(basename $(notdir $(wildcard platforms/*.conf)))
TESTS ?=
LONG ?=
JOBS ?= $(shell nproc)
DEBUG_SLOWDOWN ?=
BENCH_SLOWDOWN ?= 10
BASE ?=
BUILD ?= $(CURDIR)/build$(if $(BASE),-$(BASE))
KUT ?= $(abspath $(CURDIR)/../shared/third-party/kvm-unit-tests-1da1819e.tar.gz)
export BUILD BASE

S := scripts
RESULTS := $(BUILD)/results
# What a run of another base reports goes beside the pin's
# (results/series-latest.txt...).
SUFFIX := $(if $(BASE),-$(BASE))
REPORT := results/series$(SUFFIX).txt
# The platforms that boot a kernel of ours; bare-* ones (the emulator's
# own GMET test) do not, so the base and debug kernels skip them.
KERNEL_PLATFORMS := $(filter-out bare-%,$(PLATFORMS))
# What the chosen platforms need besides the kernel, the selftests and the
# guest tools: the make targets of their Bochs, bare-metal images, QEMU for
# the guest and kvm-unit-tests.
PLATFORM_ARTIFACTS := $(shell $(S)/platform-artifacts.sh $(PLATFORMS))
RUN_OPTS := -j $(JOBS) $(if $(TESTS),-t "$(TESTS)") $(if $(LONG),-L)

# Prerequisites are made one at a time, left to right: a stage list reads
# as the order it runs in.
.NOTPARALLEL:
.PHONY: all check help deps lint test-harness tree reset-tree export build \
	kernel-series kernel-base kernel-debug selftests benchmarks guest-tools \
	guest-qemu kut bochs bochs-gmet gmet-test check-series run report baseline bench \
	check-long check-debug check-rules check-clean-debian clean

# Stages
all: deps build run report ## the main job: build, boot every platform, print the tables
check: test-harness deps lint build check-series run report ## everything CI checks (.ci/run)

help: ## this list
	@sed -n 's/^\([a-z][a-z -]*\):.*## \(.*\)/  \1\t\2/p' Makefile | expand -t 22
	@echo; echo "Variables:"; sed -n 's/^##//p' Makefile

deps: ## install the Debian packages the harness lacks
	@$(S)/install-deps.sh

lint: deps ## shellcheck the harness
	@shellcheck $(S)/*.sh $(filter-out %.c,$(wildcard guest/*)) .ci/run

test-harness: ## check the collector and the summary against recorded consoles
	@$(S)/test-harness.sh

check-series: kernel-series ## every patch applies, is checkpatch clean and builds; KVM in every configuration of config/kvm-builds
	@$(S)/check-series.sh
	@$(S)/check-configs.sh

run: build ## boot PLATFORMS with the series kernel, results in build/results/series
	@$(S)/run-platforms.sh -o $(RESULTS)/series $(RUN_OPTS) $(PLATFORMS)

report: ## the tables and totals of the last run; written to results/series.txt
	@$(S)/summarize.sh -o $(REPORT) $(RESULTS)/series $(PLATFORMS)

# Artifacts
build: kernel-series selftests benchmarks guest-tools $(PLATFORM_ARTIFACTS) ## every artifact the platforms need

tree: deps ## build/linux: the base with series/ as commits
	@$(S)/apply-series.sh

reset-tree: deps ## the same, dropping work in build/linux that is not in series/
	@$(S)/apply-series.sh --reset

export: ## series/ from build/linux
	@$(S)/export-series.sh

kernel-series kernel-base kernel-debug: kernel-%: tree ## test kernels: the series, the base, the series with config/debug.config
	@$(S)/build-kernel.sh $*

selftests: kernel-series ## the KVM selftests (static, run by every kernel)
	@$(S)/build-selftests.sh

benchmarks: selftests ## bench/*.c against the selftest library
	@$(S)/build-bench.sh

guest-tools: deps ## the test guest's own programs (guest/)
	@$(S)/build-guest-tools.sh

guest-qemu: deps ## Debian's QEMU, its libraries and firmware, for the guest
	@$(S)/build-guest-qemu.sh

kut: deps ## kvm-unit-tests from KUT (its suites are skipped without it)
	@$(S)/build-kut.sh "$(KUT)"

bochs: deps ## Debian trixie's Bochs 3.0 in a debootstrap'd root
	@$(S)/setup-bochs.sh

bochs-gmet: bochs ## Bochs with GMET, built from trixie's source package
	@$(S)/build-bochs.sh

gmet-test: deps ## the emulator's bare-metal GMET test image
	@$(S)/build-gmet-test.sh

# More runs, not part of check
baseline: build kernel-base ## the same platforms on the unpatched base kernel
	@$(S)/run-platforms.sh -k base -o $(RESULTS)/base $(RUN_OPTS) $(KERNEL_PLATFORMS)
	@$(S)/compare-counts.sh $(RESULTS) $(KERNEL_PLATFORMS)
	@$(S)/summarize.sh -o results/base$(SUFFIX).txt $(RESULTS)/base $(KERNEL_PLATFORMS)

bench: build kernel-base ## bench/ on both kernels; tables to bench/results.md
	@$(S)/run-platforms.sh -j $(JOBS) -s $(BENCH_SLOWDOWN) -k base -l bench \
		-o $(BUILD)/bench/base $(KERNEL_PLATFORMS)
	@$(S)/run-platforms.sh -j $(JOBS) -s $(BENCH_SLOWDOWN) -k series -l bench \
		-o $(BUILD)/bench/series $(KERNEL_PLATFORMS)
	@$(S)/summarize-bench.sh bench/results$(SUFFIX).md $(BUILD)/bench $(KERNEL_PLATFORMS)
	@$(S)/summarize.sh $(BUILD)/bench/base $(KERNEL_PLATFORMS)
	@$(S)/summarize.sh $(BUILD)/bench/series $(KERNEL_PLATFORMS)

check-long: ## make check with LONG=1: also the lists that take minutes (kvm-unit-tests, mmu-long)
	@$(MAKE) --no-print-directory check LONG=1

check-debug: build kernel-debug ## the series kernel with KASAN, lockdep...
	@$(S)/run-platforms.sh -k debug -o $(RESULTS)/debug $(RUN_OPTS) \
		$(if $(DEBUG_SLOWDOWN),-s $(DEBUG_SLOWDOWN)) $(KERNEL_PLATFORMS)
	@$(S)/summarize.sh -o results/debug$(SUFFIX).txt $(RESULTS)/debug $(KERNEL_PLATFORMS)

check-rules: build ## break each rule of tests/rules/ in a scratch kernel: a test must fail (results/rules.txt)
	@$(S)/check-rules.sh results/rules$(SUFFIX).txt

check-clean-debian: ## the README's test command in a fresh minimal Debian 12
	@$(S)/check-clean-debian.sh

clean: ## remove the build results and objects (not downloads or roots)
	rm -rf $(BUILD)/obj-* $(BUILD)/results $(BUILD)/bench $(BUILD)/guest \
		$(BUILD)/gmet-test
