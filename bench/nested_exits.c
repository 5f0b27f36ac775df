// SPDX-License-Identifier: GPL-2.0-only
/*
 * VM exits of a nested kernel-code-integrity workload, with and without
 * mode-based execute control (Intel MBEC) or guest mode execute trap (AMD
 * GMET) in L1.
 *
 * L1 is a minimal hypervisor with one rule for L2: at CPL0, L2 executes only
 * kernel memory (memslot 0, where all of L2's kernel code lives), at CPL3
 * only the user code page (alone in memslot 1, one gigabyte up, so that one
 * EPT/NPT entry at the 1G level covers each).  L2 runs N round trips of a
 * system call: user code executes SYSCALL, the kernel entry calls a kernel
 * function on its own stack and returns with SYSRETQ.
 *
 * Mode "hw": L1 sets execute rights once.  On Intel, EPT entries give kernel
 * memory XS only and the user code XU only (MBEC on in vmcs12); on AMD, the
 * user code's nested entries have U=1, which GMET makes non-executable at
 * CPL0.  (GMET cannot stop CPL3 from executing kernel memory; L2's own page
 * tables do, kernel pages having U/S=0 there.)
 *
 * Mode "flip": L1 without the feature.  It keeps two views, kernel (user
 * code not executable) and user (kernel memory not executable), and takes an
 * EPT violation or #NPF on each fetch across the boundary, switching the two
 * 1G entries' execute bits and flushing (INVEPT, or the VMCB's TLB control).
 *
 * For N = 10, 100, 1000 the host counts the exits L1 takes from L2 (L1's
 * own count; the VMCALL that ends each run is not counted), the exits L0
 * takes while L2 runs (KVM's nested_exits stat, where the kernel has it) and
 * all exits L0 takes (the exits stat), and prints them as a table, with each
 * count per round trip.  After the runs, L2's kernel fetches from the user
 * code page through a supervisor mapping: L1's EPT/NPT must stop it, in both
 * modes.  TAP results check the shape: no L1 exits per round trip in mode
 * hw, at least two in mode flip.
 */
#include <linux/stringify.h>

#include "test_util.h"
#include "kvm_util.h"
#include "processor.h"
#include "paging_probe.h"
#include "svm_util.h"
#include "vmx.h"

#include "kselftest.h"
#include "stats.h"

#define USER_CODE_GPA		(1ull << 30)
#define USER_CODE_SLOT		1
/* A RET in the user code page, for the kernel fetch that L1 must stop. */
#define USER_PAGE_RET		0xc00
#define L2_STACK_SIZE		512

static const uint64_t run_sizes[] = { 10, 100, 1000 };
#define NR_RUNS			ARRAY_SIZE(run_sizes)

enum mode { MODE_HW, MODE_FLIP, NR_MODES };
static const char * const mode_names[] = { "hw", "flip" };

/* Set by the host. */
static enum mode mode;
static uint64_t user_code_gva;		/* U/S=1 */
static uint64_t user_code_kernel_gva;	/* U/S=0, for the policy check */
static uint64_t user_stack_top;
static uint64_t *l1_pdpt;		/* L1's mapping of the EPT/NPT PDPT */
static uint64_t views[2][2];		/* [kernel/user view][PDPTE 0/1] */
static struct vmx_pages *l1_vmx;
static struct svm_test_data *l1_svm;

/* Shared by L1 and L2. */
static uint64_t nr_round_trips;
static bool l2_check_policy;

/* L1's counts, read by the host. */
static uint64_t nr_l1_exits;
static uint64_t nr_policy_stops;

/* L2: the user code, copied to the user code page; RDI is the count. */
static void __attribute__((naked)) user_code(void)
{
	asm("mov %rdi, %rbx\n\t"
	    "1: syscall\n\t"
	    "dec %rbx\n\t"
	    "jnz 1b\n\t"
	    "xor %eax, %eax\n\t"
	    "int $" __stringify(USER_MODE_EXIT_VECTOR) "\n\t"
	    ".globl user_code_end\n"
	    "user_code_end:");
}
extern char user_code_end[];

uint64_t l2_kernel_calls;
uint8_t l2_syscall_stack[PAGE_SIZE] __aligned(16);

void l2_kernel_work(void)
{
	l2_kernel_calls++;
}

/*
 * L2: the SYSCALL entry.  RCX and R11 hold the user RIP and RFLAGS for
 * SYSRETQ; R12 is not live in the user code.
 */
