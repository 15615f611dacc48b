using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Domain.Extraction;

/// <summary>A suggested metric, the words it was suggested from and how much they weighed (at least <see cref="MetricSuggester.MinimumScore"/>).</summary>
public readonly record struct MetricSuggestion(MetricCandidate Metric, string Evidence, double Score);

/// <summary>A figure to suggest a metric for: its [Start, End) span in the sentence, kind and unit.</summary>
public readonly record struct FigureSpan(int Start, int End, FigureKind Kind, string? Unit = null);

/// <summary>
/// Suggests a metric for each figure of a sentence from the words nearest to it. A figure owns
/// the words between it and its neighbouring figures ("300 killed and 2,700 wounded"). Evidence,
/// each weighed by its distance: what happened (the metric's event words: killed, died, deaths…),
/// what is counted (the metric's own name words, weighed by how few metrics of the catalogue share
/// them, so a story's name that every metric carries tells nothing), the noun right after the
/// number, and whether the unit fits (a speed for km/h, no bare head count for a river level).
/// Below a minimum of evidence nothing is suggested: an unrelated metric is worse than none.
/// </summary>
public sealed class MetricSuggester
{
    // Head nouns say what is counted but not what happened to it: weaker than verbs.
    private static readonly HashSet<string> WeakKeywords = new(StringComparer.Ordinal) { "troops", "soldiers", "lost", "lives", "aid" };

    // Who is counted, not what: "14 passengers were killed" is a death toll, not a passenger count.
    private static readonly HashSet<string> PeopleWords = new(StringComparer.Ordinal)
    {
        "people", "person", "passenger", "resident", "civilian", "soldier", "troop", "protester", "protestor", "migrant",
        "worker", "child", "children", "patient", "spectator", "fan", "student", "investor", "member", "voter", "official",
        "officer", "adult", "women", "men", "man", "woman", "staff", "employee", "inhabitant", "citizen", "villager",
        "pupil", "visitor", "tourist", "refugee", "customer", "user", "fisher", "fishermen", "farmer", "family", "families",
        "driver", "nurse", "teacher", "doctor", "girl", "boy", "civilians", "individual", "applicant", "claimant", "pensioner",
        "marcher", "demonstrator", "supporter", "participant", "victim", "survivor", "detainee", "inmate", "hostage", "miner", "pilgrim",
        "athlete", "player", "runner", "shopper", "commuter", "motorist", "pedestrian", "bystander", "youth", "teenager", "infant", "baby", "babies", "elderly",
    };

    /// <summary>Whether a stem names who is counted ("passenger", "voter") rather than what happened.</summary>
    internal static bool IsPeopleWord(string stem) => PeopleWords.Contains(stem);

    // Measures a unit can stand for, and the name words that ask for one.
    private static readonly (string Dimension, string[] Units, string[] NameWords)[] Dimensions =
    [
        ("speed", ["km/h", "mph", "knots", "Mbps", "Gbps", "kbps"], ["speed", "fast", "velocity", "download", "upload", "bandwidth"]),
        ("length", ["km", "m", "cm", "mm", "miles", "ft"], ["length", "distance", "long", "coastline", "coast", "stretch", "height", "level", "depth", "deep", "high", "tall", "rainfall", "rain"]),
        ("area", ["km2", "ha", "acre"], ["area", "hectare", "acre", "land", "burned", "burnt", "forest", "surface", "farmland"]),
        ("quantity", ["t", "kg", "l", "barrels", "bpd"], ["tonne", "ton", "weight", "volume", "spilled", "spill", "cargo", "oil", "crude", "barrel", "litre", "output", "production", "harvest", "water"]),
        ("power", ["MW", "GW", "kW", "kWh", "MWh", "GWh"], ["power", "capacity", "electricity", "generation", "energy"]),
        ("data", ["GB", "TB", "MB"], ["storage", "memory", "data"]),
        ("temperature", ["C"], ["temperature", "heat", "degree"]),
        ("magnitude", ["magnitude"], ["magnitude"]),
        ("concentration", ["µg/m3", "mg/m3", "ng/m3", "mg/L", "µg/L", "ng/L", "g/L", "mg/dL", "ppm", "ppb"], ["concentration", "pollution", "particulate", "contamination", "smog"]),
    ];

