using System.Text.RegularExpressions;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Figures.Normalisation;

namespace ClaimsTracker.Domain.Extraction;

/// <summary>A time phrase in a sentence and what it resolves to.</summary>
public sealed record TimePhrase(int Start, int End, string Text, TimeReference Time)
{
    /// <summary>The single day it names ("January 9", "on Saturday", "yesterday"), if it names one.</summary>
    public DateOnly? Day { get; init; }

    /// <summary>"compared with 41,600 a year earlier": the earlier moment of the one figure written right before it, not of the sentence.</summary>
    public bool OfPrecedingFigure { get; init; }
}

/// <summary>
/// Finds the time words of a sentence ("by the end of last month", "in the last week of December",
/// "on Saturday", "as of January 9") and resolves them with <see cref="TimeExpressionResolver"/>.
/// </summary>
public static class TimePhraseFinder
{
    private const string MonthName = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

    // An abbreviation may carry its dot ("Jan. 9"); a full name's dot ends the sentence.
    private const string MonthWithDot = @"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![\p{L}])";
    private const string Weekday = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
    private const string Unit = "(?:hour|day|week|month|year)s?";
    private const string Count = @"(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|few|several)";

    // Months and weekdays must be capitalised: "may" and "march" are usually verbs.
    private static readonly string Day =
        $@"(?:(?:{Weekday}),?\s+)?(?:{MonthWithDot}\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d)(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MonthWithDot}(?:,?\s+\d{{4}})?)|\d{{4}}-\d{{2}}-\d{{2}}";

    private static readonly Regex DayPattern = new(
        $@"(?<![\p{{L}}\d])(?:(?i:on|since|by|as\s+of|as\s+at|until|before|after)\s+)?(?:{Day}|(?:(?i:last|this\s+past)\s+)?(?:{Weekday})|(?i:the\s+day\s+before\s+yesterday|yesterday)|today)(?![\p{{L}}\d])",
        RegexOptions.CultureInvariant);

