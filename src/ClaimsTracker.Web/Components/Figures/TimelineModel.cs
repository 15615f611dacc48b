using System.Globalization;
using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Web.Components.Figures;

/// <summary>One figure as the timeline needs it: when it held, its interval, who said it, its standing.</summary>
public sealed record TimelineFigure(
    int FigureId, string Source, DateOnly? PeriodStart, DateOnly AsOf, decimal? Low, decimal? Best, decimal? High,
    string AsWritten, string Quote, bool InOpenConflict, FigureRank Rank, string? Link = null);

/// <summary>How a figure's interval is drawn: a point, a bar, or a bar with an arrow where it is open.</summary>
public enum GlyphShape
{
    Point,
    Range,
    OpenAbove,
    OpenBelow,
}

/// <summary>A figure placed on the chart, in SVG user units (y grows downwards).</summary>
public sealed record TimelineGlyph(
    TimelineFigure Figure, GlyphShape Shape, string Colour, double X, double SpanStartX, double Top, double Bottom, double BestY, string Description)
{
    public bool HasPeriod => SpanStartX < X;
}

public sealed record AxisTick(double Position, string Label);

public sealed record LegendEntry(string Source, string Colour, int FigureCount, bool Hidden);

/// <summary>
/// The layout maths of the metric timeline, apart from any markup so it can be tested: a time
/// axis from the earliest period start to the latest as-of date, a value axis over every stated
/// bound, and one glyph per figure. Scales are computed from all figures, hidden sources
/// included, so hiding a source never moves the others.
/// </summary>
public sealed class TimelineModel
{
    /// <summary>Colour-blind-safe colours (Okabe–Ito, darkened where needed for a white background), one per source.</summary>
    public static IReadOnlyList<string> Palette { get; } = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#8a6d00", "#56b4e9", "#6a3d9a", "#333333"];

    private const double MarginLeft = 64;
    private const double MarginRight = 16;
    private const double MarginTop = 18;
    private const double MarginBottom = 34;

    /// <summary>Horizontal distance between figures stated for the same day, so none hides another.</summary>
    public const double DodgeStep = 9;

    private TimelineModel(double width, double height, DateOnly from, DateOnly to, double low, double high, FigureKind kind)
    {
        Width = width;
        Height = height;
        From = from;
        To = to;
        ValueMin = low;
        ValueMax = high;
        Kind = kind;
    }

    public double Width { get; }
    public double Height { get; }
    public DateOnly From { get; }
    public DateOnly To { get; }
    public double ValueMin { get; }
    public double ValueMax { get; }
    public FigureKind Kind { get; }

    public double PlotLeft => MarginLeft;
    public double PlotRight => Width - MarginRight;
    public double PlotTop => MarginTop;
    public double PlotBottom => Height - MarginBottom;

    public IReadOnlyList<AxisTick> TimeTicks { get; private set; } = [];
    public IReadOnlyList<AxisTick> ValueTicks { get; private set; } = [];
    public IReadOnlyList<TimelineGlyph> Glyphs { get; private set; } = [];
    public IReadOnlyList<LegendEntry> Legend { get; private set; } = [];

    public static TimelineModel Build(IReadOnlyList<TimelineFigure> figures, FigureKind kind, double width, double height, IReadOnlySet<string>? hiddenSources = null)
    {
        ArgumentNullException.ThrowIfNull(figures);
        hiddenSources ??= new HashSet<string>();
        var drawable = figures.Where(f => f.Low is not null || f.Best is not null || f.High is not null).ToList();

        var days = drawable.SelectMany(f => new[] { f.PeriodStart ?? f.AsOf, f.AsOf }).ToList();
        var (from, to) = days.Count == 0
            ? (new DateOnly(2000, 1, 1), new DateOnly(2000, 12, 31))
            : PadDays(days.Min(), days.Max());

        var bounds = drawable.SelectMany(f => new[] { f.Low, f.Best, f.High }).Where(v => v is not null).Select(v => (double)v!.Value).ToList();
        var (valueMin, valueMax, step) = NiceValueRange(bounds, includeZero: kind is not (FigureKind.Date or FigureKind.Year));

        var model = new TimelineModel(width, height, from, to, valueMin, valueMax, kind);
        model.ValueTicks = Enumerable.Range(0, (int)Math.Round((valueMax - valueMin) / step) + 1)
            .Select(i => valueMin + (i * step))
            .Select(v => new AxisTick(model.Y(v), FigureFormatting.Value(kind, (decimal)v)))
            .ToList();
        model.TimeTicks = TimeTickDays(from, to, maxTicks: Math.Max(2, (int)((width - MarginLeft - MarginRight) / 90)))
            .Select(d => new AxisTick(model.X(d), d.ToString(to.DayNumber - from.DayNumber > 120 ? "MMM yyyy" : "d MMM", CultureInfo.InvariantCulture)))
            .ToList();

        var sources = drawable.Select(f => f.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var colours = sources.Select((s, i) => (s, Palette[i % Palette.Count])).ToDictionary(p => p.s, p => p.Item2, StringComparer.Ordinal);
        model.Legend = sources.Select(s => new LegendEntry(s, colours[s], drawable.Count(f => f.Source == s), hiddenSources.Contains(s))).ToList();

        var glyphs = new List<TimelineGlyph>();
        foreach (var sameDay in drawable.Where(f => !hiddenSources.Contains(f.Source)).GroupBy(f => f.AsOf).OrderBy(g => g.Key))
        {
            var ordered = sameDay.OrderBy(f => f.Source, StringComparer.Ordinal).ThenBy(f => f.FigureId).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var offset = (i - ((ordered.Count - 1) / 2.0)) * DodgeStep;
                glyphs.Add(model.Place(ordered[i], colours[ordered[i].Source], offset));
            }
        }

        model.Glyphs = glyphs;
        return model;
    }

