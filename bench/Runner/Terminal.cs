using System.Globalization;
using Spectre.Console;

namespace Rvc.Bench;

/// <summary>What the runner shows in the terminal, with Spectre.Console, on standard error (standard output stays free):
/// a progress line per step, and at the end a summary table of every configuration.</summary>
public static class Terminal
{
    private static readonly IAnsiConsole Console = Create();

    private static IAnsiConsole Create()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });
        if (System.Console.IsErrorRedirected)
            console.Profile.Width = 160; // a log file: wide enough for the table
        return console;
    }

    public static void Progress(string message) => Console.MarkupLine($"[grey]bench:[/] {Markup.Escape(message)}");

    /// <summary>The cases the summary shows for each configuration: one small and one large request, at a low and a high
    /// queue depth (results.md has every row).</summary>
    private static readonly (string Op, string Pattern, int Size, int QueueDepth)[] Highlights =
    [
        ("read", "rand", 512, 1),
        ("read", "seq", 4096, 16),
        ("write", "seq", 4096, 16),
        ("read", "seq", 65536, 16),
    ];

    /// <summary>Per configuration: its rows, the median MiB/s of a few cases, and why it has no rows if it has none.</summary>
    public static void Summary(RunState state, Dictionary<RowKey, Row> rows, string outDir)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("median MiB/s (results.md has every row)");
        table.AddColumn("configuration");
        table.AddColumn(new TableColumn("rows").RightAligned());
        foreach (var h in Highlights)
            table.AddColumn(new TableColumn($"{h.Op} {h.Pattern} {Report.SizeText(h.Size)} QD{h.QueueDepth}").RightAligned());
        table.AddColumn("note");
        var names = state.Configs.Select(c => c.Name).Concat(rows.Keys.Select(k => k.Config)).Distinct();
        foreach (var name in names)
        {
            var cells = new List<string> { Markup.Escape(name), rows.Keys.Count(k => k.Config == name).ToString(CultureInfo.InvariantCulture) };
            foreach (var h in Highlights)
            {
                cells.Add(rows.TryGetValue(new RowKey(name, h.Op, h.Pattern, h.Size, h.QueueDepth), out var row)
                    ? row.MedianMib.ToString("0.0", CultureInfo.InvariantCulture) : "[grey]-[/]");
            }
            cells.Add(state.Notes.TryGetValue(name, out var note) ? $"[yellow]{Markup.Escape(note)}[/]" : "");
            table.AddRow(cells.ToArray());
        }
        Console.Write(table);
        foreach (var failure in state.Failures)
            Console.MarkupLine($"[red]failed:[/] {Markup.Escape(failure)}");
        Console.MarkupLine($"[grey]bench:[/] results in {Markup.Escape(outDir)}");
    }
}
