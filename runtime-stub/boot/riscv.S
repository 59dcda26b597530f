/*
 * Boot code for QEMU virt (-bios none), rv32 and rv64 (docs/abi.md, "Start-up sequence").
 * The machine starts every hart in M-mode at 0x80000000 (_start, placed first by
 * linker/virt.ld) with a0 = hart id, a1 = device-tree address and a2 = address of QEMU's
 * struct fw_dynamic_info (what the SBI firmware in firmware/ reads; other programs ignore it).
 *
 * Assemble with clang-19 --target=riscv64-unknown-none-elf -march=rv64gc -mabi=lp64d
 * or --target=riscv32-unknown-none-elf -march=rv32gc -mabi=ilp32d.
 */

#include "riscv-regs.h"

/* The sifive_test device: writing here ends QEMU (docs/abi.md, rvc_exit). */
#define SIFIVE_TEST 0x100000
#define FINISHER_PASS 0x5555
#define FINISHER_FAIL 0x3333

/* mstatus.FS (bits 13-14) = Initial: FP instructions no longer trap. */
#define MSTATUS_FS_INITIAL 0x2000

/*
 * Trap frame: the registers a C function may clobber (ra, t0-t6, a0-a7 and the
 * caller-saved FP registers ft0-ft11, fa0-fa7, plus fcsr), so that a handler which returns
 * resumes the interrupted code intact. FP registers are 8 bytes on both (D extension).
 */
#define INT_SAVED 16
#define FP_SAVED 20
#define FP_BASE (INT_SAVED * REGBYTES)
#define FCSR_SLOT (FP_BASE + FP_SAVED * 8)
/* Stack kept below rvc_stack_limit for the stack-overflow report (frames up to this size are caught too). */
#define STACK_RESERVE 8192
#define FRAME_SIZE ((FCSR_SLOT + REGBYTES + 15) & ~15)

    .section .text.init, "ax", @progbits
    .globl _start
    .type _start, @function
_start:
    /* Only hart 0 runs the program; the others sleep forever. */
    csrr t0, mhartid
    bnez t0, .Lpark

    /* gp must be loaded with an absolute address, not relaxed to itself. */
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop

    la sp, __stack_top

    /* Zero .bss; virt.ld aligns both ends to 16 bytes, so whole registers fit. */
    la t0, __bss_start
    la t1, __bss_end
1:
    bgeu t0, t1, 2f
    REG_S zero, 0(t0)
    addi t0, t0, REGBYTES
    j 1b
2:
    /* After zeroing: the three globals live in .bss. */
    la t0, rvc_boot_hartid
    REG_S a0, 0(t0)
    la t0, rvc_boot_dtb
    REG_S a1, 0(t0)
    la t0, rvc_boot_fw_info
    REG_S a2, 0(t0)

    /* Compiled code checks the stack pointer against rvc_stack_limit on entry (docs/abi.md, "Stack
       overflow"): the bottom of the stack plus a reserve for printing "Stack overflow.". */
    /* __stack_bottom is weak: under a linker script without it (firmware/firmware.ld) the limit stays
       at STACK_RESERVE, below any stack, and nothing is checked. */
    .weak __stack_bottom
    la t0, __stack_bottom
    li t1, STACK_RESERVE
    add t0, t0, t1
    la t1, rvc_stack_limit
    REG_S t0, 0(t1)

    /* Enable the FPU before any compiled code (or the trap entry) uses it. */
    li t0, MSTATUS_FS_INITIAL
    csrs mstatus, t0
    csrw fcsr, zero

    /* Direct mode: the handler's address must be 4-byte aligned (low bits are the mode). */
    la t0, rvc_trap_entry
    csrw mtvec, t0

    /* The frame-pointer chain a panic walks (docs/abi.md, "Stack traces") ends here. */
    li s0, 0
    call rvc_managed_entry
    /* a0 holds Main's status. */
    call rvc_exit
    /* rvc_exit does not return. */

.Lpark:
    wfi
    j .Lpark
    .size _start, . - _start

    .text

/* void rvc_exit(int status): 0 -> PASS (QEMU exits 0), else FAIL with the status as exit code. */
    .globl rvc_exit
    .type rvc_exit, @function
