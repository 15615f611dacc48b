using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Web.Features.Metrics;

/// <summary>A figure as the chart draws it: a bar from low to high, open ends drawn to the chart's edge.</summary>
public sealed record MetricChartPoint(string When, string Source, double Low, double High, double Best, string Label, bool InOpenConflict)
{
    /// <summary>How far past the largest stated bound an open-ended bar is drawn.</summary>
    private const double OpenEndHeadroom = 1.25;

    /// <summary>An exact figure ("300 killed") is a bar of this share of the axis, not an invisible line.</summary>
    private const double PointHeight = 0.01;

    public static IReadOnlyList<MetricChartPoint> From(IReadOnlyList<MetricFigure> figures)
    {
        var finite = figures.SelectMany(f => new[] { f.Low, f.Best, f.High }).Where(v => v is not null).Select(v => (double)v!.Value).ToList();
        var top = finite.Count == 0 ? 1 : finite.Max() * OpenEndHeadroom;
        return figures
            .Where(f => f.Best is not null || f.Low is not null || f.High is not null)
            .Select(f =>
            {
                var best = (double)(f.Best ?? f.Low ?? f.High)!.Value;
                var low = (double)(f.Low ?? 0);
                var high = f.High is { } stated ? (double)stated : top;
                return new MetricChartPoint(
                    // One category per figure: two figures on the same day would otherwise hide each other.
                    $"{f.When:yyyy-MM-dd} · {f.Outlet}", f.Source,
                    low, Math.Max(high, low + (top * PointHeight)), best,
                    $"{f.Source}: “{f.AsWritten}” ({FigureFormatting.Interval(Domain.Figures.FigureKind.Count, f.Low, f.High)})",
                    f.InOpenConflict);
            })
            .ToList();
    }
}
