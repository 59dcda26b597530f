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

    /// <summary>Per configuration and highlighted case: every run's MiB/s, the median, the spread and the driver's counters
    /// per request; a configuration without rows gets one line with the reason.</summary>
    public static void Summary(RunState state, Dictionary<RowKey, Row> rows, string outDir)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("MiB/s of every run (results.md has every case)");
        table.AddColumn("configuration");
        table.AddColumn("case");
        table.AddColumn(new TableColumn("runs, in order").RightAligned());
        table.AddColumn(new TableColumn("median").RightAligned());
        table.AddColumn(new TableColumn("spread").RightAligned());
        table.AddColumn(new TableColumn("notifies/req").RightAligned());
        table.AddColumn(new TableColumn("irqs/req").RightAligned());
        table.AddColumn(new TableColumn("insns/req").RightAligned());
        table.AddColumn("note");
        foreach (var line in SummaryLines(state, rows))
            table.AddRow(line.Select(Markup.Escape).Select((cell, i) => i == line.Length - 1 && cell.Length > 0 ? $"[yellow]{cell}[/]" : cell).ToArray());
        Console.Write(table);
        if (state.HostRuns.Count > 0)
        {
            var busy = state.HostRuns.Where(h => h.Busy is not null).Select(h => h.Busy!.Value * 100).ToList();
            Console.MarkupLine(Markup.Escape($"host, before each run: {HostReport.Probes(state.HostRuns)}"
                + (busy.Count > 0 ? $"; busy during the runs {HostReport.Range(busy, "0", "%")}" : "") + " (results.md, host.csv)"));
        }
        foreach (var failure in state.Failures)
            Console.MarkupLine($"[red]failed:[/] {Markup.Escape(failure)}");
        Console.MarkupLine($"[grey]bench:[/] results in {Markup.Escape(outDir)}");
    }

    /// <summary>The summary's cells, without markup: configuration, case, runs, median, spread, notifies, irqs, insns,
    /// note. Highlighted cases a configuration has no row for are left out.</summary>
    public static List<string[]> SummaryLines(RunState state, Dictionary<RowKey, Row> rows)
    {
        var lines = new List<string[]>();
        var names = state.Configs.Select(c => c.Name).Concat(rows.Keys.Select(k => k.Config)).Distinct();
        foreach (var name in names)
        {
            string note = state.Notes.TryGetValue(name, out var n) ? n : "";
            int before = lines.Count;
            foreach (var h in Highlights)
            {
                if (!rows.TryGetValue(new RowKey(name, h.Op, h.Pattern, h.Size, h.QueueDepth), out var row))
                    continue;
                lines.Add([name, $"{h.Op} {h.Pattern} {Report.SizeText(h.Size)} QD{h.QueueDepth}", RowText.Runs(row),
                    row.MedianMib.ToString("0.0", CultureInfo.InvariantCulture), RowText.Spread(row), RowText.PerRequest(row.NotifiesPerRequest),
                    RowText.PerRequest(row.IrqsPerRequest), RowText.PerRequest(row.InsnsPerRequest), note]);
            }
            if (lines.Count == before)
                lines.Add([name, "-", "-", "-", "-", "-", "-", "-", note.Length > 0 ? note : "none of these cases"]);
        }
        return lines;
    }
}
