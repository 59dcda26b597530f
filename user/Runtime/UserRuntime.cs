namespace User;

using System.Runtime.InteropServices;
using Internal.Runtime;

/// <summary>
/// The start of every user program (Runtime/entry.S calls <c>rvc_user_start</c> before the static constructors and
/// Main): <c>System.Console</c>'s bytes go to the console through the write system call. Nothing else is set up:
/// a user program has no heap, no device and no CSR, only the system calls (<see cref="Sys"/>).
/// </summary>
public static unsafe class UserRuntime
{
    [UnmanagedCallersOnly(EntryPoint = "rvc_user_start")]
    static void Start() => ConsoleOutput.Redirect(&Write);

    /// <summary>a0 at entry: what the spawn system call passed (0 for the first process).</summary>
    public static nuint Argument => rvc_user_arg();

    [UnmanagedCallersOnly]
    static void Write(byte* bytes, nint length) => Sys.Write(bytes, length);

    [DllImport("*")]
    static extern nuint rvc_user_arg();
}
