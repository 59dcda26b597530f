namespace Rvc.Compiler.Tests;

/// <summary>Where the repository, the corpus and the tests' scratch folders are.</summary>
internal static class RepoPaths
{
    /// <summary>The repository root: the first folder above the test binaries that holds <c>tests/Corpus</c>.</summary>
    public static string Root { get; } = FindRoot();

    public static string Corpus => Path.Combine(Root, "tests", "Corpus");

    /// <summary><c>tests/Layout</c>: the layout program and its C translation (<see cref="LayoutTests"/>).</summary>
    public static string Layout => Path.Combine(Root, "tests", "Layout");

    public static string DiagnosticsInputs => Path.Combine(Root, "tests", "Compiler.Tests", "Diagnostics");

    /// <summary><c>tests/Compiler.Tests/Panics</c>: programs that panic, for <see cref="PanicStackTests"/>.</summary>
    public static string PanicPrograms => Path.Combine(Root, "tests", "Compiler.Tests", "Panics");

    /// <summary>A scratch folder under the test output, e.g. <c>…/Compiler.Tests/debug/test-work/native</c>.</summary>
    public static string Work(string kind)
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "test-work", kind);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>A new, empty folder that no other test (nor another test process) uses.</summary>
    public static string UniqueDirectory(string kind, string stem)
    {
        string dir = Path.Combine(Work(kind), $"{stem}.{Guid.NewGuid():N}"[..(stem.Length + 13)]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Every corpus program, by file name, in a stable order.</summary>
    public static IReadOnlyList<string> CorpusFiles { get; } = Directory
        .GetFiles(Path.Combine(FindRoot(), "tests", "Corpus"), "*.cs")
        .Select(f => Path.GetFileName(f))
        .Order(StringComparer.Ordinal)
        .ToArray();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "tests", "Corpus")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} contains tests/Corpus");
    }
}
