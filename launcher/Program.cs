using Rvc.Driver;
using Rvc.Launcher.Commands;

namespace Rvc.Launcher;

/// <summary>The launcher behind <c>./run.sh</c>: its commands are in <see cref="LauncherCommand"/> (<c>./run.sh --help</c>).</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            // QEMU's own arguments (after --) are split off first: the commands that boot take them as they are.
            var (own, qemu) = BootCommandLine.SplitAtDoubleDash(args);
            return CommandLineTool.Invoke(LauncherCommand.Create(qemu), own);
        }
        catch (LauncherException e)
        {
            Console.Out.Flush();
            Console.Error.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (ToolchainException e)
        {
            // rvc's own clear errors: clang-19/ld.lld-19 missing or failing, an incomplete toolchain folder.
            Console.Out.Flush();
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (Exception e)
        {
            Console.Out.Flush();
            Console.Error.WriteLine($"error: {e.Message}");
            if (Environment.GetEnvironmentVariable("RVC_LAUNCHER_TRACE") == "1")
                Console.Error.WriteLine(e);
            else
                Console.Error.WriteLine($"  ({e.GetType().FullName}; set RVC_LAUNCHER_TRACE=1 for the stack trace)");
            return 1;
        }
    }
}
