using System.Globalization;
using System.Net;
using System.Text;

namespace Rvc.Bench;

/// <summary>throughput.svg: MiB/s (log scale) against queue depth (log scale), one panel per op, pattern and request size; a line
/// per configuration (median, with a bar from the smallest to the largest run).</summary>
public static class Svg
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private const int PanelWidth = 330, PanelHeight = 230;
    private const int Left = 62, Right = 14, Top = 30, Bottom = 42;
    private const int Margin = 12, TitleHeight = 56;

    private static readonly Dictionary<string, string> Colors = new(StringComparer.Ordinal)
    {
        ["kernel-rv64-legacy-poll"] = "#1f77b4",
        ["kernel-rv64-legacy-irq"] = "#17becf",
        ["kernel-rv64-modern-poll"] = "#2ca02c",
        ["kernel-rv64-modern-irq"] = "#98c87a",
        ["kernel-rv32-legacy-poll"] = "#d62728",
        ["kernel-rv32-legacy-irq"] = "#f08080",
        ["kernel-rv32-modern-poll"] = "#9467bd",
        ["kernel-rv32-modern-irq"] = "#c5b0d5",
        ["c-rv64-none"] = "#8c564b",
        ["c-rv64-flush"] = "#e377c2",
        ["c-rv32-none"] = "#bcbd22",
        ["c-rv32-flush"] = "#ff7f0e",
        ["qemu-img"] = "#000000",
        ["qemu-img-writethrough"] = "#7f7f7f",
    };

    public static string Plot(IReadOnlyList<BenchConfig> configs, Dictionary<RowKey, Row> rows, RunSettings settings)
    {
        var names = configs.Select(c => c.Name).Concat(configs.Any(c => c.Kind == DriverKind.QemuImg) ? ["qemu-img-writethrough"] : [])
            .Where(name => rows.Keys.Any(k => k.Config == name)).ToList();
        // Legend columns: the kernel, the yardstick, qemu-img.
        var legend = new[] { "kernel-", "c-", "qemu-img" }
            .Select(prefix => names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal).ToList())
            .ToList();
        var series = legend.SelectMany(l => l).ToList();
        var panels = (from op in Cases.Ops from pattern in Cases.Patterns select (op, pattern)).ToList();
        int columns = Cases.Sizes.Length;
        int gridWidth = columns * (PanelWidth + Margin) + Margin;
        int legendRows = Math.Max(1, legend.Max(l => l.Count));
        int height = TitleHeight + panels.Count * (PanelHeight + Margin) + 24 + legendRows * 20 + Margin;

        var svg = new StringBuilder();
        svg.AppendLine(Inv, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{gridWidth}" height="{height}" viewBox="0 0 {gridWidth} {height}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="11">""");
        svg.AppendLine(Inv, $"""<rect width="{gridWidth}" height="{height}" fill="white"/>""");
        svg.AppendLine(Inv, $"""<text x="{Margin}" y="22" font-size="16" font-weight="bold">virtio-blk throughput against queue depth (median of {settings.Reps} run{(settings.Reps == 1 ? "" : "s")}; bars: min–max)</text>""");
        string sub = settings.Quick ? "PIPELINE CHECK (--quick): not a measurement" : "C# kernel: solid lines; C yardstick: dashed; qemu-img bench (no guest, sequential only): dotted";
        svg.AppendLine(Inv, $"""<text x="{Margin}" y="42" font-size="12" fill="{(settings.Quick ? "#c00" : "#333")}">{sub}</text>""");

        for (int p = 0; p < panels.Count; p++)
        {
            for (int c = 0; c < columns; c++)
            {
                int x0 = Margin + c * (PanelWidth + Margin), y0 = TitleHeight + p * (PanelHeight + Margin);
                Panel(svg, x0, y0, panels[p].op, panels[p].pattern, Cases.Sizes[c], series, rows);
            }
        }

        int ly = TitleHeight + panels.Count * (PanelHeight + Margin) + 16;
        for (int column = 0; column < legend.Count; column++)
        {
            for (int row = 0; row < legend[column].Count; row++)
            {
                int lx = Margin + column * ((gridWidth - 2 * Margin) / 3), y = ly + row * 20;
                var name = legend[column][row];
                svg.AppendLine(Inv, $"""<line x1="{lx}" y1="{y}" x2="{lx + 34}" y2="{y}" {Stroke(name)}/>""");
                svg.AppendLine(Inv, $"""<text x="{lx + 40}" y="{y + 4}">{WebUtility.HtmlEncode(name)}</text>""");
            }
        }
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static void Panel(StringBuilder svg, int x0, int y0, string op, string pattern, int size, List<string> series, Dictionary<RowKey, Row> rows)
    {
        int plotW = PanelWidth - Left - Right, plotH = PanelHeight - Top - Bottom;
        int px = x0 + Left, py = y0 + Top;
        var inPanel = series.Select(name => (name, points: Cases.Depths
                .Select(qd => rows.TryGetValue(new RowKey(name, op, pattern, size, qd), out var r) ? r : null)
                .ToList()))
            .Where(s => s.points.Any(r => r is not null)).ToList();
        // Log scale on both axes: the rows span several decades (a write-through write is a thousand times slower
        // than a cached one), and equal ratios look equal everywhere.
        var values = inPanel.SelectMany(s => s.points).Where(r => r is not null).SelectMany(r => new[] { r!.MinMib, r.MaxMib })
            .Where(v => v > 0).DefaultIfEmpty(1).ToList();
        double low = Math.Pow(10, Math.Floor(Math.Log10(values.Min())));
        double high = Math.Pow(10, Math.Ceiling(Math.Log10(values.Max())));
        if (high <= low)
            high = low * 10;
        double Y(double v) => py + plotH - (Math.Log10(Math.Max(v, low)) - Math.Log10(low)) / (Math.Log10(high) - Math.Log10(low)) * plotH;

        svg.AppendLine(Inv, $"""<rect x="{x0}" y="{y0}" width="{PanelWidth}" height="{PanelHeight}" fill="#fafafa" stroke="#ddd"/>""");
        svg.AppendLine(Inv, $"""<text x="{x0 + PanelWidth / 2}" y="{y0 + 18}" text-anchor="middle" font-size="12" font-weight="bold">{op} {pattern}, {Report.SizeText(size)}</text>""");
        int decades = (int)Math.Round(Math.Log10(high / low));
        for (double decade = low; decade <= high * 1.001; decade *= 10)
        {
            foreach (double m in decades <= 2 ? new[] { 1.0, 2, 5 } : [1.0])
            {
                double v = decade * m;
                if (v > high * 1.001)
                    break;
                double y = Y(v);
                svg.AppendLine(Inv, $"""<line x1="{px}" y1="{y:0.0}" x2="{px + plotW}" y2="{y:0.0}" stroke="{(m == 1 ? "#d8d8d8" : "#ececec")}"/>""");
                svg.AppendLine(Inv, $"""<text x="{px - 5}" y="{y + 4:0.0}" text-anchor="end" font-size="10">{Number(v)}</text>""");
            }
        }
        for (int i = 0; i < Cases.Depths.Length; i++)
        {
            double x = X(i, px, plotW);
            svg.AppendLine(Inv, $"""<line x1="{x:0.0}" y1="{py + plotH}" x2="{x:0.0}" y2="{py + plotH + 4}" stroke="#333"/>""");
            svg.AppendLine(Inv, $"""<text x="{x:0.0}" y="{py + plotH + 16}" text-anchor="middle" font-size="10">{Cases.Depths[i]}</text>""");
        }
        svg.AppendLine(Inv, $"""<rect x="{px}" y="{py}" width="{plotW}" height="{plotH}" fill="none" stroke="#333"/>""");
        svg.AppendLine(Inv, $"""<text x="{px + plotW / 2}" y="{py + plotH + 32}" text-anchor="middle" font-size="10">queue depth (log scale)</text>""");
        svg.AppendLine(Inv, $"""<text transform="translate({x0 + 14},{py + plotH / 2}) rotate(-90)" text-anchor="middle" font-size="10">MiB/s (log scale)</text>""");
        if (inPanel.Count == 0)
        {
            svg.AppendLine(Inv, $"""<text x="{px + plotW / 2}" y="{py + plotH / 2}" text-anchor="middle" fill="#999">no data</text>""");
            return;
        }

        foreach (var (name, points) in inPanel)
        {
            var path = new StringBuilder();
            for (int i = 0; i < points.Count; i++)
            {
                if (points[i] is not { } r)
                    continue;
                double x = X(i, px, plotW), y = Y(r.MedianMib);
                path.Append(Inv, $"{(path.Length == 0 ? "M" : " L")}{x:0.0},{y:0.0}");
                double yMin = Y(r.MinMib), yMax = Y(r.MaxMib);
                svg.AppendLine(Inv, $"""<line x1="{x:0.0}" y1="{yMin:0.0}" x2="{x:0.0}" y2="{yMax:0.0}" stroke="{Color(name)}" stroke-width="1" opacity="0.7"/>""");
                svg.AppendLine(Inv, $"""<circle cx="{x:0.0}" cy="{y:0.0}" r="2.5" fill="{Color(name)}"><title>{WebUtility.HtmlEncode(name)}: QD{Cases.Depths[i]} {r.MedianMib:0.0} MiB/s ({r.MinMib:0.0}–{r.MaxMib:0.0})</title></circle>""");
            }
            svg.AppendLine(Inv, $"""<path d="{path}" fill="none" {Stroke(name)}/>""");
        }
    }

    private static double X(int index, int px, int plotW) => px + 18 + index * (plotW - 36) / (double)(Cases.Depths.Length - 1);

    private static string Color(string name) => Colors.TryGetValue(name, out var c) ? c : "#555";

    private static string Stroke(string name)
    {
        string dash = name.StartsWith("c-", StringComparison.Ordinal) ? """ stroke-dasharray="7,3" """
            : name.StartsWith("qemu-img", StringComparison.Ordinal) ? """ stroke-dasharray="2,3" """ : " ";
        double width = name.StartsWith("qemu-img", StringComparison.Ordinal) ? 2.2 : 1.8;
        return string.Create(Inv, $"""stroke="{Color(name)}" stroke-width="{width}"{dash}""");
    }

    private static string Number(double v) => v >= 1 ? v.ToString("0", Inv) : v.ToString("0.###", Inv);
}
