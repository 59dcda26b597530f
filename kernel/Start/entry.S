/*
 * The kernel's entry (kernel/README.md, "Boot path"). SBI firmware (OpenSBI, or the project's own) jumps here,
 * to 0x80200000 (kernel.ld), in S-mode on the boot hart with a0 = hart id, a1 = device-tree address, satp = 0
 * (no translation) and interrupts off. Only that hart enters: the others stay stopped in the firmware.
 *
 * Also here: what the core library and the kernel's C# need from assembly (rvc_exit, the linker symbols,
 * the SBI call, sfence.vma); the trap vector is in trap.S, setjmp/longjmp in runtime-stub/boot/riscv-setjmp.S.
 */
#include "../../runtime-stub/boot/riscv-regs.h"

/* sstatus.FS (bits 13-14) = Initial: FP instructions no longer trap. */
#define SSTATUS_FS_INITIAL 0x2000

/* SBI (SBI specification 2.0): the SRST extension's system_reset, and the legacy shutdown. */
#define SBI_EXT_SRST 0x53525354
#define SBI_LEGACY_SHUTDOWN 0x08

    .section .text.init, "ax", @progbits
    .globl _start
    .type _start, @function
_start:
    /* gp must be loaded with an absolute address, not relaxed to itself. */
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop

    la sp, __stack_top

    /* Zero .bss; kernel.ld aligns both ends to 16 bytes, so whole registers fit. */
    la t0, __bss_start
    la t1, __bss_end
1:
    bgeu t0, t1, 2f
    REG_S zero, 0(t0)
    addi t0, t0, REGBYTES
    j 1b
2:
    /* After zeroing: the two globals live in .bss. */
    la t0, rvc_boot_hartid
    REG_S a0, 0(t0)
    la t0, rvc_boot_dtb
    REG_S a1, 0(t0)

    /* Enable the FPU before any compiled code (or the trap entry) uses it. */
    li t0, SSTATUS_FS_INITIAL
    csrs sstatus, t0
    csrw fcsr, zero

    /* No interrupt source enabled yet; traps go to trap.S, on the trap stack whose top sscratch holds. */
    csrw sie, zero
    la t0, __trap_stack_top
    csrw sscratch, t0
    la t0, rvc_kernel_trap_entry
    csrw stvec, t0

    /* The frame-pointer chain a panic walks (docs/abi.md, "Stack traces") ends here. */
    li s0, 0
    call rvc_managed_entry
    /* a0 holds Main's status. */
    call rvc_exit
    /* rvc_exit does not return. */
    .size _start, . - _start

    .text

/*
 * void rvc_exit(int status): the core library's exit (Main's return, a panic). The kernel's C# power-off
 * (Sbi/PowerOffHandler.cs) says the status and asks the firmware to shut down (SRST). Should that return, the
 * shutdown is asked for here once more with no C# involved, then the legacy extension's; then the hart sleeps.
 */
    .globl rvc_exit
    .type rvc_exit, @function
rvc_exit:
    mv s0, a0
    call rvc_kernel_power_off
    .globl rvc_exit_without_csharp
rvc_exit_without_csharp:
    li a7, SBI_EXT_SRST
    li a6, 0            /* system_reset */
    li a0, 0            /* type: shutdown */
    snez a1, s0         /* reason: none (status 0) or system failure */
    ecall
    li a7, SBI_LEGACY_SHUTDOWN
    ecall
3:
    wfi
    j 3b
    .size rvc_exit, . - rvc_exit

/* nint rvc_host_write(int fd, byte* p, nint len): host only (docs/abi.md); never called here. Reports failure. */
    .weak rvc_host_write
    .type rvc_host_write, @function
rvc_host_write:
    li a0, -1
    ret
    .size rvc_host_write, . - rvc_host_write

