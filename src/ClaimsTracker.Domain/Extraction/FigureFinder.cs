using System.Text.RegularExpressions;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Figures.Normalisation;

namespace ClaimsTracker.Domain.Extraction;

/// <summary>A figure found in a sentence; offsets are within the sentence. <see cref="Date"/> is set for calendar days.</summary>
public sealed record FoundFigure(ParsedFigure Figure, DateOnly? Date);

/// <summary>
/// The figures of one sentence: what <see cref="FigurePhraseParser.FindAll"/> reads, plus calendar
/// days, minus numbers that are not figures (designations, ages, phone numbers, "the past 10 days").
/// </summary>
public sealed class FigureFinder
{
    private const RegexOptions Flags = RegexOptions.CultureInvariant;

    // "Article 51", "Resolution 2231", "Route 7", "page 3": the number names a thing.
    private static readonly HashSet<string> DesignationWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "article", "articles", "resolution", "resolutions", "route", "highway", "flight", "section", "chapter", "page", "room",
        "no", "number", "unit", "platform", "gate", "terminal", "channel", "paragraph", "clause", "decree", "bill", "code",
        "level", "phase", "stage", "category", "grade", "model", "block", "building", "apartment", "suite", "lot", "item",
        "volume", "issue", "episode", "season", "version", "pier", "zone", "precinct", "ward", "district", "squad", "regiment",
        "brigade", "battalion", "division", "corps", "group", "line", "protocol", "annex", "amendment", "act",
    };

    private static readonly Regex Phone = new(
        @"(?<![\w,.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){2,}(?![\w,])"
        + @"|(?i:\b(?:call|dial|phone|hotline|tel|telephone|fax|text|whatsapp)\b)[^\d.;]{0,25}\+?\d[\d\s().-]{2,}\d",
        Flags);

    // "Kirby, 61, said": an age in apposition to a name or noun.
    private static readonly Regex AgeApposition = new(@"\p{L}[\p{L}'’.-]*,\s+(\d{1,3}),(?!\d)", Flags);
    private static readonly Regex AgedPhrase = new(@"(?i:\baged?s?\s+(?:of\s+)?|\bages\s+(?:of\s+)?)(\d{1,3})(?:(?:\s*(?:,|and|to|-|–)\s*)(\d{1,3}))*", Flags);
    private static readonly Regex YearsOld = new(@"\G(?:-|\s+)(?:year|month|week|day)s?(?:-|\s+)old\b", Flags);
    private static readonly Regex YearOldAfterDuration = new(@"\G(?:-|\s+)old\b", Flags);
    private static readonly Regex Ago = new(@"\G\s+(?i:ago|earlier)\b", Flags);

    // "handed over six": "over" belongs to the verb, not to the number.
    private static readonly HashSet<string> PhrasalOver = new(StringComparer.OrdinalIgnoreCase)
    {
        "hand", "hands", "handed", "handing", "turn", "turns", "turned", "turning", "take", "takes", "took", "taken", "taking",
        "pass", "passed", "give", "gave", "given", "win", "won", "move", "moved", "roll", "rolled", "sign", "signed", "fought",
    };

    private static readonly Regex LeadingOver = new(@"^over\s+", Flags | RegexOptions.IgnoreCase);

    private readonly FigurePhraseParser parser;

    public FigureFinder(FigurePhraseParser parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        this.parser = parser;
    }

    public IReadOnlyList<FoundFigure> Find(string sentence, IReadOnlyList<TimePhrase> times)
    {
        var skip = new List<(int Start, int End)>();
        foreach (Match m in Phone.Matches(sentence))
        {
            skip.Add((m.Index, m.Index + m.Length));
        }

        foreach (Match m in AgeApposition.Matches(sentence))
        {
            var age = m.Groups[1];
            if (int.Parse(age.Value, System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 120)
            {
                skip.Add((age.Index, age.Index + age.Length));
            }
        }

        foreach (Match m in AgedPhrase.Matches(sentence))
        {
            skip.Add((m.Groups[1].Index, m.Index + m.Length));
        }

        var found = new List<FoundFigure>();
        foreach (var time in times)
        {
            if (time.Day is { } day)
            {
                var (offset, words) = TimePhraseFinder.DayWords(time);
                var number = day.DayNumber;
                var figure = new ParsedFigure(Qualifier.Exact, number, null, ValueInterval.Exactly(number), null)
                {
                    Kind = FigureKind.Date,
                    Start = time.Start + offset,
                    End = time.End,
                    Text = words,
                };
                found.Add(new FoundFigure(figure, day));
            }
        }

        foreach (var read in parser.FindAll(sentence))
        {
            var figure = WithoutPhrasalOver(sentence, read);
            if (Overlaps(figure, skip) || found.Any(f => f.Figure.Start < figure.End && figure.Start < f.Figure.End)
                || IsDesignation(sentence, figure) || IsAge(sentence, figure) || IsWhen(sentence, figure, times))
            {
                continue;
            }

            found.Add(new FoundFigure(figure, null));
        }

        found.Sort((a, b) => a.Figure.Start.CompareTo(b.Figure.Start));
        return found;
    }

    private ParsedFigure WithoutPhrasalOver(string sentence, ParsedFigure figure)
    {
        if (figure.Qualifier != Qualifier.MoreThan || LeadingOver.Match(figure.Text) is not { Success: true } over || !PhrasalOver.Contains(WordBefore(sentence, figure.Start)))
        {
            return figure;
        }

        var from = figure.Start + over.Length;
        return parser.Parse(sentence[from..]) is { Start: 0 } reread
            ? reread with { Start = from, End = from + reread.End, Text = sentence[from..(from + reread.End)] }
            : figure;
    }

    private static string WordBefore(string sentence, int i)
    {
        var end = i;
        while (end > 0 && char.IsWhiteSpace(sentence[end - 1]))
        {
            end--;
        }

        var start = end;
        while (start > 0 && char.IsLetter(sentence[start - 1]))
        {
            start--;
        }

        return sentence[start..end];
    }

    private static bool Overlaps(ParsedFigure figure, List<(int Start, int End)> spans) =>
        spans.Any(s => s.Start < figure.End && figure.Start < s.End);

    private static bool IsDesignation(string sentence, ParsedFigure figure)
    {
        if (figure.Qualifier != Qualifier.Exact || figure.Kind is not (FigureKind.Count or FigureKind.Year) || !char.IsAsciiDigit(sentence[figure.Start]))
        {
            return false;
        }

        var end = figure.Start;
        while (end > 0 && char.IsWhiteSpace(sentence[end - 1]))
        {
            end--;
        }

        if (end > 0 && sentence[end - 1] == '.')
        {
            end--;
        }

        var start = end;
        while (start > 0 && char.IsLetter(sentence[start - 1]))
        {
            start--;
        }

        return end > start && end < figure.Start && DesignationWords.Contains(sentence[start..end]);
    }

    private static bool IsAge(string sentence, ParsedFigure figure) =>
        figure.Kind == FigureKind.Duration
            ? YearOldAfterDuration.IsMatch(sentence, figure.End)
            : figure.Kind == FigureKind.Count && YearsOld.IsMatch(sentence, figure.End);

    // "the past 10 days", "four years ago": a duration that says when, not how long.
    private static bool IsWhen(string sentence, ParsedFigure figure, IReadOnlyList<TimePhrase> times) =>
        figure.Kind == FigureKind.Duration
        && (Ago.IsMatch(sentence, figure.End) || times.Any(t => t.Start <= figure.Start && figure.End <= t.End));
}
