/*
 * The kernel's trap vector (stvec, direct mode): every exception and interrupt taken in S-mode comes here
 * (Traps/TrapHandler.cs has the C# side, kernel/README.md "Traps").
 *
 * The whole register file goes into a trap frame on the trap stack, whose top sscratch holds while no trap
 * is being handled (entry.S sets it): the frame is the layout of Traps/TrapFrame.cs, x0-x31 (x2 the
 * interrupted sp, x0's slot unused), sepc, sstatus, scause, stval, then f0-f31 and fcsr. sscratch is zero
 * while the C# handler runs, so a trap inside the handler (or a kernel stack overflow's fault on the way in)
 * is recognised as nested and reported on a stack of its own instead of recursing forever. A handler that
 * returns (an interrupt was handled) resumes the interrupted code with sret, every register as it was.
 */
#include "regs.h"

#define SEPC_SLOT (32 * REGBYTES)
#define SSTATUS_SLOT (33 * REGBYTES)
#define SCAUSE_SLOT (34 * REGBYTES)
#define STVAL_SLOT (35 * REGBYTES)
#define FP_BASE (36 * REGBYTES)
#define FCSR_SLOT (FP_BASE + 32 * 8)
#define FRAME_SIZE ((FCSR_SLOT + REGBYTES + 15) & ~15)

    .text
    .balign 4
    .globl rvc_kernel_trap_entry
    .type rvc_kernel_trap_entry, @function
