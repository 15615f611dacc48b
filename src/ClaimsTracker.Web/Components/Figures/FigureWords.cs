using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Web.Components.Figures;

/// <summary>Figures in the words a reader uses ("up to 3,000", "about 85"), never raw enum names or ≥/≤.</summary>
public static class FigureWords
{
    public static string Qualifier(Qualifier qualifier) => qualifier switch
    {
        Domain.Figures.Qualifier.Exact => "exact",
        Domain.Figures.Qualifier.Approximately => "about",
        Domain.Figures.Qualifier.Nearly => "nearly",
        Domain.Figures.Qualifier.UpTo => "up to",
        Domain.Figures.Qualifier.LessThan => "fewer than",
        Domain.Figures.Qualifier.AtMost => "at most",
        Domain.Figures.Qualifier.AtLeast => "at least",
        Domain.Figures.Qualifier.MoreThan => "more than",
        Domain.Figures.Qualifier.Range => "between",
        Domain.Figures.Qualifier.Vague => "vague",
        _ => qualifier.ToString(),
    };

    /// <summary>What the source said, in words: "about 85", "more than 3,000", "between 900 and 1,100".</summary>
    public static string Stated(FigureKind kind, Qualifier qualifier, decimal? low, decimal? best, decimal? high)
    {
        var value = best ?? low ?? high;
        if (value is null)
        {
            return "unknown";
        }

        string V(decimal v) => FigureFormatting.Value(kind, v);
        return qualifier switch
        {
            Domain.Figures.Qualifier.Exact => V(value.Value),
            Domain.Figures.Qualifier.Range when low is { } l && high is { } h => $"between {V(l)} and {V(h)}",
            Domain.Figures.Qualifier.UpTo or Domain.Figures.Qualifier.LessThan or Domain.Figures.Qualifier.AtMost => $"{Qualifier(qualifier)} {V(high ?? value.Value)}",
            Domain.Figures.Qualifier.AtLeast or Domain.Figures.Qualifier.MoreThan => $"{Qualifier(qualifier)} {V(low ?? value.Value)}",
            Domain.Figures.Qualifier.Vague => $"roughly {Interval(kind, low, high)}",
            _ => $"{Qualifier(qualifier)} {V(value.Value)}",
        };
    }

    /// <summary>The normalised interval in words: "900 to 1,100", "3,000 or more", "at most 50", "2025-01-09".</summary>
    public static string Interval(FigureKind kind, decimal? low, decimal? high) => (low, high) switch
    {
        (null, null) => "unknown",
        ({ } l, { } h) when l == h => FigureFormatting.Value(kind, l),
        ({ } l, { } h) => $"{FigureFormatting.Value(kind, l)} to {FigureFormatting.Value(kind, h)}",
        ({ } l, null) => $"{FigureFormatting.Value(kind, l)} or more",
        (null, { } h) => $"at most {FigureFormatting.Value(kind, h)}",
    };
}
