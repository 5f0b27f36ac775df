// SPDX-License-Identifier: GPL-2.0
/*
 * Bare-metal test of the emulated CPU's SVM Guest Mode Execute Trap (GMET),
 * run directly on Bochs, not through KVM. The host (this program, CPL 0,
 * long mode) runs a 64-bit guest under nested paging. The nested page
 * tables identity-map guest physical memory; page_a has U=1 in its nested
 * translation, page_b U=0. Each case is one VMRUN: the guest, at CPL 0 or
 * CPL 3, fetches from, reads or writes one of the pages and then exits with
 * VMMCALL; the #VMEXIT it ends with (exit code, EXITINFO1, EXITINFO2, the
 * guest's CPL) is checked against the AMD APM:
 *
 * - GMET on (VMCB offset 0x90 bit 3 with bit 0, nested paging): a fetch at
 *   CPL < 3 from a nested U=1 page exits with #NPF, EXITINFO1 = present,
 *   supervisor, I/D, fault on the final guest physical address (bit 32),
 *   EXITINFO2 = the guest physical address; U=0 pages can be read,
 *   written and executed at every CPL.
 * - GMET off: every nested access is a user access, so U=0 pages fault for
 *   any access (U/S set in EXITINFO1) and U=1 pages are not restricted.
 * - GMET bit without nested paging, or on a CPU that does not advertise
 *   GMET: ignored.
 * - The TLB: a supervisor fetch after a user fetch, a supervisor read or a
 *   user read of the same page within one guest run still traps.
 *
 * The command line says what the CPU was configured with ("gmet=1" or
 * "gmet=0" for Bochs' cpu: gmet option); CPUID Fn8000_000A EDX bit 17 must
 * agree. Results go to COM1 as TAP, then Bochs is powered off with ACPI.
 */
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;

extern u64 vmrun(u64 vmcb_pa, u64 guest_rcx);
extern char page_a[], page_b[], page_c[];
extern char c_read[], c_write[], c_call_syscall[], c_read_jmp[], c_read_syscall[];

#define PAGE_SIZE	4096
#define DATA_OFFSET	0x800		/* data word in page_a/page_b */
#define RET_OFFSET	0x10		/* RET in page_a/page_b */

#define MSR_EFER	0xc0000080
#define MSR_STAR	0xc0000081
#define MSR_LSTAR	0xc0000082
#define MSR_SFMASK	0xc0000084
#define MSR_VM_HSAVE_PA	0xc0010117
#define EFER_SCE	(1u << 0)
#define EFER_LME	(1u << 8)
#define EFER_LMA	(1u << 10)
#define EFER_NXE	(1u << 11)
#define EFER_SVME	(1u << 12)

/* VMCB control area */
#define VMCB_INTERCEPT_EXC	0x008
#define VMCB_INTERCEPT1		0x00c
#define VMCB_INTERCEPT2		0x010
#define VMCB_IOPM_BASE		0x040
#define VMCB_MSRPM_BASE		0x048
#define VMCB_ASID		0x058
#define VMCB_TLB_CTL		0x05c
#define VMCB_EXITCODE		0x070
#define VMCB_EXITINFO1		0x078
#define VMCB_EXITINFO2		0x080
#define VMCB_NESTED_CTL		0x090
#define VMCB_NCR3		0x0b0
/* VMCB state save area */
#define VMCB_ES			0x400	/* then CS, SS, DS, 16 bytes each */
#define VMCB_CPL		0x4cb
#define VMCB_EFER		0x4d0
#define VMCB_CR4		0x548
#define VMCB_CR3		0x550
#define VMCB_CR0		0x558
#define VMCB_DR7		0x560
#define VMCB_DR6		0x568
#define VMCB_RFLAGS		0x570
#define VMCB_RIP		0x578
#define VMCB_RSP		0x5d8
#define VMCB_RAX		0x5f8
#define VMCB_G_PAT		0x668

#define NESTED_CTL_NP		(1u << 0)
#define NESTED_CTL_GMET		(1u << 3)
#define INTERCEPT1_SHUTDOWN	(1u << 31)
#define INTERCEPT2_VMRUN	(1u << 0)
#define INTERCEPT2_VMMCALL	(1u << 1)

#define EXIT_EXCP_BASE		0x40
#define EXIT_SHUTDOWN		0x7f
#define EXIT_VMMCALL		0x81
#define EXIT_NPF		0x400

