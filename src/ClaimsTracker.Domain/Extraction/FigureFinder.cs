using System.Text.RegularExpressions;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Figures.Normalisation;

namespace ClaimsTracker.Domain.Extraction;

/// <summary>
/// A figure found in a sentence; offsets are within the sentence. <see cref="Date"/> is set for
/// calendar days; <see cref="Incidental"/> says why a number refers to a group rather than claims a count.
/// </summary>
public sealed record FoundFigure(ParsedFigure Figure, DateOnly? Date)
{
    public string? Incidental { get; init; }
}

/// <summary>
/// The figures of one sentence: what <see cref="FigurePhraseParser.FindAll(string?, string?)"/> reads, plus calendar
/// days, minus numbers that are not figures (designations, ages, phone numbers, "the past 10 days").
/// </summary>
public sealed partial class FigureFinder
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
        "figure", "fig", "table", "exhibit", "appendix", "equation", "eq", "interstate", "pp", "p", "count", "counts",
        // Share indices named by how many companies they hold: "the FTSE 250", "the Nikkei 225".
        "ftse", "nikkei", "stoxx", "cac", "dax", "asx", "russell", "nasdaq", "nifty", "kospi", "topix",
    };

    private static readonly HashSet<string> DesignationNounsBeforeNumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "grade", "phase", "category", "season", "chapter", "article", "level", "class", "year", "week", "day", "round", "series", "part",
    };

    private static readonly Regex Phone = new(
        @"(?<![\w,.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){2,}(?![\w,])"
        + @"|(?i:\b(?:call|dial|phone|hotline|tel|telephone|fax|text|whatsapp)\b)[^\d.;]{0,25}\+?\d[\d\s().-]{2,}\d",
        Flags);

    // "Kirby, 61, said": an age in apposition to a name or noun.
    private static readonly Regex AgeApposition = new(@"\p{L}[\p{L}'’.-]*,\s+(?:now\s+|aged\s+)?(\d{1,3}),(?!\d)|\p{Lu}\p{Ll}+,\s+(\d{1,2})\.?$", Flags);
    // "aged 24", "aged between 24 and 51", "The youngest was 17", "the oldest victim is 97".
    private static readonly Regex AgedPhrase = new(@"(?i:\baged?s?\s+(?:of\s+)?(?:between\s+)?|\bages\s+(?:of\s+)?(?:between\s+)?|\b(?:youngest|oldest)(?:\s+[\p{L}-]+){0,2}?\s+(?:was|is|were|are)\s+)(\d{1,3})(?:(?:\s*(?:,|and|to|-|–)\s*)(\d{1,3}))*", Flags);
    private static readonly Regex YearsOld = new(@"\G(?:-|\s+)(?:year|month|week|day)s?(?:-|\s+)olds?\b", Flags);

    // Numbers that name or describe rather than count: "two of them", "seven times", "a two-run homer",
    // "the 2019 elections", "Boeing 737", a score "94-88", "0630 GMT", "two people familiar with the plan".
    // "23 patients were admitted, among them six children": the part of a count just given.
    private static readonly Regex AmongThem = new(@"\b(?:among\s+(?:them|whom)|of\s+(?:them|whom))\s+$", Flags | RegexOptions.IgnoreCase);
    private static readonly Regex OfThem = new(@"\G\s+of\s+(?:them|the|those|these|its|their|our|whom|which|us)\b", Flags | RegexOptions.IgnoreCase);
    private static readonly Regex EmergencyCall = new(@"\G\s+(?:call|calls|operator|operators|dispatcher|dispatchers|line)\b", Flags | RegexOptions.IgnoreCase);
    private static readonly Regex Multiplier = new(@"\G(?:\s+or\s+[\p{L}\d]+)?(?:\s+times\b|-fold\b)", Flags | RegexOptions.IgnoreCase);
    private static readonly Regex CompoundAdjective = new(@"\G-(?:run|pointer|off|nanometre|nanometer|nm|time|goal|shot|seed|man|member|point|part|way|step|stage|game|match|set|lane|star|door|seater)s?\b", Flags | RegexOptions.IgnoreCase);
    private static readonly Regex NameAfterYear = new(@"\G\s+\p{L}", Flags);
    private static readonly Regex ClockZone = new(@"\G\s*(?:GMT|UTC|BST|CET|EST|PST|local\s+time|hrs|hours\s+(?:GMT|local))\b", Flags);
    private static readonly Regex Score = new(@"(?<![\d.,])(\d{1,3})\s?[-–]\s?(\d{1,3})(?![\d%]|[.,]\d)", Flags);
    private static readonly Regex Anonymous = new(@"\G(?:\s+[\p{L}-]+){1,3}?\s+(?:familiar\s+with|with\s+(?:direct\s+)?knowledge|close\s+to\s+the|briefed\s+on|who\s+(?:spoke|asked|requested|declined))", Flags | RegexOptions.IgnoreCase);
    // "citing two health ministry officials", "Three diplomats said": the number counts the speakers, it claims nothing.
    private static readonly Regex CountedSpeakers = new(@"\G(?:\s+[\p{L}-]+){0,3}?\s+(?:officials|sources|people|diplomats|witnesses|insiders|executives|analysts|economists|residents|lawmakers|officers|investigators|doctors|aides|staff|employees|members|soldiers|survivors|experts)\b", Flags | RegexOptions.IgnoreCase);
    private static readonly Regex SpeechAfter = new(@"\G(?:\s+[\p{L}-]+){0,4}?\s+(?:said|say|says|told|confirmed|added|described|spoke)\b", Flags | RegexOptions.IgnoreCase);
    private static readonly Regex SourcesIntro = new(@"\b(?:citing|quoting|according\s+to)\s+$", Flags | RegexOptions.IgnoreCase);
    private static readonly Regex SentenceStart = new(@"^[\s""“'‘]*$", Flags);

    // "reached the last eight", "one of the final four": a round of a tournament, not a count.
    private static readonly Regex LastRound = new(@"\b(?:the|a)\s+(?:last|final)\s+$", Flags | RegexOptions.IgnoreCase);
    private static readonly Regex RoundEnd = new(@"\G(?:\s*[,.;]|\s+(?:at|in|of|on|for|after|before|with|and|but)\b|\s*$)", Flags | RegexOptions.IgnoreCase);

    // "the 14 jersey", "a No. 8 shirt": a shirt number.
    private static readonly Regex ShirtAfter = new(@"\G\s+(?:jersey|shirt)s?\b", Flags | RegexOptions.IgnoreCase);

    private static readonly Regex ChildrenUnder = new(@"(?:children|kids|babies|infants|toddlers)\s+(?:under|over|aged)\s+(\p{L}+|\d{1,2})\b", Flags | RegexOptions.IgnoreCase);

    private static readonly HashSet<string> YearOwners = new(StringComparer.OrdinalIgnoreCase) { "the", "a", "an", "its", "their", "his", "her", "this", "that", "our", "s" };

    // Capitalised words that may stand right before a count without naming it: "Only 68%", "About 300".
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "Only", "About", "Some", "Around", "Nearly", "Almost", "Roughly", "Over", "Under", "More", "Fewer", "Less", "At", "Up",
        "Just", "Another", "All", "The", "A", "An", "By", "In", "On", "Of", "To", "From", "Since", "And", "But", "With", "For",
        "Approximately", "Exactly", "Barely", "Still", "Those", "These", "Its", "Their", "Between", "Of", "Another", "Every",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "US", "USD", "EUR", "GBP",
    };
    private static readonly Regex YearOldAfterDuration = new(@"\G(?:-|\s+)olds?\b", Flags);

    // "the 100m final", "a 400m hurdles title": a race named by its distance, not a measurement.
    private static readonly Regex RaceAfter = new(@"\G\s+(?:final|race|sprint|hurdles|freestyle|backstroke|breaststroke|butterfly|medley|relay|heats?|semi-?finals?|dash|world\s+record|title|champion|gold|silver|bronze|individual)\b", Flags | RegexOptions.IgnoreCase);

    // "1600 Pennsylvania Avenue": a street number.
    private static readonly Regex StreetAfter = new(@"\G(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}\s+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Drive|Place|Square|Terrace|Court|Highway)\b", Flags);

    // "several images", "a few of them": too vague to be a claim unless a number follows ("several hundred").
    private static readonly Regex BareFew = new(@"^(?:several|a\s+few)$", Flags | RegexOptions.IgnoreCase);
    private static readonly Regex Ago = new(@"\G\s+(?i:ago|earlier)\b", Flags);

    // "handed over six": "over" belongs to the verb, not to the number.
    private static readonly HashSet<string> PhrasalOver = new(StringComparer.OrdinalIgnoreCase)
    {
        "hand", "hands", "handed", "handing", "turn", "turns", "turned", "turning", "take", "takes", "took", "taken", "taking",
        "pass", "passed", "give", "gave", "given", "win", "won", "move", "moved", "roll", "rolled", "sign", "signed", "fought",
        "spread", "spreads", "stretched", "stretching", "spanning",
    };

    // "picked up to 2.4%", "climbed up to": "up to" belongs to the verb, not to the number.
    private static readonly HashSet<string> PhrasalUp = new(StringComparer.OrdinalIgnoreCase)
    {
        "picked", "pick", "picks", "ticked", "edged", "moved", "went", "climbed", "jumped", "shot", "stepped", "ramped", "crept", "inched", "sped",
    };

    private static readonly Regex LeadingUpTo = new(@"^up\s+to\s+", Flags | RegexOptions.IgnoreCase);

    private static readonly Regex LeadingOver = new(@"^over\s+", Flags | RegexOptions.IgnoreCase);

    private readonly FigurePhraseParser parser;

    public FigureFinder(FigurePhraseParser parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        this.parser = parser;
    }

    /// <param name="document">The whole report, when known: the country it is about names the currency of "shillings" or "pesos".</param>
    public IReadOnlyList<FoundFigure> Find(string sentence, IReadOnlyList<TimePhrase> times, string? language = null, string? document = null)
    {
        var skip = new List<(int Start, int End)>();
        foreach (Match m in Phone.Matches(sentence))
        {
            skip.Add((m.Index, m.Index + m.Length));
        }

        foreach (Match m in AgeApposition.Matches(sentence))
        {
            var age = m.Groups[1].Success ? m.Groups[1] : m.Groups[2];
            if (int.Parse(age.Value, System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 120)
            {
                skip.Add((age.Index, age.Index + age.Length));
            }
        }

        foreach (Match m in AgedPhrase.Matches(sentence))
        {
            skip.Add((m.Groups[1].Index, m.Index + m.Length));
        }

        foreach (Match m in Score.Matches(sentence))
        {
            // "won 94-88", "a 2-2 draw": the second number is no upper bound.
            if (int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) <= int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            {
                skip.Add((m.Index, m.Index + m.Length));
            }
        }

        // "shot a final-round 66 to finish 17 under par, two shots clear", "an unbeaten 112", "finishing in 2:16:48": the
        // score sheet of a game, not a figure anyone claims.
        foreach (Match m in SportsStat().Matches(sentence))
        {
            skip.Add((m.Index, m.Index + m.Length));
        }

        foreach (Match m in ChildrenUnder.Matches(sentence))
        {
            skip.Add((m.Groups[1].Index, m.Groups[1].Index + m.Groups[1].Length));
        }

        var found = new List<FoundFigure>();
        // "KATHMANDU, Jan 16 (Asia Wire Service) -": the day the story was filed, not a date anyone claims.
        var dateline = DatelineDate().Match(sentence) is { Success: true } d ? d.Groups["date"] : null;
        foreach (var time in times)
        {
            if (time.Day is { } day && !(dateline is not null && dateline.Index <= time.Start && time.End <= dateline.Index + dateline.Length) && !NamedDay(sentence, time))
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

        foreach (var read in parser.FindAll(sentence, language))
        {
            var figure = WithoutPhrasalOver(sentence, read);
            if (Overlaps(figure, skip) || found.Any(f => f.Figure.Start < figure.End && figure.Start < f.Figure.End)
                || IsDesignation(sentence, figure) || IsAge(sentence, figure) || IsWhen(sentence, figure, times) || NamesOrDescribes(sentence, figure))
            {
                continue;
            }

            if (figure.Kind == FigureKind.Money && CurrencyByCountry.Resolve(figure.Text, figure.Unit, sentence, document) is var currency && currency != figure.Unit)
            {
                figure = figure with { Unit = currency };
            }

            found.Add(new FoundFigure(figure, null) { Incidental = Incidental(sentence, figure) });
        }

        found.Sort((a, b) => a.Figure.Start.CompareTo(b.Figure.Start));
        // "up to €35 million or 7% of turnover", "up to 60,000 pups and 7,000 bulls": a ceiling written once covers the figure joined to it.
        for (var i = 1; i < found.Count; i++)
        {
            var (before, figure) = (found[i - 1].Figure, found[i].Figure);
            if (figure.Qualifier == Qualifier.Exact && before.Qualifier is Qualifier.UpTo or Qualifier.AtMost
                && figure.Kind is not (FigureKind.Date or FigureKind.Year) && before.Kind is not (FigureKind.Date or FigureKind.Year)
                && before.End <= figure.Start && SharedCeiling().IsMatch(sentence[before.End..figure.Start]))
            {
                found[i] = found[i] with { Figure = parser.WithQualifier(figure, before.Qualifier) };
            }
        }

        return found;
    }

    private ParsedFigure WithoutPhrasalOver(string sentence, ParsedFigure figure)
    {
        var over = figure.Qualifier switch
        {
            Qualifier.MoreThan when LeadingOver.Match(figure.Text) is { Success: true } m && PhrasalOver.Contains(WordBefore(sentence, figure.Start)) => m,
            Qualifier.UpTo when LeadingUpTo.Match(figure.Text) is { Success: true } m && PhrasalUp.Contains(WordBefore(sentence, figure.Start)) => m,
            _ => null,
        };
        if (over is null)
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
        if (figure.Qualifier != Qualifier.Exact || figure.Kind is not (FigureKind.Count or FigureKind.Year))
        {
            return false;
        }

        if (!char.IsAsciiDigit(sentence[figure.Start]))
        {
            // "grade three pupils", "phase two", "a category five storm": only nouns that are seldom verbs.
            return DesignationNounsBeforeNumberWords.Contains(WordBefore(sentence, figure.Start));
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

    private static bool NamesOrDescribes(string sentence, ParsedFigure figure)
    {
        var text = figure.Text;
        var words = figure.Qualifier == Qualifier.Exact && text.Length > 0 && char.IsLetter(text[0]);
        if (Multiplier.IsMatch(sentence, figure.End) && figure.Value <= 100 || CompoundAdjective.IsMatch(sentence, figure.End))
        {
            return true;
        }

        // "a 911 call", "the zero-emission mandate", "net zero", "a triple-zero outage": a number that names a service or a kind of thing.
        if (figure.Unit is null && (figure.Value is 911 or 999 or 112 && EmergencyCall.IsMatch(sentence, figure.End)
            || text.Equals("zero", StringComparison.OrdinalIgnoreCase) && (figure.End < sentence.Length && sentence[figure.End] == '-' || NetZeroBefore().IsMatch(sentence[..figure.Start]))))
        {
            return true;
        }

        // "31 per 100,000": the base of a rate, not a count.
        if (figure is { Qualifier: Qualifier.Exact, Unit: null, Value: 100 or 1_000 or 10_000 or 100_000 or 1_000_000 } && PerBefore().IsMatch(sentence[..figure.Start]))
        {
            return true;
        }

        // "a 30-year fixed mortgage", "five-year notes", "the franchise's 28-year history": a term naming a product or an age.
        if (figure.Kind == FigureKind.Duration && YearTermAfter().IsMatch(sentence, figure.End) && text.EndsWith("-year", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // "two of them", "Two of the soldiers said" (a pronoun, unlike "nine of the dead"), "more than one box",
        // "two people familiar with the plan".
        if (words && (figure.Value <= 2 && OfThem.IsMatch(sentence, figure.End) || figure.Value <= 20 && Anonymous.IsMatch(sentence, figure.End)))
        {
            return true;
        }

        if (words && figure.Value <= 20 && CountedSpeakers.Match(sentence, figure.End) is { Success: true } speakers
            && (SourcesIntro.IsMatch(sentence[..figure.Start]) || SentenceStart.IsMatch(sentence[..figure.Start]) && SpeechAfter.IsMatch(sentence, figure.End + speakers.Length)))
        {
            return true;
        }

        if (figure is { Kind: FigureKind.Count, Unit: null } && (LastRound.IsMatch(sentence[..figure.Start]) && RoundEnd.IsMatch(sentence, figure.End) || ShirtAfter.IsMatch(sentence, figure.End)))
        {
            return true;
        }

        // "the Volkswagen ID.4", "a Model S.2": a digit glued to capitals and a point is a model name.
        if (figure.Start >= 2 && sentence[figure.Start - 1] == '.' && char.IsUpper(sentence[figure.Start - 2]) && char.IsAsciiDigit(text[0]))
        {
            return true;
        }

        if (figure.Value == 1 && text.EndsWith("one", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (figure.Qualifier == Qualifier.Vague && BareFew.IsMatch(text))
        {
            return true;
        }

        if (figure.Unit is "m" or "km" or "miles" && RaceAfter.IsMatch(sentence, figure.End)
            || figure is { Kind: FigureKind.Count or FigureKind.Year, Qualifier: Qualifier.Exact, Unit: null } && char.IsAsciiDigit(text[0]) && StreetAfter.IsMatch(sentence, figure.End))
        {
            return true;
        }

        if (figure.Kind == FigureKind.Year || figure is { Kind: FigureKind.Count, Qualifier: Qualifier.Exact, Value: >= 1800 and <= 2100 } && text.Length == 4)
        {
            // "the 2019 elections", "her 2019 debut", "the 1988 film", "the 1861 Offences Against the Person Act": a year naming a thing.
            if (YearOwners.Contains(WordBefore(sentence, figure.Start)) && NameAfterYear.IsMatch(sentence, figure.End))
            {
                return true;
            }
        }

        if (ClockZone.IsMatch(sentence, figure.End) && text.Length == 4 && text.All(char.IsAsciiDigit))
        {
            return true;
        }

        // "4K restoration": a capital K without a currency is a label.
        if (figure.Kind == FigureKind.Count && text.EndsWith('K'))
        {
            return true;
        }

        return figure.Kind is FigureKind.Count or FigureKind.Year && figure.Qualifier == Qualifier.Exact && char.IsAsciiDigit(text[0]) && FollowsName(sentence, figure.Start);
    }

    // "Boeing 737", "Windows 11", "Nifty 50", "Game 7", "iPhone 11": a number right after a name is part of it.
    private static bool FollowsName(string sentence, int start)
    {
        var end = start;
        while (end > 0 && sentence[end - 1] == ' ')
        {
            end--;
        }

        if (end == start || end == 0)
        {
            return false;
        }

        var begin = end;
        while (begin > 0 && (char.IsLetterOrDigit(sentence[begin - 1]) || sentence[begin - 1] is '&' or '-'))
        {
            begin--;
        }

        var word = sentence[begin..end];
        if (word.Length == 0 || !word.Any(char.IsUpper) || NotNames.Contains(word) || word.All(c => !char.IsLetter(c) || char.IsUpper(c)) && word.Length > 3)
        {
            return false;
        }

        // The first word of a sentence is capitalised anyway.
        var before = begin;
        while (before > 0 && sentence[before - 1] == ' ')
        {
            before--;
        }

        return before > 0 && sentence[before - 1] is not ('.' or '—' or '–' or '"' or '“' or ':');
    }

    // "the two hospitals", "its 40 members": a number inside a definite description points at a
    // group the reader already knows; "five of the injured died": a part of a count given elsewhere.
    // Either is a figure, but seldom the claim itself, so it is offered without being ticked.
    private static string? Incidental(string sentence, ParsedFigure figure)
    {
        // "3,140 people who had waited more than a year": the wait says who is counted; it is no one's wait.
        if (figure.Kind == FigureKind.Duration && WaitThresholdBefore().IsMatch(sentence[..figure.Start]))
        {
            return "a threshold saying who is counted";
        }

        if (figure.Kind != FigureKind.Count || figure.Qualifier != Qualifier.Exact || figure.Unit is not null)
        {
            return null;
        }

        if (OfThem.IsMatch(sentence, figure.End) || AmongThem.IsMatch(sentence[..figure.Start]))
        {
            return "a part of a group counted elsewhere";
        }

        return (GroupDeterminers.Contains(WordBefore(sentence, figure.Start)) || PossessiveBefore.IsMatch(sentence[..figure.Start])) && NounAfter.IsMatch(sentence, figure.End)
            ? "a group already named, not a count"
            : null;
    }

    // "eight of the province's 23 districts", "the country's 1,450 polling stations": a possessive is a
    // determiner too — but not a day's ("Sunday's 31 deaths", "last year's 1,200 arrivals" are claims).
    private static readonly Regex PossessiveBefore = new(
        @"(?<!\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|day|week|weekend|month|year|season|quarter|night|morning|evening)['’]s?)(?<=\p{L}['’]s?)\s+$",
        Flags | RegexOptions.IgnoreCase);

    private static readonly HashSet<string> GroupDeterminers = new(StringComparer.OrdinalIgnoreCase) { "the", "its", "their", "his", "her", "our", "these", "those", "both" };
    private static readonly Regex NounAfter = new(@"\G\s+\p{Ll}", Flags);

    [GeneratedRegex(@"^\s*\p{Lu}[\p{Lu}\p{M}.'’\-]+(?:\s+\p{Lu}[\p{Lu}\p{M}.'’\-]+){0,3}(?:,\s*\p{Lu}[\p{L}.]+(?:\s+\p{Lu}[\p{L}.]+){0,2})?,\s+(?<date>[\p{L}.]+\s+\d{1,2}|\d{1,2}\s+[\p{L}.]+)\s*(?:\([^()]{1,40}\)\s*)?(?:[—–]|-\s)", RegexOptions.CultureInvariant)]
    private static partial Regex DatelineDate();

    [GeneratedRegex(@"^\s*(?:(?!(?:were|was|are|is|had|have|has|been|will|would|could)\s)[\p{L}\-'’]+(?<!ed)\s+){0,3}(?:or|and)\s+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SharedCeiling();

    [GeneratedRegex(@"(?:\b(?:who|that)\s+(?:(?:had|have|has)\s+)?(?:been\s+)?|\b\p{L}+s\s+)(?:waited|waiting)\s+(?:for\s+)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WaitThresholdBefore();

    // "Black Friday", "Cyber Monday", "the Saturday magazine": a day that names a thing.
    private static bool NamedDay(string sentence, TimePhrase time) =>
        NamedDayBefore().IsMatch(sentence[..time.Start]) || DayPublicationAfter().IsMatch(sentence, time.End);

    [GeneratedRegex(@"(?:Black|Cyber|Good|Super|Ash|Easter|Boxing|Holy|Maundy|Giving|Bloody)\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamedDayBefore();

    [GeneratedRegex(@"\G\s+(?:magazine|edition|paper|newspaper|supplement|show|programme|program|market|prayers|service)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DayPublicationAfter();

    [GeneratedRegex(@"(?:\b(?:shot|carded|fired|posted)\s+(?:a|an)\s+(?:[\p{L}-]+\s+)?\d{2}\b|\b(?:\d{1,2}|[a-z]+(?:-[a-z]+)?)\s+(?:under|over)\s+par\b|\b(?:one|two|three|four|five|\d)\s+(?:shots?|strokes?)\s+(?:clear|behind|ahead|back)\b|\bunbeaten\s+\d{1,3}\b|\b\d{1,3}\s+not\s+out\b|\bchased\s+down\s+\d{2,3}\b|\b\d{1,3}\s+balls\s+to\s+spare\b|(?<![\d:])\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,3})?|\.\d{1,3})(?![\d:]))", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SportsStat();

    [GeneratedRegex(@"(?:\bnet|-)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NetZeroBefore();

    [GeneratedRegex(@"\d\s*(?:%|per\s?cent)?\s+per\s+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PerBefore();

    [GeneratedRegex(@"\G\s+(?:fixed|history|notes?|bonds?|gilts?|treasur(?:y|ies)|yields?|mortgages?|loans?|institutions?|olds?)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex YearTermAfter();

    private static bool IsAge(string sentence, ParsedFigure figure) =>
        figure.Kind == FigureKind.Duration
            ? YearOldAfterDuration.IsMatch(sentence, figure.End)
            : figure.Kind == FigureKind.Count && YearsOld.IsMatch(sentence, figure.End);

    // "the past 10 days", "four years ago": a duration that says when, not how long.
    private static bool IsWhen(string sentence, ParsedFigure figure, IReadOnlyList<TimePhrase> times) =>
        figure.Kind == FigureKind.Duration
        && (Ago.IsMatch(sentence, figure.End) || times.Any(t => t.Start <= figure.Start && figure.End <= t.End)
            || WhenBefore.IsMatch(sentence[..figure.Start]) || SinceRecord.IsMatch(sentence[..figure.Start]));

    // "the lowest in 19 months", "the worst drought in 50 years", "the first time in 12 years", "its eighth
    // election in four years": the span measures how rare the event is, it is no claimed duration.
    private const string Superlative = @"(?:(?:high|low|bigg|larg|small|strong|weak|fast|slow|deadli|hott|cold|wett|dri|warm|steep|sharp|long|short|heavi|busi|great|cheap|costli|poor|rich|young|old|b|tight|quick|mild|dark|bright|calm|wild|fierc|hard|easi|sever)est|worst|fewest|first)";
    private static readonly Regex SinceRecord = new(
        $@"\b(?:{Superlative}|most|least|only|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b(?:\s+[\p{{L}}'’-]+){{0,6}}?\s+in\s+(?:the\s+(?:past|last)\s+)?$|\b{Superlative}\b(?:\s+[\p{{L}}'’-]+){{0,3}}?\s+for\s+$",
        Flags | RegexOptions.IgnoreCase);

    // "in the first 11 months of the year", "over the next two years", "in four years": when, not how long.
    private static readonly Regex WhenBefore = new(@"the\s+(?:first|next|past|last|coming|previous|following)\s+$", Flags | RegexOptions.IgnoreCase);
}