static void __attribute__((naked)) l2_syscall_entry(void)
{
	asm("mov %rsp, %r12\n\t"
	    "lea l2_syscall_stack + " __stringify(PAGE_SIZE) "(%rip), %rsp\n\t"
	    "push %rcx\n\t"
	    "push %r11\n\t"
	    "call l2_kernel_work\n\t"
	    "pop %r11\n\t"
	    "pop %rcx\n\t"
	    "mov %r12, %rsp\n\t"
	    "sysretq");
}

static void l2_guest_code(void)
{
	for (;;) {
		if (l2_check_policy)
			probe_access(user_code_kernel_gva + USER_PAGE_RET,
				     PROBE_FETCH, false, false);
		else
			GUEST_ASSERT_EQ(run_user_mode(user_code_gva, user_stack_top,
						      nr_round_trips, 0), 0);
		vmcall();
	}
}

/*
 * L1: a fetch by L2 at @cpl faulted at @gpa.  Returns true if the fetch
 * breaks the rule (L1 then ends it); otherwise, in mode flip, switches to
 * the view the fetch needs.
 */
static bool l1_fetch_fault(uint64_t gpa, int cpl)
{
	bool user_code = gpa >> PAGE_SHIFT == USER_CODE_GPA >> PAGE_SHIFT;
	int view = cpl == 3;

	if (user_code != (cpl == 3)) {
		nr_policy_stops++;
		return true;
	}
	__GUEST_ASSERT(mode == MODE_FLIP && !l2_check_policy,
		       "allowed fetch at 0x%lx (CPL%d) faulted", gpa, cpl);
	__GUEST_ASSERT(l1_pdpt[0] != views[view][0] || l1_pdpt[1] != views[view][1],
		       "fetch at 0x%lx (CPL%d) faulted in its own view", gpa, cpl);
	l1_pdpt[0] = views[view][0];
	l1_pdpt[1] = views[view][1];
	nr_l1_exits++;
	return false;
}

/*
 * L1: L2's general-purpose registers but RSP (in the VMCS) while L1 runs.
 * The selftest library's vmlaunch()/vmresume() leave L2 with whatever L1
 * had in them; a hypervisor whose exits L2 must not notice (here, one at
 * the first instruction of the SYSCALL entry, with RCX and R11 live)
 * swaps them, as the library's run_guest() does for SVM.
 */
struct gpr64_regs l2_regs;
bool l2_launched;

#define SWAP_L2_GPRS					\
	"xchg %%rax, l2_regs + 0x00(%%rip)\n\t"	\
	"xchg %%rcx, l2_regs + 0x08(%%rip)\n\t"	\
	"xchg %%rdx, l2_regs + 0x10(%%rip)\n\t"	\
	"xchg %%rbx, l2_regs + 0x18(%%rip)\n\t"	\
	"xchg %%rbp, l2_regs + 0x28(%%rip)\n\t"	\
	"xchg %%rsi, l2_regs + 0x30(%%rip)\n\t"	\
	"xchg %%rdi, l2_regs + 0x38(%%rip)\n\t"	\
	"xchg %%r8, l2_regs + 0x40(%%rip)\n\t"	\
	"xchg %%r9, l2_regs + 0x48(%%rip)\n\t"	\
	"xchg %%r10, l2_regs + 0x50(%%rip)\n\t"	\
	"xchg %%r11, l2_regs + 0x58(%%rip)\n\t"	\
	"xchg %%r12, l2_regs + 0x60(%%rip)\n\t"	\
	"xchg %%r13, l2_regs + 0x68(%%rip)\n\t"	\
	"xchg %%r14, l2_regs + 0x70(%%rip)\n\t"	\
	"xchg %%r15, l2_regs + 0x78(%%rip)\n\t"

