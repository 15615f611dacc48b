namespace ClaimsTracker.Domain.Extraction;

/// <summary>
/// Words that suggest a metric when none are configured, derived from the metric's key or name:
/// "North Korean soldiers killed" gets killed, dead, died, deaths…; "killed or wounded" gets
/// casualties and losses but not killed or wounded alone, which belong to the part metrics.
/// </summary>
public static class DefaultKeywords
{
    private sealed record Concept(string Name, string[] Triggers, string[] Keywords, string[] Suppresses);

    private static readonly Concept[] Concepts =
    [
        new("casualties", ["killed or wounded", "killed and wounded", "dead or wounded", "dead and wounded", "killed or injured", "casualties", "losses"],
            ["killed or wounded", "killed and wounded", "dead or wounded", "dead and wounded", "killed or injured", "dead and injured", "casualties", "losses", "lost"],
            ["killed", "wounded", "crowd"]),
        new("killed", ["killed", "deaths", "death", "dead", "died", "fatalities", "toll"],
            ["killed", "killing", "dead", "died", "deaths", "death toll", "fatalities", "perished", "slain", "lives", "bodies", "drowned", "toll", "death", "die", "dying", "lost their lives", "succumbed"], ["crowd", "strike"]),
        new("wounded", ["wounded", "injured", "injuries", "injury"],
            ["wounded", "wounding", "injured", "injuring", "injuries", "hurt", "injury"], ["crowd", "strike"]),
        new("deployed", ["deployed", "deployment", "deploy", "sent", "stationed"],
            ["deployed", "deployment", "sent", "dispatched", "stationed", "troops", "soldiers"], []),
        new("captured", ["captured", "capture", "captive", "captives", "prisoners", "prisoner", "detained", "arrested", "arrests"],
            ["captured", "capture", "taken prisoner", "taken captive", "prisoners", "prisoner", "captives", "detained", "seized", "apprehended", "caught", "arrested", "arrests"], ["crowd"]),
        new("announcement", ["announcement", "announced"], ["announced", "announcement", "revealed", "disclosed", "made public"], ["captured"]),
        new("birth", ["birth", "born"], ["born", "birth"], ["captured"]),
        new("service", ["service", "enlisted", "conscripted"], ["joined", "enlisted", "conscripted", "drafted", "served since"], ["captured"]),
        new("training", ["training", "trained"], ["trained", "training"], ["deployed"]),
        new("displaced", ["displaced", "displacement", "refugees", "evacuated", "evacuate", "evacuation", "evacuations", "evacuees", "shelters"],
            ["displaced", "fled", "flee", "fleeing", "evacuated", "evacuate", "evacuation", "evacuees", "homeless", "from their homes", "uprooted", "refugees",
                "ordered to leave", "forced to leave", "told to leave", "left their homes", "relocated", "moved to safety", "in shelters", "relief camps", "emergency shelters"], []),
        new("missing", ["missing"], ["missing", "unaccounted"], []),
        // Workers who stop work: a march's words (crowd) are not theirs, nor is an air strike's toll.
        new("strike", ["strike", "strikes", "walkout", "stoppage", "strikers", "striking"],
            ["on strike", "went on strike", "began a strike", "walked out", "walked off", "stayed off work", "stayed away", "downed tools", "walkout", "stoppage", "strikers", "striking", "took part", "taking part", "joined", "participation"], ["crowd"]),
        // A march's injured or arrested are injuries and arrests: those concepts suppress this one.
        new("crowd", ["crowd", "spectators", "attendance", "attendees", "marchers", "turnout", "rally", "march", "protest", "protests", "demonstration", "demonstrators", "protesters"],
            ["crowd", "crowds", "spectators", "attendance", "attended", "attendees", "turned out", "turnout", "gathered", "marched", "marchers", "rally", "took part", "taken part", "taking part", "joined"], []),
        new("launched", ["launched", "fired"], ["launched", "fired"], []),
        new("shot down", ["shot down", "downed", "intercepted"], ["shot down", "downed", "intercepted", "destroyed"], []),
        new("inflation", ["inflation"], ["inflation", "consumer prices"], []),
        new("growth", ["growth", "gdp"], ["growth", "gdp", "grew", "expanded"], []),
        new("unemployment", ["unemployment", "jobless"], ["unemployment", "jobless"], []),
        new("aid", ["aid", "pledged", "pledges"], ["pledged", "pledge", "aid", "donated"], []),
    ];