    private readonly IReadOnlyList<Entry> entries;
    private readonly Dictionary<Entry, (Entry Whole, HashSet<string> Distinguishing)> partOf = new(ReferenceEqualityComparer.Instance);

    // "People killed" is no part of "People killed or injured" by its words: only parts of the same event are told apart by place or kind.
    private static bool SameEvent(Entry whole, Entry part) =>
        whole.Phrases.Count == part.Phrases.Count && whole.Phrases.Zip(part.Phrases).All(p => p.First.SequenceEqual(p.Second));

    private const int PartWordReach = 8;

    private static readonly System.Buffers.SearchValues<char> ClauseBreaks = System.Buffers.SearchValues.Create(",;:()—–");

    public MetricSuggester(IReadOnlyList<MetricCandidate> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var named = metrics.OrderBy(m => m.Id).Select(m => (Metric: m, Stems: NameStems(m).ToHashSet(StringComparer.Ordinal))).ToList();
        var documentFrequency = named.SelectMany(n => n.Stems).GroupBy(s => s, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var scale = Math.Log(named.Count + 1);
        entries = named
            .Select(n =>
            {
                var m = n.Metric;
                // Configured keywords, else the event words the name implies; the name's other words are weighed below.
                var keywords = m.Keywords.Count > 0 ? m.Keywords : DefaultKeywords.EventKeywords(m.Key, m.Name);
                var phrases = keywords.Select(k => DefaultKeywords.Words(k).ToArray()).Where(p => p.Length > 0).ToList();
                var phraseWords = phrases.SelectMany(p => p).Select(Stem).ToHashSet(StringComparer.Ordinal);
                // Name words the event phrases already cover count once, as phrases.
                // Name words most of the catalogue shares name the story ("North Korean", "Tamsa"), not the quantity.
                var nameWords = n.Stems.Where(s => !phraseWords.Contains(s))
                    .Select(s => (Stem: s, Rarity: scale <= 0 ? 1 : Math.Log((named.Count + 1d) / documentFrequency[s]) / scale))
                    .Where(w => w.Rarity >= 0.5)
                    .ToDictionary(w => w.Stem, w => w.Rarity, StringComparer.Ordinal);
                // Keywords guessed from the name's own words would hide its topic ("fuel" of "Retail fuel price"): only events count here.
                // Every word that may name what this metric counts: its name, event words and their synonyms.
                // Only the head of the name says what is counted: "Cholera deaths in treatment centres" counts deaths, not centres.
                var countable = HeadStems(m.Name).Concat(phraseWords).SelectMany(w => MetricLexicon.SynonymsOf(w).Append(w)).ToHashSet(StringComparer.Ordinal);
                countable.UnionWith(countable.Select(VerbBase).ToList());
                return new Entry(m, phrases, countable, HeadStems(m.Name).ToHashSet(StringComparer.Ordinal), DefaultKeywords.TopicWords(m.Name, m.Keywords.Count > 0 ? m.Keywords : DefaultKeywords.For(m.Key, m.Name)), nameWords, DimensionOfUnit(m.Unit) ?? DimensionOf(m.Name));
            })
            .ToList();

        // A part ("Deaths in treatment centres") of a whole ("Cholera deaths in the province") that counts
        // the same event: the part only when the words that set it apart are near the figure.
        var stemsOf = named.ToDictionary(n => n.Metric.Id, n => n.Stems);
        foreach (var part in entries)
        {
            var wholes = entries
                .Where(w => w.Metric.PartIds.Contains(part.Metric.Id) && w.Metric.Kind == part.Metric.Kind && SameEvent(w, part))
                .ToList();
            var distinguishing = wholes.Count == 0 ? [] : stemsOf[part.Metric.Id].Except(wholes.SelectMany(w => stemsOf[w.Metric.Id])).ToHashSet(StringComparer.Ordinal);
            if (distinguishing.Count > 0)
            {
                partOf[part] = (wholes[0], distinguishing);
            }
        }
    }

    /// <summary>
    /// One suggestion (or null) per figure, in the order given. <paramref name="figures"/> are
    /// sorted spans in <paramref name="sentence"/>; <paramref name="documentWords"/> are the
    /// lower-case words of the whole text; the words inside <paramref name="notEvidence"/> (the
    /// speakers' names) are no evidence of what is counted.
    /// </summary>
    public IReadOnlyList<MetricSuggestion?> Suggest(string sentence, IReadOnlyList<FigureSpan> figures, IReadOnlySet<string> documentWords, IReadOnlyList<(int Start, int End)>? notEvidence = null)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(documentWords);
        // Words of the spans given (who speaks) keep their place, so windows stay the same, but match nothing.
        var tokens = Tokenize(sentence)
            .Select(t => notEvidence?.Any(s => s.Start <= t.Start && t.End <= s.End) == true ? (Word: string.Empty, t.Start, t.End) : t)
            .ToList();
        var stems = tokens.Select(t => Stem(t.Word)).ToList();
        var bases = stems.Select(VerbBase).ToList();
        var figureTokens = figures.Select(f => (First: FirstToken(tokens, f.Start), Last: LastToken(tokens, f.End))).ToList();
        var result = new MetricSuggestion?[figures.Count];
        var windowStarts = new int[figures.Count];
        // Distances count the words that could name something else, not "the", "is" or "rose to":
        // "revenue shortfall for the coming year is KSh 15.8 billion" is near, as a reader takes it.
        var contentBefore = new int[tokens.Count + 1];
        for (var t = 0; t < tokens.Count; t++)
        {
            contentBefore[t + 1] = contentBefore[t] + (IsLinkingWord(tokens[t].Word) ? 0 : 1);
        }

        for (var i = 0; i < figures.Count; i++)
        {
            // "killed in Saturday's crush … rose to 12": a day between the words and a count does not cut them off.
            var isWhen = figures[i].Kind is FigureKind.Date or FigureKind.Year;
            var previous = Enumerable.Range(0, i).LastOrDefault(j => isWhen || figures[j].Kind is not (FigureKind.Date or FigureKind.Year), -1);
            var next = Enumerable.Range(i + 1, figures.Count - i - 1).FirstOrDefault(j => isWhen || figures[j].Kind is not (FigureKind.Date or FigureKind.Year), -1);
            // The words this figure may claim: from the previous figure's end to the next figure's start.
            // "Nine people died and 64 were injured": between two figures, the words before the
            // last "and" (or "while", "but") are the first figure's, the words after it the second's.
            var from = previous >= 0 ? figureTokens[previous].Last + 1 : 0;
            var to = next >= 0 ? figureTokens[next].First - 1 : tokens.Count - 1;
            if (previous >= 0 && LastJoint(tokens, from, figureTokens[i].First - 1) is { } before)
            {
                from = before + 1;
            }
            else if (previous >= 0 && IsChangeLink(sentence, tokens, from, figureTokens[i].First - 1))
            {
                // "Asylum claims fell 18% to about 41,000", "transits fell to 9,920 from 11,240": both ends of a change count the same thing.
                from = windowStarts[previous];
            }

            windowStarts[i] = from;

            if (next >= 0 && LastJoint(tokens, figureTokens[i].Last + 1, to) is { } after)
            {
                to = after - 1;
            }

            var window = new Window(from, to, figureTokens[i].First, figureTokens[i].Last, contentBefore);
            var counted = CountedNoun(stems, window);
            var countedWords = figures[i].Kind == FigureKind.Count ? CountedWords(sentence, tokens, stems, window) : [];
            var afterPreposition = figureTokens[i].First > 0 && PlacePrepositions.Contains(tokens[figureTokens[i].First - 1].Word);
            var dimension = DimensionOfFigureUnit(figures[i].Unit);
            var best = (Score: 0d, Entry: (Entry?)null, Evidence: string.Empty);
            foreach (var entry in entries.Where(e => e.Metric.Kind == figures[i].Kind))
            {
                var topic = TopicWordsFound(entry, documentWords);
                if (entry.Topic.Count > 0 && topic == 0 && !(dimension is not null && dimension == entry.Dimension && NamesItsOwnHead(entry)))
                {
                    // A drones metric is no suggestion for a text that never mentions drones.
                    continue;
                }

                var topicFit = 1 + (0.25 * Math.Min(topic, 2));
                var (score, evidenceAt) = Evidence(entry, tokens, bases, stems, window, counted);
                var unitFit = figures[i].Unit is { } unit && unit == entry.Metric.Unit ? 2 : UnitFit(dimension, entry.Dimension, figures[i].Kind);
                score *= topicFit * unitFit * CountedFit(entry, countedWords, afterPreposition);
                if (score > best.Score && evidenceAt is { } at)
                {
                    best = (score, entry, sentence[tokens[at.From].Start..tokens[at.To].End]);
                }
            }

            if ((best.Entry is null || best.Score < MinimumScore) && dimension is not null
                && entries.Where(e => e.Metric.Kind == figures[i].Kind && e.Dimension == dimension && OnTopic(e, documentWords)).Take(2).ToList() is [var measured])
            {
                // "doing no more than 48 km/h when it reached the rail": no word names the speed, but the
                // unit does, and the story's catalogue measures one speed.
                best = (UnitOnlyScore, measured, sentence[tokens[figureTokens[i].Last].Start..tokens[figureTokens[i].Last].End]);
            }

            if (best.Entry is { } candidate && partOf.TryGetValue(candidate, out var part) && !Near(part.Distinguishing, sentence, tokens, stems, window))
            {
                best.Entry = part.Whole;
            }

            result[i] = best.Entry is { } chosen && best.Score >= MinimumScore ? new MetricSuggestion(chosen.Metric, best.Evidence, best.Score) : null;
        }

        return result;
    }

