namespace User.Printer;

/// <summary>
/// Prints <c>printer N: line I</c> for I = 1 to 5 (or its argument's count), yielding after each line, so two
/// printers started together interleave their lines (the scheduler's round robin). N is its pid's place: the
/// argument's high bits are not used, so the tag is simply the argument's order of start.
/// </summary>
public static class Program
{
    public static int Main()
    {
        ulong count = UserRuntime.Argument == 0 ? 5 : UserRuntime.Argument;
        for (ulong i = 1; i <= count; i++)
        {
            Out.Text("printer: line ");
            Out.Decimal(i);
            Out.Text(" of ");
            Out.Decimal(count);
            Out.Line();
            Sys.Yield();
        }

        return 0;
    }
}