    private static readonly HashSet<string> EventWords = Concepts
        .SelectMany(c => c.Triggers.Concat(c.Keywords))
        .SelectMany(k => Words(k))
        .ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "of", "a", "an", "and", "or", "in", "on", "for", "to", "by", "with", "before", "after", "s", "date", "year", "rate", "number", "total", "alive", "annual", "monthly", "daily", "people", "persons", "first", "last",
        // When, not what: "People detained over the weekend protests" is about the protests.
        "over", "during", "weekend", "week", "weekly", "month", "day", "night", "morning", "evening",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        // Function words say nothing of what is counted nor of which story: "People who died during the march".
        "who", "whom", "whose", "which", "that", "what", "when", "where", "were", "was", "are", "is", "been", "being", "has", "have", "had",
        "its", "their", "his", "her", "our", "them", "they", "per", "each", "any", "all", "some", "from", "into", "onto", "than", "as", "at",
        "off", "out", "up", "down", "not", "no", "into", "within", "between", "among", "under", "about", "across", "against", "since", "via",
    };

    /// <summary>Keywords for a metric, from its key ("nk-killed-or-wounded") or name ("Earthquake deaths").</summary>
    public static IReadOnlyList<string> For(string metricKeyOrName) => For(metricKeyOrName, null);

    /// <summary>Keywords from both key and name; the name's words count when the key says little.</summary>
    public static IReadOnlyList<string> For(string? key, string? name)
    {
        var keywords = EventKeywords(key, name);
        if (keywords.Count > 0)
        {
            return keywords;
        }

        // Nothing recognised: the name's own content words are the best guess.
        return Words(name ?? key).Where(w => w.Length > 3 && !StopWords.Contains(w)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>What happened, in the words news use for it ("killed" → died, dead, toll…); empty when the name names no known event.</summary>
    public static IReadOnlyList<string> EventKeywords(string? key, string? name)
    {
        var words = " " + string.Join(' ', Words(key).Concat(Words(name))) + " ";
        var matched = Concepts.Where(c => c.Triggers.Any(t => words.Contains($" {t} ", StringComparison.Ordinal))).ToList();
        var suppressed = matched.SelectMany(c => c.Suppresses).ToHashSet(StringComparer.Ordinal);
        return matched.Where(c => !suppressed.Contains(c.Name)).SelectMany(c => c.Keywords).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Words that say nothing about what a metric measures ("the", "number", "people").</summary>
    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>
    /// The words of a metric's name that say what it is about rather than what happened ("north",
    /// "korean", "earthquake", "drones"): they tell metrics sharing a keyword apart.
    /// </summary>
    public static IReadOnlyList<string> TopicWords(string name, IReadOnlyList<string> keywords)
    {
        // Compared by stem: "price" is covered by the keyword "consumer prices".
        var keywordWords = keywords.SelectMany(k => Words(k)).Concat(EventWords).Select(MetricSuggester.Stem).ToHashSet(StringComparer.Ordinal);
        return Words(name).Where(w => w.Length > 2 && !StopWords.Contains(w) && !keywordWords.Contains(MetricSuggester.Stem(w)) && MetricLexicon.CanBeTopic(w)).Distinct(StringComparer.Ordinal).ToList();
    }

    // One tokenizer for names and sentences, so keywords and text split the same way.
    internal static IEnumerable<string> Words(string? text) =>
        string.IsNullOrEmpty(text) ? [] : MetricSuggester.Tokenize(text).Select(t => t.Word);
}
