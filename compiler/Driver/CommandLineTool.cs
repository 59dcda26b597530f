using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace Rvc.Driver;

/// <summary>
/// How rvc, the launcher (<c>./run.sh</c>) and the benchmark runner (<c>./bench.sh</c>) use System.CommandLine: the
/// same error format (<c>error: message</c>, then where to find help), no response files (an argument starting with
/// <c>@</c> stays an argument), and exceptions left to the tool's own <c>Main</c>, which prints them as one line.
/// </summary>
public static class CommandLineTool
{
    /// <summary>Parses <paramref name="args"/> against <paramref name="root"/>. On a parse error, prints every error as
    /// <c>{errorPrefix}message</c> and a pointer to the failing command's help on standard error and returns 1;
    /// otherwise runs the chosen command's action (or help) and returns its exit status.</summary>
    public static int Invoke(RootCommand root, IReadOnlyList<string> args, string errorPrefix = "error: ")
    {
        var result = Parse(root, args);
        if (result.Errors.Count > 0 && result.Action is not { ClearsParseErrors: true })
        {
            Console.Out.Flush();
            foreach (var error in result.Errors)
                Console.Error.WriteLine($"{errorPrefix}{error.Message}");
            Console.Error.WriteLine($"(see {HelpCommand(root, result.CommandResult)} --help)");
            return 1;
        }
        return result.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    /// <summary>Parses without response files: <c>@name</c> is an argument like any other.</summary>
    public static ParseResult Parse(Command command, IReadOnlyList<string> args)
        => command.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });

    /// <summary>The command line that shows a command's help: <c>./run.sh build</c> for the launcher's build.</summary>
    public static string HelpCommand(RootCommand root, CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? r = command; r is CommandResult c && c.Command != root; r = r.Parent)
            names.Insert(0, c.Command.Name);
        names.Insert(0, root.HelpName ?? root.Name);
        return string.Join(' ', names);
    }

    /// <summary>Every option of a command other than those listed may be given once only: System.CommandLine takes the
    /// last of a repeated flag silently, which hides a mistake such as <c>--shell --shell</c> or two <c>-o</c>.</summary>
    public static void RejectRepeats(Command command, params Option[] repeatable)
    {
        foreach (var option in command.Options)
        {
            if (option is HelpOption || repeatable.Contains(option))
                continue;
            option.Validators.Add(r =>
            {
                if (r.IdentifierTokenCount > 1)
                    r.AddError($"{r.IdentifierToken?.Value ?? option.Name} given twice");
            });
        }
    }

    /// <summary>Sets up <paramref name="root"/>'s help: the width of the terminal (120 columns when the output is not a
    /// terminal), and after the generated help of each command in <paramref name="epilogues"/> its notes: what belongs to
    /// no single option, such as what the exit status means.</summary>
    public static void ConfigureHelp(RootCommand root, IReadOnlyDictionary<Command, string>? epilogues = null)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        if (help.Action is HelpAction generated)
        {
            generated.MaxWidth = WidthOfHelp();
            help.Action = new HelpWithNotes(generated, epilogues ?? new Dictionary<Command, string>());
        }
    }

    /// <summary>The generated help, then the command's notes.</summary>
    private sealed class HelpWithNotes(HelpAction generated, IReadOnlyDictionary<Command, string> epilogues) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            int status = generated.Invoke(parseResult);
            if (epilogues.TryGetValue(parseResult.CommandResult.Command, out var notes))
                parseResult.InvocationConfiguration.Output.WriteLine(notes);
            return status;
        }
    }

    /// <summary>The terminal's width, or 120 columns when the output is not a terminal.</summary>
    private static int WidthOfHelp()
    {
        try
        {
            return Console.IsOutputRedirected ? 120 : Math.Max(Console.WindowWidth, 60);
        }
        catch (IOException)
        {
            return 120;
        }
    }
}
