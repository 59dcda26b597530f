using System.Text.RegularExpressions;
using Rvc.Driver;

namespace Rvc.Compiler.Tests;

/// <summary>The README's example of an RVC error is what rvc prints: its <c>bad.cs</c>, built by rvc, gives exactly
/// the line the README shows (with the real path in place of <c>/path/to/</c>) and nothing else.</summary>
public sealed partial class ReadmeExampleTests
{
    [Fact]
    public void BoxingExampleGivesTheErrorShown()
    {
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var example = BadExample().Match(readme);
        Assert.True(example.Success, "README.md no longer has the `bad.cs` example followed by its output");

        string workDir = RepoPaths.UniqueDirectory("readme", "bad");
        string source = Path.Combine(workDir, "bad.cs");
        File.WriteAllText(source, example.Groups["source"].Value);
        var result = Toolchain.BuildSources([source], TargetArch.RiscV64, Path.Combine(workDir, "bad.elf"));

        Assert.False(result.Success);
        string expected = example.Groups["error"].Value.Replace("/path/to/", workDir + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        Assert.Equal([expected], result.Diagnostics);
        Directory.Delete(workDir, recursive: true);
    }

    [GeneratedRegex(@"`bad\.cs`:\s*```csharp\n(?<source>.*?)```\s*```\n\$ [^\n]*\n(?<error>/path/to/bad\.cs[^\n]*)\n```", RegexOptions.Singleline)]
    private static partial Regex BadExample();
}
