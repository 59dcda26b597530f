namespace Rvc.Launcher;

/// <summary>An error the launcher reports as one line, <c>error: message</c>, and then exits with <see cref="ExitCode"/>.</summary>
public sealed class LauncherException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