/*
 * nint rvc_sbi_call(nuint eid, nuint fid, nuint arg0, nuint arg1, nuint arg2, nuint* value): one SBI call
 * (SBI specification, "Binary Encoding"): a7 = extension, a6 = function, a0-a2 = arguments; the firmware
 * returns the error in a0 (0: success) and the value in a1, which is stored at *value.
 */
    .globl rvc_sbi_call
    .type rvc_sbi_call, @function
rvc_sbi_call:
    mv a7, a0
    mv a6, a1
    mv t0, a5
    mv a0, a2
    mv a1, a3
    mv a2, a4
    ecall
    REG_S a1, 0(t0)
    ret
    .size rvc_sbi_call, . - rvc_sbi_call

/* void rvc_sfence_vma(void): orders the page-table writes before every later translation and flushes the TLB. */
    .globl rvc_sfence_vma
    .type rvc_sfence_vma, @function
rvc_sfence_vma:
    sfence.vma zero, zero
    ret
    .size rvc_sfence_vma, . - rvc_sfence_vma

/* void rvc_sfence_vma_page(void* va): the same for the one page holding va (privileged specification 10.2.1). */
    .globl rvc_sfence_vma_page
    .type rvc_sfence_vma_page, @function
rvc_sfence_vma_page:
    sfence.vma a0, zero
    ret
    .size rvc_sfence_vma_page, . - rvc_sfence_vma_page

/*
 * void rvc_jump_to(void* pc): jumps to pc (the kernel's test mode that executes from a data page: C# cannot
 * call an address it has no delegate for without an indirect call the compiler would have to trust).
 */
    .globl rvc_jump_to
    .type rvc_jump_to, @function
rvc_jump_to:
    jr a0
    .size rvc_jump_to, . - rvc_jump_to

/*
 * The boot facts C# cannot reach by itself (it can call a [DllImport] function but not import a data symbol
 * or a symbol's address): the device tree and hart id of a0/a1 at entry, and the image's layout.
 */
    .globl rvc_device_tree
    .type rvc_device_tree, @function
rvc_device_tree:
    la t0, rvc_boot_dtb
    REG_L a0, 0(t0)
    ret
    .size rvc_device_tree, . - rvc_device_tree

    .globl rvc_boot_hart_id
    .type rvc_boot_hart_id, @function
rvc_boot_hart_id:
    la t0, rvc_boot_hartid
    REG_L a0, 0(t0)
    ret
    .size rvc_boot_hart_id, . - rvc_boot_hart_id

    .globl rvc_kernel_end
    .type rvc_kernel_end, @function
rvc_kernel_end:
    la a0, __kernel_end
    ret
    .size rvc_kernel_end, . - rvc_kernel_end

/* const KernelLayout* rvc_kernel_layout(void): the table below (Memory/KernelLayout.cs reads it). */
    .globl rvc_kernel_layout
    .type rvc_kernel_layout, @function
rvc_kernel_layout:
    la a0, rvc_layout_table
    ret
    .size rvc_kernel_layout, . - rvc_kernel_layout

    .section .rodata
    .balign REGBYTES
rvc_layout_table:
#if __riscv_xlen == 64
#define ADDR .dword
#else
#define ADDR .word
#endif
    ADDR __kernel_start
    ADDR __text_start
    ADDR __text_end
    ADDR __rodata_start
    ADDR __rodata_end
    ADDR __data_start
    ADDR __data_end
    ADDR __stack_guard
    ADDR __trap_stack_guard
    ADDR __nested_stack_guard
    ADDR __kernel_end

/* uintptr_t rvc_boot_hartid, rvc_boot_dtb: a0 and a1 at entry. */
    .section .bss, "aw", @nobits
    .balign REGBYTES
    .globl rvc_boot_hartid
    .type rvc_boot_hartid, @object
rvc_boot_hartid:
    .zero REGBYTES
    .size rvc_boot_hartid, REGBYTES
    .globl rvc_boot_dtb
    .type rvc_boot_dtb, @object
rvc_boot_dtb:
    .zero REGBYTES
    .size rvc_boot_dtb, REGBYTES
