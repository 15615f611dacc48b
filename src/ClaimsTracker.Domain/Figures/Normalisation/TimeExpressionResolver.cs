using System.Text.RegularExpressions;

namespace ClaimsTracker.Domain.Figures.Normalisation;

/// <summary>
/// Resolves what a report says about time ("by the end of last month", "in the last week of
/// December", "on Saturday") against its publication day. Weeks start on Monday; seasons are
/// meteorological and northern (autumn is September to November). docs/qualifier-vocabulary.md
/// has the table.
/// </summary>
public static class TimeExpressionResolver
{
    private const RegexOptions Flags = RegexOptions.CultureInvariant;

    private const string MonthName = "january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec";
    private const string Weekday = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";

    private static readonly Regex EndOf = new(@"^(?:(?:by|as of|as at|until|till|through|up to|up until|at|to)\s+)?(?:the\s+)?end\s+of\s+(.+)$", Flags);
    private static readonly Regex AsOf = new(@"^(?:by|as of|as at|until|till|through|up to|up until)\s+(.+)$", Flags);
    private static readonly Regex StartOf = new(@"^(?:(?:at|in|by|from)\s+)?(?:the\s+)?(?:start|beginning)\s+of\s+(.+)$", Flags);
    private static readonly Regex Since = new(@"^since\s+(.+)$", Flags);
    private static readonly Regex Preposition = new(@"^(?:in|on|during|over|within|for|from|earlier|so far)\s+", Flags);
    private static readonly Regex SoFar = new(@"\s+(?:so far|to date)$", Flags);

    private static readonly Regex Today = new(@"^(?:today|tonight|this (?:morning|afternoon|evening))$", Flags);
    private static readonly Regex Yesterday = new(@"^(?:yesterday(?: (?:morning|afternoon|evening|night))?|last night)$", Flags);
    private static readonly Regex DayBeforeYesterday = new(@"^(?:the )?day before yesterday$", Flags);
    private static readonly Regex OnWeekday = new($@"^(last |this past |this )?({Weekday})(?: (?:morning|afternoon|evening|night))?$", Flags);
    private static readonly Regex TrailingCount = new(@"^(?:the )?(?:past|last) (.+?) (hour|day|week|month|year)s?$", Flags);
    private static readonly Regex TrailingOne = new(@"^(?:(?:the )?past|the last) (day|week|month|year)$", Flags);
    private static readonly Regex Calendar = new(@"^(this|last|(?:the )?previous) (week|month|year)$", Flags);
    private static readonly Regex WeekOfMonth = new(@"^(?:the )?(first|second|third|fourth|fifth|last|final) week of (.+)$", Flags);
    private static readonly Regex PartOfMonth = new(@"^(early|mid|late)[ -](.+)$", Flags);
    private static readonly Regex Season = new(@"^(?:(last|this|the) )?(spring|summer|autumn|fall|winter)(?: (?:of )?([0-9]{4}))?$", Flags);
    private static readonly Regex Weekend = new(@"^(?:(the|last|this|this past) )?weekend$", Flags);
    private static readonly Regex MonthReference = new($@"^(?:(last|this) )?({MonthName})(?: ([0-9]{{4}}))?$", Flags);
    private static readonly Regex RelativeMonth = new(@"^(last|this|(?:the )?previous) month$", Flags);
    private static readonly Regex MonthDay = new($@"^(?:(?:{Weekday}) )?({MonthName}) ([0-9]{{1,2}})(?:st|nd|rd|th)?(?: ([0-9]{{4}}))?$", Flags);
    private static readonly Regex DayMonth = new($@"^(?:(?:{Weekday}) )?(?:the )?([0-9]{{1,2}})(?:st|nd|rd|th)? (?:of )?({MonthName})(?: ([0-9]{{4}}))?$", Flags);
    private static readonly Regex IsoDay = new(@"^([0-9]{4})-([0-9]{2})-([0-9]{2})$", Flags);
    private static readonly Regex YearOnly = new(@"^([0-9]{4})$", Flags);
    private static readonly Regex Spaces = new(@"\s+", Flags);
    private static readonly Regex Punctuation = new(@"[.,;:!?()""“”]", Flags);

