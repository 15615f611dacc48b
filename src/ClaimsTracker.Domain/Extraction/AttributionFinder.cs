using System.Text.RegularExpressions;
using ClaimsTracker.Domain.Sources;

namespace ClaimsTracker.Domain.Extraction;

/// <summary>How a name takes part in a statement.</summary>
public enum AttributionRole
{
    /// <summary>Makes the claim: "X said", "according to X", "per X".</summary>
    Source,
    /// <summary>Passes it on: "told X", "via X", "X, citing Y".</summary>
    Relay,
}

/// <summary>A source or relay named in a sentence; offsets are within the sentence.</summary>
public sealed record Attribution(int Start, int End, AttributionRole Role, string Name, int? SourceId, string Evidence, bool IsPerson)
{
    /// <summary>The relay named with this source ("X told AFP"), if any.</summary>
    public Attribution? Relay { get; init; }
}

/// <summary>
/// Finds who said what in a sentence: "X said", "said X", "according to X", "X told AFP",
/// "X announced/estimates/reported/confirmed", "citing X", "via X", "per X", "X's spokesman Y",
/// and pronouns ("he said", "the agency said") resolved to earlier sources. Names are matched to
/// the catalogue by <see cref="NameKey"/> over names and aliases; unknown names keep their words.
/// </summary>
public sealed class AttributionFinder
{
    private const RegexOptions Flags = RegexOptions.CultureInvariant;
    private const string NamePart = @"[^,;:!?“”""()\n]{1,90}?";

    private const string SourceVerbs = "said|says|say|told|tells|announced|announces|estimated|estimates|estimate|confirmed|confirms|claimed|claims|stated|states|wrote|writes|added|adds|noted|notes|warned|warns|believes|believe|assessed|assesses|revealed|reveals|disclosed|discloses|showed|shows|show|released|published|insisted|insists|explained|acknowledged|admitted|forecast|forecasts|projected|projects|predicted|predicts|expected|expects|counted|counts";
    private const string ReporterVerbs = "reported|reports|report";

    private static readonly Regex SubjectVerb = new(
        $@"(?<anchor>^|[,;:—–(]\s*|[”""’]\s*|(?<![\p{{L}}])(?:that|and|but|while|as|which|who|whereas)\s+)(?=\S)(?!(?:and|but|while|that|as|which|who|whereas)\s)(?<x>{NamePart})\s+(?:(?:has|had|have|also|previously|earlier|later|then|now|further|separately|again)\s+)*(?<verb>{SourceVerbs}|{ReporterVerbs})(?![\p{{L}}])",
        Flags);

    private static readonly Regex Inverted = new(
        $@"(?:^|[,;”""’]\s*)(?<verb>said|says|added|adds|wrote|writes|stated)\s+(?<x>[^,;:!?“”""()\n]{{1,90}}?)(?=\s*(?:[,;:!?”""()]|\.(?:\s|$)|$))",
        Flags);

    private static readonly Regex Phrase = new(
        $@"(?<![\p{{L}}])(?<kind>according\s+to|citing|quoting|via|per|reported\s+by|cited\s+by|quoted\s+by|in\s+an\s+interview\s+with)\s+(?<x>[^,;:!?“”""()\n]{{1,90}}?)(?=\s*(?:[,;:!?”""()]|\.(?:\s|$)|$))",
        Flags);

    // "Lee Seong-kweun, a member of the committee, said": the name before the apposition speaks.
    private static readonly Regex Appositive = new(
        $@"(?:^|[,;:]\s*)(?<x>\p{{Lu}}[^,;:!?“”""()\n]{{0,60}}?),\s+(?:a|an|the|its|his|her)\s+[^,;:!?“”""()\n]{{1,80}}?,\s+(?<verb>{SourceVerbs}|{ReporterVerbs})(?![\p{{L}}])",
        Flags);

    private static readonly Regex CapitalisedRun = new(@"(?<![\p{L}])\p{Lu}[\p{L}\p{M}.\-]*(?:\s+(?:(?:of|for|the)\s+)?\p{Lu}[\p{L}\p{M}.\-]*)*(?:['’]s)?", Flags);

