// SPDX-License-Identifier: GPL-2.0-only
/*
 * What the MMU does for three workloads of fixed size, in counts: run on the
 * base kernel and on the series in the same harness run, and compared by
 * scripts/summarize-bench.sh.
 *
 *  demand-paging  one vCPU writes each page of a region once (memstress,
 *                 as demand_paging_test and dirty_log_perf_test populate
 *                 memory);
 *  dirty-logging  with dirty logging on, three passes that each write the
 *                 whole region, the log fetched and cleared after each
 *                 (dirty_log_perf_test's loop);
 *  smep-toggle    the guest goes 16 times through the four settings of
 *                 CR0.WP and CR4.SMEP, reading and writing 256 pages in
 *                 each (paging_permissions_test's toggles, larger).
 *
 * The first two run for each region size (-m MiB,...; 32, 128 and 512 MiB
 * unless told) and for each backing: 4K pages and transparent huge pages,
 * named "<workload>/<size>M/<4k|thp>".  The THP runs let KVM map 2M SPTEs
 * (pages_2m goes up in demand-paging) and make dirty logging split them
 * (it goes down); the counts show whether they did.
 *
 * Counted for each: page faults KVM took (pf_taken) and fixed (pf_fixed),
 * shadow pages created (mmu_cache_miss: the shadow MMU only), leaf
 * mappings (pages_4k + pages_2m, net) and 2M leaf mappings (pages_2m,
 * net).  The TDP MMU keeps no count of its page-table pages; the global
 * nr_sec_page_table_pages of /proc/vmstat moves with KVM's asynchronous
 * zapping and freeing (9 against 17 for the same demand-paging run, QEMU),
 * so it is not used.  One line per workload:
 *
 *   mmu-cost: <workload> pf_taken=<n> pf_fixed=<n> ...
 *
 * or "mmu-cost: <workload> skipped (<reason>)".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"
#include "kvm_util.h"
#include "memstress.h"
#include "processor.h"

#include "stats.h"

#define DEFAULT_SIZES_MB	"32,128,512"
#define DIRTY_PASSES		3
#define SMEP_CYCLES		16
#define SMEP_PAGES		256

enum counter {
	PF_TAKEN, PF_FIXED, SHADOW_PAGES, LEAVES, HUGE_LEAVES, NR_COUNTERS
};
static const char * const counter_names[NR_COUNTERS] = {
	"pf_taken", "pf_fixed", "shadow_pages", "leaf_mappings", "pages_2m"
};

static uint64_t must_get(struct stats *s, const char *name)
{
	uint64_t val = 0;

	TEST_ASSERT(stats_get(s, name, &val), "no KVM stat %s", name);
	return val;
}

static void read_counters(struct kvm_vm *vm, struct kvm_vcpu *vcpu,
			  int64_t c[NR_COUNTERS])
{
	struct stats vs, cs;

	stats_open(&vs, vm_get_stats_fd(vm));
	stats_open(&cs, vcpu_get_stats_fd(vcpu));
	c[PF_TAKEN] = must_get(&cs, "pf_taken");
	c[PF_FIXED] = must_get(&cs, "pf_fixed");
	c[SHADOW_PAGES] = must_get(&vs, "mmu_cache_miss");
	c[HUGE_LEAVES] = must_get(&vs, "pages_2m");
	c[LEAVES] = must_get(&vs, "pages_4k") + c[HUGE_LEAVES];
	stats_close(&cs);
	stats_close(&vs);
}

static void report(const char *workload, int64_t before[NR_COUNTERS],
		   int64_t after[NR_COUNTERS])
{
	int i;

	printf("mmu-cost: %s", workload);
	for (i = 0; i < NR_COUNTERS; i++)
		printf(" %s=%lld", counter_names[i],
		       (long long)(after[i] - before[i]));
	printf("\n");
}

/* Run the vCPU to its next GUEST_SYNC (or GUEST_DONE). */
static void run_to_sync(struct kvm_vcpu *vcpu)
{
	struct ucall uc;

	vcpu_run(vcpu);
	TEST_ASSERT_KVM_EXIT_REASON(vcpu, KVM_EXIT_IO);
	switch (get_ucall(vcpu, &uc)) {
	case UCALL_SYNC:
	case UCALL_DONE:
		return;
	case UCALL_ABORT:
		REPORT_GUEST_ASSERT(uc);
	default:
		TEST_FAIL("Unexpected ucall %lu", uc.cmd);
	}
}

/*
 * demand-paging, then dirty-logging on the same (populated) region of
 * @mb MiB backed by @src.
 */
