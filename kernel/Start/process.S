/*
 * The assembly of processes (kernel/Processes/README.md): the context switch between kernel stacks, and the way
 * into and out of U-mode.
 *
 * rvc_switch(nuint* saveSp, nuint sp): pushes the callee-saved registers (ra, s0-s11, fs0-fs11: what the psABI
 * says a call preserves; the caller-saved ones are already saved by the C# caller) on the current stack, stores sp
 * at *saveSp, takes sp and pops the same registers from it, and returns into whatever called rvc_switch on that
 * stack (or into rvc_process_first_run for a new process). xv6's swtch, with the context on the stack.
 *
 * While a process runs in U-mode, stvec is rvc_user_trap_entry and sscratch the address of its trap frame, at the
 * top of its kernel stack (the layout of trap.S and Traps/TrapFrame.cs). A trap saves every user register there,
 * loads the kernel's gp, points stvec and sscratch back at the kernel's own trap vector and trap stack (a trap in
 * the kernel from then on is a kernel trap, as before), and calls rvc_user_trap(frame) on the kernel stack below
 * the frame. When that returns, rvc_user_return goes back to U-mode with the frame's registers. The kernel runs
 * with sstatus.SIE clear, so nothing interrupts the switch of stvec/sscratch.
 */
#include "regs.h"

#define SEPC_SLOT (32 * REGBYTES)
#define SSTATUS_SLOT (33 * REGBYTES)
#define SCAUSE_SLOT (34 * REGBYTES)
#define STVAL_SLOT (35 * REGBYTES)
#define FP_BASE (36 * REGBYTES)
#define FCSR_SLOT (FP_BASE + 32 * 8)

/* rvc_switch's frame: ra, s0-s11 (13 registers), then fs0-fs11; 16-byte aligned. */
#define CTX_FP (13 * REGBYTES)
#define CTX_SIZE ((CTX_FP + 12 * 8 + 15) & ~15)

    .text
    .globl rvc_switch
    .type rvc_switch, @function
rvc_switch:
    addi sp, sp, -CTX_SIZE
    REG_S ra, (0 * REGBYTES)(sp)
    REG_S s0, (1 * REGBYTES)(sp)
    REG_S s1, (2 * REGBYTES)(sp)
    REG_S s2, (3 * REGBYTES)(sp)
    REG_S s3, (4 * REGBYTES)(sp)
    REG_S s4, (5 * REGBYTES)(sp)
    REG_S s5, (6 * REGBYTES)(sp)
    REG_S s6, (7 * REGBYTES)(sp)
    REG_S s7, (8 * REGBYTES)(sp)
    REG_S s8, (9 * REGBYTES)(sp)
    REG_S s9, (10 * REGBYTES)(sp)
    REG_S s10, (11 * REGBYTES)(sp)
    REG_S s11, (12 * REGBYTES)(sp)
    fsd fs0, (CTX_FP + 0 * 8)(sp)
    fsd fs1, (CTX_FP + 1 * 8)(sp)
    fsd fs2, (CTX_FP + 2 * 8)(sp)
    fsd fs3, (CTX_FP + 3 * 8)(sp)
    fsd fs4, (CTX_FP + 4 * 8)(sp)
    fsd fs5, (CTX_FP + 5 * 8)(sp)
    fsd fs6, (CTX_FP + 6 * 8)(sp)
    fsd fs7, (CTX_FP + 7 * 8)(sp)
    fsd fs8, (CTX_FP + 8 * 8)(sp)
    fsd fs9, (CTX_FP + 9 * 8)(sp)
    fsd fs10, (CTX_FP + 10 * 8)(sp)
    fsd fs11, (CTX_FP + 11 * 8)(sp)
    REG_S sp, 0(a0)
    mv sp, a1
    REG_L ra, (0 * REGBYTES)(sp)
    REG_L s0, (1 * REGBYTES)(sp)
    REG_L s1, (2 * REGBYTES)(sp)
    REG_L s2, (3 * REGBYTES)(sp)
    REG_L s3, (4 * REGBYTES)(sp)
    REG_L s4, (5 * REGBYTES)(sp)
    REG_L s5, (6 * REGBYTES)(sp)
    REG_L s6, (7 * REGBYTES)(sp)
    REG_L s7, (8 * REGBYTES)(sp)
    REG_L s8, (9 * REGBYTES)(sp)
    REG_L s9, (10 * REGBYTES)(sp)
    REG_L s10, (11 * REGBYTES)(sp)
    REG_L s11, (12 * REGBYTES)(sp)
    fld fs0, (CTX_FP + 0 * 8)(sp)
    fld fs1, (CTX_FP + 1 * 8)(sp)
    fld fs2, (CTX_FP + 2 * 8)(sp)
    fld fs3, (CTX_FP + 3 * 8)(sp)
    fld fs4, (CTX_FP + 4 * 8)(sp)
    fld fs5, (CTX_FP + 5 * 8)(sp)
    fld fs6, (CTX_FP + 6 * 8)(sp)
    fld fs7, (CTX_FP + 7 * 8)(sp)
    fld fs8, (CTX_FP + 8 * 8)(sp)
    fld fs9, (CTX_FP + 9 * 8)(sp)
    fld fs10, (CTX_FP + 10 * 8)(sp)
    fld fs11, (CTX_FP + 11 * 8)(sp)
    addi sp, sp, CTX_SIZE
    ret
    .size rvc_switch, . - rvc_switch

