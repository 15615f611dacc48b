using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Sources;

namespace ClaimsTracker.Domain.Extraction.Evaluation;

/// <summary>Precision, recall and F1 of one aspect of extraction.</summary>
public sealed record Score(string Name, int TruePositives, int Predicted, int Expected)
{
    public double Precision => Predicted == 0 ? 0 : (double)TruePositives / Predicted;
    public double Recall => Expected == 0 ? 0 : (double)TruePositives / Expected;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

public sealed record ExtractionScores(Score Values, Score Qualifiers, Score Metrics, Score Sources, Score Relays, Score Dates, Score Units, IReadOnlyList<string> Differences)
{
    /// <summary>Each suggested metric's evidence score and whether the metric was right: how far a score can be trusted.</summary>
    public IReadOnlyList<(double Score, bool Right)> MetricCalibration { get; init; } = [];

    /// <summary>
    /// Figures whose catalogue metric was not suggested: how often the new metric proposed instead is named in a
    /// word of the metric the annotator chose ("Penalty notices" for "Speed-camera penalty notices issued").
    /// </summary>
    public Score NewMetricNames { get; init; } = new(NewMetricNamesAspect, 0, 0, 0);

    internal const string NewMetricNamesAspect = "new-metric name";

    public IEnumerable<Score> All => [Values, Qualifiers, Metrics, Sources, Relays, Dates, Units, NewMetricNames];

    /// <summary>The scores of several corpus files counted together.</summary>
    public static ExtractionScores Sum(IReadOnlyCollection<ExtractionScores> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        Score Add(Func<ExtractionScores, Score> aspect, string name) =>
            new(name, parts.Sum(p => aspect(p).TruePositives), parts.Sum(p => aspect(p).Predicted), parts.Sum(p => aspect(p).Expected));
        return new ExtractionScores(
            Add(s => s.Values, "figure values"),
            Add(s => s.Qualifiers, "qualifier/interval"),
            Add(s => s.Metrics, "metric"),
            Add(s => s.Sources, "source"),
            Add(s => s.Relays, "relay"),
            Add(s => s.Dates, "dates"),
            Add(s => s.Units, "unit"),
            parts.SelectMany(p => p.Differences).ToList())
        {
            MetricCalibration = parts.SelectMany(p => p.MetricCalibration).ToList(),
            NewMetricNames = Add(s => s.NewMetricNames, NewMetricNamesAspect),
        };
    }
}

/// <summary>
/// Scores <see cref="ClaimExtractor"/> against the annotated corpus. A proposed figure matches an
/// annotated one when their spans overlap and the value (or day) is the same; qualifier, metric,
/// source and relay are then scored on matched figures, so a miss upstream is a miss downstream.
/// </summary>
public static class ExtractionScorer
{
    /// <summary>Several corpus files scored with their own catalogues and counted together.</summary>
    public static ExtractionScores Score(IEnumerable<ExtractionCorpus> files, ClaimExtractor extractor) =>
        ExtractionScores.Sum(files.Select(f => Score(f, extractor)).ToList());

