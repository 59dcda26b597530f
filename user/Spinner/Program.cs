namespace User.Spinner;

/// <summary>
/// Spins in user mode without a single system call for its argument's millions of iterations (default 300): nothing
/// but the timer interrupt can take the hart from it, so while it runs the shell answering shows preemption works.
/// Then it says how far it counted and exits.
/// </summary>
public static class Program
{
    static volatile uint s_sink;

    public static int Main()
    {
        ulong millions = UserRuntime.Argument == 0 ? 300 : UserRuntime.Argument;
        ulong iterations = millions * 1_000_000;
        uint x = 1;
        for (ulong i = 0; i < iterations; i++)
        {
            // A little work the compiler cannot drop.
            x = x * 1103515245 + 12345;
        }

        s_sink = x;
        Out.Text("spinner: done, ");
        Out.Decimal(millions);
        Out.Line(" million iterations without a system call");
        return 0;
    }
}
