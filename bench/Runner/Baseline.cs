using CliWrap;
using CliWrap.Buffered;
using Rvc.Launcher;

namespace Rvc.Bench;

/// <summary>
/// A git revision whose kernel runs beside today's (<c>./bench.sh --baseline REV</c>): <see cref="Revision"/> as
/// given, which names its configurations (<c>kernel@REV-rv64-legacy-poll</c>), and the commit it resolved to.
/// </summary>
public sealed record Baseline(string Revision, string Hash, string ShortHash, string Subject)
{
    /// <summary>What may appear in a revision given to <c>--baseline</c>: a commit, a tag or a branch without a
    /// slash, with <c>^</c> and <c>~N</c> suffixes. The revision becomes part of configuration names, log files and
    /// folder names, so no slash, colon, space or other character a path or the <c>--config</c> list would trip on.</summary>
    public static string? SpellingError(string revision)
    {
        if (revision.Length == 0)
            return "--baseline expects a git revision, not an empty string";
        if (revision.StartsWith('-'))
            return $"--baseline expects a git revision, not '{revision}'";
        foreach (char c in revision)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '^' or '~'))
                return $"--baseline {revision}: '{c}' cannot be part of a configuration name; give the commit (git rev-parse --short '{revision}')";
        }
        return null;
    }

    /// <summary>The prefix of its kernel configurations' names, in place of today's <c>kernel</c>.</summary>
    public string ConfigPrefix => $"kernel@{Revision}";

    /// <summary>How the tables name it: the revision as given, the commit and the start of its subject.</summary>
    public string Title => $"{(Revision == ShortHash ? ShortHash : $"{Revision} = {ShortHash}")} (\"{(Subject.Length <= 60 ? Subject : Subject[..59] + "…")}\")";

    /// <summary>Resolves <paramref name="revision"/> in the repository at <paramref name="root"/> to a commit.</summary>
    public static Baseline Resolve(string root, string revision)
    {
        if (SpellingError(revision) is { } error)
            throw new LauncherException(error);
        string hash = Git(root, $"--baseline {revision}: not a commit of this repository", "rev-parse", "--verify", "--quiet", "--end-of-options", $"{revision}^{{commit}}");
        string shortHash = Git(root, $"--baseline {revision}", "rev-parse", "--short", hash);
        string subject = Git(root, $"--baseline {revision}", "log", "-1", "--format=%s", hash);
        return new Baseline(revision, hash, shortHash, subject);
    }

    /// <summary>Runs git in <paramref name="root"/> and returns its standard output, trimmed; a failure throws with
    /// <paramref name="what"/> and git's message.</summary>
    internal static string Git(string root, string what, params string[] arguments)
    {
        BufferedCommandResult result;
        try
        {
            result = Cli.Wrap("git").WithArguments(["-C", root, .. arguments]).WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception || e.InnerException is System.ComponentModel.Win32Exception)
        {
            throw new LauncherException($"{what}: cannot run git ({e.Message})");
        }
        if (result.ExitCode != 0)
            throw new LauncherException($"{what}{(result.StandardError.Trim() is { Length: > 0 } message ? $" ({message})" : "")}");
        return result.StandardOutput.Trim();
    }
}
