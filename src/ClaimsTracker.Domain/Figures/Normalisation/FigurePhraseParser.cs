using System.Text.RegularExpressions;

namespace ClaimsTracker.Domain.Figures.Normalisation;

/// <summary>
/// Reads hedged figures ("about 1,000", "as many as 4,000", "between 10,000 and 12,000", "dozens")
/// into a qualifier, the number(s) written and the interval from <see cref="IntervalRules"/>.
/// docs/qualifier-vocabulary.md has the vocabulary.
/// </summary>
public sealed class FigurePhraseParser
{
    private const RegexOptions Flags = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    private static readonly (Regex Pattern, Qualifier Qualifier)[] Qualifiers = BuildQualifiers(
        // German and French hedges too: reports quote officials in their own words.
        (Qualifier.Approximately, ["about", "approximately", "roughly", "around", "some", "an estimated", "estimated", "approx.", "approx", "circa", "~", "closer to", "more like", "rund", "etwa", "ungefähr", "eher", "environ", "quelque", "autour de"]),
        (Qualifier.Nearly, ["nearly", "almost", "close to", "just under", "just shy of", "just below", "knapp", "fast", "près de", "presque"]),
        (Qualifier.UpTo, ["up to", "as many as", "as much as", "as high as", "bis zu", "jusqu'à", "jusqu’à"]),
        (Qualifier.LessThan, ["fewer than", "less than", "under", "below", "no more than", "not more than", "at most", "within", "weniger als", "moins de"]),
        (Qualifier.AtLeast, ["at least", "no fewer than", "no less than", "not fewer than", "not less than", "a minimum of", "mindestens", "au moins"]),
        (Qualifier.MoreThan, ["more than", "over", "above", "in excess of", "upwards of", "north of", "just over", "exceeded", "exceeding", "exceeds", "passed", "surpassed", "topped", "mehr als", "über", "plus de"]));

    private const string Month = @"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?!\p{L})\.?";
    private const string Day = @"\d{1,2}(?:st|nd|rd|th)?(?![\p{L}\d]|,\d)";
    private const string Year = @"\d{4}(?!\d)";

    // Numbers that are not quantities: dates, clock times, fractions and numbered dates.
    private static readonly Regex NotQuantity = new(
        $@"\G(?:{Month}\s+{Day}(?:,?\s+{Year})?"
        + $@"|{Day}\s+(?:of\s+)?{Month}(?:,?\s+{Year})?"
        + $@"|{Month},?\s+{Year}"
        + @"|\d{4}-\d{1,2}-\d{1,2}(?!\d)"
        + @"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}(?!\d)"
        + @"|\d{1,2}:\d{2}(?:\s*(?:a\.m\.|p\.m\.|am|pm)(?!\p{L}))?"
        + @"|\d{1,2}\s*(?:a\.m\.|p\.m\.|am|pm)(?!\p{L})"
        + @"|\d+(?:/\d+)+)",
        Flags);

    private static readonly Regex DateAhead = new($@"\G(?:{Month}\s+{Day}|{Day}\s+(?:of\s+)?{Month}|\d{{4}}-\d{{1,2}}-\d{{1,2}}(?!\d)|\d{{1,2}}:\d{{2}}|\d{{1,2}}\s*(?:a\.m\.|p\.m\.|am|pm)(?!\p{{L}}))", Flags);

    private static readonly Regex RangePrefix = new(@"\G(between|from)\s+", Flags);
    private static readonly Regex RangeJoin = new(@"\G(?:\s*[-–]\s*|\s+(to)\s+|\s+(and)\s+)", Flags);
    // Symbols and codes written before the amount: "$4.2b", "RM79", "KSh 300 million", "USD 10m", "R14 million" (rand).
    private static readonly Regex Currency = new(
        @"\G(US\$|A\$|AU\$|C\$|CA\$|NZ\$|HK\$|S\$|EC\$|R\$|MX\$|NT\$|F\$|\$|€|£|¥|₦|₱|₹|₩|₺|₴|₽|₵|GH¢|GH₵|KSh|Ksh|USh|TSh|Tk|Rp|RM|Rs\.?|R(?=\d)|(?-i:USD|EUR|GBP|JPY|CNY|INR|NGN|KES|ZAR|BDT|MYR|AUD|CAD|CHF|BRL|MXN|PHP|IDR|PKR|EGP|GHS|UGX|TZS|NZD|SGD|HKD|XCD|CLP|COP|PEN|ARS|TRY|UAH|RUB)(?=\s?\d))\s?",
        RegexOptions.CultureInvariant);

