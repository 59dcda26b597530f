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
#include "trapframe.h"

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
    FRAME_X_REGS REG_S, sp
    csrr t0, sscratch
    REG_S t0, (2 * REGBYTES)(sp)
    SAVE_TRAP_STATE

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
    LOAD_TRAP_STATE
    FRAME_X_REGS REG_L, sp
    REG_L sp, (2 * REGBYTES)(sp)
    sret
    .size rvc_user_return, . - rvc_user_return