static void memstress_workloads(uint64_t mb, enum vm_mem_backing_src_type src)
{
	const char *backing = src == VM_MEM_SRC_ANONYMOUS_THP ? "thp" : "4k";
	int64_t before[NR_COUNTERS], after[NR_COUNTERS];
	uint64_t pages = (mb << 20) / getpagesize();
	unsigned long **bitmaps;
	struct kvm_vcpu *vcpu;
	struct kvm_vm *vm;
	char name[64];
	int i;

	vm = memstress_create_vm(VM_MODE_DEFAULT, 1, mb << 20, 1, src, false);
	vcpu = memstress_args.vcpu_args[0].vcpu;
	memstress_set_write_percent(vm, 100);

	read_counters(vm, vcpu, before);
	run_to_sync(vcpu);
	read_counters(vm, vcpu, after);
	snprintf(name, sizeof(name), "demand-paging/%luM/%s", mb, backing);
	report(name, before, after);

	bitmaps = memstress_alloc_bitmaps(1, pages);
	read_counters(vm, vcpu, before);
	memstress_enable_dirty_logging(vm, 1);
	for (i = 0; i < DIRTY_PASSES; i++) {
		run_to_sync(vcpu);
		memstress_get_dirty_log(vm, bitmaps, 1);
		memstress_clear_dirty_log(vm, bitmaps, 1, pages);
	}
	read_counters(vm, vcpu, after);
	snprintf(name, sizeof(name), "dirty-logging/%luM/%s", mb, backing);
	report(name, before, after);
	memstress_disable_dirty_logging(vm, 1);

	memstress_free_bitmaps(bitmaps, 1);
	memstress_destroy_vm(vm);
}

/* The pages, in a memslot of their own: memslot 0 has no room for them. */
#define SMEP_GPA		(1ull << 30)
#define SMEP_SLOT		1
static uint64_t smep_region;

static void smep_guest_code(void)
{
	static const uint64_t settings[][2] = {
		{ X86_CR0_WP, 0 }, { X86_CR0_WP, X86_CR4_SMEP },
		{ 0, X86_CR4_SMEP }, { 0, 0 },
	};
	uint64_t cr0 = get_cr0() & ~X86_CR0_WP;
	uint64_t cr4 = get_cr4() & ~X86_CR4_SMEP;
	int c, s, i;

	for (c = 0; c < SMEP_CYCLES; c++) {
		for (s = 0; s < ARRAY_SIZE(settings); s++) {
			set_cr0(cr0 | settings[s][0]);
			set_cr4(cr4 | settings[s][1]);
			for (i = 0; i < SMEP_PAGES; i++)
				(*(volatile uint64_t *)(smep_region + i * PAGE_SIZE))++;
		}
	}
	GUEST_DONE();
}

static void smep_toggle_workload(void)
{
	int64_t before[NR_COUNTERS], after[NR_COUNTERS];
	struct kvm_vcpu *vcpu;
	struct kvm_vm *vm;

	if (!kvm_cpu_has(X86_FEATURE_SMEP)) {
		printf("mmu-cost: smep-toggle skipped (no SMEP)\n");
		return;
	}
	vm = vm_create_with_one_vcpu(&vcpu, smep_guest_code);
	vm_userspace_mem_region_add(vm, VM_MEM_SRC_ANONYMOUS, SMEP_GPA, SMEP_SLOT,
				    SMEP_PAGES, 0);
	smep_region = vm_vaddr_unused_gap(vm, SMEP_PAGES * PAGE_SIZE,
					  KVM_UTIL_MIN_VADDR);
	virt_map(vm, smep_region, SMEP_GPA, SMEP_PAGES);
	sync_global_to_guest(vm, smep_region);

	read_counters(vm, vcpu, before);
	run_to_sync(vcpu);
	read_counters(vm, vcpu, after);
	report("smep-toggle", before, after);
	kvm_vm_free(vm);
}

static void help(const char *name)
{
	printf("usage: %s [-m MiB[,MiB...]]\n"
	       " -m: the region sizes of demand-paging and dirty-logging (default %s)\n",
	       name, DEFAULT_SIZES_MB);
	exit(KSFT_FAIL);
}

int main(int argc, char *argv[])
{
	char *sizes = strdup(DEFAULT_SIZES_MB), *size, *end;
	uint64_t mb;
	int opt;

	while ((opt = getopt(argc, argv, "hm:")) != -1) {
		switch (opt) {
		case 'm':
			free(sizes);
			sizes = strdup(optarg);
			break;
		default:
			help(argv[0]);
		}
	}

	printf("mmu-cost: %s paging\n", kvm_is_tdp_enabled() ? "two-dimensional" : "shadow");
	for (size = strtok(sizes, ","); size; size = strtok(NULL, ",")) {
		mb = strtoull(size, &end, 0);
		TEST_ASSERT(mb && !*end, "-m: bad size in MiB '%s'", size);
		memstress_workloads(mb, VM_MEM_SRC_ANONYMOUS);
		memstress_workloads(mb, VM_MEM_SRC_ANONYMOUS_THP);
	}
	free(sizes);
	smep_toggle_workload();
	return 0;
}
