using System.Globalization;
using System.Text.RegularExpressions;

namespace ClaimsTracker.Domain.Figures.Normalisation;

/// <summary>A number found in text: where it is and what it is worth.</summary>
/// <param name="Start">First character of the number.</param>
/// <param name="End">Just past its last character: the span is [Start, End).</param>
/// <param name="Value">What it is worth, scale included ("1.5 million" is 1,500,000).</param>
/// <param name="Scale">
/// The multiplier written with it ("million", "k"), 1 when none; lets "10-12 thousand" scale
/// the first end too.
/// </param>
/// <param name="IsWords">True when spelt out ("two", "a thousand") rather than in digits.</param>
/// <param name="IsPlainInteger">True for digits alone, without separators, decimals or scale ("2021").</param>
public readonly record struct NumberMatch(int Start, int End, decimal Value, decimal Scale, bool IsWords, bool IsPlainInteger);

/// <summary>
/// Reads numbers written in digits ("11,000", "1.5 million", "3.2bn", "11k") or in words ("two",
/// "twenty-five", "two hundred and fifty", "a thousand", "a dozen", "half a million").
/// </summary>
public static class NumberWords
{
    // Western grouping ("1,200,000"), Indian grouping ("12,00,000": lakhs of two digits) or plain digits.
    private static readonly Regex Digits = new(@"\G(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?", RegexOptions.CultureInvariant);