/* L1: VMLAUNCH or VMRESUME with L2's registers; 0 on a VM exit. */
static int vmx_enter_l2(void)
{
	int ret;

	asm volatile("push %%rbp\n\t"
		     "mov %[host_rsp], %%rax\n\t"
		     "vmwrite %%rsp, %%rax\n\t"
		     "mov %[host_rip], %%rax\n\t"
		     "lea 1f(%%rip), %%rbx\n\t"
		     "vmwrite %%rbx, %%rax\n\t"
		     "cmpb $0, l2_launched(%%rip)\n\t"
		     SWAP_L2_GPRS
		     "jne 2f\n\t"
		     "vmlaunch\n\t"
		     "jmp 3f\n\t"
		     "2: vmresume\n\t"
		     /* VM entry failed: L1's registers back, 1. */
		     "3: " SWAP_L2_GPRS
		     "mov $1, %%eax\n\t"
		     "jmp 4f\n\t"
		     "1: " SWAP_L2_GPRS
		     "xor %%eax, %%eax\n\t"
		     "4: pop %%rbp"
		     : "=&a"(ret)
		     : [host_rsp] "i"(HOST_RSP), [host_rip] "i"(HOST_RIP)
		     : "memory", "cc", "rbx", "rcx", "rdx", "rsi", "rdi", "r8",
		       "r9", "r10", "r11", "r12", "r13", "r14", "r15");
	return ret;
}

struct invept_desc {
	uint64_t eptp;
	uint64_t reserved;
};

#define INVEPT_SINGLE_CONTEXT	1

/* L1: run L2 until its VMCALL, handling EPT violations. */
static void vmx_run_l2(void)
{
	struct invept_desc desc = {};
	uint64_t qual, rip, rsp;

	for (;;) {
		GUEST_ASSERT(!vmx_enter_l2());
		l2_launched = true;
		if (vmreadz(VM_EXIT_REASON) == EXIT_REASON_VMCALL) {
			vmwrite(GUEST_RIP, vmreadz(GUEST_RIP) + 3);
			return;
		}
		qual = vmreadz(EXIT_QUALIFICATION);
		__GUEST_ASSERT(vmreadz(VM_EXIT_REASON) == EXIT_REASON_EPT_VIOLATION &&
			       (qual & EPT_VIOLATION_ACC_INSTR),
			       "exit reason %lu, qualification 0x%lx at rip 0x%lx, cs 0x%lx rsp 0x%lx intr 0x%lx/0x%lx, mode %d n %lu exits %lu",
			       vmreadz(VM_EXIT_REASON), qual, vmreadz(GUEST_RIP),
			       vmreadz(GUEST_CS_SELECTOR), vmreadz(GUEST_RSP),
			       vmreadz(VM_EXIT_INTR_INFO), vmreadz(VM_EXIT_INTR_ERROR_CODE),
			       mode, nr_round_trips, nr_l1_exits);
		if (l1_fetch_fault(vmreadz(GUEST_PHYSICAL_ADDRESS),
				   vmreadz(GUEST_CS_SELECTOR) & 3)) {
			rip = vmreadz(GUEST_RIP);
			rsp = vmreadz(GUEST_RSP);
			probe_return(&rip, &rsp);
			vmwrite(GUEST_RIP, rip);
			vmwrite(GUEST_RSP, rsp);
		} else {
			desc.eptp = vmreadz(EPT_POINTER);
			asm volatile("invept %0, %1"
				     : : "m"(desc), "r"((uint64_t)INVEPT_SINGLE_CONTEXT)
				     : "cc", "memory");
		}
	}
}

/* L1: run L2 until its VMMCALL, handling nested page faults. */
static void svm_run_l2(void)
{
	struct vmcb *vmcb = l1_svm->vmcb;
	uint64_t rip, rsp;

	for (;;) {
		run_guest(vmcb, l1_svm->vmcb_gpa);
		vmcb->control.tlb_ctl = TLB_CONTROL_DO_NOTHING;
		if (vmcb->control.exit_code == SVM_EXIT_VMMCALL) {
			vmcb->save.rip += 3;
			return;
		}
		__GUEST_ASSERT(vmcb->control.exit_code == SVM_EXIT_NPF &&
			       (vmcb->control.exit_info_1 & PFERR_FETCH_MASK),
			       "exit code 0x%x, info 0x%lx 0x%lx at rip 0x%lx",
			       vmcb->control.exit_code, vmcb->control.exit_info_1,
			       vmcb->control.exit_info_2, vmcb->save.rip);
		if (l1_fetch_fault(vmcb->control.exit_info_2, vmcb->save.cpl)) {
			rip = vmcb->save.rip;
			rsp = vmcb->save.rsp;
			probe_return(&rip, &rsp);
			vmcb->save.rip = rip;
			vmcb->save.rsp = rsp;
		} else {
			vmcb->control.tlb_ctl = TLB_CONTROL_FLUSH_ASID;
		}
	}
}