    public const double MinimumScore = 0.3;

    // A unit that only one on-topic metric measures is fair evidence, weaker than a word naming the quantity.
    private const double UnitOnlyScore = 0.5;

    // Topic words found per metric, for the article last seen: every sentence of one article asks again.
    private IReadOnlySet<string>? topicDocument;
    private readonly Dictionary<Entry, int> topicFound = new(ReferenceEqualityComparer.Instance);
    private HashSet<string>? documentStems;

    /// <summary>How many of the metric's topic words the article has, as written or by a word for the same event ("quake" for "earthquake").</summary>
    // Whether the report is about what the metric measures: its topic words, or for a name made only of
    // plain words ("Speed of the train when it derailed"), a distinctive one of them besides the measure's own.
    private bool OnTopic(Entry entry, IReadOnlySet<string> documentWords) =>
        TopicWordsFound(entry, documentWords) > 0
        || entry.Topic.Count == 0 && entry.NameWords.Keys.Any(s => !MeasureWords.Contains(s) && documentStems!.Contains(s));

    // "Fine-particle pollution" for "Fine-particle (PM2.5) concentration measured in the air": a word of what
    // the metric counts that no other metric of the catalogue has is itself the topic, though "air" is never written.
    private bool NamesItsOwnHead(Entry entry) =>
        entry.Head.Any(s => entry.NameWords.TryGetValue(s, out var rarity) && rarity >= 1 && !PeopleWords.Contains(s) && !MeasureWords.Contains(s) && documentStems!.Contains(s));