    private static readonly Regex VagueCompound = new(@"\G(tens|dozens|scores|hundreds|thousands|millions)\s+of\s+(hundreds|thousands|millions|billions)(?!\p{L})", Flags);
    private static readonly Regex VagueMultiple = new(@"\G(several|a\s+few)\s+(dozen|hundred|thousand|million|billion)(?!\p{L})", Flags);
    private static readonly Regex VaguePlural = new(@"\G(?:(dozens|hundreds|thousands|millions|billions)(?!\p{L})|(tens|scores)(?=\s+of(?!\p{L})))", Flags);
    private static readonly Regex VagueFew = new(@"\G(several|a\s+few)(?!\p{L})", Flags);

    private static readonly Regex PercentUnit = new(@"\G\s?(?:%|per\s?cent(?!\p{L})|prozent(?!\p{L})|pour\s+cent(?!\p{L}))", Flags);
    private static readonly Regex CurrencyUnit = new(@"\G\s+(?:d['’]|de\s+)?(dollars|euros?|rubles|roubles|hryvnias?|pesos|rupees|naira|shillings|rand|yen|yuan|pounds|leva|lev|won|ringgit|taka|cedis|rupiah|baht|dinars|dirhams|francs|kwacha|birr|reais|soles|lira)(?!\p{L})", Flags);

    // "$3,500 a month", "RM4.6 billion a year", "A$19 an hour": money per period.
    private static readonly Regex RatePeriod = new(@"\G(?:\s+(?:a|an|per|each)\s+|\s*/\s*)(hour|day|week|month|year|annum)(?!\p{L})", Flags);

    // Units written after a count: "35km", "8.42 metres", "195km/h", "12,000 hectares", "40 km²".
    private static readonly Regex MeasureUnit = new(
        @"\G\s?(km/h|kph|mph|km²|km2|sq\s?km|square\s+kilomet(?:re|er)s?|kilomet(?:re|er)s?|km|millimet(?:re|er)s?|mm|centimet(?:re|er)s?|cm|met(?:re|er)s?|m|kilogram(?:me)?s?|kg|tonnes?|tons?|t|hectares?|ha|acres?|MW|GW|kW|kWh|MWh|GWh|megawatts?|gigawatts?|GB|TB|MB|mAh|knots?|°C|degrees\s+Celsius|C|litres?|liters?|barrels?|miles?|ft|feet|bpd)(?![\p{L}\p{N}²])",
        RegexOptions.CultureInvariant);
    private static readonly Regex ArticleBeforeDuration = new(@"\Gan?(?=(?:\s+|-)(?:hour|day|week|month|year)s?(?!\p{L}))", Flags);
    private static readonly Regex DurationUnit = new(@"\G(?:\s+|-)(minute|hour|day|week|month|year)s?(?!\p{L})", Flags);

    private static readonly HashSet<string> YearContext = new(StringComparer.Ordinal)
    {
        "in", "since", "by", "until", "till", "before", "after", "during", "of", "from", "through",
        "throughout", "early", "late", "mid", "year", "spring", "summer", "autumn", "fall", "winter",
    };

    // "no one", "one of them", "one another" use "one" as a pronoun, not a count.
    private static readonly HashSet<string> PronounOneBefore = new(StringComparer.Ordinal) { "no", "any", "every", "each", "which", "this", "that", "the" };
    private static readonly Regex PronounOneAfter = new(@"\G\s+(?:of|another)(?!\p{L})", Flags);

