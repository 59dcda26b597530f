namespace System;

using Internal.Runtime;

/// <summary>The two members of .NET's Environment that make sense without an operating system.</summary>
public static class Environment
{
    /// <summary>"\n", as .NET on Linux: both builds of a test program print the same bytes.</summary>
    public static string NewLine => "\n";

    /// <summary>Ends the program: QEMU exits with <paramref name="exitCode"/> (via rvc_exit), the host process too.</summary>
    [Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Exit(int exitCode) => Platform.Exit(exitCode);
}
