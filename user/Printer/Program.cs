namespace User.Printer;

/// <summary>
/// Prints <c>printer N: line I of 5</c> for I = 1 to 5, N being its argument (a tag to tell printers apart), and
/// yields after each line, so two printers started together interleave their lines (the scheduler's round robin).
/// </summary>
public static class Program
{
    const ulong Lines = 5;

    public static int Main()
    {
        ulong tag = UserRuntime.Argument;
        for (ulong i = 1; i <= Lines; i++)
        {
            Out.Text("printer ");
            Out.Decimal(tag);
            Out.Text(": line ");
            Out.Decimal(i);
            Out.Text(" of ");
            Out.Decimal(Lines);
            Out.Line();
            Sys.Yield();
        }

        return 0;
    }
}