    private readonly NormalisationOptions options;

    public FigurePhraseParser(NormalisationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
    }

    public FigurePhraseParser()
        : this(new NormalisationOptions())
    {
    }

    /// <summary>The first figure in a short phrase such as a figure's "as written"; null when there is none.</summary>
    public ParsedFigure? Parse(string? phrase) =>
        string.IsNullOrWhiteSpace(phrase) ? null : Scan(phrase, firstOnly: true).FirstOrDefault();

    /// <summary>
    /// Every figure mentioned in running text, in order, with its span. Dates ("January 9"), clock
    /// times, ordinals ("84th"), designations ("F-16") and pronoun "one" are skipped; years used as
    /// dates ("in 2021") are returned with <see cref="FigureKind.Year"/>.
    /// </summary>
    public IReadOnlyList<ParsedFigure> FindAll(string? text) => FindAll(text, language: null);

    /// <summary>
    /// As <see cref="FindAll(string?)"/>, reading digits as the report's <paramref name="language"/>
    /// writes them: in German or French "3.000" and "3 000" are three thousand and "1,5" is one and a half.
    /// </summary>
    public IReadOnlyList<ParsedFigure> FindAll(string? text, string? language)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        if (!CommaDecimals.Contains(language ?? "en"))
        {
            // "3.000 marchers" in an English report: a continental thousands separator, not three.
            var dotted = DottedThousands.Replace(text, m => m.Value.Replace('.', ','));
            return ReferenceEquals(dotted, text) || dotted == text
                ? Scan(text, firstOnly: false)
                : Scan(dotted, firstOnly: false).Select(f => f with { Text = text[f.Start..f.End] }).ToList();
        }