static void l1_run_l2(void)
{
	if (l1_vmx)
		vmx_run_l2();
	else
		svm_run_l2();
}

/* The host reads the stats at each GUEST_SYNC, before and after each run. */
static void l1_bench(void)
{
	int i;

	for (i = 0; i < NR_RUNS; i++) {
		nr_round_trips = run_sizes[i];
		nr_l1_exits = 0;
		GUEST_SYNC(0);
		l1_run_l2();
		GUEST_SYNC(1);
	}
	l2_check_policy = true;
	l1_run_l2();
	GUEST_DONE();
}

/*
 * L1: the SYSCALL MSRs and EFER.SCE for L2, set in L1 before the VMCS or
 * VMCB is prepared from L1's own state: on VMX these MSRs are not switched
 * at all, on SVM VMLOAD loads them from what generic_svm_setup() saved.
 */
static void l1_setup_syscall(void)
{
	/* SYSRET takes CS from STAR[63:48] + 16 and SS from + 8. */
	wrmsr(MSR_STAR, (uint64_t)(USER_DS - 8) << 48 | (uint64_t)get_cs() << 32);
	wrmsr(MSR_LSTAR, (uint64_t)l2_syscall_entry);
	wrmsr(MSR_SYSCALL_MASK, 0);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}

static void l1_vmx_code(struct vmx_pages *vmx)
{
	unsigned long l2_stack[L2_STACK_SIZE];

	GUEST_ASSERT(prepare_for_vmx_operation(vmx));
	GUEST_ASSERT(load_vmcs(vmx));
	l1_setup_syscall();
	prepare_vmcs(vmx, l2_guest_code, &l2_stack[L2_STACK_SIZE]);
	if (mode == MODE_HW)
		vmwrite(SECONDARY_VM_EXEC_CONTROL,
			vmreadz(SECONDARY_VM_EXEC_CONTROL) |
			SECONDARY_EXEC_MODE_BASED_EPT_EXEC);
	l1_vmx = vmx;
	l1_bench();
}

static void l1_svm_code(struct svm_test_data *svm)
{
	unsigned long l2_stack[L2_STACK_SIZE];

	l1_setup_syscall();
	generic_svm_setup(svm, l2_guest_code, &l2_stack[L2_STACK_SIZE]);
	if (mode == MODE_HW)
		svm->vmcb->control.nested_ctl |= SVM_NESTED_CTL_GMET_ENABLE;
	l1_svm = svm;
	l1_bench();
}

/* Host: what one run cost. */
struct counts {
	uint64_t l1;		/* exits L1 took from L2 */
	uint64_t l2;		/* exits L0 took while L2 ran */
	uint64_t all;		/* all exits L0 took */
	bool have_l2;		/* the kernel has the nested_exits stat */
};

static void read_counts(struct kvm_vcpu *vcpu, struct counts *c)
{
	struct stats s;

	stats_open(&s, vcpu_get_stats_fd(vcpu));
	TEST_ASSERT(stats_get(&s, "exits", &c->all), "no exits stat");
	c->have_l2 = stats_get(&s, "nested_exits", &c->l2);
	stats_close(&s);
}

static void expect_sync(struct kvm_vcpu *vcpu, uint64_t stage)
{
	struct ucall uc;

	for (;;) {
		vcpu_run(vcpu);
		TEST_ASSERT_KVM_EXIT_REASON(vcpu, KVM_EXIT_IO);
		switch (get_ucall(vcpu, &uc)) {
		case UCALL_PRINTF:
			REPORT_GUEST_PRINTF(uc);
			continue;
		case UCALL_ABORT:
			REPORT_GUEST_ASSERT(uc);
		case UCALL_SYNC:
			TEST_ASSERT_EQ(uc.args[1], stage);
			return;
		case UCALL_DONE:
			TEST_ASSERT_EQ(stage, UCALL_DONE);
			return;
		default:
			TEST_FAIL("Unknown ucall %lu", uc.cmd);
		}
	}
}

/* Host: a new page of L2's address space, pointed at the user code page. */
static uint64_t map_user_code(struct kvm_vm *vm)
{
	uint64_t gva = vm_vaddr_alloc_page(vm);
	uint64_t *ptep = vm_get_page_table_entry(vm, gva);

	*ptep = (*ptep & ~PHYSICAL_PAGE_MASK) | USER_CODE_GPA;
	return gva;
}