rvc_exit:
    li t0, SIFIVE_TEST
    bnez a0, 1f
    li t1, FINISHER_PASS
    j 2f
1:
    slli t1, a0, 16
    li t2, FINISHER_FAIL
    or t1, t1, t2
2:
    sw t1, 0(t0)
    /* Only reached if there is no sifive_test device. */
3:
    wfi
    j 3b
    .size rvc_exit, . - rvc_exit

/*
 * nint rvc_host_write(int fd, byte* p, nint len): host only (docs/abi.md). This weak stub
 * lets code that is compiled but never taken on RISC-V (a host branch the optimizer did not
 * remove, e.g. at -O0) still link. It reports failure.
 */
    .weak rvc_host_write
    .type rvc_host_write, @function
rvc_host_write:
    li a0, -1
    ret
    .size rvc_host_write, . - rvc_host_write

/*
 * void* rvc_kernel_end(void): linker/virt.ld's __kernel_end, the first byte after the image
 * (stack included), where free RAM starts. void* rvc_device_tree(void): the device-tree
 * address the machine passed in a1 (the global rvc_boot_dtb). C# can call a [DllImport]
 * function but cannot import a data symbol or a symbol's address, hence these accessors.
 */
    .globl rvc_kernel_end
    .type rvc_kernel_end, @function
rvc_kernel_end:
    la a0, __kernel_end
    ret
    .size rvc_kernel_end, . - rvc_kernel_end

    .globl rvc_device_tree
    .type rvc_device_tree, @function
rvc_device_tree:
    la t0, rvc_boot_dtb
    REG_L a0, 0(t0)
    ret
    .size rvc_device_tree, . - rvc_device_tree

/* void* rvc_boot_firmware_info(void): the value of rvc_boot_fw_info (a2 at entry). */
    .globl rvc_boot_firmware_info
    .type rvc_boot_firmware_info, @function
rvc_boot_firmware_info:
    la t0, rvc_boot_fw_info
    REG_L a0, 0(t0)
    ret
    .size rvc_boot_firmware_info, . - rvc_boot_firmware_info

/*
 * The trap vector. Saves the caller-saved state on the current stack, calls
 * rvc_trap(mcause, mepc, mtval), and if that returns, restores everything and returns
 * to mepc with mret.
 */
    .balign 4
    .globl rvc_trap_entry
    .type rvc_trap_entry, @function
