using ClaimsTracker.Domain.Conflicts.Detection;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Figures.Normalisation;

namespace ClaimsTracker.Domain.Tests.Conflicts;

/// <summary>
/// What the detector's and the disputes' tests share: the casualty metric family of the seed
/// story, a fresh detector per test, and figures built with their own ids.
/// </summary>
public abstract class CasualtyFamilyTests
{
    protected const int KilledOrWounded = 10, Killed = 11, Wounded = 12, Troops = 13, CaptureDate = 14, WeeklyLosses = 15;

    protected static readonly DetectionMetric KilledOrWoundedMetric = new(KilledOrWounded, "killed or wounded", FigureKind.Count, IsCumulative: true, IsSingleEvent: false, [Killed, Wounded]);
    protected static readonly DetectionMetric KilledMetric = new(Killed, "killed", FigureKind.Count, true, false, []);
    protected static readonly DetectionMetric WoundedMetric = new(Wounded, "wounded", FigureKind.Count, true, false, []);
    protected static readonly IReadOnlyList<DetectionMetric> CasualtyFamily = [KilledOrWoundedMetric, KilledMetric, WoundedMetric];
    protected static readonly DateOnly EndOfDecember = new(2024, 12, 31);

    protected ConflictDetector Detector { get; } = new(new DetectionOptions());

    private int nextId = 100;

    /// <summary>A figure as detection reads it; its id is new, its report is its own unless <paramref name="report"/> says otherwise.</summary>
    protected DetectionFigure Figure(
        int source, int metric, Qualifier qualifier, decimal value, decimal? high = null,
        DateOnly? asOf = null, (DateOnly Start, DateOnly End)? period = null, int? report = null, DateOnly? published = null)
    {
        var id = nextId++;
        var kind = metric == CaptureDate ? FigureKind.Date : FigureKind.Count;
        var time = period is { } p ? TimeReference.Period(p.Start, p.End)
            : asOf is { } day ? TimeReference.AsOf(day)
            : TimeReference.Unknown;
        return new DetectionFigure
        {
            FigureId = id,
            MetricId = metric,
            Scope = "Kursk region",
            SourceId = source,
            SourceName = $"Source {source}",
            ReportId = report ?? id,
            Outlet = $"Outlet {report ?? id}",
            PublishedOn = published ?? new DateOnly(2025, 1, 12),
            AsWritten = qualifier switch
            {
                Qualifier.Approximately => $"about {value:#,0}",
                Qualifier.MoreThan => $"more than {value:#,0}",
                Qualifier.UpTo => $"as many as {value:#,0}",
                _ => value.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture),
            },
            Qualifier = qualifier,
            Kind = kind,
            Interval = IntervalRules.ToInterval(qualifier, value, high, new NormalisationOptions()),
            Time = time,
        };
    }
}
