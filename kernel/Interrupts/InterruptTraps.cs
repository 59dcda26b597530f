namespace Kernel.Interrupts;

using Kernel.Sbi;

/// <summary>
/// What the trap handler does with an interrupt (called from <c>Kernel.Traps.TrapHandler</c>, with interrupts off).
/// Supervisor external: claims every pending source at the PLIC's S-mode context and keeps it claimed (so it
/// cannot interrupt again) until a waiter, having looked at its devices, calls <see cref="CompleteClaimed"/>: a
/// level-triggered line that is still high then raises the interrupt again, instead of trapping again and again
/// before the device was served. Supervisor timer: disarms the timer (SBI set_timer to the end of time clears
/// sip.STIP); the waiter sees its deadline passed. State is static: there is one hart.
/// </summary>
public static class InterruptTraps
{
    const int SourceWords = (int)(Plic.MaxSources + 1) / 32;

    static Plic s_plic;
    static bool s_havePlic;
    static ulong s_claims;
    static ulong s_timerInterrupts;
    static ulong s_armedDeadline = ulong.MaxValue;
    static uint s_claimedCount;
    static ClaimedSources s_claimed;

    /// <summary>The PLIC context interrupts are claimed from.</summary>
    public static void Initialize(in Plic plic)
    {
        s_plic = plic;
        s_havePlic = true;
    }

    /// <summary>Every external interrupt claimed since boot.</summary>
    public static ulong Claims => s_claims;

    /// <summary>Every timer interrupt taken since boot.</summary>
    public static ulong TimerInterrupts => s_timerInterrupts;

    /// <summary>Handles interrupt <paramref name="code"/> (scause without the interrupt bit); false: not one the
    /// kernel expects (the caller panics).</summary>
    public static bool Handle(nuint code)
    {
        if (code == Kernel.Traps.TrapCause.SupervisorTimerInterrupt)
        {
            s_timerInterrupts++;
            s_armedDeadline = ulong.MaxValue;
            SbiTimer.SetTimer(ulong.MaxValue);
            return true;
        }

        if (code == Kernel.Traps.TrapCause.SupervisorExternalInterrupt && s_havePlic)
        {
            uint source;
            while ((source = s_plic.Claim()) != 0)
            {
                s_claims++;
                if (source <= Plic.MaxSources && !s_claimed.Contains(source))
                {
                    s_claimed.Add(source);
                    s_claimedCount++;
                }
            }

            return true;
        }

        return false;
    }

    /// <summary>Completes every source the handler claimed: they may interrupt again.</summary>
    public static void CompleteClaimed()
    {
        if (s_claimedCount == 0)
        {
            return;
        }

        for (uint word = 0; word < SourceWords; word++)
        {
            uint bits = s_claimed.TakeWord(word);
            for (int bit = 0; bits != 0; bit++, bits >>= 1)
            {
                if ((bits & 1) != 0)
                {
                    s_plic.Complete(word * 32 + (uint)bit);
                }
            }
        }

        s_claimedCount = 0;
    }

    /// <summary>Makes sure a timer interrupt comes by <paramref name="deadline"/> (one SBI call when that is earlier than
    /// the one armed): the waits' deadlines and the processes' time slices share the one timer, and each looks again
    /// after any timer interrupt, so the earliest wins.</summary>
    public static void ArmTimer(ulong deadline)
    {
        if (deadline < s_armedDeadline)
        {
            s_armedDeadline = deadline;
            SbiTimer.SetTimer(deadline);
        }
    }

    /// <summary>One bit per PLIC source (0 to 1023).</summary>
    [System.Runtime.CompilerServices.InlineArray(SourceWords)]
    struct ClaimedSources
    {
        uint _word;

        public bool Contains(uint source) => (this[(int)(source / 32)] >> (int)(source % 32) & 1) != 0;

        public void Add(uint source) => this[(int)(source / 32)] |= 1u << (int)(source % 32);

        public uint TakeWord(uint word)
        {
            uint bits = this[(int)word];
            this[(int)word] = 0;
            return bits;
        }
    }
}
