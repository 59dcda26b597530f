using System.CommandLine;

namespace Rvc.Launcher.Commands;

/// <summary><c>./run.sh prereqs</c>: installs clang-19, lld-19 and QEMU if missing.</summary>
public static class PrereqsCommand
{
    public static Command Create()
    {
        var command = new Command("prereqs", "install clang-19, lld-19 and QEMU if missing (apt-get, as root)");
        command.SetAction(_ =>
        {
            Prerequisites.Ensure(Prerequisites.AllTools);
            Console.Error.WriteLine($"launcher: {string.Join(", ", Prerequisites.AllTools)} found");
            return 0;
        });
        return command;
    }
}
