/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Multiboot entry of the GMET emulator test: from 32-bit protected mode
 * (as a multiboot loader leaves it) into long mode with the first GiB
 * identity-mapped, then main(). Also the guest's code pages and the VMRUN
 * wrapper.
 */
#define MB_MAGIC	0x1badb002
#define MB_FLAGS	0x00010000	/* the address fields below are valid */

	.section .multiboot, "a"
	.balign 4
mb_header:
	.long MB_MAGIC, MB_FLAGS, -(MB_MAGIC + MB_FLAGS)
	.long mb_header, image_start, image_data_end, image_end, entry32

	.text
	.code32
	.globl entry32
entry32:
	cli
	mov	$host_stack_top, %esp
	mov	%ebx, %esi			/* multiboot information */

	/* host page tables: PML4[0] -> PDPT[0] -> PD of 2 MiB pages */
	mov	$host_pdpt, %eax
	or	$0x3, %eax
	mov	%eax, host_pml4
	mov	$host_pd, %eax
	or	$0x3, %eax
	mov	%eax, host_pdpt
	xor	%ecx, %ecx
1:	mov	%ecx, %eax
	shl	$21, %eax
	or	$0x83, %eax			/* P, RW, PS */
	mov	%eax, host_pd(,%ecx,8)
	inc	%ecx
	cmp	$512, %ecx
	jb	1b

	mov	%cr4, %eax
	or	$0x20, %eax			/* PAE */
	mov	%eax, %cr4
	mov	$host_pml4, %eax
	mov	%eax, %cr3
	mov	$0xc0000080, %ecx		/* EFER */
	rdmsr
	or	$0x900, %eax			/* LME, NXE */
	wrmsr
	mov	%cr0, %eax
	or	$0x80000001, %eax		/* PG, PE */
	mov	%eax, %cr0
	lgdt	gdt_desc
	ljmp	$0x08, $entry64

	.code64
entry64:
	mov	$0x10, %ax
	mov	%ax, %ds
	mov	%ax, %es
	mov	%ax, %ss
	mov	%esi, %edi
	call	main
2:	hlt
	jmp	2b

/*
 * u64 vmrun(u64 vmcb_pa, u64 guest_rcx): run the guest until #VMEXIT. The
 * guest gets RCX from here (VMRUN loads only RAX, RSP and RIP); it may
 * clobber RBX, RCX and R11.
 */
	.globl vmrun
vmrun:
	push	%rbx
	push	%rbp
	push	%r12
	push	%r13
	push	%r14
	push	%r15
	mov	%rsi, %rcx
	mov	%rdi, %rax
	vmrun	%rax
	pop	%r15
	pop	%r14
	pop	%r13
	pop	%r12
	pop	%rbp
	pop	%rbx
	ret

/*
 * Guest pages. page_a and page_b: VMMCALL at offset 0 (a fetch test jumps
 * there), RET at 0x10 (a test calls it), a data word at 0x800 (read and
 * written). page_c: the code that reads, writes or fetches them and then
 * exits with VMMCALL.
 */
	.section .guest, "awx"
	.balign 4096
	.globl page_a, page_b, page_c
	.globl c_read, c_write, c_call_syscall, c_read_jmp, c_read_syscall
page_a:
	vmmcall
	.balign 16
	ret
	.balign 2048
	.quad 0x1111111111111111
	.balign 4096
page_b:
	vmmcall
	.balign 16
	ret
	.balign 2048
	.quad 0x2222222222222222
	.balign 4096
page_c:
c_read:					/* read [rax] */
	mov	(%rax), %rax
	vmmcall
c_write:				/* write [rax] */
	mov	%rax, (%rax)
	vmmcall
c_call_syscall:				/* fetch at [rcx] (CPL 3), SYSCALL to LSTAR */
	call	*%rcx
	syscall
	vmmcall
c_read_jmp:				/* read [rax], then fetch at [rcx] */
	mov	(%rax), %rbx
	jmp	*%rcx
c_read_syscall:				/* read [rax] (CPL 3), SYSCALL to LSTAR */
	mov	(%rax), %rbx
	syscall
	vmmcall
	.balign 4096

	.data
	.balign 8
gdt:
	.quad 0
	.quad 0x00af9a000000ffff		/* 0x08: 64-bit code */
	.quad 0x00cf92000000ffff		/* 0x10: data */
gdt_desc:
	.word gdt_desc - gdt - 1
	.quad gdt

	.bss
	.balign 4096
host_pml4:	.skip 4096
host_pdpt:	.skip 4096
host_pd:	.skip 4096
	.skip 16384
host_stack_top:
