namespace Internal.Runtime;

/// <summary>
/// Where <c>System.Console</c>'s bytes go. By default the UART (RISC-V, written directly) or standard output
/// (host); a program that reaches its console another way, the S-mode kernel through SBI firmware, installs
/// its own writer once at start-up, before it prints anything.
/// </summary>
public static unsafe class ConsoleOutput
{
    /// <summary>From now on every write to the console calls <paramref name="writer"/> with the bytes; null
    /// restores the default.</summary>
    public static void Redirect(delegate* unmanaged<byte*, nint, void> writer) => Platform.s_writer = writer;
}
