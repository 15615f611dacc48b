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
/// "Ransom", "turnout was 31%" → "Turnout").
/// </summary>
public static partial class NewMetricNamer
{
    private static readonly HashSet<string> Stop = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "from", "by", "for", "with", "was", "were", "is", "are", "had",
        "have", "has", "been", "be", "said", "says", "that", "this", "its", "their", "his", "her", "than", "about", "over", "into",
        "after", "before", "since", "per", "more", "less", "some", "who", "which", "it", "they", "he", "she", "we", "would", "will",
    };

    public static NewMetricProposal? For(string sentence, ParsedFigure figure)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(figure);
        if (figure.Kind is FigureKind.Date or FigureKind.Year)
        {
            return null;
        }

        var after = Words().Matches(sentence[Math.Min(figure.End, sentence.Length)..]).Select(m => m.Value).ToList();
        if (after.Count > 0 && after[0].Equals("of", StringComparison.OrdinalIgnoreCase))
        {
            after.RemoveAt(0);
        }

        var phrase = figure.Kind is FigureKind.Count or FigureKind.Duration ? after.TakeWhile(w => !Stop.Contains(w)).Take(3).ToList() : [];
        var atStart = false;
        if (phrase.Count == 0)
        {
            // Money and shares name what they measure before them: "a ransom of", "turnout was".
            var words = Words().Matches(sentence[..figure.Start]).ToList();
            var before = words.Select(m => m.Value).Reverse().SkipWhile(Stop.Contains).TakeWhile(w => !Stop.Contains(w)).Take(2).Reverse().ToList();
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

    [GeneratedRegex(@"[\p{L}][\p{L}'’-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
