# uexec: build, boot and test the KVM user/supervisor-execute series.
# `make` is the main job, `make check` is what CI runs; see README.md.

PLATFORMS ?= amd-npt amd-shadow intel-mbec intel-shadow
S := scripts

.PHONY: all deps tree export reset-tree build build-base run run-base \
	baseline check check-series lint clean

all: deps build
	@for p in $(PLATFORMS); do $(S)/run-platform.sh $$p series; done
	@$(S)/summarize.sh series $(PLATFORMS)

check: lint deps check-series
	@for p in $(PLATFORMS); do $(S)/run-platform.sh $$p series; done
	@$(S)/summarize.sh series $(PLATFORMS)

# The unpatched base kernel running the same selftest binaries on the same
# platforms, results in build/results/base.
baseline: build
	@$(S)/build-kernel.sh base
	@for p in $(PLATFORMS); do $(S)/run-platform.sh $$p base; done
	@$(S)/summarize.sh base $(PLATFORMS)

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

check-series: build
	@$(S)/check-series.sh

lint:
	@shellcheck $(S)/*.sh guest/init .ci/run

clean:
	rm -rf build/obj-* build/results