    private static readonly HashSet<string> MeasureWords = Dimensions.SelectMany(d => d.NameWords).Select(Stem).ToHashSet(StringComparer.Ordinal);

    private int TopicWordsFound(Entry entry, IReadOnlySet<string> documentWords)
    {
        if (!ReferenceEquals(topicDocument, documentWords))
        {
            (topicDocument, documentStems) = (documentWords, documentWords.Select(Stem).ToHashSet(StringComparer.Ordinal));
            topicFound.Clear();
        }

        if (!topicFound.TryGetValue(entry, out var found))
        {
            found = entry.Topic.Count(t => documentWords.Any(w => w.StartsWith(t, StringComparison.Ordinal)) || MetricLexicon.TopicStemsOf(Stem(t)).Overlaps(documentStems!));
            topicFound[entry] = found;
        }

        return found;
    }

    /// <summary>The metric's event phrases (strongest), its name words and the counted noun, with the words that weighed most.</summary>
    private static (double Score, (int From, int To)? At) Evidence(Entry entry, List<(string Word, int Start, int End)> tokens, List<string> bases, List<string> stems, Window window, int? counted)
    {
        var bestPhrase = (Score: 0d, At: ((int, int)?)null);
        foreach (var phrase in entry.Phrases)
        {
            foreach (var at in Occurrences(tokens, bases, phrase, window.From, window.To))
            {
                if (window.Overlaps(at, at + phrase.Length - 1))
                {
                    continue;
                }

                var weight = (1 + (0.5 * (phrase.Length - 1))) * (phrase.Length == 1 && WeakKeywords.Contains(phrase[0]) ? 0.5 : 1);
                var score = weight / (1 + (0.3 * window.Distance(at, at + phrase.Length - 1)));
                if (score > bestPhrase.Score)
                {
                    bestPhrase = (score, (at, at + phrase.Length - 1));
                }
            }
        }

        var names = 0d;
        var bestName = (Score: 0d, At: ((int, int)?)null);
        foreach (var (stem, rarity) in entry.NameWords)
        {
            var nearest = double.MaxValue;
            var nearestAt = -1;
            var exact = false;
            var synonyms = MetricLexicon.SynonymsOf(stem);
            var stemBase = VerbBase(stem);
            for (var t = Math.Max(0, window.From); t <= window.To && t < stems.Count; t++)
            {
                // "spending" for "spent", "quake" for "earthquake": the same quantity in other words, a little weaker.
                // A word the name carries itself counts for that name word only, not again as a synonym of another.
                var isExact = stems[t] == stem || bases[t] == stemBase;
                if ((isExact || (synonyms.Contains(stems[t]) && !entry.NameWords.ContainsKey(stems[t]))) && !window.Overlaps(t, t) && window.Distance(t, t) + (isExact ? 0 : 0.5) < nearest)
                {
                    (nearest, nearestAt, exact) = (window.Distance(t, t) + (isExact ? 0 : 0.5), t, isExact);
                }
            }

            if (nearestAt < 0)
            {
                continue;
            }

            var weight = 0.8 * rarity * (PeopleWords.Contains(stem) ? 0.4 : 1) * (exact ? 1 : 0.8);
            // The noun right after the number names what is counted only when the name counts it too (its head, not a place after "in").
            var bonus = counted == nearestAt && entry.Head.Contains(stem) && !PeopleWords.Contains(stem) && !PeopleWords.Contains(stems[nearestAt]) ? 0.6 : 0;
            var score = (weight / (1 + (0.3 * nearest))) + bonus;
            names += score;
            if (score > bestName.Score)
            {
                bestName = (score, (nearestAt, nearestAt));
            }
        }

        var total = bestPhrase.Score + names;
        return (total, bestPhrase.Score >= bestName.Score ? bestPhrase.At ?? bestName.At : bestName.At);
    }