rvc_trap_entry:
    addi sp, sp, -FRAME_SIZE
    REG_S ra, (0 * REGBYTES)(sp)
    REG_S t0, (1 * REGBYTES)(sp)
    REG_S t1, (2 * REGBYTES)(sp)
    REG_S t2, (3 * REGBYTES)(sp)
    REG_S t3, (4 * REGBYTES)(sp)
    REG_S t4, (5 * REGBYTES)(sp)
    REG_S t5, (6 * REGBYTES)(sp)
    REG_S t6, (7 * REGBYTES)(sp)
    REG_S a0, (8 * REGBYTES)(sp)
    REG_S a1, (9 * REGBYTES)(sp)
    REG_S a2, (10 * REGBYTES)(sp)
    REG_S a3, (11 * REGBYTES)(sp)
    REG_S a4, (12 * REGBYTES)(sp)
    REG_S a5, (13 * REGBYTES)(sp)
    REG_S a6, (14 * REGBYTES)(sp)
    REG_S a7, (15 * REGBYTES)(sp)
    fsd ft0, (FP_BASE + 0 * 8)(sp)
    fsd ft1, (FP_BASE + 1 * 8)(sp)
    fsd ft2, (FP_BASE + 2 * 8)(sp)
    fsd ft3, (FP_BASE + 3 * 8)(sp)
    fsd ft4, (FP_BASE + 4 * 8)(sp)
    fsd ft5, (FP_BASE + 5 * 8)(sp)
    fsd ft6, (FP_BASE + 6 * 8)(sp)
    fsd ft7, (FP_BASE + 7 * 8)(sp)
    fsd ft8, (FP_BASE + 8 * 8)(sp)
    fsd ft9, (FP_BASE + 9 * 8)(sp)
    fsd ft10, (FP_BASE + 10 * 8)(sp)
    fsd ft11, (FP_BASE + 11 * 8)(sp)
    fsd fa0, (FP_BASE + 12 * 8)(sp)
    fsd fa1, (FP_BASE + 13 * 8)(sp)
    fsd fa2, (FP_BASE + 14 * 8)(sp)
    fsd fa3, (FP_BASE + 15 * 8)(sp)
    fsd fa4, (FP_BASE + 16 * 8)(sp)
    fsd fa5, (FP_BASE + 17 * 8)(sp)
    fsd fa6, (FP_BASE + 18 * 8)(sp)
    fsd fa7, (FP_BASE + 19 * 8)(sp)
    csrr t0, fcsr
    REG_S t0, FCSR_SLOT(sp)

    csrr a0, mcause
    csrr a1, mepc
    csrr a2, mtval
    call rvc_trap

    REG_L t0, FCSR_SLOT(sp)
    csrw fcsr, t0
    fld ft0, (FP_BASE + 0 * 8)(sp)
    fld ft1, (FP_BASE + 1 * 8)(sp)
    fld ft2, (FP_BASE + 2 * 8)(sp)
    fld ft3, (FP_BASE + 3 * 8)(sp)
    fld ft4, (FP_BASE + 4 * 8)(sp)
    fld ft5, (FP_BASE + 5 * 8)(sp)
    fld ft6, (FP_BASE + 6 * 8)(sp)
    fld ft7, (FP_BASE + 7 * 8)(sp)
    fld ft8, (FP_BASE + 8 * 8)(sp)
    fld ft9, (FP_BASE + 9 * 8)(sp)
    fld ft10, (FP_BASE + 10 * 8)(sp)
    fld ft11, (FP_BASE + 11 * 8)(sp)
    fld fa0, (FP_BASE + 12 * 8)(sp)
    fld fa1, (FP_BASE + 13 * 8)(sp)
    fld fa2, (FP_BASE + 14 * 8)(sp)
    fld fa3, (FP_BASE + 15 * 8)(sp)
    fld fa4, (FP_BASE + 16 * 8)(sp)
    fld fa5, (FP_BASE + 17 * 8)(sp)
    fld fa6, (FP_BASE + 18 * 8)(sp)
    fld fa7, (FP_BASE + 19 * 8)(sp)
    REG_L ra, (0 * REGBYTES)(sp)
    REG_L t0, (1 * REGBYTES)(sp)
    REG_L t1, (2 * REGBYTES)(sp)
    REG_L t2, (3 * REGBYTES)(sp)
    REG_L t3, (4 * REGBYTES)(sp)
    REG_L t4, (5 * REGBYTES)(sp)
    REG_L t5, (6 * REGBYTES)(sp)
    REG_L t6, (7 * REGBYTES)(sp)
    REG_L a0, (8 * REGBYTES)(sp)
    REG_L a1, (9 * REGBYTES)(sp)
    REG_L a2, (10 * REGBYTES)(sp)
    REG_L a3, (11 * REGBYTES)(sp)
    REG_L a4, (12 * REGBYTES)(sp)
    REG_L a5, (13 * REGBYTES)(sp)
    REG_L a6, (14 * REGBYTES)(sp)
    REG_L a7, (15 * REGBYTES)(sp)
    addi sp, sp, FRAME_SIZE
    mret
    .size rvc_trap_entry, . - rvc_trap_entry

/*
 * rvc_setjmp / rvc_longjmp, the exception frames of try/finally: in a file of their own so that
 * a program with its own boot code (an S-mode program) can assemble them too.
 */
#include "riscv-setjmp.S"

/* uintptr_t rvc_boot_hartid, rvc_boot_dtb, rvc_boot_fw_info: a0, a1 and a2 at entry. */
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
/* void* rvc_stack_limit: the lowest stack pointer compiled code may run with (see _start). */
    .globl rvc_stack_limit
    .type rvc_stack_limit, @object
rvc_stack_limit:
    .zero REGBYTES
    .size rvc_stack_limit, REGBYTES
    .globl rvc_boot_fw_info
    .type rvc_boot_fw_info, @object
rvc_boot_fw_info:
    .zero REGBYTES
    .size rvc_boot_fw_info, REGBYTES