    public static ExtractionScores Score(ExtractionCorpus corpus, ClaimExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(extractor);

        var values = new Counter();
        var qualifiers = new Counter();
        var metrics = new Counter();
        var sources = new Counter();
        var relays = new Counter();
        var dates = new Counter();
        var units = new Counter();
        var newMetricNames = new Counter();
        var differences = new List<string>();
        var calibration = new List<(double Score, bool Right)>();

        foreach (var paragraph in corpus.Paragraphs)
        {
            var context = corpus.ContextFor(paragraph);
            var metricKeys = context.Metrics.ToDictionary(m => m.Id, m => m.Key);
            // A corroboration repeats a figure found elsewhere: no figure of its own to score.
            var predicted = extractor.Propose(paragraph.Text, context)
                .Where(c => !c.Corroborates)
                .SelectMany(c => c.Figures.Select(f => (Figure: f, Claim: c)))
                .ToList();
            var expected = Locate(paragraph);
            var used = new HashSet<int>();

            values.Predicted += predicted.Count;
            qualifiers.Predicted += predicted.Count;
            metrics.Predicted += predicted.Count(p => p.Figure.MetricId is not null);
            sources.Predicted += predicted.Count(p => p.Claim.SourceName is not null);
            relays.Predicted += predicted.Count(p => p.Claim.RelayName is not null);
            dates.Predicted += predicted.Count(p => p.Figure.Figure.Kind == FigureKind.Date);

            foreach (var (want, start, end) in expected)
            {
                values.Expected++;
                qualifiers.Expected++;
                metrics.Expected += want.Metric is null ? 0 : 1;
                sources.Expected += want.Source is null ? 0 : 1;
                relays.Expected += want.Relay is null ? 0 : 1;
                dates.Expected += want.Kind == FigureKind.Date ? 1 : 0;
                units.Expected += want.Unit is null ? 0 : 1;

                var index = predicted.FindIndex(p => !used.Contains(predicted.IndexOf(p)) && p.Figure.Figure.Start < end && start < p.Figure.Figure.End && SameValue(want, p.Figure));
                if (index < 0)
                {
                    differences.Add($"{paragraph.Id}: missed \"{want.Text}\"");
                    continue;
                }

                used.Add(index);
                var (got, claim) = predicted[index];
                values.TruePositives++;
                dates.TruePositives += want.Kind == FigureKind.Date ? 1 : 0;
                if (want.Unit is not null)
                {
                    // Units are scored where the file annotates them; "%" and "days" are implied by the kind.
                    var gotUnit = got.Figure.Unit is "%" or "days" ? null : got.Figure.Unit;
                    units.Predicted += gotUnit is null ? 0 : 1;
                    Compare(units, SameUnit(want.Unit, gotUnit), $"{paragraph.Id}: \"{want.Text}\" unit {gotUnit ?? "none"}, expected {want.Unit}", differences);
                }

                Compare(qualifiers, SameQualifier(want.Qualifier, got.Figure.Qualifier) && (want.High ?? 0) == (got.Figure.ValueHigh ?? 0), $"{paragraph.Id}: \"{want.Text}\" qualifier {got.Figure.Qualifier}, expected {want.Qualifier}", differences);
                var gotMetric = got.MetricId is { } id ? metricKeys[id] : null;
                if (want.Metric is not null || gotMetric is not null)
                {
                    if (gotMetric is not null)
                    {
                        calibration.Add((got.MetricScore, want.Metric == gotMetric));
                    }

                    Compare(metrics, want.Metric is not null && want.Metric == gotMetric, $"{paragraph.Id}: \"{want.Text}\" metric {gotMetric ?? "none"}, expected {want.Metric ?? "none"}", differences);
                }

                if (want.Metric is not null && gotMetric is null)
                {
                    newMetricNames.Expected++;
                    newMetricNames.Predicted += got.NewMetric is null ? 0 : 1;
                    if (got.NewMetric is { } proposed)
                    {
                        var wanted = corpus.Metrics.First(m => m.Key == want.Metric).Name;
                        Compare(newMetricNames, SharesAWord(proposed.Name, wanted), $"{paragraph.Id}: \"{want.Text}\" new metric “{proposed.Name}”, expected {want.Metric}", differences);
                    }
                }

                if (want.Source is not null || claim.SourceName is not null)
                {
                    Compare(sources, want.Source is not null && SameName(corpus, want.Source, claim.SourceName), $"{paragraph.Id}: \"{want.Text}\" source {claim.SourceName ?? "none"}, expected {want.Source ?? "none"}", differences);
                }

                if (want.Relay is not null || claim.RelayName is not null)
                {
                    Compare(relays, want.Relay is not null && SameName(corpus, want.Relay, claim.RelayName), $"{paragraph.Id}: \"{want.Text}\" relay {claim.RelayName ?? "none"}, expected {want.Relay ?? "none"}", differences);
                }
            }

            for (var i = 0; i < predicted.Count; i++)
            {
                if (!used.Contains(i))
                {
                    differences.Add($"{paragraph.Id}: extra \"{predicted[i].Figure.Figure.Text}\"");
                }
            }
        }

        return new ExtractionScores(
            values.ToScore("figure values"),
            qualifiers.ToScore("qualifier/interval"),
            metrics.ToScore("metric"),
            sources.ToScore("source"),
            relays.ToScore("relay"),
            dates.ToScore("dates"),
            units.ToScore("unit"),
            differences)
        {
            MetricCalibration = calibration,
            NewMetricNames = newMetricNames.ToScore(ExtractionScores.NewMetricNamesAspect),
        };
    }

