/*
 * The firmware's two pieces of assembly (README.md): the way into S-mode (mret) and the
 * M-mode trap vector, which saves the interrupted registers in a TrapFrame (TrapFrame.cs),
 * hands it to C# (fw_trap, Trap.cs) and returns with mret. rv32 and rv64.
 */

#if __riscv_xlen == 64
#define REG_S sd
#define REG_L ld
#define REGBYTES 8
#else
#define REG_S sw
#define REG_L lw
#define REGBYTES 4
#endif

/* mstatus fields (privileged specification, "Machine Status Register"). */
#define MSTATUS_SIE 0x2
#define MSTATUS_SPIE 0x20
#define MSTATUS_MPIE 0x80
#define MSTATUS_MPP_MASK 0x1800
#define MSTATUS_MPP_S 0x0800
#define MSTATUS_FS_DIRTY 0x6000

/*
 * The frame, as TrapFrame.cs declares it: x0..x31 at n * REGBYTES (slot 0, x0, stays unused),
 * then mepc and mstatus, then the caller-saved FP registers (ft0-ft7, fa0-fa7, ft8-ft11,
 * 8 bytes each) and fcsr. The C# handler is compiled for rv32gc/rv64gc and may use them, and
 * the S-mode program's values must survive an SBI call.
 */
#define FRAME_MEPC (32 * REGBYTES)
#define FRAME_MSTATUS (33 * REGBYTES)
#define FRAME_FP (34 * REGBYTES)
#define FRAME_FCSR (FRAME_FP + 20 * 8)
#define FRAME_SIZE ((FRAME_FCSR + REGBYTES + 15) & ~15)

    .text

/*
 * void fw_enter_supervisor(nuint hartid, nuint dtb, nuint next_addr) (does not return):
 * from now on every trap goes to fw_trap_vector on a fresh firmware stack (mscratch holds its
 * top while S-mode runs), and mret starts next_addr in S-mode with a0 = hart id, a1 = device
 * tree, interrupts off and satp = 0, as OpenSBI's fw_dynamic does.
 */
    .globl fw_enter_supervisor
    .type fw_enter_supervisor, @function
fw_enter_supervisor:
    la t0, fw_trap_vector
    csrw mtvec, t0
    la t0, __stack_top
    csrw mscratch, t0
    csrw mepc, a2
    li t0, MSTATUS_MPP_MASK | MSTATUS_MPIE | MSTATUS_SPIE | MSTATUS_SIE
    csrc mstatus, t0
    li t0, MSTATUS_MPP_S
    csrs mstatus, t0
    csrw satp, zero
    li a2, 0
    mret
    .size fw_enter_supervisor, . - fw_enter_supervisor

/*
 * The trap vector (direct mode: 4-byte aligned). mscratch is the firmware's stack top while
 * S-mode (or U-mode) runs and 0 while the firmware itself runs, so one swap tells where the
 * trap came from: a trap from the firmware itself is a bug, reported by fw_machine_trap.
 */
    .balign 4
    .globl fw_trap_vector
    .type fw_trap_vector, @function
fw_trap_vector:
    csrrw sp, mscratch, sp
    beqz sp, .Lfrom_machine

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
    /* The interrupted sp; mscratch is 0 while the firmware runs. */
    csrrw t0, mscratch, zero
    REG_S t0, (2 * REGBYTES)(sp)
    csrr t0, mepc
    REG_S t0, FRAME_MEPC(sp)
    csrr t0, mstatus
    REG_S t0, FRAME_MSTATUS(sp)

    /* S-mode may have turned the FPU off (sstatus.FS is mstatus.FS): on, to save its registers. */
    li t1, MSTATUS_FS_DIRTY
    csrs mstatus, t1
    fsd f0, (FRAME_FP + 0 * 8)(sp)
    fsd f1, (FRAME_FP + 1 * 8)(sp)
    fsd f2, (FRAME_FP + 2 * 8)(sp)
    fsd f3, (FRAME_FP + 3 * 8)(sp)
    fsd f4, (FRAME_FP + 4 * 8)(sp)
    fsd f5, (FRAME_FP + 5 * 8)(sp)
    fsd f6, (FRAME_FP + 6 * 8)(sp)
    fsd f7, (FRAME_FP + 7 * 8)(sp)
    fsd f10, (FRAME_FP + 8 * 8)(sp)
    fsd f11, (FRAME_FP + 9 * 8)(sp)
    fsd f12, (FRAME_FP + 10 * 8)(sp)
    fsd f13, (FRAME_FP + 11 * 8)(sp)
    fsd f14, (FRAME_FP + 12 * 8)(sp)
    fsd f15, (FRAME_FP + 13 * 8)(sp)
    fsd f16, (FRAME_FP + 14 * 8)(sp)
    fsd f17, (FRAME_FP + 15 * 8)(sp)
    fsd f28, (FRAME_FP + 16 * 8)(sp)
    fsd f29, (FRAME_FP + 17 * 8)(sp)
    fsd f30, (FRAME_FP + 18 * 8)(sp)
    fsd f31, (FRAME_FP + 19 * 8)(sp)
    csrr t1, fcsr
    REG_S t1, FRAME_FCSR(sp)

    /* The S-mode program has its own gp: the firmware's compiled code needs the firmware's. */
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop

    mv a0, sp
    call fw_trap

    REG_L t1, FRAME_FCSR(sp)
    csrw fcsr, t1
    fld f0, (FRAME_FP + 0 * 8)(sp)
    fld f1, (FRAME_FP + 1 * 8)(sp)
    fld f2, (FRAME_FP + 2 * 8)(sp)
    fld f3, (FRAME_FP + 3 * 8)(sp)
    fld f4, (FRAME_FP + 4 * 8)(sp)
    fld f5, (FRAME_FP + 5 * 8)(sp)
    fld f6, (FRAME_FP + 6 * 8)(sp)
    fld f7, (FRAME_FP + 7 * 8)(sp)
    fld f10, (FRAME_FP + 8 * 8)(sp)
    fld f11, (FRAME_FP + 9 * 8)(sp)
    fld f12, (FRAME_FP + 10 * 8)(sp)
    fld f13, (FRAME_FP + 11 * 8)(sp)
    fld f14, (FRAME_FP + 12 * 8)(sp)
    fld f15, (FRAME_FP + 13 * 8)(sp)
    fld f16, (FRAME_FP + 14 * 8)(sp)
    fld f17, (FRAME_FP + 15 * 8)(sp)
    fld f28, (FRAME_FP + 16 * 8)(sp)
    fld f29, (FRAME_FP + 17 * 8)(sp)
    fld f30, (FRAME_FP + 18 * 8)(sp)
    fld f31, (FRAME_FP + 19 * 8)(sp)
    /* mepc as the handler left it (past the ecall), mstatus as it was (FS included). */
    REG_L t0, FRAME_MEPC(sp)
    csrw mepc, t0
    REG_L t0, FRAME_MSTATUS(sp)
    csrw mstatus, t0
    /* The stack is empty again for the next trap. */
    addi t0, sp, FRAME_SIZE
    csrw mscratch, t0

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
    mret

.Lfrom_machine:
    /* Back to the firmware's own sp (mscratch 0 again), then report: fw_machine_trap does not return. */
    csrrw sp, mscratch, sp
    csrr a0, mcause
    csrr a1, mepc
    csrr a2, mtval
    call fw_machine_trap
1:
    wfi
    j 1b
    .size fw_trap_vector, . - fw_trap_vector