    // "m" and "mn" are millions in news usage ("$5m"); a lone "b" is too ambiguous to read.
    private static readonly Regex Suffix = new(@"\G(?:k|mn|m|bn|b|tn)(?![\p{L}\p{N}])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    // A unit run into the digits ("160km", "256GB", "92mph", "15µm"): the number ends where the unit starts.
    private static readonly Regex GluedUnit = new(@"\G(?:km/h|km/s|m/s|kph|kmph|mph|km²|km2|mm²|mm2|cm²|cm2|km³|km3|m²|m2|m³|m3|km|mm|cm|µm|μm|nm|m|kg|mg|µg|μg|mcg|t|Gt|Mt|ha|MW|GW|TW|kW|kWh|MWh|GWh|TWh|Gbps|Mbps|kbps|GB|TB|MB|mAh|kV|Hz|kHz|MHz|GHz|dB|mL|ml|L|C|°C|°F|F|ft|lb|lbs|oz|bpd|ppm|ppb|mmHg|mSv|rpm|g|p)(?![\p{L}\p{N}²³])", RegexOptions.CultureInvariant);

    // "1.8m high", "the 100m final": after a plain number "m" is metres, not millions, when a
    // dimension or a race follows ("1.8m people" stays 1.8 million).
    private static readonly Regex MetresAfter = new(@"\G\s+(?:high|tall|long|wide|deep|thick|across|away|above|below|underground|offshore|final|race|sprint|hurdles|freestyle|backstroke|breaststroke|butterfly|medley|relay|heats?|semi-?finals?|dash|record|world|title)(?!\p{L})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    // Scientific notation: "1.2 × 10^6", "3.4 x 10⁷", "2.1×10^-3".
    private static readonly Regex PowerOfTen = new(@"\G\s?[×x*]\s?10\s?(?:\^\s?|\*\*\s?)?([-−⁻]?)([0-9]{1,2}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})(?![\d.,]|[⁰¹²³⁴⁵⁶⁷⁸⁹])", RegexOptions.CultureInvariant);

    // Scale words, also as German and French reports write them ("1,5 Millionen", "1,3 milliard"), and
    // the Indian lakh (100,000) and crore (10 million) of South Asian reports ("Rs 2.1 lakh crore").
    // "$4.9-billion", "a 2.1-million-square-foot campus": a scale joined by a hyphen, as Canadian papers write it.
    private static readonly Regex ScaleWord = new(@"\G(?:\s+|-(?=(?:million|billion|trillion)(?!\p{L})))(hundred|thousand|million|billion|trillion|millionen|milliarden|milliarde|mio\.|mrd\.|millions|milliards?|billions|lakh\s+crores?|lakhs?|crores?)(?!\p{L})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Dictionary<string, decimal> Units = new(StringComparer.Ordinal)
    {
        ["zero"] = 0,
        ["one"] = 1,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
    };

    private static readonly Dictionary<string, decimal> Teens = new(StringComparer.Ordinal)
    {
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
        ["thirteen"] = 13,
        ["fourteen"] = 14,
        ["fifteen"] = 15,
        ["sixteen"] = 16,
        ["seventeen"] = 17,
        ["eighteen"] = 18,
        ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, decimal> Tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20,
        ["thirty"] = 30,
        ["forty"] = 40,
        ["fifty"] = 50,
        ["sixty"] = 60,
        ["seventy"] = 70,
        ["eighty"] = 80,
        ["ninety"] = 90,
    };

    private static readonly Dictionary<string, decimal> Scales = new(StringComparer.Ordinal)
    {
        ["thousand"] = 1_000m,
        ["million"] = 1_000_000m,
        ["billion"] = 1_000_000_000m,
        ["trillion"] = 1_000_000_000_000m,
    };

    /// <summary>True when the whole of <paramref name="text"/> (trimmed) is one number.</summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (TryMatch(trimmed, 0, out var match) && match.End == trimmed.Length)
        {
            value = match.Value;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Reads the longest number that starts exactly at <paramref name="start"/>. Fails inside a
    /// word or number, and for digits run into letters ("84th", "16mm").
    /// </summary>
    public static bool TryMatch(string text, int start, out NumberMatch match) => TryMatch(text, start, afterSymbol: false, out match);

    /// <summary>
    /// As <see cref="TryMatch(string, int, out NumberMatch)"/>; <paramref name="afterSymbol"/> lets the
    /// digits follow a currency written in letters ("RM79", "KSh300").
    /// </summary>
    public static bool TryMatch(string text, int start, bool afterSymbol, out NumberMatch match)
    {
        ArgumentNullException.ThrowIfNull(text);
        match = default;
        if (start < 0 || start >= text.Length || (start > 0 && char.IsLetterOrDigit(text[start - 1]) && !(afterSymbol && char.IsAsciiDigit(text[start]))))
        {
            return false;
        }

        return char.IsAsciiDigit(text[start]) ? TryMatchDigits(text, start, afterSymbol, out match) : TryMatchWords(text, start, out match);
    }

    private static bool TryMatchDigits(string text, int start, bool afterSymbol, out NumberMatch match)
    {
        match = default;
        var digits = Digits.Match(text, start);
        if (!digits.Success)
        {
            return false;
        }

        if (!decimal.TryParse(digits.Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var end = start + digits.Length;
        var scale = 1m;
        if (ReadPowerOfTen(text, end, number) is { } scientific)
        {
            return Set(out match, new NumberMatch(start, scientific.End, scientific.Value, 1m, false, false));
        }

        var suffix = Suffix.Match(text, end);
        if (suffix.Success && !afterSymbol && suffix.Value == "m" && MetresAfter.IsMatch(text, end + 1))
        {
            // Metres: the unit is read by the caller, the number ends here.
            suffix = Match.Empty;
        }

        if (suffix.Success)
        {
            scale = suffix.Value.ToLowerInvariant() switch
            {
                "k" => 1_000m,
                "m" or "mn" => 1_000_000m,
                "bn" or "b" => 1_000_000_000m,
                _ => 1_000_000_000_000m,
            };
            end += suffix.Length;
        }
        else if (end < text.Length && char.IsLetter(text[end]) && !GluedUnit.IsMatch(text, end))
        {
            return false;
        }
        else if (ScaleWord.Match(text, end) is { Success: true } word)
        {
            scale = word.Groups[1].Value.ToLowerInvariant() switch
            {
                "hundred" => 100m,
                "millionen" or "mio." or "millions" => 1_000_000m,
                "milliarden" or "milliarde" or "mrd." or "milliard" or "milliards" or "billions" => 1_000_000_000m,
                "lakh" or "lakhs" => 100_000m,
                "crore" or "crores" => 10_000_000m,
                var name when name.StartsWith("lakh", StringComparison.Ordinal) => 1_000_000_000_000m,
                var name => Scales[name],
            };
            end += word.Length;
        }

        var plain = scale == 1m && digits.Value.All(char.IsAsciiDigit);
        return TryScale(number, scale, out var value) && Set(out match, new NumberMatch(start, end, value, scale, false, plain));
    }

    private static (decimal Value, int End)? ReadPowerOfTen(string text, int end, decimal number)
    {
        if (PowerOfTen.Match(text, end) is not { Success: true } power)
        {
            return null;
        }

        var exponent = int.Parse(ToAsciiDigits(power.Groups[2].Value), NumberStyles.None, CultureInfo.InvariantCulture);
        var negative = power.Groups[1].Length > 0;
        var value = number;
        try
        {
            for (var i = 0; i < exponent; i++)
            {
                value = negative ? value / 10 : value * 10;
            }
        }
        catch (OverflowException)
        {
            return null;
        }

        return (value, end + power.Length);
    }

    private static string ToAsciiDigits(string digits) =>
        new(digits.Select(c => "⁰¹²³⁴⁵⁶⁷⁸⁹".IndexOf(c) is var i and >= 0 ? (char)('0' + i) : c).ToArray());

    private enum Last { None, A, Unit, Teen, Ten, Hundred, Scale, And }

    private static bool TryMatchWords(string text, int start, out NumberMatch match)
    {
        match = default;
        var words = ReadWords(text, start, 12);
        if (words.Count == 0)
        {
            return false;
        }

        if (TryHalf(words, start, out match))
        {
            return true;
        }

        decimal total = 0, current = 0;
        var lastScale = decimal.MaxValue;
        var last = Last.None;
        var committedEnd = -1;
        decimal committedValue = 0;
        decimal committedScale = 1;

        for (var i = 0; i < words.Count; i++)
        {
            var (word, _, wordEnd, hyphenBefore) = words[i];
            if (hyphenBefore && !(last == Last.Ten && Units.ContainsKey(word)))
            {
                break;
            }

            if (word == "a" && last == Last.None)
            {
                last = Last.A;
                current = 1;
                continue;
            }

            if (Units.TryGetValue(word, out var unit) && (last is Last.None or Last.Hundred or Last.Scale or Last.And || last == Last.Ten && current % 10 == 0))
            {
                if (word == "zero" && last != Last.None)
                {
                    break;
                }

                current += unit;
                last = Last.Unit;
            }
            else if ((Teens.TryGetValue(word, out var value) || Tens.TryGetValue(word, out value)) && last is Last.None or Last.Hundred or Last.Scale or Last.And)
            {
                current += value;
                last = value < 20 ? Last.Teen : Last.Ten;
            }
            else if (word == "hundred" && last is Last.A or Last.Unit or Last.Teen or Last.Ten && current is > 0 and < 100)
            {
                current *= 100;
                last = Last.Hundred;
            }
            else if (Scales.TryGetValue(word, out var scale) && scale < lastScale && last is Last.A or Last.Unit or Last.Teen or Last.Ten or Last.Hundred && current > 0)
            {
                total += current * scale;
                current = 0;
                lastScale = scale;
                last = Last.Scale;
            }
            else if (word == "and" && last is Last.Unit or Last.Teen or Last.Ten && total == 0 && i + 2 < words.Count
                && words[i + 1].Word == "a" && words[i + 2].Word == "half" && !words[i + 1].HyphenBefore && !words[i + 2].HyphenBefore)
            {
                // "six and a half years", "two and a half million": the half belongs to the number before any scale.
                current += 0.5m;
                i += 2;
                wordEnd = words[i].End;
                last = Last.Unit;
            }
            else if (word == "dozen" && last is Last.A or Last.Unit or Last.Teen or Last.Ten && total == 0)
            {
                // "two dozen" ends the number: "a dozen thousand" is not how counts are written.
                return Set(out match, new NumberMatch(start, wordEnd, current * 12, 12, true, false));
            }
            else if (word == "and" && last is Last.Hundred or Last.Scale && i + 1 < words.Count
                && (Units.ContainsKey(words[i + 1].Word) || Teens.ContainsKey(words[i + 1].Word) || Tens.ContainsKey(words[i + 1].Word)))
            {
                last = Last.And;
                continue;
            }
            else
            {
                break;
            }

            committedEnd = wordEnd;
            committedValue = total + current;
            committedScale = last == Last.Scale ? lastScale : 1;
        }

        return committedEnd > 0 && Set(out match, new NumberMatch(start, committedEnd, committedValue, committedScale, true, false));
    }

    // "half a million", "half a dozen".
    private static bool TryHalf(List<(string Word, int Start, int End, bool HyphenBefore)> words, int start, out NumberMatch match)
    {
        match = default;
        if (words.Count < 3 || words[0].Word != "half" || words[1].Word != "a" || words[1].HyphenBefore || words[2].HyphenBefore)
        {
            return false;
        }

        var scale = words[2].Word switch
        {
            "dozen" => 12m,
            "hundred" => 100m,
            var name when Scales.TryGetValue(name, out var s) => s,
            _ => 0m,
        };
        return scale > 0 && Set(out match, new NumberMatch(start, words[2].End, scale / 2, scale, true, false));
    }

    // Words separated by one run of spaces or a single hyphen ("twenty-five"); stops at anything else.
    private static List<(string Word, int Start, int End, bool HyphenBefore)> ReadWords(string text, int start, int max)
    {
        var words = new List<(string, int, int, bool)>();
        var pos = start;
        var hyphen = false;
        while (words.Count < max && pos < text.Length && char.IsAsciiLetter(text[pos]))
        {
            var end = pos;
            while (end < text.Length && char.IsAsciiLetter(text[end]))
            {
                end++;
            }

            words.Add((text[pos..end].ToLowerInvariant(), pos, end, hyphen));
            if (end < text.Length && text[end] == '-')
            {
                hyphen = true;
                pos = end + 1;
            }
            else if (end < text.Length && text[end] is ' ' or '\u00A0')
            {
                hyphen = false;
                pos = end;
                while (pos < text.Length && text[pos] is ' ' or '\u00A0')
                {
                    pos++;
                }
            }
            else
            {
                break;
            }
        }

        return words;
    }

    private static bool TryScale(decimal number, decimal scale, out decimal value)
    {
        try
        {
            value = number * scale;
            return true;
        }
        catch (OverflowException)
        {
            value = 0;
            return false;
        }
    }

    private static bool Set(out NumberMatch match, NumberMatch value)
    {
        match = value;
        return true;
    }
}
