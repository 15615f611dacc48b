using ClaimsTracker.Domain.Claims;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Figures.Normalisation;
using ClaimsTracker.Domain.Sources;
using System.Text.RegularExpressions;

namespace ClaimsTracker.Domain.Extraction;

/// <summary>
/// Proposes claims from a pasted article: one proposal per sentence carrying figures (per speaker
/// when a sentence quotes several), with a metric, a time and a source suggested for each figure.
/// Deterministic: rules and the catalogues only, no model, no network. docs/extraction.md has the patterns.
/// </summary>
public sealed partial class ClaimExtractor
{
    private static readonly Regex SpeechTimePattern = new(@"\b(?:said|says|told|announced|stated|added|wrote|reported|confirmed|claimed)\s+(?:on\s+|last\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex ComparedPattern = new(@"\b(?:from|than|against|versus|vs\.?|compared\s+(?:with|to)|(?:figure|estimate|count|tally|total|toll|number|forecast|projection|guidance)\s+of)\s+(?:(?:the|a|an|its|their|his|her)\s+)?(?:[\w.-]+(?:'s|’s)\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex OwnerPattern = new(@"\b(?:the|a|an)\s+(?:[\w-]+\s+){0,3}[\w-]+(?:'s|’s)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex ClauseEndPattern = new(@"^\s*(?:[,.;:)—–]|$)", RegexOptions.CultureInvariant);
    private static readonly Regex TheFigurePattern = new(@"\b(?:the|its|their|his|her|that)\s+(?:figure|number|toll|total|count|tally|estimate)\s+(?:at|to|of|was|is|as|stood\s+at|reached)\s+$|\bput\s+it\s+at\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex OfThemPattern = new(@"^\s+of\s+(?:them|those|these)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // "The health department confirmed the figure", "X has since corroborated the toll": a figure vouched for without being repeated.
    private static readonly Regex ConfirmsEarlierFigure = new(
        @"\b(?:confirmed|confirms|confirm|corroborated|corroborates|verified|verifies|endorsed|endorses|backed|backs|accepted|accepts|matched|matches|repeated|repeats|echoed|echoes|gave\s+the\s+same|stood\s+by|stands\s+by|agreed\s+with|agrees\s+with)\s+(?:the|that|this|those|these|its|their|his|her|the\s+same)\s+(?:[\p{Ll}\-]+\s+){0,2}?(?<what>figures?|tolls?|numbers?|counts?|tally|tallies|totals?|estimates?)\b(?!\s+of\s)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // "61.4%, a figure the electoral commission later confirmed": the body named after the figure vouches for it.
    private static readonly Regex FigureLaterConfirmed = new(
        @"^[^,;.!?]{0,40},\s*(?:a|the)\s+(?:figure|number|toll|total|count|tally|estimate)\s+(?:that\s+|which\s+)?(?<who>[^,;:.!?“”""()]{2,70}?)\s+(?:has\s+|had\s+|have\s+|later\s+|also\s+|since\s+|subsequently\s+|independently\s+|then\s+)*(?:confirmed|corroborated|verified|endorsed|matched|backed|accepted)\b",
        RegexOptions.CultureInvariant);

    private static readonly Regex PrecedingOwnedGap = new(@"^(?:\s+[\p{Ll}\-]+){0,2}\s+(?:that\s+)?$", RegexOptions.CultureInvariant);
    private static readonly Regex ContrastingClause = new(@",\s+(?:while|whereas|but|although)\s", RegexOptions.CultureInvariant);

    private readonly FigureFinder figureFinder;

    public ClaimExtractor(FigurePhraseParser parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        figureFinder = new FigureFinder(parser);
    }

    public ClaimExtractor()
        : this(new FigurePhraseParser())
    {
    }

    public IReadOnlyList<ClaimProposal> Propose(string text, ExtractionContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);

        var metrics = new MetricSuggester(context.Metrics);
        var attributions = new AttributionFinder(context.Sources);
        var documentWords = MetricSuggester.Tokenize(text).Select(t => t.Word).ToHashSet(StringComparer.Ordinal);
        var history = new List<Attribution>();
        var proposals = new List<ClaimProposal>();
        var lastMetric = new Dictionary<FigureKind, MetricSuggestion>();
        Attribution? lastQuoted = null;
        var spokenFor = new Dictionary<string, Attribution>(StringComparer.Ordinal);
        var lastFigureSentenceEnd = -1;
        Attribution? accountGoingOn = null;

        foreach (var span in SentenceSplitter.Split(text))
        {
            var sentence = text[span.Start..span.End];
            var times = TimePhraseFinder.Find(sentence, context.PublishedOn);
            var speakers = attributions.Find(sentence, history);
            // "“If that is right, 250 are missing.”" right after a quote with its speaker: the quote goes on.
            if (lastQuoted is not null && IsQuoteOnly(sentence) && !speakers.Any(a => a.Role == AttributionRole.Source))
            {
                speakers = [.. speakers, lastQuoted with { Start = 0, End = 0, Evidence = $"quote continued from {lastQuoted.Evidence}" }];
            }

            lastQuoted = sentence.IndexOfAny(['“', '"', '”']) >= 0 && speakers.Where(a => a.Role == AttributionRole.Source && !a.OwnsFollowingFigure).ToList() is [var quoted] ? quoted : null;
            // "The owners of Kelso Athletic said": the club inside a speaker's description stays known, so "the club said" finds it.
            history.AddRange(attributions.Mentions(sentence)
                .Where(m => !speakers.Any(s => s.Start < m.End && m.Start < s.End && (m.IsPerson || s.Name == m.Name || s.Role != AttributionRole.Source)))
                .Concat(speakers.Where(a => a.Role == AttributionRole.Source))
                .OrderBy(a => a.Start));

            var figures = figureFinder.Find(sentence, times, context.Language, text);
            if (figures.Count == 0)
            {
                if ((Corroboration(text, span, sentence, speakers, proposals) ?? SpeakerForTheBody(text, span, sentence, speakers, proposals, lastFigureSentenceEnd)) is { } corroboration)
                {
                    proposals.Add(corroboration);
                }

                continue;
            }

            // "Harrowgate swung to a loss of £184m, the insurer disclosed. Its combined ratio worsened to 108.4%.": a sentence
            // naming nobody, in the same paragraph, goes on with the account of the one speaker of the sentence before.
            var continued = accountGoingOn is not null && speakers.Count == 0 && !text[lastFigureSentenceEnd..span.Start].Contains('\n', StringComparison.Ordinal)
                && ContinuesAccount().Match(sentence) is { Success: true } opener && (!accountGoingOn.IsPerson || opener.Groups["document"].Success)
                ? accountGoingOn with { Start = 0, End = 0, Evidence = $"goes on from {accountGoingOn.Evidence}", Relay = null }
                : null;
            lastFigureSentenceEnd = span.End;
            var laterConfirmed = LaterConfirmed(sentence, figures, attributions);
            // The body that vouches for one figure speaks for no other.
            speakers = laterConfirmed is not { } vouching ? speakers : speakers.Where(a => !(a.Start < vouching.End && vouching.Start < a.End)).ToList();

            // "Police said about 30,000 had taken part": the speaker's name says who, not what is counted.
            var speakerNames = speakers.SelectMany(a => NameWordsIn(sentence, a)).ToList();
            var suggestions = metrics.Suggest(sentence, figures.Select(f => new FigureSpan(f.Figure.Start, f.Figure.End, f.Figure.Kind, f.Figure.Unit)).ToList(), documentWords, speakerNames);
            var groups = new List<(Attribution? Source, Attribution? Relay, List<FigureProposal> Figures)>();
            for (var i = 0; i < figures.Count; i++)
            {
                var found = figures[i];
                var suggestion = suggestions[i] ?? FromEarlier(sentence, figures, suggestions, i) ?? OfThem(sentence, found, lastMetric) ?? TheFigureAgain(sentence, found, lastMetric);
                if (suggestion is { } chosen)
                {
                    lastMetric[found.Figure.Kind] = chosen;
                }

                var (time, timeEvidence) = TimeOf(sentence, found, figures, times);
                var figure = found.Figure with { Start = found.Figure.Start + span.Start, End = found.Figure.End + span.Start };
                var proposal = new FigureProposal(figure, suggestion?.Metric.Id, suggestion?.Evidence, time, timeEvidence, found.Date)
                {
                    NewMetric = suggestion is null ? NewMetricNamer.For(sentence, found.Figure) : null,
                    MetricScore = suggestion?.Score ?? 0,
                    Incidental = found.Incidental,
                };

                // "Shares fell 18% after the company warned …": a speaker opening a later clause does not reach back.
                var reaching = speakers.Where(a => (!a.SpeaksForward || a.Start <= found.Figure.Start) && !(a.ReachEnd <= found.Figure.Start)).ToList();
                var source = OwnerOf(sentence, speakers, found.Figure)
                    ?? Nearest(sentence, reaching.Where(a => a.Role == AttributionRole.Source && !a.OwnsFollowingFigure && !a.OwnsPrecedingFigure), found.Figure)
                    ?? continued;
                var relay = source?.Relay ?? Nearest(sentence, reaching.Where(a => a.Role == AttributionRole.Relay), found.Figure);
                // Nobody passes on their own claim.
                if (relay is not null && source is not null && NameKey.From(relay.Name) == NameKey.From(source.Name))
                {
                    relay = null;
                }

                var group = groups.FindIndex(g => Same(g.Source, source) && Same(g.Relay, relay));
                if (group < 0)
                {
                    groups.Add((source, relay, [proposal]));
                }
                else
                {
                    groups[group].Figures.Add(proposal);
                }
            }

            accountGoingOn = groups.Select(g => g.Source).Distinct().ToList() is [{ } only] && groups.All(g => g.Relay is null) ? only : null;
            var quote = QuoteAnchoring.At(text, span.Start, span.End - span.Start);
            foreach (var (source, relay, list) in groups)
            {
                proposals.Add(new ClaimProposal(
                    quote,
                    source?.Name,
                    source?.SourceId,
                    source?.Evidence,
                    relay?.Name,
                    relay?.SourceId,
                    relay?.Evidence,
                    list,
                    Confidence(source, list)));
            }

            // "health ministry spokesperson Thandie Kalua said 12": the ministry speaks through her, so it
            // holds the figure too and person and body stand in one camp.
            foreach (var (source, relay, list) in groups)
            {
                // Once a person is introduced as speaking for a body, "she said" later in the report speaks for it too.
                var body = source is { IsPerson: true } ? BodySpokenFor(sentence, source, history, attributions) ?? spokenFor.GetValueOrDefault(source.Name) : null;
                // The day a person spoke is theirs alone; a date they give for what happened ("the first case dated back to September 29") is the body's too.
                bool SpeaksFor(FigureProposal f) => f.Figure.Kind is not (FigureKind.Date or FigureKind.Year)
                    || f.Figure.Kind == FigureKind.Date && !SpeechTimePattern.IsMatch(text[..f.Figure.Start]);
                if (source is not null && body is not null && body.Name != source.Name && list.Any(SpeaksFor))
                {
                    spokenFor[source.Name] = body;
                    var counts = list.Where(SpeaksFor).ToList();
                    proposals.Add(new ClaimProposal(quote, body.Name, body.SourceId, body.Evidence, relay?.Name, relay?.SourceId, relay?.Evidence, counts, Confidence(body, counts))
                    {
                        Corroborates = true,
                    });
                }
            }

            if (laterConfirmed is { } confirmed)
            {
                var figure = groups.SelectMany(g => g.Figures).First(f => f.Figure.Start == confirmed.Figure.Figure.Start + span.Start);
                var stated = proposals.Last(p => p.Figures.Contains(figure));
                if (stated.SourceName != confirmed.Source.Name)
                {
                    proposals.Add(new ClaimProposal(quote, confirmed.Source.Name, confirmed.Source.SourceId, confirmed.Source.Evidence, null, null, null, [figure], Confidence(confirmed.Source, [figure]))
                    {
                        Corroborates = true,
                    });
                }
            }
        }

        // A corroboration adds a source; one that a sentence already gives that source is no news (and one key per quote and source).
        proposals = proposals.Where((p, i) => !p.Corroborates || !proposals.Where((q, j) => j != i && (!q.Corroborates || j < i)).Any(q => q.Quote.Start == p.Quote.Start && q.SourceName == p.SourceName)).ToList();
        return WithNamedBodies(text, WithFullNames(proposals));
    }

    /// <summary>
    /// "The roads regulator says … the Toll Road Regulatory Authority said": wire copy opens with what a body is and
    /// names it further down. A description the catalogue does not know takes the name of a body named after it that
    /// the description fits: one whose name carries each of the description's words ("roads regulator", "Road …
    /// Regulatory"), or one the text introduces by it ("operator Tollnet Ridgeway").
    /// </summary>
    private static List<ClaimProposal> WithNamedBodies(string text, List<ClaimProposal> proposals)
    {
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < proposals.Count; i++)
        {
            if (proposals[i] is not { SourceId: null, SourceName: { } description } || renamed.ContainsKey(description)
                || AttributionFinder.DescribedBodyHead(description) is not { } head)
            {
                continue;
            }

            // "regulator" is in "Regulatory", "roads" in "Road"; "health ministry" is not the "Ministry of Defence".
            var stems = description.Split(" of ", 2, StringSplitOptions.None)[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => w[..Math.Min(w.Length, w == head ? 5 : 4)]).ToList();
            var later = proposals.Skip(i + 1).Select(p => p.SourceName).OfType<string>().Where(n => char.IsUpper(n[0]) && AttributionFinder.DescribedBodyHead(n) is null).Distinct(StringComparer.Ordinal).ToList();
            var named = later.FirstOrDefault(n => stems.All(stem => n.Split(' ').Any(w => w.StartsWith(stem, StringComparison.OrdinalIgnoreCase))))
                ?? later.FirstOrDefault(n => text.Contains($"{head} {n}", StringComparison.Ordinal) || text.Contains($"{head}, {n}", StringComparison.Ordinal));
            if (named is not null)
            {
                renamed[description] = named;
            }
        }

        return renamed.Count == 0
            ? proposals
            : proposals.Select(p => p.SourceId is null && p.SourceName is { } n && renamed.TryGetValue(n, out var name) ? p with { SourceName = name } : p).ToList();
    }

    /// <summary>
    /// "Hussain said" after "Babar Hussain, a ministry spokesman, …": a surname alone is the one
    /// person of the report whose name ends with it, so one person stays one source.
    /// </summary>
    private static List<ClaimProposal> WithFullNames(List<ClaimProposal> proposals)
    {
        var fullNames = proposals.SelectMany(p => new[] { p.SourceName, p.RelayName })
            .OfType<string>()
            .Where(n => n.Contains(' ', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        string? Full(string? name)
        {
            if (name is null || name.Contains(' ', StringComparison.Ordinal) || name.Length < 3 || !char.IsUpper(name[0]))
            {
                return name;
            }

            var holders = fullNames.Where(f => f.EndsWith(" " + name, StringComparison.Ordinal)).ToList();
            return holders.Count == 1 ? holders[0] : name;
        }

        return proposals.Select(p => p.SourceId is null && Full(p.SourceName) != p.SourceName || p.RelayId is null && Full(p.RelayName) != p.RelayName
            ? p with { SourceName = p.SourceId is null ? Full(p.SourceName) : p.SourceName, RelayName = p.RelayId is null ? Full(p.RelayName) : p.RelayName }
            : p).ToList();
    }

    private const string SpeaksForRole = @"(?:spokesman|spokeswoman|spokesperson|chairman|chairwoman|chairperson|chair|director|director-general|director\s+general|head|chief\s+executive|general\s+secretary|secretary-general|secretary\s+general)";

    // "health ministry spokesperson (Inspector) Thandie Kalua": the body's words, then the role, right before the name.
    private static readonly Regex RoleBeforeName = new(
        @"(?<![\p{L}])(?<body>(?:[\p{L}'’\-]+\s+){1,4}?)(?:spokesman|spokeswoman|spokesperson)\s+(?:\p{Lu}[\p{L}.]*\s+)?$",
        RegexOptions.CultureInvariant);

    // "the chairwoman of the Coastal Protection Authority, Nirosha Fernando"; "The board's chief executive, Alasdair Breck"; "Its general secretary, Mayeso Phiri".
    private static readonly Regex RoleOfBodyBeforeName = new(
        $@"(?:(?:the|a|an)\s+)?(?:\p{{L}}+\s+)?{SpeaksForRole}\s+(?:of|for|at)\s+(?<body>(?:the\s+)?\p{{Lu}}[^,;:]{{1,60}}),\s*$|(?<![\p{{L}}])(?<body>(?:[Tt]he\s+)?(?:[\p{{L}}\-]+\s+){{0,3}}?[\p{{L}}\-]+)['’]s\s+(?:[\p{{Ll}}\-]+\s+){{0,2}}?{SpeaksForRole},?\s*$|(?<its>(?<![\p{{L}}])(?:[Ii]ts|[Tt]heir))\s+(?:[\p{{Ll}}\-]+\s+){{0,2}}?{SpeaksForRole},?\s*$",
        RegexOptions.CultureInvariant);

    // "Babar Hussain, the railways ministry spokesman, said"; "Leila Mansour, a spokeswoman for the agency, said".
    private static readonly Regex RoleAfterName = new(
        $@"^,\s+(?:the|a|an|its|their)\s+(?:(?<body>(?:[\p{{L}}'’\-]+\s+){{1,4}}?){SpeaksForRole}|{SpeaksForRole}\s+(?:of|for|at)\s+(?<body>(?:the\s+)?[^,;:]{{2,60}})),",
        RegexOptions.CultureInvariant);

    private static Attribution? BodySpokenFor(string sentence, Attribution person, List<Attribution> history, AttributionFinder attributions)
    {
        // The person's name is at the end of the speaker's span ("Inspector Chisomo Banda said"), or right after a role phrase.
        var nameAt = sentence.IndexOf(person.Name, person.Start, StringComparison.Ordinal);
        if (nameAt < 0)
        {
            nameAt = sentence.IndexOf(person.Name.Split(' ')[^1], StringComparison.Ordinal);
        }

        if (nameAt < 0)
        {
            return null;
        }

        var before = sentence[..nameAt];
        var after = sentence[Math.Min(sentence.Length, nameAt + person.Name.Length)..];
        string? body = null;
        // "Its general secretary, X" is left alone: the body "its" means is often named without a verb of saying.
        if (RoleOfBodyBeforeName.Match(before) is { Success: true } of && !of.Groups["its"].Success)
        {
            body = of.Groups["body"].Value;
        }
        else if (RoleBeforeName.Match(before) is { Success: true } role)
        {
            body = role.Groups["body"].Value;
        }
        else if (RoleAfterName.Match(after) is { Success: true } appositive)
        {
            body = appositive.Groups["body"].Value;
        }

        if (body is null)
        {
            return null;
        }

        // "a spokeswoman for the agency": the agency named before in the report.
        var words = body.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words is ["the" or "The", .. var rest] && rest.All(w => char.IsLower(w[0]))
            && history.LastOrDefault(h => !h.IsPerson && h.Role == AttributionRole.Source && h.Name.Contains(rest[^1], StringComparison.OrdinalIgnoreCase)) is { } named)
        {
            return named with { Start = person.Start, End = person.End, Evidence = $"{body.Trim()} (for whom {person.Name} speaks)" };
        }

        if (AttributionFinder.SpeakerName(body.Trim()) is not { } written || attributions.ResolveName(written) is not (string name, var id) || !IsBody(name))
        {
            return null;
        }

        return new Attribution(person.Start, person.End, AttributionRole.Source, name, id, $"{body.Trim()} (for whom {person.Name} speaks)", false);
    }

    // A body, not a person or a place: "health ministry", "Coastal Protection Authority", "police".
    private static bool IsBody(string name) =>
        name.Split(' ').Any(w => BodyWords.Contains(w.ToLowerInvariant()));

    private static readonly HashSet<string> BodyWords = new(StringComparer.Ordinal)
    {
        "ministry", "department", "agency", "authority", "police", "army", "military", "navy", "coastguard", "office", "commission",
        "committee", "council", "service", "services", "bureau", "institute", "federation", "association", "union", "company", "bank",
        "government", "board", "forum", "group", "mission", "organisation", "organization", "court", "party", "centre", "center",
        "force", "forces", "fund", "trust", "society", "cross", "crescent", "corporation", "railways", "railway", "hospital", "university",
    };

    private static bool IsQuoteOnly(string sentence)
    {
        var trimmed = sentence.TrimStart();
        return trimmed.Length > 0 && trimmed[0] is '“' or '"';
    }

    /// <summary>
    /// "The Sindh health department confirmed the figure.": a sentence without figures in which a
    /// source vouches for the figure of the sentence before gets a claim of its own on that figure
    /// (all of them for "the figures"), so the conflict engine counts it in the same camp.
    /// </summary>
    private static ClaimProposal? Corroboration(string text, SentenceSpan span, string sentence, IReadOnlyList<Attribution> speakers, List<ClaimProposal> proposals)
    {
        if (ConfirmsEarlierFigure.Match(sentence) is not { Success: true } confirms || proposals.Count == 0)
        {
            return null;
        }

        var source = speakers.Where(a => a.Role == AttributionRole.Source && !a.OwnsFollowingFigure && a.Start <= confirms.Index).OrderBy(a => confirms.Index - a.End).FirstOrDefault();
        if (source is null)
        {
            return null;
        }

        // The sentence stating the figures: the last one with figures before this one (one sentence may give several proposals).
        var statedAt = proposals[^1].Quote.Start;
        var stated = proposals.Where(p => p.Quote.Start == statedAt && !p.Corroborates && p.SourceName != source.Name).ToList();
        var counts = stated.SelectMany(p => p.Figures).Where(f => f.Figure.Kind is not (FigureKind.Date or FigureKind.Year) && f.Incidental is null).OrderBy(f => f.Figure.Start).ToList();
        if (counts.Count == 0)
        {
            return null;
        }

        var plural = confirms.Groups["what"].Value.EndsWith('s') || confirms.Groups["what"].Value.EndsWith("ies", StringComparison.Ordinal);
        List<FigureProposal> vouched = plural ? counts : [counts[0]];
        return new ClaimProposal(QuoteAnchoring.At(text, span.Start, span.End - span.Start), source.Name, source.SourceId, source.Evidence, source.Relay?.Name, source.Relay?.SourceId, source.Relay?.Evidence, vouched, Confidence(source, vouched))
        {
            Corroborates = true,
        };
    }

    // "“…,” its executive director, Gift Mkandawire, told reporters": a person speaking for the body just named.
    private static readonly Regex ItsRoleBeforeName = new(
        $@"(?<![\p{{L}}])(?:[Ii]ts|[Tt]heir)\s+(?:[\p{{Ll}}\-]+\s+){{0,2}}?{SpeaksForRole},?\s*$",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// "The rights forum said at least 17 had died. “Families are …,” its executive director, Gift
    /// Mkandawire, told Capital FM.": a sentence without figures in which the body's own officer
    /// speaks right after the body's figures puts that person in the body's camp, as a
    /// corroboration of those figures (the counts, not dates).
    /// </summary>
    private static ClaimProposal? SpeakerForTheBody(string text, SentenceSpan span, string sentence, IReadOnlyList<Attribution> speakers, List<ClaimProposal> proposals, int lastFigureSentenceEnd)
    {
        if (proposals.Count == 0 || lastFigureSentenceEnd < 0 || text.AsSpan(lastFigureSentenceEnd, Math.Max(0, span.Start - lastFigureSentenceEnd)).ContainsAny('\n', '\r'))
        {
            // Only the sentence right after the figures, in the same paragraph.
            return null;
        }

        var person = speakers.FirstOrDefault(a => a is { Role: AttributionRole.Source, IsPerson: true }
            && sentence.IndexOf(a.Name, StringComparison.Ordinal) is var at && at > 0 && ItsRoleBeforeName.IsMatch(sentence[..at]));
        if (person is null)
        {
            return null;
        }

        var statedAt = proposals[^1].Quote.Start;
        var stated = proposals.Where(p => p.Quote.Start == statedAt && !p.Corroborates && p.SourceName is { } name && name != person.Name && IsBody(name)).ToList();
        var counts = stated.SelectMany(p => p.Figures).Where(f => f.Figure.Kind is not (FigureKind.Date or FigureKind.Year) && f.Incidental is null).OrderBy(f => f.Figure.Start).ToList();
        if (stated.Count != 1 || counts.Count == 0)
        {
            return null;
        }

        return new ClaimProposal(QuoteAnchoring.At(text, span.Start, span.End - span.Start), person.Name, person.SourceId, $"{person.Evidence} (speaking for {stated[0].SourceName})", null, null, null, counts, Confidence(person, counts))
        {
            Corroborates = true,
        };
    }

    // "… 61.4%, a figure the electoral commission later confirmed": the figure just before and the body that vouches for it.
    private static (FoundFigure Figure, Attribution Source, int Start, int End)? LaterConfirmed(string sentence, IReadOnlyList<FoundFigure> figures, AttributionFinder attributions)
    {
        foreach (var found in figures)
        {
            if (FigureLaterConfirmed.Match(sentence[found.Figure.End..]) is not { Success: true } confirmed)
            {
                continue;
            }

            var who = confirmed.Groups["who"];
            if (AttributionFinder.SpeakerName(who.Value) is { } name && attributions.ResolveName(name) is (string resolved, var id))
            {
                var start = found.Figure.End + who.Index;
                return (found, new Attribution(start, start + who.Length, AttributionRole.Source, resolved, id, confirmed.Value.TrimStart(',', ' '), false), found.Figure.End + confirmed.Index, found.Figure.End + confirmed.Index + confirmed.Length);
            }
        }

        return null;
    }

    // The words of a speaker's name where it is named ("Police" of "Police said"), not its verb,
    // which may say what happened ("announced").
    private static IEnumerable<(int Start, int End)> NameWordsIn(string sentence, Attribution speaker)
    {
        var name = MetricSuggester.Tokenize(speaker.Name).Select(t => t.Word).ToHashSet(StringComparer.Ordinal);
        return MetricSuggester.Tokenize(sentence[speaker.Start..speaker.End])
            .Where(t => name.Contains(t.Word))
            .Select(t => (speaker.Start + t.Start, speaker.Start + t.End));
    }

    // "rose to 12.9% from 12%", "higher than the government's 34", "against 44% last time", "the
    // agency's figure of 29": a figure set against an earlier one measures what that one does.
    private static MetricSuggestion? FromEarlier(string sentence, IReadOnlyList<FoundFigure> figures, IReadOnlyList<MetricSuggestion?> suggestions, int i)
    {
        var figure = figures[i].Figure;
        var before = sentence[..figure.Start];
        var compared = ComparedPattern.IsMatch(before)
            || (OwnerPattern.IsMatch(before) && ClauseEndPattern.IsMatch(sentence[figure.End..]));
        if (!compared)
        {
            return null;
        }

        for (var j = i - 1; j >= 0; j--)
        {
            if (figures[j].Figure.Kind == figure.Kind && suggestions[j] is { } previous)
            {
                return previous;
            }
        }

        return null;
    }

    // "The governor put the figure at 64": the number an earlier sentence gave a metric to, told again.
    private static MetricSuggestion? TheFigureAgain(string sentence, FoundFigure found, Dictionary<FigureKind, MetricSuggestion> lastMetric) =>
        TheFigurePattern.IsMatch(sentence[..found.Figure.Start]) && lastMetric.TryGetValue(found.Figure.Kind, out var previous) ? previous : null;

    // "Around 8,000 of them": the figure counts what an earlier sentence counted.
    private static MetricSuggestion? OfThem(string sentence, FoundFigure found, Dictionary<FigureKind, MetricSuggestion> lastMetric) =>
        OfThemPattern.IsMatch(sentence[found.Figure.End..]) && lastMetric.TryGetValue(found.Figure.Kind, out var previous) ? previous : null;

    // Dates and years are themselves when; other figures take the nearest time words of their sentence.
    // "said on Tuesday that about 5,000 … by the end of December": Tuesday is when it was said, so
    // time words right after a verb of saying yield to any other time words in the sentence.
    private static (TimeReference Time, string? Evidence) TimeOf(string sentence, FoundFigure found, IReadOnlyList<FoundFigure> figures, IReadOnlyList<TimePhrase> times)
    {
        var figure = found.Figure;
        if (figure.Kind is FigureKind.Date or FigureKind.Year)
        {
            return (TimeReference.Unknown, null);
        }

        var nearest = times
            .Where(t => (t.End <= figure.Start || t.Start >= figure.End) && !NamesAnotherMoment(sentence, t, figure) && (!t.OfPrecedingFigure || OnlyFigureBefore(t, figure, figures)))
            .OrderBy(t => SpeechTimePattern.IsMatch(sentence[..t.Start]) ? 1 : 0)
            .ThenBy(t => Distance(t.Start, t.End, figure))
            .ThenBy(t => t.Start)
            .FirstOrDefault();
        return nearest is null ? (TimeReference.Unknown, null) : (nearest.Time, nearest.Text);
    }

    // "14 weeks, up from 11 weeks a year before": the earlier moment is the 11's, the figure right before it.
    private static bool OnlyFigureBefore(TimePhrase time, ParsedFigure figure, IReadOnlyList<FoundFigure> figures) =>
        figure.End <= time.Start && !figures.Any(f => f.Figure.Start >= figure.End && f.Figure.End <= time.Start && f.Figure.Kind is not (FigureKind.Date or FigureKind.Year));

    // "the boat, which left port on Tuesday, …": a relative clause that tells the story of something else.
    private static readonly Regex AsideClause = new(@",\s*(?:which|who|whose)\b[^,;]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex PossessiveAfter = new(@"\G['’]s(?![\p{L}])", RegexOptions.CultureInvariant);

    /// <summary>
    /// Time words that say when something else happened, not when the figure holds: a possessive
    /// day names an event ("11 killed in Sunday's shelling" is the toll as reported, not as of
    /// Sunday), and a day inside an aside about something else ("the boat, which left on Tuesday,
    /// was carrying 150") belongs to that aside.
    /// </summary>
    private static bool NamesAnotherMoment(string sentence, TimePhrase time, ParsedFigure figure)
    {
        if (PossessiveAfter.IsMatch(sentence, time.End))
        {
            return true;
        }

        foreach (System.Text.RegularExpressions.Match aside in AsideClause.Matches(sentence))
        {
            var (start, end) = (aside.Index, aside.Index + aside.Length);
            if (start <= time.Start && time.End <= end && !(start <= figure.Start && figure.End <= end))
            {
                return true;
            }
        }

        return false;
    }

    // "more than twice the agency's figure of nine": nine is the agency's, whoever says it ("her estimate of a $2 billion gap" too).
    private static Attribution? OwnerOf(string sentence, IReadOnlyList<Attribution> speakers, ParsedFigure figure) =>
        speakers.FirstOrDefault(a => a.OwnsFollowingFigure && a.End <= figure.Start && sentence[a.End..figure.Start].Trim() is "" or "a" or "an")
        // "the R$150 million loss analysts had forecast": at most two words and "that" between the figure and its speaker.
        ?? speakers.FirstOrDefault(a => a.OwnsPrecedingFigure && figure.End <= a.Start && PrecedingOwnedGap.IsMatch(sentence[figure.End..a.Start]));

    // The closest speaker, but one across a semicolon only when the figure's own clause names none:
    // "Police put the crowd at 18,000; organisers said more than 100,000".
    private static Attribution? Nearest(string sentence, IEnumerable<Attribution> attributions, ParsedFigure figure) =>
        attributions
            .OrderBy(a => AcrossClause(sentence, a, figure) ? 1 : 0)
            .ThenBy(a => Distance(a.Start, a.End, figure))
            .ThenBy(a => a.Start)
            .FirstOrDefault();

    private static bool AcrossClause(string sentence, Attribution a, ParsedFigure figure)
    {
        var (from, to) = a.End <= figure.Start ? (a.End, figure.Start) : (figure.End, a.Start);
        // "Banda repeated that the crowd exceeded 60,000, while Phiri said …": "while" opens another speaker's clause.
        return from < to && (sentence.AsSpan(from, to - from).IndexOfAny(';', '—') >= 0 || ContrastingClause.IsMatch(sentence[from..to]));
    }

    private static int Distance(int start, int end, ParsedFigure figure) =>
        end <= figure.Start ? figure.Start - end : start >= figure.End ? start - figure.End : 0;

    private static bool Same(Attribution? a, Attribution? b) =>
        a is null ? b is null : b is not null && a.Name == b.Name && a.SourceId == b.SourceId;

    // Half for finding figures; the rest for a known source and a metric for each figure.
    // "Its combined ratio", "It has set up", "The company's", "The total": a sentence that opens on what the last speaker spoke of.
    // The document or total a person gave ("a poll by …. The survey of 1,000 adults", "The total, which counts") goes on with it too;
    // a body's own words ("It", "The company") only with a body.
    [GeneratedRegex(@"^\s*(?:Its|It|Their|They|The\s+(?:company|firm|group|bank|council|agency|ministry|department|board|(?<document>total|figure|survey|poll|report|review|study|audit|analysis|census))(?:['’]s)?)[\s,]", RegexOptions.CultureInvariant)]
    private static partial Regex ContinuesAccount();

    private static double Confidence(Attribution? source, List<FigureProposal> figures)
    {
        var sourcePart = source is null ? 0 : source.SourceId is null ? 0.15 : 0.25;
        var metricPart = 0.25 * figures.Count(f => f.MetricId is not null) / figures.Count;
        return Math.Round(0.5 + sourcePart + metricPart, 2);
    }
}