    public double X(DateOnly day)
    {
        var span = Math.Max(1, To.DayNumber - From.DayNumber);
        return PlotLeft + ((day.DayNumber - From.DayNumber) / (double)span * (PlotRight - PlotLeft));
    }

    public double Y(double value)
    {
        var span = ValueMax - ValueMin;
        var share = span <= 0 ? 0.5 : (value - ValueMin) / span;
        return PlotBottom - (Math.Clamp(share, 0, 1) * (PlotBottom - PlotTop));
    }

    private TimelineGlyph Place(TimelineFigure figure, string colour, double offset)
    {
        var x = X(figure.AsOf) + offset;
        var spanStart = figure.PeriodStart is { } start && start < figure.AsOf ? X(start) + offset : x;
        var best = (double)(figure.Best ?? figure.Low ?? figure.High)!.Value;
        var (shape, top, bottom) = (figure.Low, figure.High) switch
        {
            ({ } low, { } high) when low == high => (GlyphShape.Point, Y((double)low), Y((double)low)),
            ({ } low, { } high) => (GlyphShape.Range, Y((double)high), Y((double)low)),
            ({ } low, null) => (GlyphShape.OpenAbove, PlotTop, Y((double)low)),
            (null, { } high) => (GlyphShape.OpenBelow, Y((double)high), PlotBottom),
            _ => (GlyphShape.Point, Y(best), Y(best)),
        };
        return new TimelineGlyph(figure, shape, colour, x, spanStart, top, bottom, Y(best), Describe(figure));
    }

    private string Describe(TimelineFigure figure)
    {
        var when = figure.PeriodStart is { } start && start < figure.AsOf
            ? $"{start:d MMM yyyy} – {figure.AsOf:d MMM yyyy}"
            : $"as of {figure.AsOf:d MMM yyyy}";
        var standing = figure.Rank switch
        {
            FigureRank.Preferred => " · preferred",
            FigureRank.Deprecated => " · deprecated",
            _ => string.Empty,
        };
        var conflict = figure.InOpenConflict ? " · in an open conflict" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"{figure.Source}, {when}: {FigureWords.Interval(Kind, figure.Low, figure.High)}{standing}{conflict}. “{figure.Quote}”");
    }

    /// <summary>A few days either side, or a month around a single day, so glyphs never sit on the frame.</summary>
    internal static (DateOnly From, DateOnly To) PadDays(DateOnly first, DateOnly last)
    {
        var span = last.DayNumber - first.DayNumber;
        var pad = span == 0 ? 15 : Math.Max(2, (int)Math.Ceiling(span * 0.05));
        return (first.AddDays(-pad), last.AddDays(pad));
    }

    /// <summary>A value range on round numbers (1, 2 or 5 times a power of ten) with about five steps.</summary>
    internal static (double Min, double Max, double Step) NiceValueRange(IReadOnlyCollection<double> values, bool includeZero)
    {
        if (values.Count == 0)
        {
            return (0, 1, 0.2);
        }

        var low = includeZero ? Math.Min(0, values.Min()) : values.Min();
        var high = values.Max();
        if (high - low < 1e-9)
        {
            // One value: a band around it (or from zero up to it).
            low = includeZero ? Math.Min(0, low) : low - 1;
            high = high == 0 ? 1 : high + (Math.Abs(high) * (includeZero ? 0.1 : 0)) + (includeZero ? 0 : 1);
        }

        var step = NiceStep((high - low) / 5);
        var min = Math.Floor(low / step) * step;
        var max = Math.Ceiling(high / step) * step;
        if (max <= high)
        {
            // Headroom above the largest bound, so open-ended arrows have somewhere to point.
            max += step;
        }

        return (min, max, step);
    }

    private static double NiceStep(double rough)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / magnitude;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
    }

    /// <summary>Tick days on whole weeks, months, quarters or years, at most <paramref name="maxTicks"/>.</summary>
    internal static IReadOnlyList<DateOnly> TimeTickDays(DateOnly from, DateOnly to, int maxTicks)
    {
        var span = to.DayNumber - from.DayNumber;
        int[] stepsInDays = [1, 2, 7, 14];
        foreach (var step in stepsInDays)
        {
            if (span / step < maxTicks)
            {
                var first = from.AddDays(step == 7 || step == 14 ? (7 - (int)from.DayOfWeek + 1) % 7 : 1);
                return Enumerable.Range(0, maxTicks + 1).Select(i => first.AddDays(i * step)).Where(d => d < to).ToList();
            }
        }

        int[] stepsInMonths = [1, 2, 3, 6, 12, 24, 60];
        foreach (var months in stepsInMonths)
        {
            if ((span / 30.4) / months < maxTicks)
            {
                var start = new DateOnly(from.Year, from.Month, 1).AddMonths(1);
                if (months >= 12)
                {
                    start = new DateOnly(from.Year + 1, 1, 1);
                }

                return Enumerable.Range(0, maxTicks + 1).Select(i => start.AddMonths(i * months)).Where(d => d < to).ToList();
            }
        }

        return [from, to];
    }
}