rvc_kernel_trap_entry:
    /* sp <-> sscratch: sp is now the trap stack's top, or 0 when a trap is already being handled. */
    csrrw sp, sscratch, sp
    beqz sp, .Lnested
    addi sp, sp, -FRAME_SIZE
    REG_S x1, (1 * REGBYTES)(sp)
    REG_S x3, (3 * REGBYTES)(sp)
    REG_S x4, (4 * REGBYTES)(sp)
    REG_S x5, (5 * REGBYTES)(sp)
    REG_S x6, (6 * REGBYTES)(sp)
    REG_S x7, (7 * REGBYTES)(sp)
    REG_S x8, (8 * REGBYTES)(sp)
    REG_S x9, (9 * REGBYTES)(sp)
    REG_S x10, (10 * REGBYTES)(sp)
    REG_S x11, (11 * REGBYTES)(sp)
    REG_S x12, (12 * REGBYTES)(sp)
    REG_S x13, (13 * REGBYTES)(sp)
    REG_S x14, (14 * REGBYTES)(sp)
    REG_S x15, (15 * REGBYTES)(sp)
    REG_S x16, (16 * REGBYTES)(sp)
    REG_S x17, (17 * REGBYTES)(sp)
    REG_S x18, (18 * REGBYTES)(sp)
    REG_S x19, (19 * REGBYTES)(sp)
    REG_S x20, (20 * REGBYTES)(sp)
    REG_S x21, (21 * REGBYTES)(sp)
    REG_S x22, (22 * REGBYTES)(sp)
    REG_S x23, (23 * REGBYTES)(sp)
    REG_S x24, (24 * REGBYTES)(sp)
    REG_S x25, (25 * REGBYTES)(sp)
    REG_S x26, (26 * REGBYTES)(sp)
    REG_S x27, (27 * REGBYTES)(sp)
    REG_S x28, (28 * REGBYTES)(sp)
    REG_S x29, (29 * REGBYTES)(sp)
    REG_S x30, (30 * REGBYTES)(sp)
    REG_S x31, (31 * REGBYTES)(sp)
    /* The interrupted sp, and from now on a trap is nested. */
    csrrw t0, sscratch, zero
    REG_S t0, (2 * REGBYTES)(sp)
    csrr t0, sepc
    REG_S t0, SEPC_SLOT(sp)
    csrr t0, sstatus
    REG_S t0, SSTATUS_SLOT(sp)
    csrr t0, scause
    REG_S t0, SCAUSE_SLOT(sp)
    csrr t0, stval
    REG_S t0, STVAL_SLOT(sp)
    fsd f0, (FP_BASE + 0 * 8)(sp)
    fsd f1, (FP_BASE + 1 * 8)(sp)
    fsd f2, (FP_BASE + 2 * 8)(sp)
    fsd f3, (FP_BASE + 3 * 8)(sp)
    fsd f4, (FP_BASE + 4 * 8)(sp)
    fsd f5, (FP_BASE + 5 * 8)(sp)
    fsd f6, (FP_BASE + 6 * 8)(sp)
    fsd f7, (FP_BASE + 7 * 8)(sp)
    fsd f8, (FP_BASE + 8 * 8)(sp)
    fsd f9, (FP_BASE + 9 * 8)(sp)
    fsd f10, (FP_BASE + 10 * 8)(sp)
    fsd f11, (FP_BASE + 11 * 8)(sp)
    fsd f12, (FP_BASE + 12 * 8)(sp)
    fsd f13, (FP_BASE + 13 * 8)(sp)
    fsd f14, (FP_BASE + 14 * 8)(sp)
    fsd f15, (FP_BASE + 15 * 8)(sp)
    fsd f16, (FP_BASE + 16 * 8)(sp)
    fsd f17, (FP_BASE + 17 * 8)(sp)
    fsd f18, (FP_BASE + 18 * 8)(sp)
    fsd f19, (FP_BASE + 19 * 8)(sp)
    fsd f20, (FP_BASE + 20 * 8)(sp)
    fsd f21, (FP_BASE + 21 * 8)(sp)
    fsd f22, (FP_BASE + 22 * 8)(sp)
    fsd f23, (FP_BASE + 23 * 8)(sp)
    fsd f24, (FP_BASE + 24 * 8)(sp)
    fsd f25, (FP_BASE + 25 * 8)(sp)
    fsd f26, (FP_BASE + 26 * 8)(sp)
    fsd f27, (FP_BASE + 27 * 8)(sp)
    fsd f28, (FP_BASE + 28 * 8)(sp)
    fsd f29, (FP_BASE + 29 * 8)(sp)
    fsd f30, (FP_BASE + 30 * 8)(sp)
    fsd f31, (FP_BASE + 31 * 8)(sp)
    csrr t0, fcsr
    REG_S t0, FCSR_SLOT(sp)

    mv a0, sp
    call rvc_kernel_trap

    /* Handled: back to the interrupted code. */
    REG_L t0, FCSR_SLOT(sp)
    csrw fcsr, t0
    fld f0, (FP_BASE + 0 * 8)(sp)
    fld f1, (FP_BASE + 1 * 8)(sp)
    fld f2, (FP_BASE + 2 * 8)(sp)
    fld f3, (FP_BASE + 3 * 8)(sp)
    fld f4, (FP_BASE + 4 * 8)(sp)
    fld f5, (FP_BASE + 5 * 8)(sp)
    fld f6, (FP_BASE + 6 * 8)(sp)
    fld f7, (FP_BASE + 7 * 8)(sp)
    fld f8, (FP_BASE + 8 * 8)(sp)
    fld f9, (FP_BASE + 9 * 8)(sp)
    fld f10, (FP_BASE + 10 * 8)(sp)
    fld f11, (FP_BASE + 11 * 8)(sp)
    fld f12, (FP_BASE + 12 * 8)(sp)
    fld f13, (FP_BASE + 13 * 8)(sp)
    fld f14, (FP_BASE + 14 * 8)(sp)
    fld f15, (FP_BASE + 15 * 8)(sp)
    fld f16, (FP_BASE + 16 * 8)(sp)
    fld f17, (FP_BASE + 17 * 8)(sp)
    fld f18, (FP_BASE + 18 * 8)(sp)
    fld f19, (FP_BASE + 19 * 8)(sp)
    fld f20, (FP_BASE + 20 * 8)(sp)
    fld f21, (FP_BASE + 21 * 8)(sp)
    fld f22, (FP_BASE + 22 * 8)(sp)
    fld f23, (FP_BASE + 23 * 8)(sp)
    fld f24, (FP_BASE + 24 * 8)(sp)
    fld f25, (FP_BASE + 25 * 8)(sp)
    fld f26, (FP_BASE + 26 * 8)(sp)
    fld f27, (FP_BASE + 27 * 8)(sp)
    fld f28, (FP_BASE + 28 * 8)(sp)
    fld f29, (FP_BASE + 29 * 8)(sp)
    fld f30, (FP_BASE + 30 * 8)(sp)
    fld f31, (FP_BASE + 31 * 8)(sp)
    REG_L t0, SEPC_SLOT(sp)
    csrw sepc, t0
    REG_L t0, SSTATUS_SLOT(sp)
    csrw sstatus, t0
    /* Re-arm: the next trap starts on an empty trap stack again. */
    addi t0, sp, FRAME_SIZE
    csrw sscratch, t0
    REG_L x1, (1 * REGBYTES)(sp)
    REG_L x3, (3 * REGBYTES)(sp)
    REG_L x4, (4 * REGBYTES)(sp)
    REG_L x5, (5 * REGBYTES)(sp)
    REG_L x6, (6 * REGBYTES)(sp)
    REG_L x7, (7 * REGBYTES)(sp)
    REG_L x8, (8 * REGBYTES)(sp)
    REG_L x9, (9 * REGBYTES)(sp)
    REG_L x10, (10 * REGBYTES)(sp)
    REG_L x11, (11 * REGBYTES)(sp)
    REG_L x12, (12 * REGBYTES)(sp)
    REG_L x13, (13 * REGBYTES)(sp)
    REG_L x14, (14 * REGBYTES)(sp)
    REG_L x15, (15 * REGBYTES)(sp)
    REG_L x16, (16 * REGBYTES)(sp)
    REG_L x17, (17 * REGBYTES)(sp)
    REG_L x18, (18 * REGBYTES)(sp)
    REG_L x19, (19 * REGBYTES)(sp)
    REG_L x20, (20 * REGBYTES)(sp)
    REG_L x21, (21 * REGBYTES)(sp)
    REG_L x22, (22 * REGBYTES)(sp)
    REG_L x23, (23 * REGBYTES)(sp)
    REG_L x24, (24 * REGBYTES)(sp)
    REG_L x25, (25 * REGBYTES)(sp)
    REG_L x26, (26 * REGBYTES)(sp)
    REG_L x27, (27 * REGBYTES)(sp)
    REG_L x28, (28 * REGBYTES)(sp)
    REG_L x29, (29 * REGBYTES)(sp)
    REG_L x30, (30 * REGBYTES)(sp)
    REG_L x31, (31 * REGBYTES)(sp)
    REG_L sp, (2 * REGBYTES)(sp)
    sret

.Lnested:
    /*
     * A trap while the handler ran. sscratch holds the sp of that moment. Report it once, in C#, on the
     * nested stack; should that trap too, power off from here with no C# at all (status non-zero).
     */
    la sp, rvc_nested_trap_count
    REG_L t0, 0(sp)
    bnez t0, .Lgive_up
    li t0, 1
    REG_S t0, 0(sp)
    la sp, __nested_stack_top
    csrr a0, scause
    csrr a1, sepc
    csrr a2, stval
    call rvc_kernel_nested_trap
.Lgive_up:
    li s0, 1
    j rvc_exit_without_csharp
    .size rvc_kernel_trap_entry, . - rvc_kernel_trap_entry

    .section .bss, "aw", @nobits
    .balign REGBYTES
rvc_nested_trap_count:
    .zero REGBYTES