/* EXITINFO1 of #NPF: the #PF error code bits and bit 32 (final GPA) */
#define PFERR_P			(1ull << 0)
#define PFERR_W			(1ull << 1)
#define PFERR_U			(1ull << 2)
#define PFERR_ID		(1ull << 4)
#define NPF_FINAL_GPA		(1ull << 32)

#define PTE_P	0x1ull
#define PTE_RW	0x2ull
#define PTE_U	0x4ull
#define PTE_PS	0x80ull

static u8 vmcb[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static u8 hsave[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static u8 iopm[3 * PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static u8 msrpm[2 * PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
/* nested page tables: NPML4 -> NPDPT -> NPD, its first 2 MiB in 4K NPTEs */
static u64 npml4[512] __attribute__((aligned(PAGE_SIZE)));
static u64 npdpt[512] __attribute__((aligned(PAGE_SIZE)));
static u64 npd[512] __attribute__((aligned(PAGE_SIZE)));
static u64 npt[512] __attribute__((aligned(PAGE_SIZE)));
/* the guest's own page tables: 1 GiB identity, 2 MiB pages, all U=1 */
static u64 gpml4[512] __attribute__((aligned(PAGE_SIZE)));
static u64 gpdpt[512] __attribute__((aligned(PAGE_SIZE)));
static u64 gpd[512] __attribute__((aligned(PAGE_SIZE)));
static u8 guest_stack[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

static inline void outb(u16 port, u8 val)
{
	asm volatile("outb %0, %1" : : "a"(val), "Nd"(port));
}

static inline void outw(u16 port, u16 val)
{
	asm volatile("outw %0, %1" : : "a"(val), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 val;

	asm volatile("inb %1, %0" : "=a"(val) : "Nd"(port));
	return val;
}

static inline u64 rdmsr(u32 msr)
{
	u32 lo, hi;

	asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return lo | (u64)hi << 32;
}

static inline void wrmsr(u32 msr, u64 val)
{
	asm volatile("wrmsr" : : "c"(msr), "a"((u32)val), "d"((u32)(val >> 32)));
}

static inline void cpuid(u32 leaf, u32 *a, u32 *b, u32 *c, u32 *d)
{
	asm volatile("cpuid" : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d) : "a"(leaf), "c"(0));
}

void *memset(void *p, int c, unsigned long n)
{
	u8 *b = p;

	while (n--)
		*b++ = c;
	return p;
}

/* COM1: 115200 baud, 8 bits, no parity, 1 stop bit */
static void serial_init(void)
{
	outb(0x3f8 + 3, 0x80);	/* LCR: DLAB */
	outb(0x3f8 + 0, 1);	/* divisor 1 */
	outb(0x3f8 + 1, 0);
	outb(0x3f8 + 3, 0x03);	/* LCR: 8N1 */
	outb(0x3f8 + 2, 0x07);	/* FCR: FIFO on, cleared */
	outb(0x3f8 + 4, 0x03);	/* MCR: DTR, RTS */
}

static void putc(char c)
{
	while (!(inb(0x3f8 + 5) & 0x20))
		;
	outb(0x3f8, c);
}

static void puts(const char *s)
{
	while (*s)
		putc(*s++);
}

static void putdec(u64 v)
{
	char buf[24];
	int i = 0;

	do {
		buf[i++] = '0' + v % 10;
		v /= 10;
	} while (v);
	while (i)
		putc(buf[--i]);
}

static void puthex(u64 v)
{
	int i, started = 0;

	puts("0x");
	for (i = 60; i >= 0; i -= 4) {
		int d = (v >> i) & 0xf;

		if (d || started || i == 0) {
			putc("0123456789abcdef"[d]);
			started = 1;
		}
	}
}

static int contains(const char *s, const char *word)
{
	const char *p, *q;

	for (; *s; s++) {
		for (p = s, q = word; *q && *p == *q; p++, q++)
			;
		if (!*q)
			return 1;
	}
	return 0;
}

static unsigned int test_nr;
static unsigned int failures;

static void tap(int ok, const char *name)
{
	if (!ok)
		failures++;
	puts(ok ? "ok " : "not ok ");
	putdec(++test_nr);
	putc(' ');
	puts(name);
}

static void vmcb_w8(unsigned int off, u8 v) { vmcb[off] = v; }
static void vmcb_w16(unsigned int off, u16 v) { *(u16 *)(vmcb + off) = v; }
static void vmcb_w32(unsigned int off, u32 v) { *(u32 *)(vmcb + off) = v; }
static void vmcb_w64(unsigned int off, u64 v) { *(u64 *)(vmcb + off) = v; }
static u64 vmcb_r64(unsigned int off) { return *(u64 *)(vmcb + off); }

static void vmcb_seg(unsigned int off, u16 sel, u16 attr)
{
	vmcb_w16(off, sel);
	vmcb_w16(off + 2, attr);
	vmcb_w32(off + 4, 0xffffffff);
	vmcb_w64(off + 8, 0);
}

/*
 * Nested page tables for one case: everything U=1 except page_b (U=0) and
 * the guest's code page_c, which must be executable at CPL 0: U=0 if GMET is
 * in effect, U=1 otherwise (without GMET, U=0 would deny every access).
 */
static void setup_npt(int gmet)
{
	u64 flags = PTE_P | PTE_RW | PTE_U;
	unsigned int i;

	memset(npml4, 0, sizeof(npml4));
	memset(npdpt, 0, sizeof(npdpt));
	npml4[0] = (u64)npdpt | flags;
	npdpt[0] = (u64)npd | flags;
	npd[0] = (u64)npt | flags;
	for (i = 1; i < 512; i++)
		npd[i] = ((u64)i << 21) | flags | PTE_PS;
	for (i = 0; i < 512; i++)
		npt[i] = ((u64)i << 12) | flags;
	npt[(u64)page_b >> 12] &= ~PTE_U;
	if (gmet)
		npt[(u64)page_c >> 12] &= ~PTE_U;
}

static void setup_guest_page_tables(void)
{
	u64 flags = PTE_P | PTE_RW | PTE_U;
	unsigned int i;

	gpml4[0] = (u64)gpdpt | flags;
	gpdpt[0] = (u64)gpd | flags;
	for (i = 0; i < 512; i++)
		gpd[i] = ((u64)i << 21) | flags | PTE_PS;
}

struct exit {
	u64 code, info1, info2;
	unsigned int cpl;
};

/* One guest run from RIP at CPL with the given VMCB nested-paging byte. */
static struct exit run_guest(u8 nested_ctl, int gmet_in_effect, unsigned int cpl,
			     void *rip, u64 rax, u64 rcx, void *lstar)
{
	u16 dpl = cpl << 5;
	struct exit e;

	setup_npt(gmet_in_effect);
	memset(vmcb, 0, sizeof(vmcb));
	vmcb_w32(VMCB_INTERCEPT_EXC, 0xffffffff);
	vmcb_w32(VMCB_INTERCEPT1, INTERCEPT1_SHUTDOWN);
	vmcb_w32(VMCB_INTERCEPT2, INTERCEPT2_VMRUN | INTERCEPT2_VMMCALL);
	vmcb_w64(VMCB_IOPM_BASE, (u64)iopm);
	vmcb_w64(VMCB_MSRPM_BASE, (u64)msrpm);
	vmcb_w32(VMCB_ASID, 1);
	vmcb_w8(VMCB_TLB_CTL, 1);
	vmcb_w8(VMCB_NESTED_CTL, nested_ctl);
	vmcb_w64(VMCB_NCR3, (u64)npml4);

	vmcb_seg(VMCB_ES, 0x10 | cpl, 0x093 | dpl);
	vmcb_seg(VMCB_ES + 0x10, 0x08 | cpl, 0x29b | dpl);	/* CS: L=1 */
	vmcb_seg(VMCB_ES + 0x20, 0x10 | cpl, 0x093 | dpl);
	vmcb_seg(VMCB_ES + 0x30, 0x10 | cpl, 0x093 | dpl);
	vmcb_w8(VMCB_CPL, cpl);
	vmcb_w64(VMCB_EFER, EFER_SCE | EFER_LME | EFER_LMA | EFER_NXE | EFER_SVME);
	vmcb_w64(VMCB_CR0, 0x80010033);		/* PG, WP, NE, ET, MP, PE */
	vmcb_w64(VMCB_CR3, (u64)gpml4);
	vmcb_w64(VMCB_CR4, 0x20);		/* PAE */
	vmcb_w64(VMCB_DR6, 0xffff0ff0);
	vmcb_w64(VMCB_DR7, 0x400);
	vmcb_w64(VMCB_RFLAGS, 0x2);
	vmcb_w64(VMCB_RIP, (u64)rip);
	vmcb_w64(VMCB_RSP, (u64)guest_stack + PAGE_SIZE);
	vmcb_w64(VMCB_RAX, rax);
	vmcb_w64(VMCB_G_PAT, 0x0007040600070406ull);

	/* SYSCALL in the guest uses these (VMRUN leaves them to VMLOAD) */
	wrmsr(MSR_STAR, 0x08ull << 32);
	wrmsr(MSR_LSTAR, (u64)lstar);
	wrmsr(MSR_SFMASK, 0);

	vmrun((u64)vmcb, rcx);
	e.code = vmcb_r64(VMCB_EXITCODE);
	e.info1 = vmcb_r64(VMCB_EXITINFO1);
	e.info2 = vmcb_r64(VMCB_EXITINFO2);
	e.cpl = vmcb[VMCB_CPL];
	return e;
}

static void put_exit(const char *what, const struct exit *e)
{
	puts(what);
	puts(*what ? " exit " : "exit ");
	puthex(e->code);
	if (e->code == EXIT_NPF) {
		puts(" info1 ");
		puthex(e->info1);
		puts(" info2 ");
		puthex(e->info2);
		puts(" cpl ");
		putdec(e->cpl);
	}
}

/* Compare a guest run's #VMEXIT with the expected one; one TAP line. */
static void check(const char *name, const struct exit *got, const struct exit *want)
{
	int ok = got->code == want->code;

	if (ok && want->code == EXIT_NPF)
		ok = got->info1 == want->info1 && got->info2 == want->info2 &&
		     got->cpl == want->cpl;
	tap(ok, name);
	puts(" # ");
	put_exit(ok ? "" : "got", got);
	if (!ok)
		put_exit(", expected", want);
	puts("\n");
}

static struct exit expect_vmmcall(void)
{
	struct exit e = { EXIT_VMMCALL, 0, 0, 0 };

	return e;
}

static struct exit expect_npf(u64 info1, u64 gpa, unsigned int cpl)
{
	struct exit e = { EXIT_NPF, info1 | NPF_FINAL_GPA, gpa, cpl };

	return e;
}

enum op { FETCH, READ, WRITE };
static const char *const op_name[] = { "fetch", "read", "write" };

static char name_buf[128];

static const char *make_name(const char *cfg, const char *mode, unsigned int cpl,
			     const char *what, const char *page)
{
	char *p = name_buf;
	const char *parts[] = { cfg, ":", mode, ":cpl", cpl ? "3-" : "0-", what, "-", page };
	unsigned int i;

	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		for (const char *s = parts[i]; *s; s++)
			*p++ = *s;
	*p = 0;
	return name_buf;
}

/*
 * One access by the guest at CPL to page_a (U=1) or page_b (U=0) under the
 * VMCB nested-paging byte NESTED_CTL.
 */
static void access_case(const char *cfg, const char *mode, u8 nested_ctl, int cpuid_gmet,
			unsigned int cpl, enum op op, int user_page)
{
	int np = nested_ctl & NESTED_CTL_NP;
	int gmet = np && (nested_ctl & NESTED_CTL_GMET) && cpuid_gmet;
	char *page = user_page ? page_a : page_b;
	u64 data = (u64)page + DATA_OFFSET;
	struct exit want = expect_vmmcall(), got;
	u64 err = PFERR_P;

	if (op == WRITE)
		err |= PFERR_W;
	if (op == FETCH)
		err |= PFERR_ID;
	if (np && gmet) {
		/* the trap: a supervisor fetch from a nested user page */
		if (op == FETCH && cpl == 0 && user_page)
			want = expect_npf(err, (u64)page, cpl);
	} else if (np && !user_page) {
		/* without GMET every nested access is a user access */
		want = expect_npf(err | PFERR_U, op == FETCH ? (u64)page : data, cpl);
	}

	if (op == FETCH)
		got = run_guest(nested_ctl, gmet, cpl, page, 0, 0, 0);
	else
		got = run_guest(nested_ctl, gmet, cpl, op == READ ? c_read : c_write, data, 0, 0);
	check(make_name(cfg, mode, cpl, op_name[op], user_page ? "U1page" : "U0page"),
	      &got, &want);
}

/*
 * Within one guest run, an access that fills the TLB for page_a and then a
 * supervisor fetch from it: with GMET in effect that fetch must still exit
 * with #NPF, whatever the first access cached.
 */
static void tlb_case(const char *cfg, int cpuid_gmet, const char *what, unsigned int cpl,
		     void *rip, u64 rax, u64 rcx, void *lstar)
{
	u8 nested_ctl = NESTED_CTL_NP | NESTED_CTL_GMET;
	int gmet = cpuid_gmet;
	struct exit want = gmet ? expect_npf(PFERR_P | PFERR_ID, (u64)page_a, 0)
				: expect_vmmcall();
	struct exit got = run_guest(nested_ctl, gmet, cpl, rip, rax, rcx, lstar);

	check(make_name(cfg, "np+gmet", cpl, what, "U1page"), &got, &want);
}

static void poweroff(void)
{
	const char *s = "Shutdown";

	while (!(inb(0x3f8 + 5) & 0x40))	/* LSR: transmitter empty */
		;
	outw(0xb004, 0x2000);	/* PIIX4 ACPI PM1a_CNT: SLP_EN, S5 */
	while (*s)		/* Bochs' shutdown port, should ACPI not be set up */
		outb(0x8900, *s++);
	for (;;)
		asm volatile("cli; hlt");
}

void main(u32 mbi)
{
	const char *cmdline = "";
	const char *cfg;
	u32 a, b, c, d;
	int want_gmet, cpuid_gmet, have_svm, have_np;
	static const u8 modes[] = {
		NESTED_CTL_NP | NESTED_CTL_GMET, NESTED_CTL_NP,
	};
	static const char *const mode_names[] = { "np+gmet", "np" };
	unsigned int m, cpl, op;

	serial_init();
	if (*(u32 *)(u64)mbi & (1u << 2))
		cmdline = (const char *)(u64)((u32 *)(u64)mbi)[4];
	want_gmet = contains(cmdline, "gmet=1") ? 1 : contains(cmdline, "gmet=0") ? 0 : -1;
	cfg = want_gmet ? "cpu-gmet" : "cpu-nogmet";

	puts("uexec: platform: bare-metal GMET test, command line: ");
	puts(cmdline);
	puts("\nTAP version 13\n1..");
	putdec(want_gmet < 0 ? 1 : 2 + 2 * 2 * 2 * 3 + 3 + 3);
	puts("\n");
	if (want_gmet < 0) {
		tap(0, "command-line # neither gmet=1 nor gmet=0 on the command line\n");
		goto out;
	}

	cpuid(0x80000001, &a, &b, &c, &d);
	have_svm = (c >> 2) & 1;
	cpuid(0x8000000a, &a, &b, &c, &d);
	have_np = d & 1;
	cpuid_gmet = (d >> 17) & 1;
	tap(have_svm && have_np, cfg);
	puts(":cpuid-svm-npt # CPUID Fn8000_000A EDX ");
	puthex(d);
	puts("\n");
	tap(cpuid_gmet == want_gmet, cfg);
	puts(":cpuid-gmet-bit17 # expected ");
	putdec(want_gmet);
	puts(", CPUID Fn8000_000A EDX bit 17 is ");
	putdec(cpuid_gmet);
	puts("\n");
	if (!have_svm || !have_np)
		goto out;

	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SVME);
	wrmsr(MSR_VM_HSAVE_PA, (u64)hsave);
	setup_guest_page_tables();

	for (m = 0; m < 2; m++)
		for (cpl = 0; cpl <= 3; cpl += 3)
			for (op = FETCH; op <= WRITE; op++) {
				access_case(cfg, mode_names[m], modes[m], cpuid_gmet, cpl, op, 1);
				access_case(cfg, mode_names[m], modes[m], cpuid_gmet, cpl, op, 0);
			}

	/* GMET without nested paging: ignored (no nested tables to apply it to) */
	access_case(cfg, "gmet-without-np", NESTED_CTL_GMET, cpuid_gmet, 0, FETCH, 1);
	access_case(cfg, "gmet-without-np", NESTED_CTL_GMET, cpuid_gmet, 0, READ, 0);
	access_case(cfg, "gmet-without-np", NESTED_CTL_GMET, cpuid_gmet, 0, WRITE, 0);

	/* the TLB must not carry a user fetch or a read over to a supervisor fetch */
	tlb_case(cfg, cpuid_gmet, "user-fetch-then-syscall-fetch", 3, c_call_syscall,
		 0, (u64)page_a + RET_OFFSET, page_a);
	tlb_case(cfg, cpuid_gmet, "read-then-fetch", 0, c_read_jmp,
		 (u64)page_a + DATA_OFFSET, (u64)page_a, 0);
	tlb_case(cfg, cpuid_gmet, "user-read-then-syscall-fetch", 3, c_read_syscall,
		 (u64)page_a + DATA_OFFSET, 0, page_a);

out:
	puts("# ");
	putdec(failures);
	puts(" failed\nuexec: end of TAP\n");
	poweroff();
}
