using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Rvc.Compiler.Tests;

/// <summary>Numbers that clang-19 computes for a target, such as <c>sizeof</c> and <c>offsetof</c> of C structs:
/// an independent reference for layouts, in particular on rv32, where CoreCLR (64-bit) is none.</summary>
/// <remarks>
/// The C file defines each number as a global <c>char KEY[VALUE + 1];</c>. clang compiles it for the target
/// (<c>-S -emit-llvm</c>, nothing else needed but clang-19) and each global comes out as
/// <c>@KEY = dso_local global [N x i8] zeroinitializer</c>, whose length N is the value plus one.
/// </remarks>
internal static partial class ClangValues
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly ConcurrentDictionary<(string File, string Arch), Lazy<Task<IReadOnlyDictionary<string, long>>>> Results = new();

    /// <summary>The LLVM triple and ABI options rvc uses for <paramref name="arch"/> (docs/abi.md).</summary>
    public static string[] TargetOptions(string arch) => arch switch
    {
        "host" => ["--target=x86_64-unknown-linux-gnu"],
        "rv32" => ["--target=riscv32-unknown-none-elf", "-march=rv32gc", "-mabi=ilp32d"],
        "rv64" => ["--target=riscv64-unknown-none-elf", "-march=rv64gc", "-mabi=lp64d"],
        _ => throw new ArgumentException($"unknown architecture '{arch}'", nameof(arch)),
    };

    /// <summary>The values <paramref name="cFile"/> defines when compiled for <paramref name="arch"/>, by key.
    /// Throws when clang fails (its diagnostics are in the message).</summary>
    public static Task<IReadOnlyDictionary<string, long>> GetAsync(string cFile, string arch) =>
        Results.GetOrAdd((Path.GetFullPath(cFile), arch), k => new Lazy<Task<IReadOnlyDictionary<string, long>>>(
            () => Task.Run(() => Compute(k.File, k.Arch)))).Value;

    private static IReadOnlyDictionary<string, long> Compute(string cFile, string arch)
    {
        string[] arguments =
        [
            .. TargetOptions(arch),
            "-std=c23", "-ffreestanding", "-Wall", "-Wextra", "-Werror",
            "-S", "-emit-llvm", "-o", "-", cFile,
        ];
        var run = ProcessRunner.Run("clang-19", arguments, Timeout);
        if (run.TimedOut || run.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"clang-19 {string.Join(' ', arguments)} failed (exit status {run.ExitCode}{(run.TimedOut ? ", timed out" : "")}):\n{run.Stderr}");
        }

        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (string line in System.Text.Encoding.UTF8.GetString(run.Stdout).Split('\n'))
        {
            var match = ByteArrayGlobal().Match(line);
            if (match.Success)
            {
                values.Add(match.Groups["key"].Value, long.Parse(match.Groups["length"].Value, System.Globalization.CultureInfo.InvariantCulture) - 1);
            }
        }

        if (values.Count == 0)
        {
            throw new InvalidOperationException($"{cFile} defines no values (globals char KEY[VALUE + 1]) for {arch}");
        }

        return values;
    }

    [GeneratedRegex(@"^@(?<key>[A-Za-z_][A-Za-z0-9_]*) = (?:dso_local )?global \[(?<length>[0-9]+) x i8\] zeroinitializer")]
    private static partial Regex ByteArrayGlobal();
}
