using System.Xml.Linq;

namespace Rvc.Kernel.Tests;

/// <summary>The root solution holds every project of the repository, so that <c>dotnet test</c> from the root runs
/// every test project and <c>dotnet build</c> builds every tool.</summary>
public class SolutionTests
{
    [Fact]
    public void EveryProjectIsInTheRootSolution()
    {
        var solution = XDocument.Load(Path.Combine(RepoPaths.Root, "RiscvCSharp.slnx"));
        var listed = solution.Descendants("Project").Select(p => (string)p.Attribute("Path")!).ToHashSet(StringComparer.Ordinal);
        var projects = Directory.EnumerateFiles(RepoPaths.Root, "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepoPaths.Root, p).Replace('\\', '/'))
            .Where(p => !p.StartsWith("artifacts/", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal)
                        && !p.Contains("/obj/", StringComparison.Ordinal)
                        // The templates' projects build from the packed Rvc.Sdk only (SdkPackageTests).
                        && !p.StartsWith("templates/content/", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(projects);
        Assert.DoesNotContain(projects, p => !listed.Contains(p));
        Assert.DoesNotContain(listed, p => !projects.Contains(p));
    }

    /// <summary>The templates' projects name the Rvc.Sdk version that <c>./run.sh pack</c> packs beside them.</summary>
    [Fact]
    public void TheTemplatesNameThePackedSdkVersion()
    {
        var props = XDocument.Load(Path.Combine(RepoPaths.Root, "Directory.Build.props"));
        string version = props.Descendants("RvcSdkVersion").Single().Value;
        var templates = Directory.GetFiles(Path.Combine(RepoPaths.Root, "templates", "content"), "*.csproj", SearchOption.AllDirectories);
        Assert.NotEmpty(templates);
        foreach (var project in templates)
            Assert.Equal($"Rvc.Sdk/{version}", (string)XDocument.Load(project).Root!.Attribute("Sdk")!);
    }
}