    // "across 14 counties", "38 search warrants": a count of things the metric does not count is no figure of it.
    // "cast in 14 counties", "spread to 14 counties": a count that a preposition governs says where, even less what is counted.
    private static double CountedFit(Entry entry, List<string> countedWords, bool afterPreposition) =>
        countedWords.Count == 0 || countedWords.Any(w => entry.Countable.Contains(w) || entry.Countable.Contains(VerbBase(w)) || PeopleWords.Contains(w)) ? 1 : afterPreposition ? MismatchedCountAfterPreposition : MismatchedCount;

    private const double MismatchedCount = 0.25;
    private const double MismatchedCountAfterPreposition = 0.1;

    private static readonly HashSet<string> PlacePrepositions = new(StringComparer.Ordinal) { "in", "across", "at", "to", "into", "among", "throughout", "from" };

    /// <summary>The words right after a count that say what it counts ("14 counties", "1,240 suspected mpox cases"), up to the first word that is not part of the noun phrase.</summary>
    private static List<string> CountedWords(string sentence, List<(string Word, int Start, int End)> tokens, List<string> stems, Window window)
    {
        var words = new List<string>();
        for (var t = window.Last + 1; t < tokens.Count && t <= window.To && words.Count < 3; t++)
        {
            var gap = sentence.AsSpan(tokens[t - 1].End, tokens[t].Start - tokens[t - 1].End);
            if (gap.IndexOfAny(PhraseBreaks) >= 0 || NotCounted.Contains(tokens[t].Word) || tokens[t].Word.Length == 0)
            {
                break;
            }

            if (!CountedFillers.Contains(stems[t]) && !tokens[t].Word.All(char.IsDigit))
            {
                words.Add(stems[t]);
            }
        }

        return words;
    }

