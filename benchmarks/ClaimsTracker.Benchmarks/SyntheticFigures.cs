using ClaimsTracker.Domain.Conflicts.Detection;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Figures.Normalisation;

namespace ClaimsTracker.Benchmarks;

/// <summary>
/// A deterministic year of figures: each family is one metric (or, one in ten, a whole with two
/// parts), its figures from a dozen sources on days across the year, growing over time with
/// noise, three per cent of outliers (tripled), some weekly period figures.
/// </summary>
public static class SyntheticFigures
{
    private static readonly Qualifier[] Qualifiers = [Qualifier.Exact, Qualifier.Approximately, Qualifier.MoreThan, Qualifier.UpTo, Qualifier.Range];

    public static (List<DetectionMetric> Metrics, List<DetectionFigure> Figures) Generate(int families, int figuresPerFamily, int seed = 2025)
    {
        var random = new Random(seed);
        var options = new NormalisationOptions();
        var metrics = new List<DetectionMetric>();
        var figures = new List<DetectionFigure>(families * figuresPerFamily);
        var start = new DateOnly(2025, 1, 1);
        var figureId = 0;
        for (var family = 0; family < families; family++)
        {
            var wholeId = metrics.Count + 1;
            var withParts = family % 10 == 0;
            int[] memberIds = withParts ? [wholeId, wholeId + 1, wholeId + 2] : [wholeId];
            metrics.Add(new DetectionMetric(wholeId, $"metric {wholeId}", FigureKind.Count, IsCumulative: true, IsSingleEvent: false, withParts ? [wholeId + 1, wholeId + 2] : []));
            if (withParts)
            {
                metrics.Add(new DetectionMetric(wholeId + 1, $"metric {wholeId + 1}", FigureKind.Count, true, false, []));
                metrics.Add(new DetectionMetric(wholeId + 2, $"metric {wholeId + 2}", FigureKind.Count, true, false, []));
            }

            var baseline = 100 + random.Next(10_000);
            for (var i = 0; i < figuresPerFamily; i++)
            {
                var day = random.Next(365);
                var metricId = memberIds[random.Next(memberIds.Length)];
                var share = metricId == wholeId ? 1m : metricId == wholeId + 1 ? 0.2m : 0.8m;
                // Growing by a tenth of a per cent a day, with ±3 % of noise between sources.
                var value = Math.Round((baseline + baseline * day / 1000m) * share * (0.97m + (decimal)random.NextDouble() * 0.06m));
                if (random.Next(100) < 3)
                {
                    value *= 3;
                }

                var qualifier = Qualifiers[random.Next(Qualifiers.Length)];
                var time = random.Next(10) == 0
                    ? TimeReference.Period(start.AddDays(day / 7 * 7), start.AddDays(day / 7 * 7 + 6))
                    : TimeReference.AsOf(start.AddDays(day));
                var source = random.Next(12);
                figures.Add(new DetectionFigure
                {
                    FigureId = ++figureId,
                    MetricId = metricId,
                    Scope = "Region " + (family % 50),
                    SourceId = source,
                    SourceName = $"Source {source}",
                    ReportId = random.Next(families * 2),
                    Outlet = "Synthetic Wire",
                    PublishedOn = start.AddDays(day + random.Next(3)),
                    AsWritten = value.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture),
                    Qualifier = qualifier,
                    Kind = FigureKind.Count,
                    Interval = IntervalRules.ToInterval(qualifier, value, qualifier == Qualifier.Range ? value * 1.2m : null, options),
                    Time = time,
                });
            }
        }

        return (metrics, figures);
    }
}
