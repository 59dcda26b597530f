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
#include "trapframe.h"

    .text
    .balign 4
    .globl rvc_kernel_trap_entry
    .type rvc_kernel_trap_entry, @function
rvc_kernel_trap_entry:
    /* sp <-> sscratch: sp is now the trap stack's top, or 0 when a trap is already being handled. */
    csrrw sp, sscratch, sp
    beqz sp, .Lnested
    addi sp, sp, -FRAME_SIZE
    FRAME_X_REGS REG_S, sp
    /* The interrupted sp, and from now on a trap is nested. */
    csrrw t0, sscratch, zero
    REG_S t0, (2 * REGBYTES)(sp)
    SAVE_TRAP_STATE

    mv a0, sp
    call rvc_kernel_trap

    /* Handled: back to the interrupted code. */
    LOAD_TRAP_STATE
    /* Re-arm: the next trap starts on an empty trap stack again. */
    addi t0, sp, FRAME_SIZE
    csrw sscratch, t0
    FRAME_X_REGS REG_L, sp
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
