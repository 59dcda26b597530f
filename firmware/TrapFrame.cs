namespace Firmware;

using System.Runtime.InteropServices;

/// <summary>
/// What <c>fw_trap_vector</c> (trap.S) saves of the interrupted hart: the integer registers in x-number order
/// (slot 0, x0, is unused), then <c>mepc</c> and <c>mstatus</c>. An SBI call reads its arguments from a0-a7 here
/// and leaves its results in a0 and a1; the vector restores every register from the frame before <c>mret</c>.
/// The caller-saved FP registers follow in the vector's frame; the C# side never needs them.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TrapFrame
{
    public nuint Zero;
    public nuint Ra;
    public nuint Sp;
    public nuint Gp;
    public nuint Tp;
    public nuint T0;
    public nuint T1;
    public nuint T2;
    public nuint S0;
    public nuint S1;
    public nuint A0;
    public nuint A1;
    public nuint A2;
    public nuint A3;
    public nuint A4;
    public nuint A5;
    public nuint A6;
    public nuint A7;
    public nuint S2;
    public nuint S3;
    public nuint S4;
    public nuint S5;
    public nuint S6;
    public nuint S7;
    public nuint S8;
    public nuint S9;
    public nuint S10;
    public nuint S11;
    public nuint T3;
    public nuint T4;
    public nuint T5;
    public nuint T6;

    /// <summary>Where <c>mret</c> resumes: the ecall itself until the handler moves it past.</summary>
    public nuint Mepc;
    public nuint Mstatus;
}
