/*
 * Start-up code of the C yardstick for QEMU virt with -bios none (rv32 and rv64). QEMU starts every hart in
 * M-mode at 0x80000000 with a0 = hart id and a1 = device-tree address; linker/virt.ld puts .text.init first.
 * Hart 0 gets a stack, zeroes .bss, enables the FPU (the ABI is ilp32d/lp64d), installs a trap vector and calls
 * main(dtb); main's return value goes to exit_qemu. The other harts sleep.
 */

#if __riscv_xlen == 64
#define REG_S sd
#define REGBYTES 8
#else
#define REG_S sw
#define REGBYTES 4
#endif

    .section .text.init, "ax", @progbits
    .globl _start
_start:
    csrr t0, mhartid
    bnez t0, .Lpark

    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    la sp, __stack_top

    la t0, __bss_start
    la t1, __bss_end
1:  bgeu t0, t1, 2f
    REG_S zero, 0(t0)
    addi t0, t0, REGBYTES
    j 1b
2:
    li t0, 0x2000               /* mstatus.FS = Initial */
    csrs mstatus, t0
    csrw fcsr, zero

    la t0, trap_entry
    csrw mtvec, t0

    mv a0, a1                   /* main(dtb) */
    call main
    call exit_qemu              /* does not return */

.Lpark:
    wfi
    j .Lpark

    .text
/* Any trap is a bug here (no interrupts are enabled): report it and stop. */
    .balign 4
trap_entry:
    csrr a0, mcause
    csrr a1, mepc
    csrr a2, mtval
    call trap_report            /* does not return */
