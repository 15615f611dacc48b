using System.Globalization;

namespace ClaimsTracker.Domain.Figures;

public static class FigureFormatting
{
    public static string Interval(FigureKind kind, decimal? low, decimal? high)
    {
        if (low is null && high is null)
        {
            return "unknown";
        }

        if (low == high)
        {
            return Value(kind, low!.Value);
        }

        return (low, high) switch
        {
            (null, { } h) => $"≤ {Value(kind, h)}",
            ({ } l, null) => $"≥ {Value(kind, l)}",
            _ => $"{Value(kind, low!.Value)} – {Value(kind, high!.Value)}",
        };
    }

    public static string Value(FigureKind kind, decimal value) => kind switch
    {
        FigureKind.Date => DateOnly.FromDayNumber((int)value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        FigureKind.Year => value.ToString("0", CultureInfo.InvariantCulture),
        _ => value.ToString("#,0.##", CultureInfo.InvariantCulture),
    };
}
