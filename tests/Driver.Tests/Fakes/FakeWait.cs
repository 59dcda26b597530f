using System.Diagnostics;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests.Fakes;

/// <summary>What a <see cref="FakeWait"/> does and counts: polling or interrupts, the time limit (in waits), and what
/// the device does while the driver waits (<see cref="OnWait"/>, the tests' notion of time passing). A class, so the
/// copies of the <see cref="FakeWait"/> struct the driver makes all share it.</summary>
public sealed class FakeWaitState(FakeVirtioBlkDevice device)
{
    public FakeVirtioBlkDevice Device { get; } = device;

    /// <summary>Interrupt mode: <see cref="ICompletionWait.UsesInterrupts"/> and a <see cref="FakeWait.Wait"/> that
    /// sleeps until the device's interrupt line is high.</summary>
    public bool Interrupts { get; set; }

    /// <summary>The time limit: <see cref="FakeWait.Wait"/> returns false on the Limit-th call after a Start.</summary>
    public long Limit { get; set; } = 10_000_000;

    /// <summary>Interrupt mode: how long a wait sleeps for the line before it counts as a lost wake-up and returns
    /// false (the fake's stand-in for "forever").</summary>
    public TimeSpan SleepLimit { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>What the device does while the driver waits, once per <see cref="FakeWait.Wait"/> before it looks at
    /// the line: e.g. complete one pending request.</summary>
    public Action<FakeVirtioBlkDevice>? OnWait { get; set; }

    /// <summary>What the device does just as the time limit passes, before the wait reports it: e.g. complete a request
    /// during a host stall (QEMU stopped), which the driver must find at its last look at the used ring.</summary>
    public Action<FakeVirtioBlkDevice>? OnTimeLimit { get; set; }

    public long Starts { get; internal set; }

    public long Waits { get; internal set; }

    /// <summary>Interrupt mode: waits that found the line high (the PLIC's claim and complete).</summary>
    public long Wakeups { get; internal set; }

    /// <summary>Interrupt mode: waits that slept until <see cref="SleepLimit"/> without the line rising.</summary>
    public long LostWakeups { get; internal set; }

    /// <summary>Waits that returned false because <see cref="Limit"/> was reached.</summary>
    public long TimeLimitsReached { get; internal set; }

    internal long SinceStart;
}

/// <summary>The tests' <see cref="ICompletionWait"/>: a struct, as in the kernel, over a <see cref="FakeWaitState"/>.
/// Polling: each wait lets the device act (<see cref="FakeWaitState.OnWait"/>) and returns. Interrupts: each wait lets
/// the device act, then sleeps until the device's interrupt line is high, as <c>wfi</c> does with the PLIC (a line
/// still high from an earlier completion wakes it at once: level-triggered).</summary>
public readonly struct FakeWait(FakeWaitState state) : ICompletionWait
{
    public FakeWaitState State => state;

    public bool UsesInterrupts => state.Interrupts;

    public void Start()
    {
        state.Starts++;
        state.SinceStart = 0;
    }

    public bool Wait()
    {
        state.Waits++;
        if (++state.SinceStart >= state.Limit)
        {
            state.TimeLimitsReached++;
            state.OnTimeLimit?.Invoke(state.Device);
            return false;
        }

        state.OnWait?.Invoke(state.Device);
        if (!state.Interrupts)
        {
            return true;
        }

        if (!state.Device.InterruptLine)
        {
            var clock = Stopwatch.StartNew();
            while (!state.Device.InterruptLine)
            {
                if (clock.Elapsed >= state.SleepLimit)
                {
                    state.LostWakeups++;
                    state.OnTimeLimit?.Invoke(state.Device);
                    return false;
                }

                Thread.Sleep(1);
            }
        }

        state.Wakeups++;
        return true;
    }
}