    private static readonly Regex ToldRelay = new(@"\G\s+(?<y>(?:the\s+)?\p{Lu}[\p{L}\p{M}.\-]*(?:\s+\p{Lu}[\p{L}\p{M}.\-]*)*)", Flags);
    private static readonly Regex CitedBy = new(@"^(?<x>.+?)\s+(?:polled|surveyed|interviewed|quoted|cited|contacted)\s+by\s+(?<y>.+)$", Flags);
    private static readonly Regex DataFrom = new(@"^(?:figures|data|statistics|numbers|estimates|a\s+report|a\s+statement|a\s+survey)\s+(?:from|by|of)\s+", Flags | RegexOptions.IgnoreCase);
    private static readonly Regex Anaphor = new(@"^(?:the|this|that)\s+(agency|official|ministry|service|force|office|spokesman|spokeswoman|spokesperson|organisation|organization|group|army|military|bank|commission|committee|department|president|minister|governor|company|ambassador|envoy|statement|report)$", Flags | RegexOptions.IgnoreCase);
    private static readonly Regex Possessive = new(@"^(?<owner>\p{Lu}[\p{L}\s]*?)['’]s\s+(?<rest>.+)$", Flags);

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase) { "the", "a", "an", "its", "their", "his", "her" };
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "for", "the", "de", "al", "von", "van", "bin", "on" };
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase) { "dr", "mr", "mrs", "ms", "prof", "sir" };

    private static readonly HashSet<string> Heads = new(StringComparer.OrdinalIgnoreCase)
    {
        "official", "officials", "spokesman", "spokeswoman", "spokesperson", "ministry", "agency", "service", "office", "police",
        "authorities", "commission", "committee", "governor", "minister", "headquarters", "diplomats", "economists", "analysts",
        "experts", "rescuers", "doctors", "survivor", "survivors", "witness", "witnesses", "residents", "sources", "force",
        "military", "army", "government", "governments", "council", "staff", "groups", "bank", "president", "chief", "commander", "mayor",
        "lawmakers", "lawmaker", "officer", "prosecutors", "investigators", "researchers", "scientists", "observers", "monitors",
        "intelligence", "command", "administration", "department", "secretary", "ambassador", "envoy", "leader", "leaders",
        "medics", "volunteers", "firefighters", "coastguard", "operator", "regulator", "statistics",
    };

    private static readonly HashSet<string> PersonHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "official", "spokesman", "spokeswoman", "spokesperson", "governor", "minister", "president", "chief", "commander", "mayor",
        "lawmaker", "officer", "survivor", "witness", "doctor", "secretary", "ambassador", "envoy", "leader",
    };

    private static readonly HashSet<string> OrganisationWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "service", "agency", "intelligence", "ministry", "office", "force", "forces", "staff", "news", "directorate", "bank", "post",
        "press", "committee", "council", "department", "government", "governments", "headquarters", "commission", "army", "military",
        "chiefs", "network", "presse", "treasury", "police", "group", "groups", "authorities", "officials", "command", "institute",
        "organisation", "organization", "nations", "house", "kremlin", "pentagon", "ministry", "union", "fund", "programme", "program",
    };

    // Capitalised words that open a clause rather than a name ("In Kyiv, the ministry said").
    private static readonly HashSet<string> ClauseOpeners = new(StringComparer.Ordinal)
    {
        "In", "On", "At", "By", "For", "From", "After", "Before", "But", "And", "As", "When", "While", "With", "Since", "During",
        "Meanwhile", "However", "Also", "Earlier", "Later", "Last", "This", "That", "It", "He", "She", "They", "There", "Some", "Many",
    };

    private readonly Dictionary<string, SourceCandidate> byKey = new(StringComparer.Ordinal);

    public AttributionFinder(IReadOnlyList<SourceCandidate> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        foreach (var source in sources.OrderBy(s => s.Id))
        {
            foreach (var name in source.Aliases.Prepend(source.Name))
            {
                byKey.TryAdd(NameKey.From(name), source);
            }
        }
    }

    /// <summary>
    /// The sources and relays of <paramref name="sentence"/>, in order. <paramref name="earlier"/>
    /// holds the sources of the sentences before it (oldest first), for pronouns.
    /// </summary>
    public IReadOnlyList<Attribution> Find(string sentence, IReadOnlyList<Attribution> earlier)
    {
        var raw = new List<Raw>();
        foreach (Match m in SubjectVerb.Matches(sentence))
        {
            AddSubject(sentence, m, raw);
        }

        foreach (Match m in Appositive.Matches(sentence))
        {
            var x = m.Groups["x"];
            if (IsProperName(x.Value.Trim()) && !raw.Any(r => r.Start < m.Index + m.Length && m.Index < r.End))
            {
                var verb = m.Groups["verb"];
                raw.Add(new Raw(x.Index, verb.Index + verb.Length, x.Value.Trim(), m.Value.TrimStart(',', ';', ':', ' '), Kind.Direct) { CommaAnchored = true });
            }
        }

        foreach (Match m in Inverted.Matches(sentence))
        {
            var x = m.Groups["x"];
            var name = IsPronoun(x.Value) ? x.Value : TrimName(x.Value) is { } trimmed && trimmed.Length >= x.Value.Trim().Length - 1 ? trimmed : null;
            if (name is not null && !raw.Any(r => r.Start < x.Index + x.Length && x.Index < r.End))
            {
                raw.Add(new Raw(x.Index, x.Index + x.Length, name, m.Value.TrimStart(',', ';', '”', '"', '’', ' '), Kind.Direct));
            }
        }

        foreach (Match m in Phrase.Matches(sentence))
        {
            var x = m.Groups["x"];
            var kind = m.Groups["kind"].Value.ToLowerInvariant() switch
            {
                var k when k.StartsWith("according", StringComparison.Ordinal) => Kind.According,
                "citing" or "quoting" => Kind.Cited,
                "per" => Kind.Direct,
                var k when k.StartsWith("reported", StringComparison.Ordinal) => Kind.Reporter,
                _ => Kind.Relay,
            };
            if (TrimName(x.Value) is { } name)
            {
                raw.Add(new Raw(m.Index, m.Index + m.Length, name, m.Value, kind));
            }
        }

        raw.Sort((a, b) => a.Start.CompareTo(b.Start));
        return Combine(sentence, raw, earlier);
    }

    private static void AddSubject(string sentence, Match m, List<Raw> raw)
    {
        var x = m.Groups["x"];
        var verb = m.Groups["verb"].Value;
        var anchor = m.Groups["anchor"].Value;
        var text = x.Value.Trim();
        string? relayName = null;
        if (CitedBy.Match(text) is { Success: true } cited)
        {
            text = cited.Groups["x"].Value;
            relayName = cited.Groups["y"].Value;
        }

        text = DataFrom.Replace(text, string.Empty);

        var name = IsPronoun(text) || Anaphor.IsMatch(text) ? text : TrimName(text) is { } trimmed && trimmed.Length >= text.Length - 1 ? trimmed : null;
        if (name is null)
        {
            return;
        }

        var kind = verb is "reported" or "reports" or "report" ? Kind.Reporter : Kind.Direct;
        var end = m.Index + m.Length;
        if (verb is "told" or "tells" && ToldRelay.Match(sentence, end) is { Success: true } told)
        {
            relayName = told.Groups["y"].Value;
            end += told.Length;
        }

        var followedByThat = Regex.IsMatch(sentence[end..Math.Min(sentence.Length, end + 40)], @"^(?:\s+\p{L}+){0,4}?\s+that\b", Flags);
        raw.Add(new Raw(x.Index, end, name, sentence[x.Index..end], kind)
        {
            RelayName = relayName,
            CommaAnchored = anchor.StartsWith(','),
            FramesClause = followedByThat,
        });
    }

    private List<Attribution> Combine(string sentence, List<Raw> raw, IReadOnlyList<Attribution> earlier)
    {
        var resolved = new List<(Raw Raw, Attribution Attribution)>();
        var history = earlier.ToList();
        foreach (var r in raw)
        {
            var attribution = Resolve(r, history);
            if (attribution is null)
            {
                continue;
            }

            if (r.RelayName is { } relayName && ResolveName(relayName) is (string relay, var relayId))
            {
                attribution = attribution with { Relay = new Attribution(r.Start, r.End, AttributionRole.Relay, relay, relayId, relayName, false) };
            }

            resolved.Add((r, attribution));
            history.Add(attribution);
        }

        var hasDirect = resolved.Any(p => p.Raw.Kind is Kind.Direct or Kind.According);
        var result = new List<Attribution>();
        for (var i = 0; i < resolved.Count; i++)
        {
            var (r, a) = resolved[i];
            var role = r.Kind switch
            {
                Kind.Relay => AttributionRole.Relay,
                Kind.Reporter => resolved.Any(p => p.Raw != r && p.Raw.Kind != Kind.Relay) ? AttributionRole.Relay : AttributionRole.Source,
                // "X said, according to Yonhap": the outlet passed on what X said.
                Kind.According => resolved.Take(i).Any(p => p.Raw.Kind == Kind.Direct) ? AttributionRole.Relay : AttributionRole.Source,
                _ => AttributionRole.Source,
            };

            if (r.Kind == Kind.Cited)
            {
                // "CNN reported, citing officials": the officials are the source and CNN the relay, unless someone else is quoted directly.
                var citer = resolved.Take(i).LastOrDefault(p => p.Raw.Kind is Kind.Direct or Kind.Reporter);
                if (citer.Attribution is not null)
                {
                    var index = result.FindIndex(x => ReferenceEquals(x, citer.Attribution) || x.Start == citer.Attribution.Start);
                    if (index >= 0)
                    {
                        result[index] = result[index] with { Role = AttributionRole.Relay };
                    }
                }
                else if (CitingSubject(sentence, r.Start) is { } subject && ResolveName(subject) is (string subjectName, var subjectId))
                {
                    result.Add(new Attribution(r.Start, r.Start, AttributionRole.Relay, subjectName, subjectId, subject, false));
                }

                var otherDirect = resolved.Any(p => p.Raw.Kind is Kind.Direct or Kind.According && p.Raw != citer.Raw);
                if (otherDirect)
                {
                    continue;
                }
            }

            // "The NIS told lawmakers that 300 …, Lee said": the trailing speaker relays the first.
            if (role == AttributionRole.Source && r.Kind == Kind.Direct && r.CommaAnchored && i == resolved.Count - 1
                && resolved.Take(i).Any(p => p.Raw.Kind == Kind.Direct && p.Raw.FramesClause && p.Attribution.Name != a.Name))
            {
                role = AttributionRole.Relay;
            }

            result.Add(a with { Role = role });
        }

        return result;
    }

    private Attribution? Resolve(Raw r, List<Attribution> history)
    {
        var text = r.Name.Trim();
        var lower = text.ToLowerInvariant();
        Attribution? antecedent = null;
        if (lower is "he" or "she")
        {
            antecedent = history.LastOrDefault(h => h.IsPerson && h.Role == AttributionRole.Source);
        }
        else if (lower is "it")
        {
            antecedent = history.LastOrDefault(h => !h.IsPerson && h.Role == AttributionRole.Source);
        }
        else if (lower is "they" or "we")
        {
            antecedent = history.LastOrDefault(h => h.Role == AttributionRole.Source);
        }
        else if (Anaphor.Match(text) is { Success: true } anaphor)
        {
            var head = anaphor.Groups[1].Value;
            var sources = history.Where(h => h.Role == AttributionRole.Source).ToList();
            antecedent = sources.LastOrDefault(h => h.Name.Contains(head, StringComparison.OrdinalIgnoreCase) || h.Evidence.Contains(head, StringComparison.OrdinalIgnoreCase))
                ?? sources.LastOrDefault(h => h.IsPerson == PersonHeads.Contains(head));
        }
        else
        {
            if (ResolveName(text) is not (string name, var id))
            {
                return null;
            }

            return new Attribution(r.Start, r.End, AttributionRole.Source, name, id, r.Evidence, IsPerson(text, name));
        }

        return antecedent is null
            ? null
            : new Attribution(r.Start, r.End, AttributionRole.Source, antecedent.Name, antecedent.SourceId, r.Evidence, antecedent.IsPerson) { Relay = antecedent.Relay };
    }

    /// <summary>
    /// Catalogue sources named anywhere in a sentence, speaking or not ("Zelensky visited the
    /// front."), so that a later "he said" can find them.
    /// </summary>
    public IReadOnlyList<Attribution> Mentions(string sentence)
    {
        var found = new List<Attribution>();
        foreach (Match m in CapitalisedRun.Matches(sentence))
        {
            var words = m.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            if (words.Count > 0 && ClauseOpeners.Contains(words[0]))
            {
                words.RemoveAt(0);
            }

            var text = string.Join(' ', words);
            if (text.Length > 0 && !ClauseOpeners.Contains(text) && ResolveName(text) is (string name, int id))
            {
                found.Add(new Attribution(m.Index, m.Index + m.Length, AttributionRole.Source, name, id, m.Value, IsPerson(text, name)));
            }
        }

        return found;
    }

    /// <summary>The catalogue source a name refers to, trying titles and possessives off; unknown names come back cleaned with a null id.</summary>
    public (string Name, int? Id)? ResolveName(string written)
    {
        var words = written.Trim().TrimEnd('.').Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        if (Lookup(string.Join(' ', words)) is { } whole)
        {
            return (whole.Name, whole.Id);
        }

        while (words.Count > 1 && (Determiners.Contains(words[0]) || Titles.Contains(words[0].TrimEnd('.'))))
        {
            words.RemoveAt(0);
        }

        var cleaned = string.Join(' ', words);
        for (var skip = 0; skip < words.Count; skip++)
        {
            var suffix = string.Join(' ', words.Skip(skip));
            if (Lookup(suffix) is { } found)
            {
                return (found.Name, found.Id);
            }

            // "Ukraine's Security Service" is the "Security Service of Ukraine".
            if (Possessive.Match(suffix) is { Success: true } possessive
                && Lookup($"{possessive.Groups["rest"].Value} of {possessive.Groups["owner"].Value}") is { } owned)
            {
                return (owned.Name, owned.Id);
            }
        }

        // "Zelensky" alone: the surname of exactly one catalogue name.
        if (words.Count == 1 && char.IsUpper(words[0][0]))
        {
            var key = NameKey.From(words[0]);
            var bySurname = byKey.Where(p => p.Key.EndsWith(" " + key, StringComparison.Ordinal)).Select(p => p.Value).Distinct().ToList();
            if (bySurname.Count == 1)
            {
                return (bySurname[0].Name, bySurname[0].Id);
            }
        }

        // "the Kremlin's spokesman Dmitry Peskov": the person after the title.
        var title = words.FindLastIndex(w => PersonHeads.Contains(w.TrimEnd('.')));
        if (title >= 0 && title < words.Count - 1 && words.Skip(title + 1).All(w => char.IsUpper(w[0])))
        {
            cleaned = string.Join(' ', words.Skip(title + 1));
        }

        return NameKey.From(cleaned).Length == 0 ? null : (cleaned, null);
    }

    private SourceCandidate? Lookup(string name) => byKey.GetValueOrDefault(NameKey.From(name));

    private static bool IsPerson(string written, string name)
    {
        var words = (written + " " + name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', ',', '\'', '’')).ToList();
        if (words.Any(w => OrganisationWords.Contains(w) || w.EndsWith("'s", StringComparison.Ordinal) && OrganisationWords.Contains(w[..^2])))
        {
            return false;
        }

        if (words.Any(PersonHeads.Contains))
        {
            return true;
        }

        var nameWords = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return nameWords.Length is >= 2 and <= 4 && nameWords.All(w => char.IsUpper(w[0]) && w.Any(char.IsLower));
    }

    /// <summary>The name-like words of a phrase ("the provincial governor", "Ukraine's General Staff"), or null when it is not a name.</summary>
    private static string? TrimName(string phrase)
    {
        var words = phrase.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = new List<string>();
        var sawName = false;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            var bare = word.TrimEnd('.');
            if (kept.Count == 0 && Determiners.Contains(word))
            {
                kept.Add(word);
                continue;
            }

            if (bare.Length == 0 || bare.Any(char.IsDigit))
            {
                break;
            }

            if (char.IsUpper(bare[0]))
            {
                if (kept.Count == 0 && ClauseOpeners.Contains(bare))
                {
                    return null;
                }

                kept.Add(word);
                sawName = true;
                continue;
            }

            var headAhead = words.Skip(i).Take(3).Any(w => Heads.Contains(w.TrimEnd('.')));
            if (Heads.Contains(bare) || headAhead && !Connectors.Contains(bare) || sawName && Connectors.Contains(bare) && i + 1 < words.Length && char.IsUpper(words[i + 1][0]))
            {
                kept.Add(word);
                sawName |= Heads.Contains(bare);
                continue;
            }

            break;
        }

        while (kept.Count > 0 && (Connectors.Contains(kept[^1]) || Determiners.Contains(kept[^1])))
        {
            kept.RemoveAt(kept.Count - 1);
        }

        if (!sawName || kept.Count == 0 || kept.Count > 9)
        {
            return null;
        }

        return string.Join(' ', kept);
    }

    private static bool IsPronoun(string text) => text.ToLowerInvariant() is "he" or "she" or "it" or "they" or "we";

    private static bool IsProperName(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 1 and <= 5 && !ClauseOpeners.Contains(words[0])
            && words.All(w => char.IsUpper(w[0]) || Connectors.Contains(w)) && !words.Any(w => w.Any(char.IsDigit));
    }

    // "Yonhap, citing the JCS, said": the name just before ", citing".
    private static string? CitingSubject(string sentence, int citingAt)
    {
        var end = citingAt;
        while (end > 0 && (char.IsWhiteSpace(sentence[end - 1]) || sentence[end - 1] == ','))
        {
            end--;
        }

        var start = sentence.LastIndexOfAny([',', ';', ':', '.'], Math.Max(0, end - 1)) + 1;
        var text = sentence[start..end].Trim();
        return IsProperName(text) ? text : null;
    }

    private enum Kind { Direct, Reporter, According, Cited, Relay }

    private sealed record Raw(int Start, int End, string Name, string Evidence, Kind Kind)
    {
        public string? RelayName { get; init; }
        public bool CommaAnchored { get; init; }
        public bool FramesClause { get; init; }
    }
}