/* Host: a new L1 VM for @m, with L2's memory, mappings and EPT/NPT. */
static struct kvm_vm *create_vm(enum mode m, bool vmx, struct kvm_vcpu **vcpu)
{
	struct userspace_mem_region *slot0;
	uint64_t *root, *pdpt, *ptep, pdpt_gpa, e0, e1, xs, xu;
	uint8_t *user_page;
	vm_vaddr_t gva;
	struct kvm_vm *vm;

	vm = vm_create_with_one_vcpu(vcpu, vmx ? (void *)l1_vmx_code :
						 (void *)l1_svm_code);
	if (vmx)
		vcpu_alloc_vmx(vm, &gva);
	else
		vcpu_alloc_svm(vm, &gva);
	vcpu_args_set(*vcpu, 1, gva);

	/* The user code page, alone in its memslot one gigabyte up. */
	vm_userspace_mem_region_add(vm, VM_MEM_SRC_ANONYMOUS, USER_CODE_GPA,
				    USER_CODE_SLOT, 1, 0);
	/* In use, so that the EPT/NPT map below includes it. */
	vm_phy_page_alloc(vm, USER_CODE_GPA, USER_CODE_SLOT);
	user_page = addr_gpa2hva(vm, USER_CODE_GPA);
	memcpy(user_page, user_code, user_code_end - (char *)user_code);
	user_page[USER_PAGE_RET] = 0xc3;	/* RET */
	user_code_gva = map_user_code(vm);
	virt_pg_set_user(vm, user_code_gva);
	user_code_kernel_gva = map_user_code(vm);
	user_stack_top = vm_vaddr_alloc_page(vm);
	virt_pg_set_user(vm, user_stack_top);
	user_stack_top += PAGE_SIZE;
	/* L1's window on the EPT/NPT PDPT, pointed there below. */
	l1_pdpt = (uint64_t *)vm_vaddr_alloc_page(vm);

	slot0 = memslot2region(vm, 0);
	TEST_ASSERT(slot0->region.guest_phys_addr + slot0->region.memory_size <=
		    USER_CODE_GPA, "memslot 0 reaches the user code's gigabyte");

	/* Identity EPT/NPT for both memslots, nothing allocated after it. */
	if (vmx) {
		struct vmx_pages *vmx_pages = addr_gva2hva(vm, gva);

		prepare_eptp(vmx_pages, vm, 0);
		nested_map_memslot(vmx_pages, vm, 0);
		nested_map_memslot(vmx_pages, vm, USER_CODE_SLOT);
		root = vmx_pages->eptp_hva;
		xs = EPT_PTE_EXECUTABLE;
		xu = EPT_PTE_USER_EXECUTABLE;
	} else {
		struct svm_test_data *svm = addr_gva2hva(vm, gva);
		uint64_t flags = PTE_PRESENT_MASK | PTE_WRITABLE_MASK;

		svm_npt_init(svm, vm);
		/* GMET: U=1 is what makes the user code off limits to CPL0. */
		svm_npt_map_memslot(svm, vm, 0,
				    m == MODE_HW ? flags : flags | PTE_USER_MASK);
		svm_npt_map_memslot(svm, vm, USER_CODE_SLOT, flags | PTE_USER_MASK);
		root = svm->ncr3_hva;
		xs = 0;
		xu = 0;
	}
	pdpt_gpa = root[0] & PHYSICAL_PAGE_MASK;
	pdpt = addr_gpa2hva(vm, pdpt_gpa);
	ptep = vm_get_page_table_entry(vm, (uint64_t)l1_pdpt);
	*ptep = (*ptep & ~PHYSICAL_PAGE_MASK) | pdpt_gpa;

	e0 = pdpt[0];
	e1 = pdpt[USER_CODE_GPA >> 30];
	TEST_ASSERT(USER_CODE_GPA >> 30 == 1, "the user code's PDPTE is not 1");
	if (m == MODE_HW) {
		/* MBEC: kernel memory XS only, user code XU only. */
		pdpt[0] = e0 & ~xu;
		pdpt[1] = e1 & ~xs;
	} else if (vmx) {
		views[0][0] = e0;
		views[0][1] = e1 & ~xs;
		views[1][0] = e0 & ~xs;
		views[1][1] = e1;
		pdpt[0] = views[0][0];
		pdpt[1] = views[0][1];
	} else {
		views[0][0] = e0;
		views[0][1] = e1 | PTE_NX_MASK;
		views[1][0] = e0 | PTE_NX_MASK;
		views[1][1] = e1;
		pdpt[0] = views[0][0];
		pdpt[1] = views[0][1];
	}

