using System.Text.RegularExpressions;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Figures.Normalisation;

namespace ClaimsTracker.Domain.Extraction;

/// <summary>A metric the catalogue lacks, proposed from the words a figure counts: "people displaced", "search warrants".</summary>
public sealed record NewMetricProposal(string Name, FigureKind Kind, string? Unit);

/// <summary>
/// Names what a figure measures when no catalogue metric fits, so that an editor is offered a new
/// metric instead of the nearest unrelated one: the noun phrase after a count ("412 people
/// injured" → "People injured"), or before money and percentages ("a ransom of ₦50 million" →
/// "Ransom", "turnout was 31%" → "Turnout"), past the words that say when or how it moved ("profit
/// to reach £2.1bn" → "Profit").
/// </summary>
public static partial class NewMetricNamer
{
    private static readonly HashSet<string> Stop = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "from", "by", "for", "with", "was", "were", "is", "are", "had",
        "have", "has", "been", "be", "said", "says", "that", "this", "its", "their", "his", "her", "than", "about", "over", "into",
        "after", "before", "since", "per", "more", "less", "some", "who", "which", "it", "they", "he", "she", "we", "would", "will",
        // Words that never name a quantity: "…, not EUR 1.8 billion", "knocked off almost a billion", "92% of them held".
        "not", "no", "off", "up", "down", "out", "just", "only", "also", "still", "now", "then", "nearly", "almost", "around", "roughly",
        "them", "those", "these", "there", "what", "when", "while", "how", "but", "yet", "so", "if", "as", "all", "both", "each", "again",
        "even", "another", "other", "such", "own", "million", "billion", "thousand", "hundred", "trillion", "dozen", "could", "can", "may", "might",
        "along", "through", "toward", "towards", "near", "past", "beyond", "inside", "outside", "behind", "below", "above", "upon", "amid", "despite", "without",
        "most", "many", "few", "several", "least", "figure", "figures", "number", "numbers", "amount", "estimate", "estimates", "sum",
        "held", "put", "set", "paid", "spent", "lost", "won", "made", "took", "gave", "got", "fell", "rose", "hit", "kept", "left", "sent", "sold", "bought",
    };

    // Nouns that end like verbs: "the speed", "funding of", "the spending".
    private static readonly HashSet<string> NounsLikeVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "speed", "need", "seed", "feed", "funding", "spending", "borrowing", "housing", "lending", "financing", "pricing", "ceiling", "building",
        "shipping", "training", "rating", "ranking", "saving", "savings", "earnings", "bidding", "polling", "offering", "holding", "holdings", "backing",
    };

    // Words that say when, how much or how it changed, never what is measured: "last year", "slightly", "worth", "true".
    private static readonly HashSet<string> NotMeasured = new(StringComparer.OrdinalIgnoreCase)
    {
        "last", "next", "year", "years", "earlier", "later", "late", "early", "month", "months", "week", "weeks", "day", "days", "today", "yesterday",
        "worth", "true", "real", "false", "slightly", "well", "much", "extra", "short", "long", "higher", "lower", "larger", "smaller", "bigger",
        "record", "worst", "best", "times", "time", "rival", "say", "saying", "sought", "slid", "fallen", "risen", "rise", "reach", "reached",
        "aside", "invest", "expect", "expects", "according", "among", "across", "hidden", "close", "built", "taken", "show", "shows", "state",
        "compares", "stands", "remain", "remains", "came", "come", "comes", "worldwide", "cent", "cents", "bn", "m", "k", "whom", "whose",
        "between", "because", "enough", "cannot", "back", "current", "o'clock", "though", "although", "und", "et",
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    };

    // "stretched", "falling": a verb says what happened, not what is measured.
    private static bool IsVerbForm(string word) =>
        !NounsLikeVerbs.Contains(word) && word.Length > 4 && (word.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || word.EndsWith("ing", StringComparison.OrdinalIgnoreCase));

    public static NewMetricProposal? For(string sentence, ParsedFigure figure)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(figure);
        if (figure.Kind is FigureKind.Date or FigureKind.Year)
        {
            return null;
        }

        // "40 were hurt within a day", "for 11 days", "three weeks ago": a time frame for other figures, not a quantity to track.
        if (figure.Kind == FigureKind.Duration && (TimeFrameBefore().IsMatch(sentence[..Math.Min(figure.Start, sentence.Length)]) || TimeFrameStart().IsMatch(figure.Text) || AgoAfter().IsMatch(sentence[Math.Min(figure.End, sentence.Length)..])))
        {
            return null;
        }

        var after = Words().Matches(sentence[Math.Min(figure.End, sentence.Length)..]).Select(m => m.Value).ToList();
        if (after.Count > 0 && after[0].Equals("of", StringComparison.OrdinalIgnoreCase))
        {
            after.RemoveAt(0);
        }

        // What a count counts follows it, up to a word that is not part of the noun phrase or a name ("users across Asia").
        var phrase = figure.Kind is FigureKind.Count or FigureKind.Duration
            ? after.TakeWhile((w, i) => !Stop.Contains(w) && !NotMeasured.Contains(w) && w.Length > 1 && !(i > 0 && char.IsUpper(w[0]))).Take(3).ToList()
            : [];
        if (phrase.Count == 1 && Who.Contains(phrase[0]) && after.Count > 2 && Auxiliaries.Contains(after[1]))
        {
            // "412 people were injured": who, and what happened to them.
            var happened = after.Skip(2).SkipWhile(w => w is "been" or "being").FirstOrDefault(w => w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || w is "hurt" or "dead" or "missing" or "killed");
            if (happened is not null)
            {
                phrase.Add(happened);
            }
        }

        var atStart = false;
        if (phrase.Count == 0)
        {
            // Money and shares name what they measure before them: "a ransom of", "turnout was".
            var words = Words().Matches(sentence[..figure.Start]).ToList();
            // "profit to reach £2.1bn", "the deal was worth $410m": the noun before the verb that links it to the figure.
            var before = words.Select(m => m.Value).Reverse().SkipWhile(w => Stop.Contains(w) || NotMeasured.Contains(w))
                .TakeWhile(w => !Stop.Contains(w) && !NotMeasured.Contains(w) && w.Length > 1 && !IsVerbForm(w) && !w.EndsWith("'s", StringComparison.Ordinal) && !w.EndsWith("’s", StringComparison.Ordinal))
                .Take(2).Reverse().ToList();
            phrase = before;
            atStart = before.Count > 0 && words.Count > 0 && words[0].Value == before[0] && words.Take(before.Count).Select(m => m.Value).SequenceEqual(before);
        }

        // A proper name is not a metric ("Kenya", "Hanil Motors"), unless it only opens the sentence.
        if (phrase.Count == 0 || phrase.All(w => char.IsUpper(w[0])) && !(atStart && phrase.Count == 1))
        {
            return null;
        }

        var name = string.Join(' ', phrase).ToLowerInvariant();
        return new NewMetricProposal(char.ToUpperInvariant(name[0]) + name[1..], figure.Kind, figure.Unit is "days" or "%" ? null : figure.Unit);
    }

    private static readonly HashSet<string> Who = new(StringComparer.OrdinalIgnoreCase) { "people", "persons", "residents", "civilians", "passengers", "workers", "children", "others" };

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.OrdinalIgnoreCase) { "were", "was", "are", "is", "had", "have", "has" };

    [GeneratedRegex(@"[\p{L}][\p{L}'’-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    [GeneratedRegex(@"\b(?:within|in|over|after|during|since|before|until|by|for|every|each|per)\s+(?:the\s+(?:first|last|past|next)\s+|the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeFrameBefore();

    [GeneratedRegex(@"^(?:within|in|over|after|during|since|before|until|for)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeFrameStart();

    [GeneratedRegex(@"^\s*(?:ago|earlier|later|before|after)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgoAfter();
}
