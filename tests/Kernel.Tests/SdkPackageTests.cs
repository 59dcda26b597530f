using System.Text;

namespace Rvc.Kernel.Tests;

/// <summary>
/// rvc as a .NET SDK, as a user outside the repository meets it: <c>./run.sh pack</c> into a fresh local feed, the
/// templates installed from it (<c>dotnet new install</c>, into a hive of the test's own), projects made by
/// <c>dotnet new rvc-app</c> and <c>dotnet new rvc-kernel</c> in a temporary folder outside the repository with a
/// NuGet.config naming the feed, then <c>dotnet build</c>, <c>dotnet run</c> (QEMU or the host) and <c>dotnet publish</c>.
/// The package cache is the test's own too, so that a package packed earlier with the same version cannot stand in.
/// </summary>
public sealed class SdkPackageTests : IClassFixture<SdkPackageTests.Feed>
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(10);

    private readonly Feed _feed;

    public SdkPackageTests(Feed feed) => _feed = feed;

    /// <summary>The packed feed and a folder outside the repository to work in, removed at the end.</summary>
    public sealed class Feed : IDisposable
    {
        public string Root { get; } = Path.Combine(Path.GetTempPath(), $"rvc-sdk-test-{Environment.ProcessId}-{Guid.NewGuid():N}");
        public string Packages => Path.Combine(Root, "feed");
        public string Hive => Path.Combine(Root, "template-hive");
        public string Cache => Path.Combine(Root, "nuget-packages");

        public Feed()
        {
            Directory.CreateDirectory(Root);
            // The pack builds rvc: not while a test's kernel build builds it too (they share its obj/ folder).
            var pack = KernelBoot.WhileNoBuildRuns(() => KernelBoot.RunLauncher(["pack", "-o", Packages], Guard));
            Assert.True(pack.ExitCode == 0, $"./run.sh pack failed:\n{Encoding.UTF8.GetString(pack.Stdout)}\n{pack.Stderr}");
            var templates = Directory.GetFiles(Packages, "Rvc.Templates.*.nupkg").Single();
            Assert.Single(Directory.GetFiles(Packages, "Rvc.Sdk.*.nupkg"));
            var install = Dotnet(Root, "new", "install", templates, "--debug:custom-hive", Hive);
            Assert.True(install.ExitCode == 0, install.Describe());
        }

        /// <summary>A new project from <paramref name="template"/>, with the NuGet.config the README shows.</summary>
        public string NewProject(string template, string name)
        {
            var create = Dotnet(Root, "new", template, "-o", name, "--debug:custom-hive", Hive);
            Assert.True(create.ExitCode == 0, create.Describe());
            string project = Path.Combine(Root, name);
            File.WriteAllText(Path.Combine(project, "NuGet.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="rvc" value="{Packages}" />
                  </packageSources>
                </configuration>
                """);
            return project;
        }

        public Run Dotnet(string directory, params string[] arguments)
        {
            var result = ProcessRunner.Run(KernelBoot.DotnetHost(), arguments, Guard, new Dictionary<string, string>
            {
                ["NUGET_PACKAGES"] = Cache,
                ["DOTNET_NOLOGO"] = "1",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            }, workingDirectory: directory);
            return new Run(arguments, Encoding.Latin1.GetString(result.Stdout).Replace("\r\n", "\n", StringComparison.Ordinal), result.Stderr, result.ExitCode);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    public sealed record Run(string[] Arguments, string Stdout, string Stderr, int ExitCode)
    {
        public string Describe() => $"dotnet {string.Join(' ', Arguments)}: exit status {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
    }

    [Theory]
    [InlineData("rv32")]
    [InlineData("rv64")]
    [InlineData("host")]
    public void TheProgramTemplateBuildsAndRuns(string arch)
    {
        string project = _feed.NewProject("rvc-app", "App_" + arch);
        var build = _feed.Dotnet(project, "build", $"-p:Arch={arch}");
        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.True(File.Exists(Path.Combine(project, "bin", "Debug", arch, "net10.0", $"App_{arch}.elf")), build.Describe());

        var run = _feed.Dotnet(project, "run", $"-p:Arch={arch}");
        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Contains("Hello from C# on bare metal!\n1 + 2 + ... + 10 = 55\n", run.Stdout, StringComparison.Ordinal);
    }

    /// <summary>The kernel skeleton boots under QEMU, finds the virtio-blk disk <c>dotnet run</c> attaches and reads its
    /// first sector (the bytes of the template's disk.img); <c>dotnet publish</c> puts the ELF in publish/.</summary>
    [Theory]
    [InlineData("rv32")]
    [InlineData("rv64")]
    public void TheKernelTemplateReadsItsDiskUnderQemu(string arch)
    {
        string project = _feed.NewProject("rvc-kernel", "Os_" + arch);
        var run = _feed.Dotnet(project, "run", $"-p:Arch={arch}");
        Assert.True(run.ExitCode == 0, run.Describe());
        string firstLine = Encoding.ASCII.GetString(File.ReadAllBytes(Path.Combine(project, "disk.img"))).Split('\n')[0];
        Assert.Contains($"Os_{arch}: booting\nblk0 sector 0: {firstLine}\nOs_{arch}: done\n", run.Stdout, StringComparison.Ordinal);

        var publish = _feed.Dotnet(project, "publish", $"-p:Arch={arch}");
        Assert.True(publish.ExitCode == 0, publish.Describe());
        string published = Path.Combine(project, "bin", "Release", arch, "net10.0", "publish", $"Os_{arch}.elf");
        Assert.True(File.Exists(published), publish.Describe());
        Assert.Equal("\u007fELF"u8.ToArray(), File.ReadAllBytes(published)[..4]);
    }

    /// <summary>What an editor sees (<c>-p:RvcCompile=false</c>: the C# build alone): the analyzer from the package
    /// reports RVC0001 at the boxing expression.</summary>
    [Fact]
    public void TheAnalyzerInThePackageFlagsUnsupportedCode()
    {
        string project = _feed.NewProject("rvc-app", "Boxing");
        File.WriteAllText(Path.Combine(project, "Program.cs"), "object o = 42;\nreturn o is int ? 0 : 1;\n");
        var build = _feed.Dotnet(project, "build", "-p:RvcCompile=false");
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("Program.cs(1,12): error RVC0001: boxing a 'Int32' needs a garbage collector", build.Stdout, StringComparison.Ordinal);
    }
}
