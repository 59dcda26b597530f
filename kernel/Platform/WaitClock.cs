namespace Kernel.Platform;

using Kernel.Output;
using Kernel.Sbi;

/// <summary>
/// The time side of the kernel's waits (<see cref="PollingWait"/>, <see cref="InterruptWait"/>): an optional deadline
/// (0 ticks: none, the default; the driver then waits for a slow device as long as it takes, as Linux does) and a
/// warning printed when a request has waited <c>warn</c> ticks, then again every <c>warn</c> ticks (0: never).
/// </summary>
public struct WaitClock
{
    readonly ulong _limitTicks;
    readonly ulong _warnTicks;
    ulong _start;
    ulong _deadline;
    ulong _nextWarning;

    public WaitClock(ulong limitTicks, ulong warnTicks)
    {
        _limitTicks = limitTicks;
        _warnTicks = warnTicks;
        _start = 0;
        _deadline = ulong.MaxValue;
        _nextWarning = ulong.MaxValue;
    }

    /// <summary>The deadline after <see cref="Start"/>, in ticks; 0 for none.</summary>
    public readonly ulong LimitTicks => _limitTicks;

    public readonly ulong WarnTicks => _warnTicks;

    public void Start()
    {
        _start = SbiTimer.Now;
        _deadline = _limitTicks == 0 ? ulong.MaxValue : Deadline.After(_limitTicks);
        _nextWarning = _warnTicks == 0 ? ulong.MaxValue : Deadline.After(_warnTicks);
    }

    /// <summary>The first moment something is due: the deadline or the next warning (<see cref="ulong.MaxValue"/>:
    /// nothing), what a sleeping wait sets its timer to.</summary>
    public readonly ulong NextEvent => _deadline < _nextWarning ? _deadline : _nextWarning;

    /// <summary>False once the deadline has passed; prints the warning when it is due.</summary>
    public bool Check(ulong timebase)
    {
        ulong now = SbiTimer.Now;
        if (now >= _deadline)
        {
            return false;
        }

        if (now >= _nextWarning)
        {
            Print.Text("blk: warning: a request has waited ");
            Print.Decimal(timebase == 0 ? 0 : (now - _start) / timebase);
            Print.Line(" s for the device; still waiting");
            _nextWarning = now > ulong.MaxValue - _warnTicks ? ulong.MaxValue : now + _warnTicks;
        }

        return true;
    }
}
