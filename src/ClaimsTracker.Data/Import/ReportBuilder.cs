using ClaimsTracker.Domain.Claims;
using ClaimsTracker.Domain.Common;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Figures.Normalisation;
using ClaimsTracker.Domain.Metrics;
using ClaimsTracker.Domain.Reports;
using ClaimsTracker.Domain.Sources;

namespace ClaimsTracker.Data.Import;

/// <summary>
/// Turns a <see cref="ReportRecord"/> into a report with anchored claims and normalised figures,
/// through the same entity rules as the forms (<see cref="Report.Check"/>, <see cref="Claim.Check"/>,
/// <see cref="Figure.Check"/>). Used by the demo data loader and the importer.
/// </summary>
public sealed class ReportBuilder(NormalisationOptions normalisation)
{
    private readonly FigurePhraseParser parser = new(normalisation);

    /// <summary>Everything wrong with the record, each naming its field ("claims[0].figures[1].value: …"); empty when it can be stored.</summary>
    public IReadOnlyList<string> Validate(ReportRecord report, IReadOnlyDictionary<string, Metric> metrics, DateOnly latestDay)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(metrics);
        var errors = new List<string>();
        AddAll(errors, string.Empty, Report.Check(Details(report), latestDay));

        var claims = report.Claims ?? [];
        for (var i = 0; i < claims.Count; i++)
        {
            ValidateClaim(errors, $"claims[{i}].", claims[i], report, metrics, latestDay);
        }

        return errors;
    }

    /// <summary>
    /// The report, for a record that passed <see cref="Validate"/>. <paramref name="source"/> finds
    /// or creates a source by name, with the kind to give a new one. <paramref name="textSketch"/>, when given, is the
    /// text's sketch computed already (the importer's duplicate check computes it), so it is not computed twice.
    /// </summary>
    public Report Build(
        ReportRecord item, Func<string, SourceKind, Source> source, IReadOnlyDictionary<string, Metric> metrics,
        string enteredBy, DateTimeOffset enteredAt, int[]? textSketch = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(metrics);
        var outlet = source(item.Outlet.Trim(), SourceKind.Outlet);
        var report = (textSketch is null
                ? Report.Create(Details(item), outlet, enteredBy, enteredAt, DateOnly.MaxValue)
                : Report.Create(Details(item), outlet, enteredBy, enteredAt, DateOnly.MaxValue, textSketch))
            .Value;
        foreach (var claimItem in item.Claims ?? [])
        {
            var claim = new Claim
            {
                Source = source(claimItem.Source.Trim(), SourceKind.Organisation),
                RelayedVia = claimItem.RelayedVia is null ? null : source(claimItem.RelayedVia.Trim(), SourceKind.Outlet),
                Summary = claimItem.Summary.Trim(),
                Quote = QuoteAnchoring.Anchor(report.Text, claimItem.Quote)
                    ?? throw new InvalidOperationException($"Report '{item.Key ?? item.Title}': quote not found: {claimItem.Quote}"),
                StatedOn = claimItem.StatedOn,
            };
            foreach (var figure in claimItem.Figures ?? [])
            {
                var metric = metrics.TryGetValue(figure.Metric, out var found)
                    ? found
                    : throw new InvalidOperationException($"Report '{item.Key ?? item.Title}' names an unknown metric: {figure.Metric}");
                claim.Figures.Add(Figure.Create(metric, ToValue(figure, item.PublishedOn), normalisation).Value);
            }

            report.Claims.Add(claim);
        }

        return report;
    }

    private static ReportDetails Details(ReportRecord report) => new()
    {
        Title = report.Title,
        Outlet = report.Outlet,
        Authors = report.Authors ?? [],
        PublishedOn = report.PublishedOn == default ? null : report.PublishedOn,
        PublishedAt = report.PublishedAt,
        Url = report.Url,
        Language = report.Language,
        Text = report.Text,
    };

    private void ValidateClaim(
        List<string> errors, string at, ClaimRecord claim, ReportRecord report, IReadOnlyDictionary<string, Metric> metrics, DateOnly latestDay)
    {
        AddAll(errors, at, Claim.Check(claim.Source, claim.RelayedVia, claim.Summary, claim.StatedOn, latestDay));
        if (string.IsNullOrWhiteSpace(claim.Quote) || claim.Quote.Length > Limits.Quote)
        {
            errors.Add($"{at}quote: give the quoted words (up to {Limits.Quote:N0} characters)");
        }
        else if (!string.IsNullOrEmpty(report.Text) && QuoteAnchoring.Anchor(report.Text, claim.Quote) is null)
        {
            errors.Add($"{at}quote is not in the text: “{Shorten(claim.Quote)}”");
        }

        var figures = claim.Figures ?? [];
        for (var i = 0; i < figures.Count; i++)
        {
            var figureAt = $"{at}figures[{i}].";
            if (!metrics.TryGetValue(figures[i].Metric ?? string.Empty, out var metric))
            {
                errors.Add($"{figureAt}metric '{figures[i].Metric}' is not a known metric");
                continue;
            }

            AddAll(errors, figureAt, Figure.Check(metric, ToValue(figures[i], report.PublishedOn), normalisation));
        }
    }

    /// <summary>The figure as given; a qualifier or value left out is read from the words as written.</summary>
    private FigureValue ToValue(FigureRecord item, DateOnly published)
    {
        var value = new FigureValue { AsWritten = item.AsWritten, Scope = item.Scope, Day = item.Date, Qualifier = item.Qualifier ?? Qualifier.Exact };
        if (item.Date is null)
        {
            // The phrase is read only for what the record leaves out: parsing is most of a figure's checking time.
            var needsParsing = item.Qualifier is null || item.Value is null;
            var parsed = !needsParsing || string.IsNullOrWhiteSpace(item.AsWritten) ? null : parser.Parse(item.AsWritten);
            value = value with
            {
                Qualifier = item.Qualifier ?? parsed?.Qualifier ?? Qualifier.Exact,
                Value = item.Value ?? parsed?.Value,
                ValueHigh = item.Value is null ? parsed?.ValueHigh : item.ValueHigh,
            };
        }

        return item.Time switch
        {
            null => value,
            { Kind: null } => value.WithTime(TimeExpressionResolver.Resolve(item.Time.AsWritten, published)),
            { } time => value with { TimeKind = time.Kind.Value, TimeStart = time.Start, TimeEnd = time.End, TimeAsWritten = time.AsWritten },
        };
    }

    /// <summary>Each message under its field, the field named the way the JSON file names it.</summary>
    private static void AddAll(List<string> errors, string at, FieldErrors found) =>
        errors.AddRange(found.All().Select(e => $"{at}{char.ToLowerInvariant(e.Field[0])}{e.Field[1..]}: {e.Message}"));

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "…");
}