        // Same-length rewrite of the separators, so offsets and the words as written stay the original's.
        var english = ContinentalNumber.Replace(text, m => m.Value.Replace(",", "\u0001", StringComparison.Ordinal)
            .Replace(".", ",", StringComparison.Ordinal).Replace(" ", ",", StringComparison.Ordinal).Replace("\u00A0", ",", StringComparison.Ordinal)
            .Replace("\u202F", ",", StringComparison.Ordinal).Replace("\u0001", ".", StringComparison.Ordinal));
        return Scan(english, firstOnly: false).Select(f => f with { Text = text[f.Start..f.End] }).ToList();
    }

    // "3,000" stays three thousand even here: nobody writes three as 3,000, and reports mix in English.
    // Exactly three decimals, not followed by a scale word or unit: "3.000 marchers", not "$1.250 billion".
    private static readonly Regex DottedThousands = new(@"(?<![\d.,$€£])\d{1,3}(?:\.\d{3})+(?![\d.,])(?!\s*(?:%|per\s?cent|hundred|thousand|million|billion|trillion|bn|m\b|k\b|b\b))", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly HashSet<string> CommaDecimals = new(StringComparer.OrdinalIgnoreCase) { "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "tr", "id", "sv", "da", "no", "fi", "cs", "ro", "uk" };

    private static readonly Regex ContinentalNumber = new(@"(?<![\d.,])\d{1,3}(?:[. \u00A0\u202F]\d{3})+(?:,\d+)?(?![\d])|(?<![\d.,])\d+,(?:\d{1,2}|\d{4,})(?![\d])", RegexOptions.CultureInvariant);

    private List<ParsedFigure> Scan(string text, bool firstOnly)
    {
        var found = new List<ParsedFigure>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsTokenStart(text, i))
            {
                i++;
                continue;
            }

            if (SkipNotQuantity(text, i) is var skipTo && skipTo > i)
            {
                i = skipTo;
                continue;
            }

            if (TryRead(text, i, runningText: !firstOnly) is { } figure)
            {
                found.Add(figure);
                if (firstOnly)
                {
                    break;
                }

                i = figure.End;
                continue;
            }

            i = SkipToken(text, i);
        }

        return found;
    }

    private ParsedFigure? TryRead(string text, int start, bool runningText, bool allowQualifier = true)
    {
        Qualifier? qualifier = null;
        var pos = start;
        foreach (var (pattern, q) in allowQualifier ? Qualifiers : [])
        {
            if (pattern.Match(text, start) is { Success: true } m)
            {
                qualifier = q;
                pos = start + m.Length;
                break;
            }
        }

        var figure = TryReadAfterQualifier(text, start, pos, qualifier, runningText);

        // "over six months" is usually when, not how long: read the duration without the "over".
        if (figure is { Kind: FigureKind.Duration, Qualifier: Qualifier.MoreThan } && text[start..pos].TrimEnd().Equals("over", StringComparison.OrdinalIgnoreCase))
        {
            return TryRead(text, pos, runningText, allowQualifier: false);
        }

        return figure;
    }

    private ParsedFigure? TryReadAfterQualifier(string text, int start, int pos, Qualifier? qualifier, bool runningText)
    {
        if (ReadRange(text, pos) is { } range)
        {
            var (low, high, rangeEnd, yearLike) = range;
            var kind = yearLike ? FigureKind.Year : FigureKind.Count;
            return Build(text, start, rangeEnd, Qualifier.Range, low.Number.Value, high.Number.Value, kind, currency: low.Currency ?? high.Currency);
        }

        if (ReadVague(text, pos) is { } vague)
        {
            // A vague amount is a floor; a ceiling or "nearly" before it still bounds it from above.
            var q = qualifier is Qualifier.UpTo or Qualifier.LessThan or Qualifier.Nearly ? qualifier.Value : Qualifier.Vague;
            return Build(text, start, vague.End, q, vague.Floor, null, FigureKind.Count, currency: null);
        }

        if (ReadAmount(text, pos) is not { } amount)
        {
            // "about a week": the article stands for one, but only before a unit of time.
            // In running text "a year" without a hedge says when ("a year after the quake"), not how long.
            return (qualifier is not null || !runningText) && ArticleBeforeDuration.Match(text, pos) is { Success: true } article
                ? Build(text, start, pos + article.Length, qualifier ?? Qualifier.Exact, 1, null, FigureKind.Count, currency: null)
                : null;
        }

        if (qualifier is null && IsPronounOne(text, amount))
        {
            return null;
        }

        var single = qualifier is null && IsYearLike(amount.Number) && YearContext.Contains(WordBefore(text, start))
            ? FigureKind.Year
            : FigureKind.Count;
        return Build(text, start, amount.Number.End, qualifier ?? Qualifier.Exact, amount.Number.Value, null, single, amount.Currency);
    }

    private ParsedFigure? Build(string text, int start, int end, Qualifier qualifier, decimal value, decimal? high, FigureKind kind, string? currency)
    {
        string? unit = null;
        if (kind != FigureKind.Year)
        {
            if (currency is not null)
            {
                (kind, unit) = (FigureKind.Money, currency);
                if (RatePeriod.Match(text, end) is { Success: true } rate)
                {
                    (unit, end) = ($"{currency}/{Period(rate.Groups[1].Value)}", end + rate.Length);
                }
            }
            else if (PercentUnit.Match(text, end) is { Success: true } percent)
            {
                (kind, unit, end) = (FigureKind.Percentage, "%", end + percent.Length);
            }
            else if (CurrencyUnit.Match(text, end) is { Success: true } money)
            {
                (kind, unit, end) = (FigureKind.Money, CurrencyCode(money.Groups[1].Value), end + money.Length);
                if (RatePeriod.Match(text, end) is { Success: true } rate)
                {
                    (unit, end) = ($"{unit}/{Period(rate.Groups[1].Value)}", end + rate.Length);
                }
            }
            else if (MeasureUnit.Match(text, end) is { Success: true } measure && !(measure.Groups[1].Value is "m" or "t" or "C" && measure.Value.Length > measure.Groups[1].Value.Length))
            {
                (unit, end) = (MeasureCode(measure.Groups[1].Value), end + measure.Length);
            }
            else if (DurationUnit.Match(text, end) is { Success: true } duration)
            {
                // Durations are stored in days (FigureKind.Duration), so "two weeks" and "14 days" compare.
                var written = duration.Groups[1].Value;
                (kind, unit, end, value, high) = (FigureKind.Duration, "days", end + duration.Length, ToDays(value, written), high is { } h ? ToDays(h, written) : null);
            }
        }

        ValueInterval interval;
        try
        {
            interval = IntervalRules.ToInterval(qualifier, value, high, options);
        }
        catch (OverflowException)
        {
            // Only for numbers near decimal's limit, which are no real figure.
            return null;
        }

        return new ParsedFigure(qualifier, value, high, interval, unit)
        {
            Kind = kind,
            Start = start,
            End = end,
            Text = text[start..end],
        };
    }

    private (Amount Low, Amount High, int End, bool YearLike)? ReadRange(string text, int pos)
    {
        var prefix = RangePrefix.Match(text, pos);
        var first = ReadAmount(text, prefix.Success ? pos + prefix.Length : pos);
        if (first is not { } low)
        {
            return null;
        }

        var join = RangeJoin.Match(text, low.Number.End);
        if (!join.Success)
        {
            return null;
        }

        // "and" joins only after "between"; "to" and dashes join with or without a prefix.
        var word = prefix.Success ? prefix.Groups[1].Value.ToLowerInvariant() : null;
        var joinedByAnd = join.Groups[3].Success;
        if (joinedByAnd != (word == "between") && !(word == "between" && join.Groups[2].Success))
        {
            return null;
        }

        if (ReadAmount(text, low.Number.End + join.Length) is not { } high)
        {
            return null;
        }

        // "10-12 thousand", "1.5 to 2 million": the scale written once applies to both ends.
        var lowValue = low.Number.Scale == 1 && high.Number.Scale > 1 && low.Number.Value <= high.Number.Value / high.Number.Scale
            ? low.Number.Value * high.Number.Scale
            : low.Number.Value;
        if (high.Number.Value < lowValue)
        {
            return null;
        }

        var yearLike = IsYearLike(low.Number) && IsYearLike(high.Number);
        return (low with { Number = low.Number with { Value = lowValue } }, high, high.Number.End, yearLike);
    }

    private (decimal Floor, int End)? ReadVague(string text, int pos)
    {
        var floors = options.VagueFloors;
        if (VagueCompound.Match(text, pos) is { Success: true } compound)
        {
            return (PluralFloor(compound.Groups[1].Value, floors) * UnitValue(compound.Groups[2].Value), pos + compound.Length);
        }

        if (VagueMultiple.Match(text, pos) is { Success: true } multiple)
        {
            return (FewFloor(multiple.Groups[1].Value, floors) * UnitValue(multiple.Groups[2].Value), pos + multiple.Length);
        }

        if (VaguePlural.Match(text, pos) is { Success: true } plural)
        {
            return (PluralFloor(plural.Value, floors), pos + plural.Length);
        }

        if (VagueFew.Match(text, pos) is { Success: true } few)
        {
            return (FewFloor(few.Value, floors), pos + few.Length);
        }

        return null;
    }

    private static Amount? ReadAmount(string text, int pos)
    {
        string? currency = null;
        if (Currency.Match(text, pos) is { Success: true } symbol)
        {
            currency = CurrencyCode(symbol.Groups[1].Value);
            pos += symbol.Length;
        }

        if (pos >= text.Length || DateAhead.Match(text, pos).Success || !NumberWords.TryMatch(text, pos, afterSymbol: currency is not null, out var number))
        {
            return null;
        }

        return new Amount(number, currency);
    }

    private static int SkipNotQuantity(string text, int i)
    {
        if (NotQuantity.Match(text, i) is { Success: true } m)
        {
            return i + m.Length;
        }

        // "F-16", "Su-34", "COVID-19": a designation, not a count; a digit after "2023-" is not either.
        if (char.IsAsciiDigit(text[i]) && i >= 2 && text[i - 1] == '-' && char.IsLetterOrDigit(text[i - 2]) && WordBefore(text, i) != "mid")
        {
            return SkipToken(text, i);
        }

        return i;
    }

    private static bool IsTokenStart(string text, int i)
    {
        if (char.IsWhiteSpace(text[i]))
        {
            return false;
        }

        if (i == 0)
        {
            return true;
        }

        var before = text[i - 1];
        if (char.IsLetterOrDigit(before))
        {
            return false;
        }

        // The "5" of "1.5" and the "000" of "2,000" are inside a number.
        return !(before is '.' or ',' && i >= 2 && char.IsAsciiDigit(text[i - 2]) && char.IsAsciiDigit(text[i]));
    }

    private static int SkipToken(string text, int i)
    {
        if (!char.IsLetterOrDigit(text[i]))
        {
            return i + 1;
        }

        while (i < text.Length && char.IsLetterOrDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsPronounOne(string text, Amount amount)
    {
        var number = amount.Number;
        if (!number.IsWords || number.Value != 1 || !text[number.Start..number.End].Equals("one", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return PronounOneAfter.Match(text, number.End).Success || PronounOneBefore.Contains(WordBefore(text, number.Start));
    }

    private static bool IsYearLike(NumberMatch number) =>
        number.IsPlainInteger && number.End - number.Start == 4 && number.Value is >= 1900 and <= 2100;

    // The word just before position i, lower case, over spaces and a hyphen ("mid-2024"); empty if none.
    private static string WordBefore(string text, int i)
    {
        var end = i;
        while (end > 0 && (char.IsWhiteSpace(text[end - 1]) || (end == i && text[end - 1] == '-')))
        {
            end--;
        }

        var start = end;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        return text[start..end].ToLowerInvariant();
    }

    private static decimal PluralFloor(string word, VagueFloorOptions floors) => word.ToLowerInvariant() switch
    {
        "tens" => floors.Tens,
        "dozens" => floors.Dozens,
        "scores" => floors.Scores,
        "hundreds" => floors.Hundreds,
        "thousands" => floors.Thousands,
        "millions" => floors.Millions,
        _ => floors.Billions,
    };

    private static decimal FewFloor(string word, VagueFloorOptions floors) =>
        word.StartsWith("several", StringComparison.OrdinalIgnoreCase) ? floors.Several : floors.Few;

    // The unit a vague amount counts in: "hundred(s)" is 100 whatever the floor of "hundreds" is.
    private static decimal UnitValue(string word) => word.ToLowerInvariant().TrimEnd('s') switch
    {
        "dozen" => 12m,
        "hundred" => 100m,
        "thousand" => 1_000m,
        "million" => 1_000_000m,
        _ => 1_000_000_000m,
    };

    private static string CurrencyCode(string written) => written.ToLowerInvariant().TrimEnd('.') switch
    {
        "$" or "us$" or "dollars" => "USD",
        "€" or "euros" or "euro" => "EUR",
        "£" or "pounds" => "GBP",
        "rubles" or "roubles" or "₽" => "RUB",
        "a$" or "au$" => "AUD",
        "c$" or "ca$" => "CAD",
        "nz$" => "NZD",
        "hk$" => "HKD",
        "s$" => "SGD",
        "ec$" => "XCD",
        "nt$" => "TWD",
        "f$" => "FJD",
        "r$" or "reais" => "BRL",
        "mx$" or "pesos" => "MXN",
        "¥" or "yen" => "JPY",
        "yuan" => "CNY",
        "₦" or "naira" => "NGN",
        "₱" => "PHP",
        "₹" or "rs" or "rupees" => "INR",
        "₩" or "won" => "KRW",
        "₺" or "lira" => "TRY",
        "₵" or "gh¢" or "gh₵" or "cedis" => "GHS",
        "ksh" or "shillings" => "KES",
        "ush" => "UGX",
        "tsh" => "TZS",
        "tk" or "taka" => "BDT",
        "rp" or "rupiah" => "IDR",
        "rm" or "ringgit" => "MYR",
        "r" or "rand" => "ZAR",
        "leva" or "lev" => "BGN",
        "baht" => "THB",
        "dirhams" => "AED",
        "francs" => "CHF",
        "kwacha" => "MWK",
        "birr" => "ETB",
        "soles" => "PEN",
        "dinars" => "DZD",
        "₴" or "hryvnia" or "hryvnias" => "UAH",
        var code when code.Length == 3 && code.All(char.IsAsciiLetter) => code.ToUpperInvariant(),
        _ => "UAH",
    };

    private static string Period(string word) => word.ToLowerInvariant() is "annum" ? "year" : word.ToLowerInvariant();

    private static string MeasureCode(string written)
    {
        var w = string.Join(' ', written.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        return w switch
        {
            "km/h" or "kph" => "km/h",
            "km²" or "km2" or "sq km" or "sqkm" => "km2",
            _ when w.StartsWith("square kilomet", StringComparison.Ordinal) => "km2",
            _ when w.StartsWith("kilomet", StringComparison.Ordinal) => "km",
            _ when w.StartsWith("millimet", StringComparison.Ordinal) => "mm",
            _ when w.StartsWith("centimet", StringComparison.Ordinal) => "cm",
            _ when w.StartsWith("met", StringComparison.Ordinal) => "m",
            _ when w.StartsWith("kilogram", StringComparison.Ordinal) => "kg",
            _ when w.StartsWith("tonne", StringComparison.Ordinal) || w.StartsWith("ton", StringComparison.Ordinal) => "t",
            _ when w.StartsWith("hectare", StringComparison.Ordinal) => "ha",
            _ when w.StartsWith("acre", StringComparison.Ordinal) => "acre",
            _ when w.StartsWith("megawatt", StringComparison.Ordinal) => "MW",
            _ when w.StartsWith("gigawatt", StringComparison.Ordinal) => "GW",
            _ when w.StartsWith("knot", StringComparison.Ordinal) => "knots",
            _ when w.StartsWith("litre", StringComparison.Ordinal) || w.StartsWith("liter", StringComparison.Ordinal) => "l",
            _ when w.StartsWith("barrel", StringComparison.Ordinal) => "barrels",
            _ when w.StartsWith("mile", StringComparison.Ordinal) => "miles",
            "feet" or "ft" => "ft",
            "°c" or "c" or "degrees celsius" => "C",
            _ => written switch
            {
                "MW" or "GW" or "kW" or "kWh" or "MWh" or "GWh" or "GB" or "TB" or "MB" or "mAh" => written,
                _ => w,
            },
        };
    }

    private static (Regex, Qualifier)[] BuildQualifiers(params (Qualifier Qualifier, string[] Phrases)[] groups) =>
        groups
            .SelectMany(g => g.Phrases.Select(p => (Phrase: p, g.Qualifier)))
            .OrderByDescending(p => p.Phrase.Length)
            .Select(p => (new Regex(
                @"\G" + Regex.Escape(p.Phrase).Replace(@"\ ", @"\s+", StringComparison.Ordinal) + (char.IsLetter(p.Phrase[^1]) ? @"\s+" : @"\s*"),
                Flags), p.Qualifier))
            .ToArray();

    private readonly record struct Amount(NumberMatch Number, string? Currency);

    /// <summary>Calendar averages: a month is a twelfth of a 365-day year, close enough to compare claims.</summary>
    private static decimal ToDays(decimal value, string unit) => unit.ToLowerInvariant() switch
    {
        "minute" => Math.Round(value / 1440, 6),
        "hour" => Math.Round(value / 24, 6),
        "week" => value * 7,
        "month" => Math.Round(value * 365 / 12, 4),
        "year" => value * 365,
        _ => value,
    };
}
