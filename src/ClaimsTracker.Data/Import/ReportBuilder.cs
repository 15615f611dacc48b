using ClaimsTracker.Data.Configurations;
using ClaimsTracker.Domain.Claims;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Figures.Normalisation;
using ClaimsTracker.Domain.Metrics;
using ClaimsTracker.Domain.Reports;
using ClaimsTracker.Domain.Sources;

namespace ClaimsTracker.Data.Import;

/// <summary>
/// Checks a <see cref="ReportRecord"/> and turns it into a report with anchored claims and
/// normalised figures. Used by the demo data loader and the importer.
/// </summary>
public sealed class ReportBuilder(NormalisationOptions normalisation)
{
    private readonly FigurePhraseParser parser = new(normalisation);

    /// <summary>Everything wrong with the record, each naming its field; empty when it can be stored.</summary>
    public IReadOnlyList<string> Validate(ReportRecord report, IReadOnlyDictionary<string, Metric> metrics, DateOnly latestDay)
    {
        var errors = new List<string>();
        Required(errors, "title", report.Title, Limits.Title);
        Required(errors, "outlet", report.Outlet, Limits.Name);
        if (report.PublishedOn == default)
        {
            errors.Add("publishedOn is missing");
        }
        else if (report.PublishedOn > latestDay)
        {
            errors.Add($"publishedOn {report.PublishedOn:yyyy-MM-dd} is in the future");
        }

        if (!string.IsNullOrWhiteSpace(report.Url))
        {
            if (report.Url.Length > Limits.Url)
            {
                errors.Add($"url is longer than {Limits.Url} characters");
            }
            else if (!Uri.TryCreate(report.Url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add($"url '{report.Url}' is not an absolute http(s) address");
            }
        }

        Required(errors, "text", report.Text, Limits.ReportText);
        if (report.Language is not null)
        {
            Required(errors, "language", report.Language, 16);
        }

        for (var i = 0; i < (report.Authors?.Count ?? 0); i++)
        {
            Required(errors, $"authors[{i}]", report.Authors![i], Limits.Name);
        }

        var claims = report.Claims ?? [];
        for (var i = 0; i < claims.Count; i++)
        {
            ValidateClaim(errors, $"claims[{i}]", claims[i], report, metrics, latestDay);
        }

        return errors;
    }

    /// <summary>
    /// The report, for a record that passed <see cref="Validate"/>. <paramref name="source"/> finds
    /// or creates a source by name, with the kind to give a new one.
    /// </summary>
    public Report Build(
        ReportRecord item, Func<string, SourceKind, Source> source, IReadOnlyDictionary<string, Metric> metrics,
        string enteredBy, DateTimeOffset enteredAt)
    {
        var text = item.Text;
        var report = new Report
        {
            Title = item.Title.Trim(),
            Outlet = source(item.Outlet.Trim(), SourceKind.Outlet),
            Authors = item.Authors?.Select(a => a.Trim()).ToList() ?? [],
            PublishedOn = item.PublishedOn,
            Url = string.IsNullOrWhiteSpace(item.Url) ? null : item.Url.Trim(),
            Language = string.IsNullOrWhiteSpace(item.Language) ? "en" : item.Language.Trim(),
            Text = text,
            EnteredBy = enteredBy,
            EnteredAt = enteredAt,
        };

        foreach (var claimItem in item.Claims ?? [])
        {
            var claim = new Claim
            {
                Source = source(claimItem.Source.Trim(), SourceKind.Organisation),
                RelayedVia = claimItem.RelayedVia is null ? null : source(claimItem.RelayedVia.Trim(), SourceKind.Outlet),
                Summary = claimItem.Summary.Trim(),
                Quote = QuoteAnchoring.Anchor(text, claimItem.Quote)
                    ?? throw new InvalidOperationException($"Report '{item.Key ?? item.Title}': quote not found: {claimItem.Quote}"),
                StatedOn = claimItem.StatedOn,
            };
            foreach (var figure in claimItem.Figures ?? [])
            {
                var metric = metrics.TryGetValue(figure.Metric, out var found)
                    ? found
                    : throw new InvalidOperationException($"Report '{item.Key ?? item.Title}' names an unknown metric: {figure.Metric}");
                claim.Figures.Add(ToFigure(figure, metric, item.PublishedOn));
            }

            report.Claims.Add(claim);
        }

        return report;
    }

    private void ValidateClaim(
        List<string> errors, string at, ClaimRecord claim, ReportRecord report, IReadOnlyDictionary<string, Metric> metrics, DateOnly latestDay)
    {
        Required(errors, $"{at}.source", claim.Source, Limits.Name);
        if (claim.RelayedVia is not null)
        {
            Required(errors, $"{at}.relayedVia", claim.RelayedVia, Limits.Name);
        }

        Required(errors, $"{at}.summary", claim.Summary, Limits.Summary);
        if (Required(errors, $"{at}.quote", claim.Quote, Limits.Quote)
            && !string.IsNullOrEmpty(report.Text) && QuoteAnchoring.Anchor(report.Text, claim.Quote) is null)
        {
            errors.Add($"{at}.quote is not in the text: “{Shorten(claim.Quote)}”");
        }

        if (claim.StatedOn > latestDay)
        {
            errors.Add($"{at}.statedOn {claim.StatedOn:yyyy-MM-dd} is in the future");
        }

        var figures = claim.Figures ?? [];
        for (var i = 0; i < figures.Count; i++)
        {
            ValidateFigure(errors, $"{at}.figures[{i}]", figures[i], metrics);
        }
    }

    private void ValidateFigure(List<string> errors, string at, FigureRecord figure, IReadOnlyDictionary<string, Metric> metrics)
    {
        Required(errors, $"{at}.asWritten", figure.AsWritten, Limits.AsWritten);
        if (figure.Scope?.Length > Limits.Scope)
        {
            errors.Add($"{at}.scope is longer than {Limits.Scope} characters");
        }

        if (figure.Qualifier is { } qualifier && !Enum.IsDefined(qualifier))
        {
            errors.Add($"{at}.qualifier {qualifier} is not a qualifier");
        }

        if (!metrics.TryGetValue(figure.Metric ?? string.Empty, out var metric))
        {
            errors.Add($"{at}.metric '{figure.Metric}' is not a known metric");
        }
        else if (metric.Kind == FigureKind.Date && figure.Date is null)
        {
            errors.Add($"{at}.date is needed: '{metric.Key}' is a date metric");
        }
        else if (figure.Date is null && (figure.Qualifier is null || Enum.IsDefined(figure.Qualifier.Value)) && ReadValue(figure, out var problem) is null)
        {
            errors.Add($"{at}: {problem}");
        }

        if (figure.Time is { } time)
        {
            ValidateTime(errors, $"{at}.time", time);
        }
    }

    private static void ValidateTime(List<string> errors, string at, TimeRecord time)
    {
        switch (time.Kind)
        {
            case null:
                break;
            case { } kind when !Enum.IsDefined(kind):
                errors.Add($"{at}.kind {kind} is not a time kind");
                break;
            case TimeReferenceKind.AsOf when time.End is null:
                errors.Add($"{at}.end is needed for an as-of time");
                break;
            case TimeReferenceKind.Period when time.Start is null || time.End is null:
                errors.Add($"{at}: a period needs start and end");
                break;
            case TimeReferenceKind.Period when time.End < time.Start:
                errors.Add($"{at}: the period ends before it starts");
                break;
        }
    }

    private Figure ToFigure(FigureRecord item, Metric metric, DateOnly published)
    {
        var (qualifier, interval) = item.Date is { } date
            ? (item.Qualifier ?? Qualifier.Exact, ValueInterval.Exactly(date.DayNumber))
            : ReadValue(item, out var problem) ?? throw new InvalidOperationException($"Figure '{item.AsWritten}': {problem}");
        return new Figure
        {
            MetricId = metric.Id,
            Kind = metric.Kind,
            Scope = item.Scope?.Trim() ?? string.Empty,
            AsWritten = item.AsWritten.Trim(),
            Qualifier = qualifier,
            Interval = interval,
            Unit = metric.Unit,
            Time = ToTime(item.Time, published),
        };
    }

    /// <summary>The qualifier and interval as given, or as read from the words when no value is given.</summary>
    private (Qualifier, ValueInterval)? ReadValue(FigureRecord item, out string? problem)
    {
        problem = null;
        var parsed = parser.Parse(item.AsWritten);
        var qualifier = item.Qualifier ?? parsed?.Qualifier ?? Qualifier.Exact;
        var value = item.Value ?? parsed?.Value;
        if (value is null)
        {
            problem = $"no value given and none can be read in '{item.AsWritten}'";
            return null;
        }

        var high = item.Value is null ? parsed?.ValueHigh : item.ValueHigh;
        if (qualifier == Qualifier.Range && high is null)
        {
            problem = "a range needs valueHigh";
            return null;
        }

        return (qualifier, IntervalRules.ToInterval(qualifier, value.Value, high, normalisation));
    }

    private static TimeReference ToTime(TimeRecord? time, DateOnly published) => time switch
    {
        null => TimeReference.Unknown,
        { Kind: null } => TimeExpressionResolver.Resolve(time.AsWritten, published),
        _ => new TimeReference { Kind = time.Kind.Value, Start = time.Start, End = time.End, AsWritten = time.AsWritten },
    };

    private static bool Required(List<string> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{field} is missing");
            return false;
        }

        if (value.Length > maxLength)
        {
            errors.Add($"{field} is longer than {maxLength} characters");
            return false;
        }

        return true;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "…");
}
