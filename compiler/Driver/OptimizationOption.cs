using System.CommandLine;

namespace Rvc.Driver;

/// <summary><c>-O0</c> to <c>-O3</c>, LLVM's optimisation level (default 2; 0 keeps every C# line steppable in gdb).</summary>
public static class OptimizationOption
{
    public static Option<int> Create() => new("-O")
    {
        HelpName = "0-3",
        Description = "LLVM's optimisation level, written -O0 to -O3 (default -O2; -O0 keeps every C# line steppable in gdb)",
        DefaultValueFactory = _ => 2,
        CustomParser = r =>
        {
            var text = r.Tokens.Single().Value;
            if (text is "0" or "1" or "2" or "3")
                return text[0] - '0';
            r.AddError($"-O expects 0, 1, 2 or 3 (-O0 to -O3), not '{text}'");
            return 2;
        },
    };
}
