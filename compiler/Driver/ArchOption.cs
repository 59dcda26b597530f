using System.CommandLine;

namespace Rvc.Driver;

/// <summary><c>--arch rv32|rv64|host</c>, as rvc and every command of the launcher take it.</summary>
public static class ArchOption
{
    public static Option<TargetArch?> Create(string what) => new("--arch")
    {
        HelpName = "rv32|rv64|host",
        Description = what,
        CustomParser = r =>
        {
            var text = r.Tokens.Single().Value;
            try
            {
                return Toolchain.ParseArch(text);
            }
            catch (ArgumentException e)
            {
                r.AddError(e.Message);
                return null;
            }
        },
    };
}
