using System.CommandLine;
using Rvc.Driver;

namespace Rvc.Launcher.Commands;

/// <summary><c>./run.sh pack [-o FEED]</c>: packs Rvc.Sdk and Rvc.Templates into a local NuGet feed (default
/// artifacts/packages/) and prints the two package paths.</summary>
public static class PackCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output", "-o")
        {
            HelpName = "FEED",
            Description = "the folder to pack into (default artifacts/packages/), a NuGet package source",
        };
        var command = new Command("pack",
            "pack rvc as an MSBuild SDK (Rvc.Sdk) and its dotnet new templates (Rvc.Templates: rvc-app, rvc-kernel) into a "
            + "local NuGet feed; prints the packages' paths (sdk/README.md)")
        {
            output,
        };
        CommandLineTool.RejectRepeats(command);
        command.SetAction(result =>
        {
            var repo = RepoLayout.Find();
            string feed = result.GetValue(output) ?? SdkPackages.DefaultFeed(repo);
            foreach (var package in SdkPackages.Pack(repo, feed))
                Console.WriteLine(package);
            return 0;
        });
        return command;
    }
}
