// SPDX-License-Identifier: GPL-2.0
/*
 * Print what the (emulated) CPU advertises for two-dimensional paging and
 * user/supervisor execute separation: SVM/NPT/GMET on AMD, VMX secondary
 * controls (MBEC) and EPT capabilities (advanced EPT-violation info) on
 * Intel.  Runs in the test guest, whose kernel is the KVM host under test.
 */
#include <cpuid.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define MSR_IA32_VMX_PROCBASED_CTLS	0x482
#define MSR_IA32_VMX_PROCBASED_CTLS2	0x48b
#define MSR_IA32_VMX_EPT_VPID_CAP	0x48c

static int rdmsr(uint32_t msr, uint64_t *val)
{
	int fd = open("/dev/cpu/0/msr", O_RDONLY);
	int ok;

	if (fd < 0)
		return -1;
	ok = pread(fd, val, sizeof(*val), msr) == sizeof(*val);
	close(fd);
	return ok ? 0 : -1;
}

static void bit(const char *name, uint64_t val, int nr)
{
	printf(" %s=%d", name, (int)((val >> nr) & 1));
}

static void amd(void)
{
	unsigned int a, b, c, d;

	__cpuid(0x80000001, a, b, c, d);
	printf("uexec: cpu: svm=%d\n", (c >> 2) & 1);
	if (!((c >> 2) & 1))
		return;
	__cpuid(0x8000000a, a, b, c, d);
	printf("uexec: cpu: CPUID 0x8000000a edx=%#x:", d);
	bit("npt", d, 0);
	bit("nrips", d, 3);
	bit("flushbyasid", d, 6);
	bit("gmet", d, 17);
	printf("\n");
}

static void intel(void)
{
	uint64_t ctls, ctls2, ept;
	unsigned int a, b, c, d;

	__cpuid(1, a, b, c, d);
	printf("uexec: cpu: vmx=%d\n", (c >> 5) & 1);
	if (!((c >> 5) & 1))
		return;
	if (rdmsr(MSR_IA32_VMX_PROCBASED_CTLS, &ctls)) {
		printf("uexec: cpu: cannot read VMX MSRs (IA32_FEATURE_CONTROL?)\n");
		return;
	}
	if (!(ctls >> 63)) {
		printf("uexec: cpu: no secondary controls\n");
		return;
	}
	rdmsr(MSR_IA32_VMX_PROCBASED_CTLS2, &ctls2);
	printf("uexec: cpu: MSR 0x48b=%#018llx allowed-1:",
	       (unsigned long long)ctls2);
	bit("ept", ctls2, 32 + 1);
	bit("vpid", ctls2, 32 + 5);
	bit("unrestricted", ctls2, 32 + 7);
	bit("mbec", ctls2, 32 + 22);
	printf("\n");
	if (!((ctls2 >> 33) & 1))
		return;
	rdmsr(MSR_IA32_VMX_EPT_VPID_CAP, &ept);
	printf("uexec: cpu: MSR 0x48c=%#018llx:", (unsigned long long)ept);
	bit("ad", ept, 21);
	bit("advanced_exit_info", ept, 22);
	printf("\n");
}

int main(void)
{
	unsigned int a, b, c, d;
	char vendor[13];

	__cpuid(0, a, b, c, d);
	memcpy(vendor, &b, 4);
	memcpy(vendor + 4, &d, 4);
	memcpy(vendor + 8, &c, 4);
	vendor[12] = 0;
	printf("uexec: cpu: vendor %s\n", vendor);
	if (!strcmp(vendor, "AuthenticAMD"))
		amd();
	else
		intel();
	return 0;
}
