using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ClaimsTracker.Domain.Conflicts.Detection;

/// <summary>A short hash of everything detection compares about a figure.</summary>
public static class FigureFingerprint
{
    public static string Of(DetectionFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var text = string.Join('|',
            figure.MetricId.ToString(CultureInfo.InvariantCulture),
            figure.ScopeKey,
            figure.SourceId.ToString(CultureInfo.InvariantCulture),
            figure.ReportId.ToString(CultureInfo.InvariantCulture),
            figure.Qualifier,
            Invariant(figure.Interval.Low),
            Invariant(figure.Interval.Best),
            Invariant(figure.Interval.High),
            figure.Time.Kind,
            figure.Time.Start?.ToString("O", CultureInfo.InvariantCulture),
            figure.Time.End?.ToString("O", CultureInfo.InvariantCulture),
            figure.PublishedOn.ToString("O", CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 12));
    }

    // "G29" drops trailing zeros: 1000 and 1000.00 (as PostgreSQL returns it) are one value.
    private static string Invariant(decimal? value) =>
        value is { } v ? v.ToString("G29", CultureInfo.InvariantCulture) : "-";
}