    // "if the election were held today": a day nobody claims anything about.
    private static readonly Regex Hypothetical = new(@"(?<![\p{L}])(?:if|were|would)(?![\p{L}])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    // "two days after the storm came ashore", "a week earlier": a day counted from the day named before it.
    private static readonly Regex RelativeDay = new(
        @"(?<![\p{L}\d])(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|twenty|thirty)\s+(day|week)s?\s+(after|before|earlier|later)(?![\p{L}\d])",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    // "up from 11 weeks a year earlier", "from 38 two years ago": the moment a compared figure held.
    private static readonly Regex EarlierMoment = new(
        @"(?<![\p{L}\d])(\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen)\s+(month|year)s?\s+(earlier|before|ago|previously)(?![\p{L}\d])",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    // "Saturday's earthquake": a possessive day is the day of something, not a start or a deadline.
    private static readonly Regex Possessive = new(@"\G['’]s(?![\p{L}])", RegexOptions.CultureInvariant);

    // Words that put a month without a year ahead of the report ("plans … before the end of March").
    private static readonly Regex AheadBefore = new(@"(?<![\p{L}])(?:plans?|expects?|aims?|intends?|hopes?|targets?|could|may|might|should|must)(?![\p{L}])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex MonthWord = new($@"(?<![\p{{L}}])(?:{MonthName})(?![\p{{L}}])", RegexOptions.CultureInvariant);

    private static readonly Regex PeriodPattern = new(
        $@"(?<![\p{{L}}\d])(?:(?i:by|as\s+of|as\s+at|until|through|since|in|during|over|within|for|from|at)\s+)?(?:"
        + $@"(?i:the\s+)?(?i:end|start|beginning)\s+of\s+(?:(?i:last|this|the)\s+(?i:week|month|year)|(?:{MonthName})(?:\s+\d{{4}})?)"
        + $@"|(?i:the\s+)?(?i:first|second|third|fourth|fifth|last|final)\s+(?i:week)\s+of\s+(?:{MonthName})(?:\s+\d{{4}})?"
        + $@"|(?i:the\s+)?(?i:past|last)\s+(?i:{Count})\s+(?i:{Unit})"
        + @"|(?i:the\s+)?(?i:past|last)\s+(?i:day|week|month|year)"
        + @"|(?i:last|this|previous)\s+(?i:week|month|year|weekend)"
        + $@"|(?i:early|mid|late)[\s-](?:{MonthName})"
        + @"|(?i:last|this)\s+(?i:spring|summer|autumn|fall|winter)"
        + $@"|(?:(?i:last)\s+)?(?:{MonthName})(?:\s+\d{{4}})?"
        + @"|(?i:today|tonight)"
        + @")(?![\p{L}\d])",
        RegexOptions.CultureInvariant);

    private static readonly Regex YearAfterPreposition = new(@"(?<![\p{L}\d])(?i:in|during|since|by|throughout)\s+(?:19|20)\d{2}(?![\p{L}\d])", RegexOptions.CultureInvariant);

    private static readonly Regex FutureTense = new(@"(?<![\p{L}])(?:will|would|['’]ll|(?:is|are)\s+(?:due|set|expected|scheduled)\s+to|plans?\s+to|(?:is|are)\s+to|next|upcoming|scheduled)(?![\p{L}])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex SpokenBefore = new(@"(?<![\p{L}])(?:said|says|told|announced|confirmed|reported|stated|added|wrote)(?![\p{L}])[^.;]*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex StartingBefore = new(@"(?<![\p{L}])(?:beginning|starting|from|effective|until|till|due)\s+(?:on\s+)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    // "Talks resume Monday", "The shares begin trading in New York on Thursday": a present-tense schedule looks ahead.
    private static readonly Regex ScheduledBefore = new(@"(?<![\p{L}])(?:resume|resumes|begin|begins|start|starts|open|opens|reopen|reopens|kick\s+off|kicks\s+off|go\s+on\s+sale|goes\s+on\s+sale|take\s+effect|takes\s+effect|come\s+into\s+force|comes\s+into\s+force|expire|expires)(?:\s+[\p{L}]+){0,4}?\s+(?:on\s+)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex YearWritten = new(@"\d{4}", RegexOptions.CultureInvariant);

    private static readonly Regex BareWeekday = new(@"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$", RegexOptions.CultureInvariant);

    private static readonly Regex LeadingPreposition = new(@"^(?i:on|since|by|as\s+of|as\s+at|until|before|after|through|in|during|over|within|for|from|at)\s+", RegexOptions.CultureInvariant);

    /// <summary>Every time phrase in <paramref name="sentence"/>, left to right, without overlaps; offsets are within the sentence.</summary>
    public static IReadOnlyList<TimePhrase> Find(string sentence, DateOnly published)
    {
        var found = new List<TimePhrase>();
        var future = FutureTense.IsMatch(sentence);
        foreach (Match m in DayPattern.Matches(sentence))
        {
            var phrase = new TimePhrase(m.Index, m.Index + m.Length, m.Value, TimeReference.Unknown);
            if (Resolve(DayWords(phrase).Text, published) is { Kind: TimeReferenceKind.AsOf, End: { } past } dayTime)
            {
                // "will strike on Friday", "the fiscal year beginning July 1": a day the sentence looks
                // forward to is the coming one — but not "said on Monday that it would …".
                var before = sentence[Math.Max(0, m.Index - 40)..m.Index];
                var words = DayWords(phrase).Text;
                if (words.Equals("today", StringComparison.OrdinalIgnoreCase) && Hypothetical.IsMatch(sentence[..m.Index]))
                {
                    continue;
                }

                var forward = (future && FutureTense.IsMatch(before) && !SpokenBefore.IsMatch(before) || StartingBefore.IsMatch(before) || ScheduledBefore.IsMatch(before))
                    && !Possessive.IsMatch(sentence, m.Index + m.Length);
                var day = !forward || past >= published ? past
                    : BareWeekday.IsMatch(words) ? past.AddDays(7)
                    : past.AddYears(1) is var next && next.DayNumber - published.DayNumber <= 183 && words.Any(char.IsAsciiDigit) && !YearWritten.IsMatch(words) ? next
                    : past;
                dayTime = day == past ? dayTime : TimeReference.AsOf(day, m.Value);
                // "since Friday" names a day and, as time, a period up to the report.
                var time = Resolve(m.Value, published) is { Kind: not TimeReferenceKind.Unknown } full ? full : dayTime with { AsWritten = m.Value };
                found.Add(phrase with { Time = time, Day = day });
            }
        }

        foreach (Match m in RelativeDay.Matches(sentence))
        {
            // Counted from the last day named before it in the sentence; without one there is nothing to count from.
            if (found.Where(f => f.Day is not null && f.End <= m.Index).OrderBy(f => f.End).LastOrDefault() is not { Day: { } anchor }
                || found.Any(f => f.Start < m.Index + m.Length && m.Index < f.End))
            {
                continue;
            }

            var days = CountOf(m.Groups[1].Value) * (m.Groups[2].Value.Equals("week", StringComparison.OrdinalIgnoreCase) ? 7 : 1);
            // "on Wednesday, two days after the storm" and "two days earlier": before the anchor; "before" and "later": after it.
            var sign = m.Groups[3].Value.ToLowerInvariant() is "after" or "earlier" ? -1 : 1;
            if (days is > 0 and <= 400)
            {
                var day = anchor.AddDays(sign * days);
                found.Add(new TimePhrase(m.Index, m.Index + m.Length, m.Value, TimeReference.AsOf(day, m.Value)) { Day = day });
            }
        }

        foreach (var pattern in new[] { PeriodPattern, YearAfterPreposition })
        {
            foreach (Match m in pattern.Matches(sentence))
            {
                if (found.Any(f => f.Start < m.Index + m.Length && m.Index < f.End))
                {
                    continue;
                }

                if (Resolve(m.Value, published) is { Kind: not TimeReferenceKind.Unknown } time)
                {
                    found.Add(new TimePhrase(m.Index, m.Index + m.Length, m.Value, Ahead(sentence, m, time, published, future)));
                }
            }
        }

        foreach (Match m in EarlierMoment.Matches(sentence))
        {
            if (found.Any(f => f.Start < m.Index + m.Length && m.Index < f.End))
            {
                continue;
            }

            // Counted back from the moment named before it ("at the end of August … a year earlier"), else from the report's day.
            var anchor = m.Groups[3].Value.Equals("ago", StringComparison.OrdinalIgnoreCase) ? published
                : found.Where(f => f.End <= m.Index && (f.Day ?? f.Time.End) is not null).OrderBy(f => f.End).LastOrDefault() is { } named ? (named.Day ?? named.Time.End)!.Value
                : published;
            var months = CountOf(m.Groups[1].Value) * (m.Groups[2].Value.StartsWith("year", StringComparison.OrdinalIgnoreCase) ? 12 : 1);
            if (months is > 0 and <= 240)
            {
                var day = anchor.AddMonths(-months);
                found.Add(new TimePhrase(m.Index, m.Index + m.Length, m.Value, TimeReference.AsOf(day, m.Value)) { OfPrecedingFigure = true });
            }
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    // "two" and "a" in "two days after", "a year earlier"; 0 for a word it does not know.
    private static int CountOf(string written) =>
        char.IsAsciiDigit(written[0])
            ? int.Parse(written, System.Globalization.CultureInfo.InvariantCulture)
            : NumberWords.TryParse(written.ToLowerInvariant() is "a" or "an" ? "one" : written.ToLowerInvariant(), out var n) ? (int)n : 0;

    // "by October" in a sentence about what will happen, written in July, is this October, not last year's.
    private static TimeReference Ahead(string sentence, Match m, TimeReference time, DateOnly published, bool future)
    {
        var end = time.End ?? time.Start;
        if (end is not { } last || last >= published || YearWritten.IsMatch(m.Value) || MonthWord.Match(m.Value) is not { Success: true } month)
        {
            return time;
        }

        var before = sentence[..m.Index];
        if (!(future && FutureTense.IsMatch(before) || AheadBefore.IsMatch(before)) || SpokenBefore.IsMatch(before) && !FutureTense.IsMatch(before[SpokenBefore.Match(before).Index..]))
        {
            return time;
        }

        // The month's name with the coming year after it: "the end of March" → "the end of March 2026".
        var monthEnd = month.Index + month.Length;
        var written = m.Value[..monthEnd] + " " + (last.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + m.Value[monthEnd..];
        return Resolve(written, published) is { Kind: not TimeReferenceKind.Unknown } next ? next with { AsWritten = m.Value } : time;
    }

    /// <summary>The day phrase without its preposition: the words a date figure is written as.</summary>
    public static (int Offset, string Text) DayWords(TimePhrase phrase)
    {
        var lead = LeadingPreposition.Match(phrase.Text);
        return lead.Success ? (lead.Length, phrase.Text[lead.Length..]) : (0, phrase.Text);
    }

    private static TimeReference Resolve(string text, DateOnly published)
    {
        var time = TimeExpressionResolver.Resolve(text, published);
        if (time.Kind == TimeReferenceKind.Unknown && LeadingPreposition.Match(text) is { Success: true } lead)
        {
            time = TimeExpressionResolver.Resolve(text[lead.Length..], published) with { AsWritten = text };
        }

        return time;
    }
}
