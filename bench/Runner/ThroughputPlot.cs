using System.Globalization;
using ScottPlot;

namespace Rvc.Bench;

/// <summary>
/// throughput.png, drawn with ScottPlot: one panel per configuration family (the C# kernel with each transport and
/// completion, the C yardstick without and with FLUSH, qemu-img bench per cache mode) and per op and pattern; in a
/// panel, MiB/s against queue depth, both on log scales, one line per arch and request size, labelled at its end
/// (colour: size; solid rv64 labelled above, dashed rv32 labelled below), with a bar from the smallest to the largest
/// run at each point; the
/// panels without data (qemu-img runs sequential cases only) say so.
/// </summary>
public static class ThroughputPlot
{
    private const int PanelWidth = 330, PanelHeight = 260;

    private static readonly Color[] SizeColors = [Colors.SteelBlue, Colors.DarkOrange, Colors.SeaGreen];

    public static void Save(string path, Dictionary<RowKey, Row> rows, RunSettings settings)
    {
        var families = rows.Keys.Select(k => Family(k.Config)).Distinct().OrderBy(FamilyOrder).ToList();
        var panels = (from op in Cases.Ops from pattern in Cases.Patterns select (op, pattern)).ToList();
        if (families.Count == 0)
            families.Add("no data");

        var figure = new Multiplot();
        figure.AddPlots(panels.Count * families.Count);
        figure.Layout = new ScottPlot.MultiplotLayouts.Grid(panels.Count, families.Count);
        for (int r = 0; r < panels.Count; r++)
        {
            for (int c = 0; c < families.Count; c++)
            {
                var plot = figure.GetPlot(r * families.Count + c);
                Panel(plot, families[c], panels[r].op, panels[r].pattern, rows, settings);
                if (c == 0)
                    plot.YLabel("MiB/s (log scale)");
                if (r == panels.Count - 1)
                    plot.XLabel("queue depth (log scale)");
            }
        }
        figure.SavePng(path, families.Count * PanelWidth, panels.Count * PanelHeight);
    }

    private static void Panel(Plot plot, string family, string op, string pattern, Dictionary<RowKey, Row> rows, RunSettings settings)
    {
        plot.Title($"{FamilyTitle(family)}: {op} {pattern}{(settings.Quick ? " (--quick: not a measurement)" : "")}", size: 12);
        int lines = 0;
        var configs = rows.Keys.Select(k => k.Config).Distinct().Where(c => Family(c) == family).OrderBy(c => c, StringComparer.Ordinal).ToList();
        for (int s = 0; s < Cases.Sizes.Length; s++)
        {
            foreach (var config in configs)
            {
                var points = Cases.Depths
                    .Select(qd => rows.TryGetValue(new RowKey(config, op, pattern, Cases.Sizes[s], qd), out var row) && row.MedianMib > 0 ? (qd, row) : default)
                    .Where(p => p.row is not null).ToList();
                if (points.Count == 0)
                    continue;
                lines++;
                double[] xs = points.Select(p => Math.Log2(p.qd)).ToArray();
                double[] ys = points.Select(p => Math.Log10(p.row!.MedianMib)).ToArray();
                var color = SizeColors[s % SizeColors.Length];
                var line = plot.Add.Scatter(xs, ys, color);
                line.LineWidth = 1.8f;
                line.MarkerSize = 4;
                line.LinePattern = Arch(config) == "rv32" ? LinePattern.Dashed : LinePattern.Solid;
                foreach (var (qd, row) in points)
                {
                    var bar = plot.Add.Line(Math.Log2(qd), Math.Log10(Math.Max(row!.MinMib, 1e-3)), Math.Log2(qd), Math.Log10(Math.Max(row.MaxMib, 1e-3)));
                    bar.Color = color.WithAlpha(0.6);
                    bar.LineWidth = 1;
                    bar.MarkerSize = 0;
                }
                var label = plot.Add.Text($"{(Arch(config) is { } a ? a + " " : "")}{Report.SizeText(Cases.Sizes[s])}", xs[^1] + 0.25, ys[^1]);
                label.LabelFontColor = color;
                label.LabelFontSize = 10;
                label.LabelAlignment = Arch(config) == "rv32" ? Alignment.UpperLeft : Alignment.LowerLeft;
            }
        }

        // Queue depths at log2 positions, with room on the right for the labels.
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Cases.Depths.Select(d => Math.Log2(d)).ToArray(), Cases.Depths.Select(d => d.ToString(CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.SetLimitsX(-0.4, Math.Log2(Cases.Depths[^1]) + 2.6);
        if (lines == 0)
        {
            plot.Add.Text("no data", 3, 0.5).LabelAlignment = Alignment.MiddleCenter;
            plot.Axes.SetLimitsY(0, 1);
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
            return;
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = true,
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            LabelFormatter = v => Math.Pow(10, v).ToString(v >= 0 ? "0" : "0.###", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>A configuration's name without its arch: kernel-legacy-poll, c-flush, qemu-img...</summary>
    private static string Family(string config) => config.Replace("-rv32", "", StringComparison.Ordinal).Replace("-rv64", "", StringComparison.Ordinal);

    private static string? Arch(string config) => config.Contains("-rv32", StringComparison.Ordinal) ? "rv32"
        : config.Contains("-rv64", StringComparison.Ordinal) ? "rv64" : null;

    private static int FamilyOrder(string family) => family.StartsWith("kernel", StringComparison.Ordinal) ? 0
        : family.StartsWith("c-", StringComparison.Ordinal) ? 1 : 2;

    private static string FamilyTitle(string family) => family switch
    {
        "c-none" => "C yardstick",
        "c-flush" => "C yardstick, FLUSH",
        "qemu-img" => "qemu-img bench",
        "qemu-img-writethrough" => "qemu-img, writethrough",
        _ when family.StartsWith("kernel-", StringComparison.Ordinal) => "C# kernel, " + family["kernel-".Length..].Replace('-', ' '),
        // kernel@REV-legacy-poll (--baseline): the revision kept whole, it may hold a '-'.
        _ when family.StartsWith("kernel@", StringComparison.Ordinal) && family.LastIndexOf('-', family.LastIndexOf('-') - 1) is > 0 and var cut
            => $"C# kernel at {family["kernel@".Length..cut]}, " + family[(cut + 1)..].Replace('-', ' '),
        _ => family,
    };
}
