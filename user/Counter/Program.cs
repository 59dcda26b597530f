namespace User.Counter;

/// <summary>
/// Counts, yielding every 64 steps, until it is killed (the reader's companion): each yield is a system call, so
/// procinfo's count of its system calls measures how much it ran.
/// </summary>
public static class Program
{
    static ulong s_count;

    public static int Main()
    {
        while (true)
        {
            s_count++;
            if (s_count % 64 == 0)
            {
                Sys.Yield();
            }
        }
    }
}
