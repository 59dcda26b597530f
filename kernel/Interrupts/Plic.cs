namespace Kernel.Interrupts;

using System.Threading;

/// <summary>
/// The platform-level interrupt controller (RISC-V PLIC specification 1.0.0; QEMU virt's <c>sifive,plic-1.0.0</c>):
/// it gathers the devices' interrupt lines (sources 1 to 1023) and raises a hart's external interrupt for each
/// context (a hart in one privilege mode) with an enabled source pending above the context's threshold. The kernel
/// uses one context: hart 0 in M-mode (context 0 on QEMU virt; <see cref="PlicSetup"/> reads it from the device
/// tree). Registers are 32 bits wide; every access is volatile.
/// </summary>
public readonly unsafe struct Plic
{
    /// <summary>QEMU virt's PLIC, when the device tree does not say.</summary>
    public const ulong DefaultBase = 0x0c00_0000;

    /// <summary>The specification's largest source number; source 0 means "none".</summary>
    public const uint MaxSources = 1023;

    /// <summary>The specification's context count (15872); QEMU virt has 2 per hart (M and S).</summary>
    public const uint MaxContexts = 15872;

    // Register map (PLIC specification, chapter 3).
    const nuint PriorityBase = 0x0;           // + 4 * source
    const nuint PendingBase = 0x1000;         // bit per source
    const nuint EnableBase = 0x2000;          // + 0x80 * context, bit per source
    const nuint EnableStride = 0x80;
    const nuint ContextBase = 0x20_0000;      // + 0x1000 * context: threshold, then claim/complete
    const nuint ContextStride = 0x1000;
    const nuint ClaimOffset = 4;

    readonly nuint _base;
    readonly uint _context;

    public Plic(nuint baseAddress, uint context)
    {
        _base = baseAddress;
        _context = context;
    }

    public nuint BaseAddress => _base;

    public uint Context => _context;

    /// <summary>Sets <paramref name="source"/>'s priority: 0 never interrupts, 1 is the lowest that does.</summary>
    public void SetPriority(uint source, uint priority) => Write(PriorityBase + 4 * (nuint)source, priority);

    /// <summary>Lets <paramref name="source"/> interrupt this context (when its priority is above the threshold).</summary>
    public void Enable(uint source)
    {
        nuint word = EnableBase + EnableStride * _context + 4 * (nuint)(source / 32);
        Write(word, Read(word) | 1u << (int)(source % 32));
    }

    public void Disable(uint source)
    {
        nuint word = EnableBase + EnableStride * _context + 4 * (nuint)(source / 32);
        Write(word, Read(word) & ~(1u << (int)(source % 32)));
    }

    /// <summary>Disables the sources for this context (the state a boot loader may have left): the enable words
    /// holding bits 0 to <paramref name="sourceCount"/> - 1. QEMU 7.2's virt says <c>riscv,ndev = 96</c> but has
    /// sources 0 to 95 only, and logs a write to a fourth word as a guest error; so a source numbered exactly
    /// <paramref name="sourceCount"/> on a multiple of 32 is left as it was (no board here has one).</summary>
    public void DisableAll(uint sourceCount)
    {
        uint sources = sourceCount > MaxSources ? MaxSources + 1 : sourceCount;
        uint words = (sources + 31) / 32;
        for (uint word = 0; word < words; word++)
        {
            Write(EnableBase + EnableStride * _context + 4 * (nuint)word, 0);
        }
    }

    /// <summary>Interrupts of priority above <paramref name="threshold"/> reach the hart; 0 lets every enabled one through.</summary>
    public void SetThreshold(uint threshold) => Write(ContextBase + ContextStride * _context, threshold);

    /// <summary>Whether <paramref name="source"/> is pending (raised and not yet claimed).</summary>
    public bool IsPending(uint source) => (Read(PendingBase + 4 * (nuint)(source / 32)) >> (int)(source % 32) & 1) != 0;

    /// <summary>Claims the highest-priority pending interrupt of this context and returns its source, or 0 when
    /// none is pending. The source stays claimed (it cannot interrupt again) until <see cref="Complete"/>.</summary>
    public uint Claim() => Read(ContextBase + ContextStride * _context + ClaimOffset);

    /// <summary>Ends the handling of a claimed source: it may interrupt again.</summary>
    public void Complete(uint source) => Write(ContextBase + ContextStride * _context + ClaimOffset, source);

    uint Read(nuint offset) => Volatile.Read(ref *(uint*)(_base + offset));

    void Write(nuint offset, uint value) => Volatile.Write(ref *(uint*)(_base + offset), value);
}
