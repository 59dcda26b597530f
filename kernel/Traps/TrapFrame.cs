namespace Kernel.Traps;

/// <summary>
/// The registers of the interrupted code, as Start/trap.S saves them on the trap stack: x0-x31 (slot 2 holding
/// the interrupted sp, slot 0 unused), then sepc, sstatus, scause and stval, each a register wide; then f0-f31
/// (8 bytes each, D extension) and fcsr. Read through a pointer: the handler may change sepc or sstatus, which
/// trap.S writes back before <c>sret</c>.
/// </summary>
public readonly unsafe struct TrapFrame
{
    const int SepcSlot = 32;
    const int SstatusSlot = 33;
    const int ScauseSlot = 34;
    const int StvalSlot = 35;

    readonly nuint* _slots;

    public TrapFrame(void* frame) => _slots = (nuint*)frame;

    /// <summary>Register x<paramref name="index"/> (0 to 31) of the interrupted code.</summary>
    public nuint Register(int index) => index == 0 ? 0 : _slots[index];

    public nuint Sepc
    {
        get => _slots[SepcSlot];
        set => _slots[SepcSlot] = value;
    }

    public nuint Sstatus => _slots[SstatusSlot];

    public nuint Scause => _slots[ScauseSlot];

    public nuint Stval => _slots[StvalSlot];

    /// <summary>The interrupted code's return address and stack pointer (x1, x2).</summary>
    public nuint Ra => _slots[1];

    public nuint Sp => _slots[2];
}
