using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Domain.Extraction;

/// <summary>A suggested metric and the words it was suggested from.</summary>
public readonly record struct MetricSuggestion(MetricCandidate Metric, string Evidence);

/// <summary>
/// Suggests a metric for each figure of a sentence from the keywords nearest to it. A figure owns
/// the words between it and its neighbouring figures ("300 killed and 2,700 wounded"); the closer
/// and longer the keyword, the stronger; the metric's other name words found in the whole text
/// ("North Korean", "earthquake") separate metrics sharing a keyword, and a metric none of whose
/// other name words appear in the text is not suggested at all.
/// </summary>
public sealed class MetricSuggester
{
    // Head nouns say what is counted but not what happened to it: weaker than verbs.
    private static readonly HashSet<string> WeakKeywords = new(StringComparer.Ordinal) { "troops", "soldiers", "lost", "lives", "aid" };

    private readonly IReadOnlyList<Entry> entries;

    public MetricSuggester(IReadOnlyList<MetricCandidate> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        entries = metrics
            .OrderBy(m => m.Id)
            .Select(m =>
            {
                var keywords = m.Keywords.Count > 0 ? m.Keywords : DefaultKeywords.For(m.Key, m.Name);
                var phrases = keywords.Select(k => DefaultKeywords.Words(k).ToArray()).Where(p => p.Length > 0).ToList();
                return new Entry(m, phrases, DefaultKeywords.TopicWords(m.Name, keywords));
            })
            .ToList();
    }

    /// <summary>
    /// One suggestion (or null) per figure, in the order given. <paramref name="figureSpans"/> are
    /// [Start, End) offsets in <paramref name="sentence"/>, sorted; <paramref name="documentWords"/>
    /// are the lower-case words of the whole text.
    /// </summary>
    public IReadOnlyList<MetricSuggestion?> Suggest(string sentence, IReadOnlyList<(int Start, int End, FigureKind Kind)> figureSpans, IReadOnlySet<string> documentWords)
    {
        var tokens = Tokenize(sentence);
        var figureTokens = figureSpans.Select(f => (First: FirstToken(tokens, f.Start), Last: LastToken(tokens, f.End))).ToList();
        var result = new MetricSuggestion?[figureSpans.Count];
        for (var i = 0; i < figureSpans.Count; i++)
        {
            // The words this figure may claim: from the previous figure's end to the next figure's start.
            var from = i > 0 ? figureTokens[i - 1].Last + 1 : 0;
            var to = i + 1 < figureSpans.Count ? figureTokens[i + 1].First - 1 : tokens.Count - 1;
            var (first, last) = figureTokens[i];
            var best = (Score: 0d, Entry: (Entry?)null, Evidence: string.Empty);
            foreach (var entry in entries.Where(e => Compatible(e.Metric.Kind, figureSpans[i].Kind)))
            {
                var topic = entry.Topic.Count(t => documentWords.Any(w => w.StartsWith(t, StringComparison.Ordinal)));
                if (entry.Topic.Count > 0 && topic == 0)
                {
                    // A drones metric is no suggestion for a text that never mentions drones.
                    continue;
                }

                foreach (var phrase in entry.Phrases)
                {
                    foreach (var at in Occurrences(tokens, phrase, from, to))
                    {
                        if (at <= last && at + phrase.Length - 1 >= first)
                        {
                            continue;
                        }

                        var distance = at > last ? at - last - 1 : first - (at + phrase.Length);
                        var weight = (1 + (0.5 * (phrase.Length - 1))) * (phrase.Length == 1 && WeakKeywords.Contains(phrase[0]) ? 0.5 : 1);
                        var score = weight / (1 + (0.3 * distance)) * (1 + (0.25 * topic));
                        if (score > best.Score)
                        {
                            best = (score, entry, sentence[tokens[at].Start..tokens[at + phrase.Length - 1].End]);
                        }
                    }
                }
            }

            result[i] = best.Entry is { } chosen ? new MetricSuggestion(chosen.Metric, best.Evidence) : null;
        }

        return result;
    }

    private static bool Compatible(FigureKind metric, FigureKind figure) => metric == figure;

    private static IEnumerable<int> Occurrences(List<(string Word, int Start, int End)> tokens, string[] phrase, int from, int to)
    {
        for (var at = Math.Max(0, from); at + phrase.Length - 1 <= to && at + phrase.Length <= tokens.Count; at++)
        {
            var match = true;
            for (var k = 0; k < phrase.Length && match; k++)
            {
                match = tokens[at + k].Word == phrase[k];
            }

            if (match)
            {
                yield return at;
            }
        }
    }

    private static int FirstToken(List<(string Word, int Start, int End)> tokens, int start)
    {
        var i = tokens.FindIndex(t => t.End > start);
        return i < 0 ? tokens.Count : i;
    }

    private static int LastToken(List<(string Word, int Start, int End)> tokens, int end)
    {
        var i = tokens.FindLastIndex(t => t.Start < end);
        return i < 0 ? -1 : i;
    }

    internal static List<(string Word, int Start, int End)> Tokenize(string text)
    {
        var tokens = new List<(string, int, int)>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                tokens.Add((text[start..i].ToLowerInvariant(), start, i));
                start = -1;
            }
        }

        return tokens;
    }

    private sealed record Entry(MetricCandidate Metric, IReadOnlyList<string[]> Phrases, IReadOnlyList<string> Topic);
}
