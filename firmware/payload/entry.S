/*
 * S-mode entry of the SBI test payload (README.md). The firmware (OpenSBI or rvcsbi) enters
 * _start in S-mode with a0 = hart id, a1 = device tree, satp = 0 and interrupts off.
 * Besides _start: the SBI call, rvc_exit for an S-mode program, and a trap vector that
 * reports the trap (payload_trap in C#). rv32 and rv64.
 */

#include "../../runtime-stub/boot/riscv-regs.h"

#define SSTATUS_FS_INITIAL 0x2000
#define SIFIVE_TEST 0x100000
#define FINISHER_PASS 0x5555
#define FINISHER_FAIL 0x3333
#define SBI_EXT_SRST 0x53525354

    .section .text.init, "ax", @progbits
    .globl _start
    .type _start, @function
_start:
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    la sp, __stack_top

    la t0, __bss_start
    la t1, __bss_end
1:
    bgeu t0, t1, 2f
    REG_S zero, 0(t0)
    addi t0, t0, REGBYTES
    j 1b
2:
    la t0, payload_hartid
    REG_S a0, 0(t0)
    la t0, payload_dtb
    REG_S a1, 0(t0)

    /* The FPU: the firmware may have left it on, a program does not rely on that. */
    li t0, SSTATUS_FS_INITIAL
    csrs sstatus, t0
    csrw fcsr, zero

    la t0, payload_trap_vector
    csrw stvec, t0

    /* The frame-pointer chain a panic walks (docs/abi.md, "Stack traces") ends here. */
    li s0, 0
    call rvc_managed_entry
    call rvc_exit
    .size _start, . - _start

    .text

/*
 * void rvc_exit(int status) (noreturn), for an S-mode program: status 0 powers off with SBI
 * SRST (shutdown, no reason); any other status is written to sifive_test, as the M-mode boot
 * code does, because SRST cannot carry it (docs/abi.md, "System reset and the exit status").
 */
    .globl rvc_exit
    .type rvc_exit, @function
rvc_exit:
    bnez a0, 1f
    li a7, SBI_EXT_SRST
    li a6, 0
    li a0, 0
    li a1, 0
    ecall
    /* SRST returned: fall back to sifive_test with status 0. */
    li a0, 0
1:
    li t0, SIFIVE_TEST
    li t1, FINISHER_PASS
    beqz a0, 2f
    slli t1, a0, 16
    li t2, FINISHER_FAIL
    or t1, t1, t2
2:
    sw t1, 0(t0)
3:
    wfi
    j 3b
    .size rvc_exit, . - rvc_exit

/*
 * nint sbi_call(nuint eid, nuint fid, nuint arg0, nuint arg1, nuint arg2, nuint* value):
 * ecall with a7 = eid, a6 = fid, a0-a2 = the arguments; returns a0 (sbiret.error, or a legacy
 * call's value) and stores a1 (sbiret.value) at *value.
 */
    .globl sbi_call
    .type sbi_call, @function
sbi_call:
    mv t0, a5
    mv a7, a0
    mv a6, a1
    mv a0, a2
    mv a1, a3
    mv a2, a4
    ecall
    REG_S a1, 0(t0)
    ret
    .size sbi_call, . - sbi_call

/* nuint payload_boot_hartid(void), payload_boot_dtb(void): a0 and a1 at entry. */
    .globl payload_boot_hartid
    .type payload_boot_hartid, @function
payload_boot_hartid:
    la t0, payload_hartid
    REG_L a0, 0(t0)
    ret
    .size payload_boot_hartid, . - payload_boot_hartid

    .globl payload_boot_dtb
    .type payload_boot_dtb, @function
payload_boot_dtb:
    la t0, payload_dtb
    REG_L a0, 0(t0)
    ret
    .size payload_boot_dtb, . - payload_boot_dtb

/*
 * The S-mode trap vector: every trap the payload takes is the end of a test (a fault it caused
 * on purpose, or a bug), so it only reports: payload_trap(scause, sepc, stval) does not return.
 */
    .balign 4
    .globl payload_trap_vector
    .type payload_trap_vector, @function
payload_trap_vector:
    csrr a0, scause
    csrr a1, sepc
    csrr a2, stval
    call payload_trap
1:
    wfi
    j 1b
    .size payload_trap_vector, . - payload_trap_vector

/* Weak stub, as in runtime-stub/boot/riscv.S: the core library's host branch still links. */
    .weak rvc_host_write
    .type rvc_host_write, @function
rvc_host_write:
    li a0, -1
    ret
    .size rvc_host_write, . - rvc_host_write

    .section .bss, "aw", @nobits
    .balign REGBYTES
payload_hartid:
    .zero REGBYTES
payload_dtb:
    .zero REGBYTES