/* The context size, for the C# side that lays out a new process's first context (Processes/ProcessTable.cs). */
    .globl rvc_switch_context_size
    .type rvc_switch_context_size, @function
rvc_switch_context_size:
    li a0, CTX_SIZE
    ret
    .size rvc_switch_context_size, . - rvc_switch_context_size

/* The address a new process's first rvc_switch returns to; its s0 holds its trap frame. */
    .globl rvc_process_first_run_address
    .type rvc_process_first_run_address, @function
rvc_process_first_run_address:
    la a0, rvc_process_first_run
    ret
    .size rvc_process_first_run_address, . - rvc_process_first_run_address

rvc_process_first_run:
    mv a0, s0
    j rvc_user_return

/*
 * The trap vector while a process runs in U-mode (4-byte aligned: stvec's direct mode).
 */
    .balign 4
    .globl rvc_user_trap_entry
    .type rvc_user_trap_entry, @function
rvc_user_trap_entry:
    /* sp <-> sscratch: sp is now the process's trap frame, sscratch the user sp. */
    csrrw sp, sscratch, sp
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
    csrr t0, sscratch
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

    /* The kernel's gp: the user's is the user program's own. */
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    /* From here a trap is the kernel's: its vector, its trap stack. */
    la t0, rvc_kernel_trap_entry
    csrw stvec, t0
    la t0, __trap_stack_top
    csrw sscratch, t0

    /* s0 is the user's frame pointer (saved in the frame): the kernel's frame-pointer chain starts afresh. */
    li s0, 0
    mv a0, sp
    call rvc_user_trap
    /* Back to this process's user code: the frame is still at sp. */
    mv a0, sp
    .size rvc_user_trap_entry, . - rvc_user_trap_entry

/*
 * void rvc_user_return(frame) (noreturn): U-mode with the frame's registers. The frame's sstatus has SPP = 0
 * (U-mode), SIE = 0, and SPIE = 1 for a new process; sret makes SIE = SPIE, and S-mode interrupts trap from U-mode
 * whatever SIE is (privileged specification 4.1.1).
 */
    .globl rvc_user_return
    .type rvc_user_return, @function
rvc_user_return:
    mv sp, a0
    la t0, rvc_user_trap_entry
    csrw stvec, t0
    csrw sscratch, sp
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
    .size rvc_user_return, . - rvc_user_return