	mode = m;
	sync_global_to_guest(vm, mode);
	sync_global_to_guest(vm, user_code_gva);
	sync_global_to_guest(vm, user_code_kernel_gva);
	sync_global_to_guest(vm, user_stack_top);
	sync_global_to_guest(vm, l1_pdpt);
	sync_global_to_guest(vm, views);
	return vm;
}

static void run_mode(enum mode m, bool vmx, struct counts res[NR_RUNS],
		     uint64_t *policy_stops)
{
	struct counts before;
	struct kvm_vcpu *vcpu;
	struct kvm_vm *vm;
	int i;

	vm = create_vm(m, vmx, &vcpu);
	for (i = 0; i < NR_RUNS; i++) {
		expect_sync(vcpu, 0);
		read_counts(vcpu, &before);
		expect_sync(vcpu, 1);
		read_counts(vcpu, &res[i]);
		res[i].all -= before.all;
		res[i].l2 -= before.l2;
		sync_global_from_guest(vm, nr_l1_exits);
		res[i].l1 = nr_l1_exits;
	}
	expect_sync(vcpu, UCALL_DONE);
	sync_global_from_guest(vm, nr_policy_stops);
	*policy_stops = nr_policy_stops;
	kvm_vm_free(vm);
}

static void print_row(const char *feature, enum mode m, uint64_t n,
		      struct counts *c)
{
	char l2[64] = "n/a (no nested_exits stat)";

	if (c->have_l2)
		snprintf(l2, sizeof(l2), "%lu | %.2f", c->l2, (double)c->l2 / n);
	printf("| %s | %s | %lu | %lu | %.2f | %s | %lu | %.2f |\n", feature,
	       mode_names[m], n, c->l1, (double)c->l1 / n, l2, c->all,
	       (double)c->all / n);
}

int main(int argc, char *argv[])
{
	bool vmx = kvm_cpu_has(X86_FEATURE_VMX);
	struct counts res[NR_MODES][NR_RUNS];
	uint64_t policy_stops[NR_MODES];
	bool have[NR_MODES];
	const char *feature;
	bool ok;
	int m, i;

	TEST_REQUIRE(vmx || kvm_cpu_has(X86_FEATURE_SVM));
	if (vmx) {
		TEST_REQUIRE(kvm_cpu_has_ept());
		feature = "MBEC";
		have[MODE_HW] = kvm_cpu_has_vmx_mbec();
	} else {
		TEST_REQUIRE(kvm_cpu_has(X86_FEATURE_NPT));
		feature = "GMET";
		have[MODE_HW] = kvm_cpu_has(X86_FEATURE_GMET);
	}
	have[MODE_FLIP] = true;

	ksft_print_header();
	ksft_set_plan(2 * NR_MODES);

	for (m = 0; m < NR_MODES; m++)
		if (have[m])
			run_mode(m, vmx, res[m], &policy_stops[m]);

	printf("| L1 uses %s | L1 mode | round trips | L1 exits | per round trip | L2-to-L0 exits | per round trip | all L0 exits | per round trip |\n",
	       feature);
	printf("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
	for (m = 0; m < NR_MODES; m++)
		for (i = 0; have[m] && i < NR_RUNS; i++)
			print_row(m == MODE_HW ? "yes" : "no", m, run_sizes[i],
				  &res[m][i]);

	for (m = 0; m < NR_MODES; m++) {
		if (!have[m]) {
			ksft_test_result_skip("mode %s: %s not offered to L1\n",
					      mode_names[m], feature);
			ksft_test_result_skip("mode %s: policy check\n", mode_names[m]);
			continue;
		}
		ok = true;
		for (i = 0; i < NR_RUNS; i++)
			ok &= m == MODE_HW ? !res[m][i].l1 :
					     res[m][i].l1 >= 2 * run_sizes[i];
		ksft_test_result(ok, "mode %s: L1 exits per round trip %s\n",
				 mode_names[m], m == MODE_HW ? "0" : ">= 2");
		ksft_test_result(policy_stops[m] == 1,
				 "mode %s: L1's %s stops a CPL0 fetch of user code (%lu stops)\n",
				 mode_names[m], vmx ? "EPT" : "NPT", policy_stops[m]);
	}
	ksft_finished();
}
