using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace Rvc.Compiler.Tests;

/// <summary>Finds the built core library of runtime-stub/ (assembly System.Private.CoreLib).</summary>
internal static class CoreLibLocator
{
    private const string FileName = "System.Private.CoreLib.dll";

    private static readonly ConcurrentDictionary<(string, DateTime), MetadataReference> References = new();

    /// <summary>The copy beside the tests that rvc itself compiles against (toolchain/lib, copied at build time),
    /// else the newest build under artifacts/bin/System.Private.CoreLib/.</summary>
    public static string? Find()
    {
        string beside = Path.Combine(AppContext.BaseDirectory, "toolchain", "lib", FileName);
        return File.Exists(beside) ? beside : Candidates()
            .Where(File.Exists)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault();
    }

    public static string Describe() => "looked in " + string.Join(", ", SearchFolders());

    public static MetadataReference Reference(string path)
        => References.GetOrAdd((path, File.GetLastWriteTimeUtc(path)), k => MetadataReference.CreateFromImage(File.ReadAllBytes(k.Item1), filePath: k.Item1));

    private static IEnumerable<string> SearchFolders()
    {
        yield return Path.Combine(AppContext.BaseDirectory, "toolchain", "lib");
        yield return Path.Combine(RepoPaths.Root, "artifacts", "bin", "System.Private.CoreLib");
    }

    private static IEnumerable<string> Candidates()
    {
        foreach (string folder in SearchFolders())
        {
            if (Directory.Exists(folder))
            {
                foreach (string file in Directory.EnumerateFiles(folder, FileName, SearchOption.AllDirectories))
                {
                    yield return file;
                }
            }
        }
    }
}