    private static readonly System.Buffers.SearchValues<char> PhraseBreaks = System.Buffers.SearchValues.Create(",;:.()\"“”—–");

    // Words that end the noun phrase after a number: verbs of being, prepositions, conjunctions.
    private static readonly HashSet<string> NotCounted = new(StringComparer.Ordinal)
    {
        "were", "was", "are", "is", "have", "has", "had", "be", "been", "will", "would", "could", "may", "might", "in", "on", "at", "from", "to", "for", "with",
        "by", "and", "or", "but", "since", "after", "before", "during", "across", "than", "who", "which", "that", "said", "says", "as", "per", "a", "an", "into", "over",
        "under", "this", "last", "each", "every", "more", "less", "out", "up", "down", "off", "so", "far", "now", "still", "already", "had", "remain", "remained",
    };

    /// <summary>
    /// Whether any of the words (or a word for the same thing) is among the figure's own words, close
    /// to it and in its clause: "killed 52, most of them in clinics" does not count deaths in clinics.
    /// </summary>
    private static bool Near(HashSet<string> words, string sentence, List<(string Word, int Start, int End)> tokens, List<string> stems, Window window)
    {
        for (var t = Math.Max(0, window.From); t <= window.To && t < stems.Count; t++)
        {
            var (from, to) = t > window.Last ? (tokens[window.Last].End, tokens[t].Start) : (tokens[t].End, tokens[window.First].Start);
            if (!window.Overlaps(t, t) && window.Distance(t, t) <= PartWordReach && words.Any(w => w == stems[t] || MetricLexicon.SynonymsOf(w).Contains(stems[t]))
                && sentence.AsSpan(from, Math.Max(0, to - from)).IndexOfAny(ClauseBreaks) < 0)
            {
                return true;
            }
        }

        return false;
    }

    // Words that may stand between the two ends of a change ("18% to about", "to 9,920 from"), with
    // the period the change is over ("fell 18% in the first half of the year to 41,000").
    private static readonly HashSet<string> ChangeLinkWords = new(StringComparer.Ordinal)
    {
        "to", "from", "about", "around", "roughly", "some", "nearly", "almost", "approximately", "an", "estimated", "a", "record", "just",
        "in", "the", "of", "over", "during", "first", "second", "third", "fourth", "final", "half", "year", "years", "quarter", "month",
        "months", "week", "weeks", "season", "period", "fiscal", "financial", "last", "this", "past", "previous", "spring", "summer",
        "autumn", "winter", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    };