    private readonly record struct Span(DateOnly Start, DateOnly End, bool IsDay)
    {
        public static Span Day(DateOnly day) => new(day, day, true);
    }

    /// <summary>
    /// The time <paramref name="expression"/> refers to, seen from a report published on
    /// <paramref name="published"/>. Never throws on what a user typed: anything it cannot read is
    /// <see cref="TimeReferenceKind.Unknown"/>, with the words kept.
    /// </summary>
    public static TimeReference Resolve(string? expression, DateOnly published)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return TimeReference.Unknown with { AsWritten = expression };
        }

        try
        {
            return ResolveNormalised(Normalise(expression), published, expression) ?? TimeReference.Unknown with { AsWritten = expression };
        }
        catch (ArgumentOutOfRangeException)
        {
            // Only near the ends of DateOnly's range, where "last year" has nowhere to go.
            return TimeReference.Unknown with { AsWritten = expression };
        }
    }

    private static string Normalise(string expression)
    {
        var text = Punctuation.Replace(expression.ToLowerInvariant(), " ").Replace('–', '-');
        return Spaces.Replace(text, " ").Trim();
    }

    private static TimeReference? ResolveNormalised(string text, DateOnly published, string asWritten)
    {
        text = SoFar.Replace(text, string.Empty);

        if (EndOf.Match(text) is { Success: true } endOf)
        {
            return ResolveSpan(endOf.Groups[1].Value, published) is { } span ? TimeReference.AsOf(span.End, asWritten) : null;
        }

        if (StartOf.Match(text) is { Success: true } startOf)
        {
            return ResolveSpan(startOf.Groups[1].Value, published) is { } span ? TimeReference.AsOf(span.Start, asWritten) : null;
        }

        // A running total "by" a period counts up to its last day (by December = by 31 December).
        if (AsOf.Match(text) is { Success: true } asOf)
        {
            return ResolveSpan(asOf.Groups[1].Value, published) is { } span ? TimeReference.AsOf(span.End, asWritten) : null;
        }

        if (Since.Match(text) is { Success: true } since)
        {
            return ResolveSpan(since.Groups[1].Value, published) is { } span && span.Start <= published
                ? TimeReference.Period(span.Start, published, asWritten)
                : null;
        }

        var resolved = ResolveSpan(text, published) ?? ResolveSpan(Preposition.Replace(text, string.Empty, 1), published);
        if (resolved is not { } found)
        {
            return null;
        }

        if (found.IsDay)
        {
            return TimeReference.AsOf(found.Start, asWritten);
        }

        // What happened "this month" can only have happened up to the day of the report.
        var end = found.Start <= published && found.End > published ? published : found.End;
        return TimeReference.Period(found.Start, end, asWritten);
    }

    private static Span? ResolveSpan(string text, DateOnly published)
    {
        if (Today.IsMatch(text))
        {
            return Span.Day(published);
        }

        if (Yesterday.IsMatch(text))
        {
            return Span.Day(published.AddDays(-1));
        }

        if (DayBeforeYesterday.IsMatch(text))
        {
            return Span.Day(published.AddDays(-2));
        }

        if (OnWeekday.Match(text) is { Success: true } weekday)
        {
            var target = Enum.Parse<DayOfWeek>(weekday.Groups[2].Value, ignoreCase: true);
            var back = ((int)published.DayOfWeek - (int)target + 7) % 7;
            if (back == 0 && weekday.Groups[1].Value.StartsWith("last", StringComparison.Ordinal))
            {
                back = 7;
            }

            return Span.Day(published.AddDays(-back));
        }

        if (TrailingCount.Match(text) is { Success: true } trailing)
        {
            return NumberWords.TryParse(trailing.Groups[1].Value, out var count) ? Trailing(count, trailing.Groups[2].Value, published) : null;
        }

        if (TrailingOne.Match(text) is { Success: true } trailingOne)
        {
            return Trailing(1, trailingOne.Groups[1].Value, published);
        }

        if (Calendar.Match(text) is { Success: true } calendar)
        {
            return CalendarSpan(calendar.Groups[1].Value == "this", calendar.Groups[2].Value, published);
        }

        if (WeekOfMonth.Match(text) is { Success: true } week)
        {
            return ResolveMonth(week.Groups[2].Value, published) is { } month ? WeekOf(month, week.Groups[1].Value) : null;
        }

        if (PartOfMonth.Match(text) is { Success: true } part)
        {
            return ResolveMonth(part.Groups[2].Value, published) is { } month ? PartOf(month, part.Groups[1].Value) : null;
        }

        if (Season.Match(text) is { Success: true } season)
        {
            return SeasonSpan(season.Groups[2].Value, season.Groups[1].Value, season.Groups[3].Success ? int.Parse(season.Groups[3].Value) : null, published);
        }

        if (Weekend.Match(text) is { Success: true } weekend)
        {
            var back = ((int)published.DayOfWeek - (int)DayOfWeek.Saturday + 7) % 7;
            var saturday = published.AddDays(-back);
            if (weekend.Groups[1].Value == "last" && saturday.AddDays(1) >= published)
            {
                saturday = saturday.AddDays(-7);
            }

            return new Span(saturday, saturday.AddDays(1), false);
        }

        if (ResolveMonth(text, published) is { } monthSpan)
        {
            return monthSpan;
        }

        if (MonthDay.Match(text) is { Success: true } monthDay)
        {
            return DayOf(monthDay.Groups[1].Value, monthDay.Groups[2].Value, monthDay.Groups[3], published);
        }

        if (DayMonth.Match(text) is { Success: true } dayMonth)
        {
            return DayOf(dayMonth.Groups[2].Value, dayMonth.Groups[1].Value, dayMonth.Groups[3], published);
        }

        if (IsoDay.Match(text) is { Success: true } iso)
        {
            return TryDate(int.Parse(iso.Groups[1].Value), int.Parse(iso.Groups[2].Value), int.Parse(iso.Groups[3].Value)) is { } day ? Span.Day(day) : null;
        }

        if (YearOnly.Match(text) is { Success: true } year && int.Parse(year.Groups[1].Value) is >= 1 and <= 9999 and var y)
        {
            return new Span(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), false);
        }

        return null;
    }

    // "the past 7 days" includes the report's day and the N days before it: reports run late.
    private static Span? Trailing(decimal count, string unit, DateOnly published)
    {
        if (count <= 0 || count != decimal.Truncate(count) || count > 100_000)
        {
            return null;
        }

        var n = (int)count;
        DateOnly? start = unit switch
        {
            "hour" => published.AddDays(-(int)Math.Ceiling(n / 24m)),
            "day" => published.AddDays(-n),
            "week" when n <= 10_000 => published.AddDays(-7 * n),
            "month" when n <= 1_200 => published.AddMonths(-n),
            "year" when n <= 100 => published.AddYears(-n),
            _ => null,
        };
        return start is { } from ? new Span(from, published, false) : null;
    }

    private static Span CalendarSpan(bool current, string unit, DateOnly published)
    {
        switch (unit)
        {
            case "week":
                var monday = published.AddDays(-(((int)published.DayOfWeek + 6) % 7));
                return current ? new Span(monday, monday.AddDays(6), false) : new Span(monday.AddDays(-7), monday.AddDays(-1), false);
            case "month":
                var first = new DateOnly(published.Year, published.Month, 1);
                return current ? MonthSpan(first) : MonthSpan(first.AddMonths(-1));
            default:
                var year = current ? published.Year : published.Year - 1;
                return new Span(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), false);
        }
    }

    // "December", "December 2024", "last December", "last month", "this month".
    private static Span? ResolveMonth(string text, DateOnly published)
    {
        if (RelativeMonth.Match(text) is { Success: true } relative)
        {
            return CalendarSpan(relative.Groups[1].Value == "this", "month", published);
        }

        if (MonthReference.Match(text) is not { Success: true } reference)
        {
            return null;
        }

        var month = MonthNumber(reference.Groups[2].Value);
        int year;
        if (reference.Groups[3].Success)
        {
            year = int.Parse(reference.Groups[3].Value);
        }
        else
        {
            // A month after the report's month is last year's; "last January" in January is too.
            var latest = reference.Groups[1].Value == "last" ? month < published.Month : month <= published.Month;
            year = latest ? published.Year : published.Year - 1;
        }

        return year is >= 1 and <= 9999 ? MonthSpan(new DateOnly(year, month, 1)) : null;
    }

    private static Span? WeekOf(Span month, string which)
    {
        var last = month.End.Day;
        (int From, int To) days = which switch
        {
            "first" => (1, 7),
            "second" => (8, 14),
            "third" => (15, 21),
            "fourth" => (22, 28),
            "fifth" => (29, last),
            _ => (last - 6, last),
        };
        return days.From > last ? null : new Span(month.Start.AddDays(days.From - 1), month.Start.AddDays(days.To - 1), false);
    }

    private static Span PartOf(Span month, string part) => part switch
    {
        "early" => new Span(month.Start, month.Start.AddDays(9), false),
        "mid" => new Span(month.Start.AddDays(10), month.Start.AddDays(19), false),
        _ => new Span(month.Start.AddDays(20), month.End, false),
    };

    private static Span? SeasonSpan(string name, string which, int? year, DateOnly published)
    {
        var startMonth = name switch
        {
            "spring" => 3,
            "summer" => 6,
            "autumn" or "fall" => 9,
            _ => 12,
        };

        Span Of(int y)
        {
            var start = new DateOnly(y, startMonth, 1);
            return new Span(start, start.AddMonths(3).AddDays(-1), false);
        }

        if (year is { } y)
        {
            return y is >= 1 and <= 9998 ? Of(y) : null;
        }

        // "last autumn" has ended before the report; "this winter" or "the summer" has at least begun.
        var candidate = Of(published.Year);
        var ended = which == "last";
        while (ended ? candidate.End >= published : candidate.Start > published)
        {
            candidate = Of(candidate.Start.Year - 1);
        }

        return candidate;
    }

    private static Span? DayOf(string monthName, string dayText, Group yearGroup, DateOnly published)
    {
        var month = MonthNumber(monthName);
        var day = int.Parse(dayText);
        if (yearGroup.Success)
        {
            return TryDate(int.Parse(yearGroup.Value), month, day) is { } written ? Span.Day(written) : null;
        }

        // Without a year a day is the latest one on or before the report, unless it falls within
        // the next three months ("from July 1" in June, "the January 15 deadline" in November).
        var ahead = new[] { TryDate(published.Year, month, day), TryDate(published.Year + 1, month, day) }
            .FirstOrDefault(d => d is { } candidate && candidate > published && candidate.DayNumber - published.DayNumber <= 92);
        var thisYear = TryDate(published.Year, month, day);
        var resolved = ahead ?? (thisYear is { } candidate && candidate <= published ? candidate : TryDate(published.Year - 1, month, day));
        return resolved is { } found ? Span.Day(found) : null;
    }

    private static Span MonthSpan(DateOnly first) => new(first, first.AddMonths(1).AddDays(-1), false);

    private static DateOnly? TryDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static int MonthNumber(string name) => name[..3] switch
    {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        _ => 12,
    };
}
