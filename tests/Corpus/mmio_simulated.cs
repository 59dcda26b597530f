// Kernel-style device access simulated in memory: a UART-like register block as a struct at a fixed layout,
// accessed through volatile pointers, bitfield updates, polling loops with bounded spins, and a tiny driver.
using System;
using System.Runtime.InteropServices;
using System.Threading;

[StructLayout(LayoutKind.Explicit, Size = 8)]
struct UartRegs
{
    [FieldOffset(0)] public byte Data;
    [FieldOffset(1)] public byte InterruptEnable;
    [FieldOffset(2)] public byte FifoControl;
    [FieldOffset(3)] public byte LineControl;
    [FieldOffset(4)] public byte ModemControl;
    [FieldOffset(5)] public byte LineStatus;
}

unsafe struct FakeUart
{
    private UartRegs* _regs;
    private fixed byte _tx[64];
    private int _txCount;

    public FakeUart(UartRegs* regs)
    {
        _regs = regs;
        _txCount = 0;
    }

    public void Init(ushort divisor)
    {
        Volatile.Write(ref _regs->InterruptEnable, (byte)0);
        Volatile.Write(ref _regs->LineControl, (byte)0x80); // DLAB
        Volatile.Write(ref _regs->Data, (byte)divisor);
        Volatile.Write(ref _regs->InterruptEnable, (byte)(divisor >> 8));
        Volatile.Write(ref _regs->LineControl, (byte)0x03); // 8N1
        Volatile.Write(ref _regs->FifoControl, (byte)0xC7);
        Volatile.Write(ref _regs->LineStatus, (byte)0x20); // transmitter empty
    }

    public bool Put(byte b)
    {
        int spins = 0;
        while ((Volatile.Read(ref _regs->LineStatus) & 0x20) == 0)
        {
            if (++spins > 100) return false;
        }
        Volatile.Write(ref _regs->Data, b);
        _tx[_txCount++ & 63] = b;
        // the "hardware" clears THRE every fourth byte
        if ((_txCount & 3) == 0) _regs->LineStatus &= unchecked((byte)~0x20);
        return true;
    }

    public void Kick() => _regs->LineStatus |= 0x20;

    public int Sent => _txCount;

    public uint Checksum()
    {
        uint h = 0;
        for (int i = 0; i < _txCount && i < 64; i++) h = h * 131 + _tx[i];
        return h;
    }
}

unsafe class Program
{
    static int Main()
    {
        // stack memory stands in for the device's physical address
        byte* device = stackalloc byte[sizeof(UartRegs)];
        UartRegs* regs = (UartRegs*)device;
        var uart = new FakeUart(regs);
        uart.Init(0x0102);
        Console.WriteLine(regs->LineControl);
        Console.WriteLine(regs->FifoControl);
        Console.WriteLine(regs->InterruptEnable);
        int ok = 0, failed = 0;
        foreach (char c in "hello, device")
        {
            if (uart.Put((byte)c)) ok++;
            else
            {
                failed++;
                uart.Kick();
                if (uart.Put((byte)c)) ok++;
            }
        }
        Console.WriteLine(ok);
        Console.WriteLine(failed);
        Console.WriteLine(uart.Sent);
        Console.WriteLine(uart.Checksum());
        Console.WriteLine((char)regs->Data);
        return 0;
    }
}
