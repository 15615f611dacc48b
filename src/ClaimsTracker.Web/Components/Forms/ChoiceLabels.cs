using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Web.Components.Forms;

/// <summary>Words people read in pickers, instead of enum names such as "UpTo" or "AsOf".</summary>
public static class ChoiceLabels
{
    public static string Of(Qualifier qualifier) => qualifier switch
    {
        Qualifier.Exact => "exactly",
        Qualifier.Approximately => "about",
        Qualifier.Nearly => "nearly",
        Qualifier.UpTo => "up to",
        Qualifier.LessThan => "less than",
        Qualifier.AtMost => "at most",
        Qualifier.AtLeast => "at least",
        Qualifier.MoreThan => "more than",
        Qualifier.Range => "a range (from … to …)",
        Qualifier.Vague => "vague (“hundreds”)",
        _ => qualifier.ToString(),
    };

    public static string Of(TimeReferenceKind kind) => kind switch
    {
        TimeReferenceKind.Unknown => "not stated",
        TimeReferenceKind.AsOf => "as of a day",
        TimeReferenceKind.Period => "within a period",
        _ => kind.ToString(),
    };

    public static string Of(FigureKind kind) => kind switch
    {
        FigureKind.Count => "count",
        FigureKind.Date => "date",
        FigureKind.Year => "year",
        FigureKind.Duration => "duration",
        FigureKind.Percentage => "percentage",
        FigureKind.Money => "money",
        _ => kind.ToString(),
    };
}