    // Content words compared by stem and verb base: "Fines" and "Fines issued", "Refunded" and "refunds paid".
    private static bool SharesAWord(string proposed, string wanted)
    {
        static HashSet<string> Content(string name) => MetricSuggester.Tokenize(name).Select(t => t.Word)
            .Where(w => w.Length > 2 && !DefaultKeywords.IsStopWord(w)).Select(w => MetricSuggester.VerbBase(MetricSuggester.Stem(w))).ToHashSet(StringComparer.Ordinal);
        return Content(proposed).Overlaps(Content(wanted));
    }

    // The n-th annotation of some words is their n-th occurrence in the paragraph.
    private static List<(CorpusFigure Figure, int Start, int End)> Locate(CorpusParagraph paragraph)
    {
        var located = new List<(CorpusFigure, int, int)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var figure in paragraph.Figures)
        {
            var from = seen.GetValueOrDefault(figure.Text);
            var at = paragraph.Text.IndexOf(figure.Text, from, StringComparison.Ordinal);
            if (at < 0)
            {
                throw new InvalidDataException($"{paragraph.Id}: \"{figure.Text}\" is not in the text.");
            }

            seen[figure.Text] = at + figure.Text.Length;
            located.Add((figure, at, at + figure.Text.Length));
        }

        return located;
    }

    // Durations in days are compared to half a percent: "11 months" is 334.58 or 334.5833 days.
    private static bool SameValue(CorpusFigure want, FigureProposal got) =>
        want.Kind == FigureKind.Date
            ? got.Date == want.Date
            : Close(got.Figure.Value, want.Value, want.Kind) && (want.High is null || Close(got.Figure.ValueHigh, want.High, want.Kind));

    private static bool Close(decimal? got, decimal? want, FigureKind kind) =>
        got == want || kind == FigureKind.Duration && got is { } g && want is { } w && w != 0 && Math.Abs(g - w) / Math.Abs(w) < 0.005m;

    private static bool SameUnit(string want, string? got) =>
        got is not null && Normalise(want) == Normalise(got);

    private static string Normalise(string unit) => unit.Trim().ToUpperInvariant().Replace("²", "2", StringComparison.Ordinal);

    // Catalogue names must resolve to the same source; new names may differ by leading words ("prime minister" is "Norway's prime minister").
    private static bool SameName(ExtractionCorpus corpus, string want, string? got)
    {
        if (got is null)
        {
            return false;
        }

        var a = Canonical(corpus, want);
        var b = Canonical(corpus, got);
        if (IsKnown(corpus, want))
        {
            return a == b;
        }

        return a == b || a.EndsWith(" " + b, StringComparison.Ordinal) || b.EndsWith(" " + a, StringComparison.Ordinal);
    }

    private static bool IsKnown(ExtractionCorpus corpus, string name)
    {
        var key = NameKey.From(name);
        return corpus.Sources.Any(s => NameKey.From(s.Name) == key || s.Aliases.Any(a => NameKey.From(a) == key));
    }

    private static string Canonical(ExtractionCorpus corpus, string name)
    {
        var key = NameKey.From(name);
        var known = corpus.Sources.FirstOrDefault(s => NameKey.From(s.Name) == key || s.Aliases.Any(a => NameKey.From(a) == key));
        var canonical = NameKey.From(known?.Name ?? name);
        foreach (var determiner in new[] { "the ", "a ", "an ", "its " })
        {
            if (canonical.StartsWith(determiner, StringComparison.Ordinal))
            {
                return canonical[determiner.Length..];
            }
        }

        return canonical;
    }

    private static void Compare(Counter counter, bool right, string difference, List<string> differences)
    {
        if (right)
        {
            counter.TruePositives++;
        }
        else
        {
            differences.Add(difference);
        }
    }

    private sealed class Counter
    {
        public int TruePositives { get; set; }
        public int Predicted { get; set; }
        public int Expected { get; set; }

        public Score ToScore(string name) => new(name, TruePositives, Predicted, Expected);
    }

    // The corpus was annotated before AtMost existed: for "no more than 1,900" or "within 30 days" its
    // writers chose UpTo, the one ceiling the vocabulary then had. An AtMost found there is the same reading.
    private static bool SameQualifier(Qualifier annotated, Qualifier found) =>
        annotated == found || annotated == Qualifier.UpTo && found == Qualifier.AtMost;
}
