using System.Text.RegularExpressions;
using ClaimsTracker.Domain.Claims;
using ClaimsTracker.Domain.Common;
using ClaimsTracker.Domain.Sources;

namespace ClaimsTracker.Domain.Reports;

/// <summary>An article as published: where, by whom, when, and its full text.</summary>
public partial class Report : IVersioned
{
    /// <summary>Earlier than this, a publication date is a typing error, not history.</summary>
    public static readonly DateOnly EarliestPlausibleDay = new(1800, 1, 1);

    public int Id { get; set; }
    public required string Title { get; set; }

    /// <summary>The outlet is a <see cref="Source"/> of kind Outlet, so it can also be a relay.</summary>
    public int OutletId { get; set; }
    public Source? Outlet { get; set; }

    public List<string> Authors { get; set; } = [];

    /// <summary>The publication day in the outlet's own calendar; always known.</summary>
    public DateOnly PublishedOn { get; set; }

    /// <summary>The exact moment with its UTC offset, when the outlet states one.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    public string? Url { get; set; }

    /// <summary>BCP 47 language tag of the text, e.g. "en".</summary>
    public string Language { get; set; } = "en";

    public required string Text { get; set; }

    /// <summary>
    /// <see cref="DuplicateReportRule.Sketch(string)"/> of the text, kept with it, so the duplicate check finds its few
    /// candidates through an index instead of comparing stored texts one by one.
    /// </summary>
    public int[] TextSketch { get; set; } = [];

    public required string EnteredBy { get; set; }
    public DateTimeOffset EnteredAt { get; set; }

    public List<Claim> Claims { get; set; } = [];

    public uint Version { get; set; }

    /// <summary>A new report from checked details, or the fields that break a rule.</summary>
    public static Result<Report> Create(ReportDetails details, Source outlet, string enteredBy, DateTimeOffset enteredAt, DateOnly latestDay)
    {
        var report = new Report { Title = string.Empty, Text = string.Empty, EnteredBy = enteredBy, EnteredAt = enteredAt };
        var applied = report.Update(details, outlet, latestDay);
        return applied.Failure is { } failure ? failure : report;
    }

    /// <summary>
    /// <see cref="Create(ReportDetails, Source, string, DateTimeOffset, DateOnly)"/> for a caller that has computed the
    /// text's <see cref="DuplicateReportRule.Sketch(string)"/> already (the import does, for its duplicate check): reading
    /// a long text into word runs again is the costly part of creating a report.
    /// </summary>
    public static Result<Report> Create(ReportDetails details, Source outlet, string enteredBy, DateTimeOffset enteredAt, DateOnly latestDay, int[] textSketch)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(textSketch);
        // The text is in place with its sketch, so applying the details keeps the sketch instead of computing it again.
        var report = new Report { Title = string.Empty, Text = details.Text ?? string.Empty, TextSketch = textSketch, EnteredBy = enteredBy, EnteredAt = enteredAt };
        var applied = report.Update(details, outlet, latestDay);
        return applied.Failure is { } failure ? failure : report;
    }

    /// <summary>
    /// Applies edited details. A changed text re-anchors every claim's quote; the value is the
    /// number of quotes no longer found in the text (orphaned, never moved to other words).
    /// </summary>
    public Result<int> Update(ReportDetails details, Source outlet, DateOnly latestDay)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(outlet);
        var errors = Check(details, latestDay);
        if (!errors.IsEmpty)
        {
            return Result.Invalid(errors.ToDictionary());
        }

        Title = details.Title!.Trim();
        Outlet = outlet;
        Authors = details.Authors.Select(a => a.Trim()).Where(a => a.Length > 0).ToList();
        PublishedOn = details.PublishedOn!.Value;
        PublishedAt = details.PublishedAt;
        Url = string.IsNullOrWhiteSpace(details.Url) ? null : details.Url.Trim();
        Language = string.IsNullOrWhiteSpace(details.Language) ? "en" : details.Language.Trim();
        return ChangeText(details.Text!);
    }

    /// <summary>
    /// Replaces the text and finds every claim's quote again in it; returns how many quotes are
    /// now orphaned. An unchanged text leaves the anchors as they are.
    /// </summary>
    public int ChangeText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == Text)
        {
            if (TextSketch.Length == 0)
            {
                TextSketch = DuplicateReportRule.Sketch(text);
            }

            return Claims.Count(c => c.Quote.IsOrphaned);
        }

        Text = text;
        TextSketch = DuplicateReportRule.Sketch(text);
        foreach (var claim in Claims)
        {
            claim.Quote = QuoteAnchoring.Reanchor(claim.Quote, text);
        }

        return Claims.Count(c => c.Quote.IsOrphaned);
    }

    /// <summary>Every rule a report's details keep, by field name (Title, Outlet, PublishedOn, PublishedAt, Url, Language, Text, Authors).</summary>
    public static FieldErrors Check(ReportDetails details, DateOnly latestDay)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = new FieldErrors();
        errors.Required(nameof(details.Title), details.Title, Limits.Title, "A title is required.", $"The title is limited to {Limits.Title} characters.");
        errors.Required(nameof(details.Outlet), details.Outlet, Limits.Name, "Name the outlet that published it.", $"The outlet's name is limited to {Limits.Name} characters.");
        CheckPublication(errors, details, latestDay);
        if (!string.IsNullOrWhiteSpace(details.Url)
            && errors.Optional(nameof(details.Url), details.Url, Limits.Url, $"The URL is limited to {Limits.Url:N0} characters.")
            && !IsWebAddress(details.Url))
        {
            errors.Add(nameof(details.Url), $"The URL “{Shorten(details.Url.Trim())}” must be a full web address starting with http:// or https://.");
        }

        if (!string.IsNullOrWhiteSpace(details.Language) && !LanguageTag().IsMatch(details.Language.Trim()))
        {
            errors.Add(nameof(details.Language), "Use a language tag such as “en” or “uk”.");
        }

        if (string.IsNullOrWhiteSpace(details.Text))
        {
            errors.Add(nameof(details.Text), "The text is missing: paste the article's text.");
        }
        else if (details.Text.Length > Limits.ReportText)
        {
            errors.Add(nameof(details.Text), $"The text is {details.Text.Length:N0} characters; the limit is {Limits.ReportText:N0}.");
        }

        if (details.Authors.Any(a => a.Trim().Length > Limits.Name) || details.Authors.Sum(a => a.Length + 2) > Limits.Authors)
        {
            errors.Add(nameof(details.Authors), $"The author list is too long (at most {Limits.Name} characters a name).");
        }

        return errors;
    }

    private static void CheckPublication(FieldErrors errors, ReportDetails details, DateOnly latestDay)
    {
        if (details.PublishedOn is not { } published)
        {
            errors.Add(nameof(details.PublishedOn), "The publication date is required.");
        }
        else if (published > latestDay)
        {
            errors.Add(nameof(details.PublishedOn), $"The publication date {published:yyyy-MM-dd} cannot be in the future.");
        }
        else if (published < EarliestPlausibleDay)
        {
            errors.Add(nameof(details.PublishedOn), "The publication date is implausibly early.");
        }
        else if (details.PublishedAt is { } at && DateOnly.FromDateTime(at.DateTime) != published)
        {
            // The moment is read in its own offset: 23:30 on the 12th in Kyiv is the 12th there.
            errors.Add(nameof(details.PublishedAt), $"The publication moment falls on {DateOnly.FromDateTime(at.DateTime):yyyy-MM-dd}, not on the publication date {published:yyyy-MM-dd}.");
        }
    }

    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "…");

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}
