namespace Kernel.Processes;

/// <summary>
/// The scheduler's choice (README.md, "Scheduling"): the first runnable slot after the one that ran last, going
/// round the table, so every runnable process gets the hart in turn. Pure: runs on the host too (tests/Paging.Tests).
/// </summary>
public static class RoundRobin
{
    /// <summary>The slot to run after <paramref name="last"/> (-1: none yet) among the <paramref name="count"/>
    /// slots whose bit is set in <paramref name="runnable"/>; -1 when none is.</summary>
    public static int Next(uint runnable, int last, int count)
    {
        if (count <= 0 || count > 32)
        {
            return -1;
        }

        int start = last < 0 || last >= count ? 0 : last + 1;
        for (int step = 0; step < count; step++)
        {
            int slot = (start + step) % count;
            if ((runnable >> slot & 1) != 0)
            {
                return slot;
            }
        }

        return -1;
    }
}
