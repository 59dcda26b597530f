using System.Text.RegularExpressions;
using Rvc.Driver;
using Xunit.Abstractions;

namespace Rvc.Compiler.Tests;

/// <summary>rvc rejects what it cannot compile with a located diagnostic.</summary>
/// <remarks>
/// Each file in Diagnostics/ marks its offending lines with a comment <c>// expect: RVC0001</c>. The build must
/// fail and report, for each marker, <c>path(line,col): error RVCxxxx: message</c> on that line (any column).
/// Codes: RVC0001 boxing, RVC0002 new of a class, RVC0003 virtual call, RVC0004 catch, RVC0005 delegates,
/// RVC0006 arrays, RVC0007 any other unsupported IL or library method. (A marker may also name a Roslyn code,
/// <c>// expect: CS0656</c>, for what the C# front end rejects before rvc sees the IL.)
/// </remarks>
public sealed partial class DiagnosticsTests(ITestOutputHelper output)
{
    public static TheoryData<string> Inputs() => new(
        Directory.GetFiles(RepoPaths.DiagnosticsInputs, "*.cs").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Inputs))]
    public void ReportsUnsupportedConstruct(string input)
    {
        string source = Path.Combine(RepoPaths.DiagnosticsInputs, input);
        var expected = File.ReadAllLines(source)
            .Select((text, i) => (Line: i + 1, Match: ExpectMarker().Match(text)))
            .Where(x => x.Match.Success)
            .Select(x => (x.Line, Code: x.Match.Groups["code"].Value))
            .ToArray();
        Assert.NotEmpty(expected);

        string workDir = RepoPaths.UniqueDirectory("diagnostics", Path.GetFileNameWithoutExtension(input));
        var result = Toolchain.BuildSources([source], TargetArch.Host, Path.Combine(workDir, "out"));
        foreach (string diagnostic in result.Diagnostics)
        {
            output.WriteLine(diagnostic);
        }

        Assert.False(result.Success, $"rvc built {input}, which it cannot compile");
        var reported = result.Diagnostics
            .Select(d => DiagnosticLine().Match(d))
            .Where(m => m.Success && SamePath(m.Groups["path"].Value, source))
            .Select(m => (Line: int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), Code: m.Groups["code"].Value))
            .ToHashSet();
        foreach (var want in expected)
        {
            Assert.True(reported.Contains(want), $"expected `{source}({want.Line},<col>): error {want.Code}:`; rvc reported:\n{string.Join('\n', result.Diagnostics)}");
        }

        Directory.Delete(workDir, recursive: true);
    }

    private static bool SamePath(string reported, string source)
        => string.Equals(Path.GetFullPath(reported, RepoPaths.Root), Path.GetFullPath(source), StringComparison.Ordinal)
           || string.Equals(Path.GetFullPath(reported), Path.GetFullPath(source), StringComparison.Ordinal);

    [GeneratedRegex(@"//\s*expect:\s*(?<code>[A-Z]+\d{4})\b")]
    private static partial Regex ExpectMarker();

    [GeneratedRegex(@"^(?<path>.+?)\((?<line>\d+),(?<col>\d+)\): error (?<code>[A-Z]+\d{4}):")]
    private static partial Regex DiagnosticLine();
}