    /// <summary>Whether the tokens [from, to] only link two ends of one change: "to" or "from", with hedges or the period, in one clause.</summary>
    private static bool IsChangeLink(string sentence, List<(string Word, int Start, int End)> tokens, int from, int to)
    {
        if (from > to || to >= tokens.Count || to - from > 8)
        {
            return false;
        }

        var words = tokens.Skip(from).Take(to - from + 1).Select(t => t.Word).ToList();
        return words.All(w => ChangeLinkWords.Contains(w) || w.All(char.IsDigit)) && (words.Contains("to") || words.Contains("from"))
            && sentence.AsSpan(tokens[from].Start, tokens[to].End - tokens[from].Start).IndexOfAny(ClauseBreaks) < 0;
    }

    private static readonly HashSet<string> Joints = new(StringComparer.Ordinal) { "and", "while", "but", "whereas", "including" };

    private static int? LastJoint(List<(string Word, int Start, int End)> tokens, int from, int to)
    {
        for (var t = Math.Min(to, tokens.Count - 1); t >= Math.Max(0, from); t--)
        {
            if (Joints.Contains(tokens[t].Word))
            {
                return t;
            }
        }

        return null;
    }

    /// <summary>The noun right after the number ("16 coaches", "23 bodies"), skipping a qualifying word or two.</summary>
    private static int? CountedNoun(List<string> stems, Window window)
    {
        for (var t = window.Last + 1; t <= Math.Min(window.Last + 3, window.To) && t < stems.Count; t++)
        {
            if (!CountedFillers.Contains(stems[t]))
            {
                return t;
            }
        }

        return null;
    }

    private static readonly HashSet<string> CountedFillers = new(StringComparer.Ordinal) { "more", "other", "new", "further", "additional", "of", "the", "their", "its", "local", "foreign", "confirmed", "suspected", "reported" };

    private static double UnitFit(string? figureDimension, string? metricDimension, FigureKind kind)
    {
        if (kind != FigureKind.Count)
        {
            return 1;
        }

        return (figureDimension, metricDimension) switch
        {
            (null, null) => 1,
            ({ } f, { } m) when f == m => 2,
            (null, _) => 0.15,
            _ => 0.15,
        };
    }

    private static string? DimensionOfUnit(string? unit) =>
        unit is null ? null : Dimensions.FirstOrDefault(d => d.Units.Contains(unit, StringComparer.Ordinal)).Dimension;

    // A figure's unit no dimension lists is a measure of its own: "magnitude 6.8" is no count of deaths.
    // (A metric's unit may be a counted noun, "people", "cases": only a figure's unit is always a measure.)
    private static string? DimensionOfFigureUnit(string? unit) => unit is null ? null : DimensionOfUnit(unit) ?? $"unit {unit}";

    // What a metric measures is in its head, before the first preposition: "Length of coastline
    // reached by the oil" is a length, "Seabirds killed by the spill" a head count whatever the spill weighs.
    private static string? DimensionOf(string name)
    {
        var head = DefaultKeywords.Words(name).TakeWhile(w => !HeadEnds.Contains(w)).Select(Stem).ToHashSet(StringComparer.Ordinal);
        return Dimensions.FirstOrDefault(d => d.NameWords.Any(w => head.Contains(Stem(w)))).Dimension;
    }

    private static readonly HashSet<string> HeadEnds = new(StringComparer.Ordinal)
    {
        "by", "from", "after", "in", "at", "on", "during", "to", "for", "with", "since", "over", "across", "aboard", "into", "under", "per", "against", "among", "through",
    };

    /// <summary>The name's words before its first preposition ("Cholera deaths" of "Cholera deaths at home or in villages").</summary>
    private static IEnumerable<string> HeadStems(string name) =>
        DefaultKeywords.Words(name).TakeWhile(w => !HeadEnds.Contains(w))
            .Where(w => w.Length > 2 && !DefaultKeywords.IsStopWord(w) && !w.All(char.IsDigit))
            .Select(Stem);

