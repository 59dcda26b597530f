namespace Rvc.Launcher;

/// <summary>
/// Packs the Rvc.Sdk package (sdk/Rvc.Sdk.csproj: rvc, its toolchain, the analyzer and compiler/build's MSBuild logic)
/// and the Rvc.Templates package (templates/Rvc.Templates.csproj: <c>dotnet new rvc-app</c> and <c>rvc-kernel</c>)
/// into a folder that NuGet reads as a local feed (sdk/README.md).
/// </summary>
public static class SdkPackages
{
    public const string SdkId = "Rvc.Sdk";
    public const string TemplatesId = "Rvc.Templates";

    /// <summary>The default feed: artifacts/packages/.</summary>
    public static string DefaultFeed(RepoLayout repo) => Path.Combine(repo.Artifacts, "packages");

    /// <summary>Packs both packages into <paramref name="feed"/> and returns their paths (SDK first).</summary>
    public static IReadOnlyList<string> Pack(RepoLayout repo, string feed)
    {
        feed = Path.GetFullPath(feed);
        Directory.CreateDirectory(feed);
        var packed = new List<string>();
        foreach (var (project, id) in new[]
        {
            (Path.Combine(repo.Root, "sdk", "Rvc.Sdk.csproj"), SdkId),
            (Path.Combine(repo.Root, "templates", "Rvc.Templates.csproj"), TemplatesId),
        })
        {
            Console.Error.WriteLine($"launcher: packing {Path.GetRelativePath(Environment.CurrentDirectory, project)}");
            var arguments = new List<string> { "pack", project, "-c", "Release", "-o", feed, "-v:q", "-nologo", "-tl:off" };
            if (ProcessRunner.RunToStderr(KernelProject.DotnetHost(), arguments, Quiet) != 0)
                throw new LauncherException($"packing {Path.GetRelativePath(Environment.CurrentDirectory, project)} failed (errors above)");
            var package = Directory.EnumerateFiles(feed, $"{id}.*.nupkg")
                .Where(p => !p.EndsWith(".symbols.nupkg", StringComparison.Ordinal))
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault() ?? throw new LauncherException($"dotnet pack succeeded but {feed} has no {id}.*.nupkg");
            packed.Add(package);
        }
        return packed;
    }

    private static readonly Dictionary<string, string> Quiet = new()
    {
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
    };
}