    private static IEnumerable<string> NameStems(MetricCandidate metric) =>
        DefaultKeywords.Words(metric.Name)
            .Where(w => w.Length > 2 && !DefaultKeywords.IsStopWord(w) && !w.All(char.IsDigit))
            .Select(Stem)
            .Distinct(StringComparer.Ordinal);

    /// <summary>
    /// A stem with its verb ending taken off, for matching a name word in another form of the same
    /// verb: "recalling" and "recalled" → "recall", "culled" → "cull", "injured" and "injure" →
    /// "injur". Only compared with other bases, so an odd base ("evening" → "even") costs nothing
    /// unless a name has the odd word too. Words ending in "eed" keep theirs ("speed", "agreed").
    /// </summary>
    public static string VerbBase(string stem)
    {
        var word = stem;
        if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            word = word[..^3];
        }
        else if (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal) && !word.EndsWith("eed", StringComparison.Ordinal))
        {
            word = word[..^2];
        }

        if (word.Length != stem.Length && word.Length > 3 && word[^1] == word[^2] && word[^1] is not ('l' or 's' or 'z'))
        {
            // "stopped" → "stop", but "recalled" stays "recall".
            word = word[..^1];
        }

        return word.Length > 4 && word.EndsWith('e') && !word.EndsWith("ee", StringComparison.Ordinal) ? word[..^1] : word;
    }

    /// <summary>Plurals folded ("bodies" → "body", "coaches" → "coach"): enough for a catalogue's nouns.</summary>
    internal static string Stem(string word)
    {
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.Length > 4 && (word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal) || word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)))
        {
            return word[..^2];
        }

        return word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
            ? word[..^1]
            : word;
    }

    private static IEnumerable<int> Occurrences(List<(string Word, int Start, int End)> tokens, List<string> bases, string[] phrase, int from, int to)
    {
        var phraseBases = phrase.Select(w => w.Length > 3 ? VerbBase(Stem(w)) : null).ToArray();
        for (var at = Math.Max(0, from); at + phrase.Length - 1 <= to && at + phrase.Length <= tokens.Count; at++)
        {
            var match = true;
            for (var k = 0; k < phrase.Length && match; k++)
            {
                // "recalling" for a metric of vehicles "recalled", "culled" for "cull".
                match = tokens[at + k].Word == phrase[k] || (phraseBases[k] is { } phraseBase && bases[at + k] == phraseBase);
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

    /// <summary>The tokens a figure may claim ([From, To]), its own tokens ([First, Last]) and, per token, how many words that count for distance come before it.</summary>
    private readonly record struct Window(int From, int To, int First, int Last, int[] ContentBefore)
    {
        public bool Overlaps(int from, int to) => from <= Last && to >= First;

        /// <summary>How many words that count for distance stand between [from, to] and the figure.</summary>
        public int Distance(int from, int to) => from > Last ? ContentBefore[from] - ContentBefore[Last + 1] : ContentBefore[First] - ContentBefore[to + 1];
    }

    // Verbs that only link a quantity's name to its number ("stood at", "rose to", "put … at").
    private static readonly HashSet<string> LinkingVerbs = new(StringComparer.Ordinal)
    {
        "be", "stood", "stands", "reached", "reaches", "rose", "rises", "risen", "fell", "falls", "fallen", "climbed", "jumped", "dropped",
        "totalled", "totaled", "totals", "came", "comes", "put", "puts", "coming", "current", "latest", "so", "far", "now", "still", "will", "would",
    };

    private static bool IsLinkingWord(string word) => word.Length > 0 && (DefaultKeywords.IsStopWord(word) || LinkingVerbs.Contains(word));

    private sealed record Entry(MetricCandidate Metric, IReadOnlyList<string[]> Phrases, IReadOnlySet<string> Countable, IReadOnlySet<string> Head, IReadOnlyList<string> Topic, IReadOnlyDictionary<string, double> NameWords, string? Dimension);
}
