using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using ClaimsTracker.Data;
using ClaimsTracker.Data.Configurations;
using ClaimsTracker.Data.Sources;
using ClaimsTracker.Domain.Claims;
using ClaimsTracker.Domain.Reports;
using ClaimsTracker.Domain.Sources;
using ClaimsTracker.Web.Authorization;
using ClaimsTracker.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Features.ReportEntry;

/// <summary>
/// Creates and edits reports for editors: validates with messages per field, warns about
/// duplicates before saving, and keeps claim quotes honest when the text changes (re-anchored
/// where the quote still is, marked orphaned where it is not; never moved to another sentence).
/// </summary>
public sealed partial class ReportEditor(IDbContextFactory<ClaimsDbContext> contexts, IAuthorizationService authorization, TimeProvider clock)
{
    /// <summary>Texts sharing this share of their word runs are near-identical.</summary>
    private const double NearIdenticalSimilarity = 0.8;

    public async Task<ReportSaveOutcome> CreateAsync(ClaimsPrincipal user, ReportInput input, CancellationToken cancellationToken = default)
    {
        if (!await CanEditAsync(user))
        {
            return new ReportSaveOutcome.Forbidden();
        }

        if (InputValidation.Check(input) is { Count: > 0 } unstorable)
        {
            return new ReportSaveOutcome.Invalid(unstorable);
        }

        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return new ReportSaveOutcome.Invalid(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!input.SaveDespiteDuplicates && await FindDuplicatesAsync(db, input, exceptId: null, cancellationToken) is { Count: > 0 } duplicates)
        {
            return new ReportSaveOutcome.PossibleDuplicate(duplicates);
        }

        var report = new Report
        {
            Title = input.Title!.Trim(),
            Outlet = await SourceDirectory.FindOrAddAsync(db, input.Outlet!, SourceKind.Outlet, cancellationToken),
            Text = input.Text!,
            EnteredBy = user.Identity?.Name ?? "unknown",
            EnteredAt = clock.GetUtcNow(),
        };
        Apply(report, input);
        db.Reports.Add(report);
        db.AuditNote = "report entered";
        await db.SaveChangesAsync(cancellationToken);
        return new ReportSaveOutcome.Saved(report.Id, 0);
    }

    /// <summary>The stored report as form input, with the version an edit must start from.</summary>
    public async Task<(ReportInput Input, uint Version)?> LoadAsync(int reportId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var report = await db.Reports.AsNoTracking().Include(r => r.Outlet).FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        return report is null ? null : (new ReportInput
        {
            Title = report.Title,
            Outlet = report.Outlet!.Name,
            Authors = string.Join(", ", report.Authors),
            PublishedOn = report.PublishedOn.ToDateTime(TimeOnly.MinValue),
            Url = report.Url,
            Language = report.Language,
            Text = report.Text,
        }, report.Version);
    }

    public async Task<ReportSaveOutcome> UpdateAsync(ClaimsPrincipal user, int reportId, uint expectedVersion, ReportInput input, CancellationToken cancellationToken = default)
    {
        if (!await CanEditAsync(user))
        {
            return new ReportSaveOutcome.Forbidden();
        }

        if (InputValidation.Check(input) is { Count: > 0 } unstorable)
        {
            return new ReportSaveOutcome.Invalid(unstorable);
        }

        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return new ReportSaveOutcome.Invalid(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var report = await db.Reports.Include(r => r.Claims).Include(r => r.Outlet).FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return new ReportSaveOutcome.NotFound();
        }

        if (report.Version != expectedVersion)
        {
            return new ReportSaveOutcome.ChangedMeanwhile($"The report was changed by someone else since you opened it. Reload to see their version.", report.Version);
        }

        if (!input.SaveDespiteDuplicates && await FindDuplicatesAsync(db, input, reportId, cancellationToken) is { Count: > 0 } duplicates)
        {
            return new ReportSaveOutcome.PossibleDuplicate(duplicates);
        }

        report.Title = input.Title!.Trim();
        if (!report.Outlet!.IsKnownAs(input.Outlet!))
        {
            report.Outlet = await SourceDirectory.FindOrAddAsync(db, input.Outlet!, SourceKind.Outlet, cancellationToken);
        }

        var orphaned = 0;
        if (report.Text != input.Text)
        {
            report.Text = input.Text!;
            foreach (var claim in report.Claims)
            {
                claim.Quote = QuoteAnchoring.Reanchor(claim.Quote, report.Text);
                orphaned += claim.Quote.IsOrphaned ? 1 : 0;
            }
        }

        Apply(report, input);
        db.Entry(report).Property(r => r.Version).OriginalValue = expectedVersion;
        db.AuditNote = orphaned > 0 ? $"report edited; {orphaned} quote(s) no longer in the text" : "report edited";
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ReportSaveOutcome.ChangedMeanwhile("The report was changed by someone else while you edited it. Reload to see their version.", expectedVersion);
        }

        return new ReportSaveOutcome.Saved(report.Id, orphaned);
    }

    public static Dictionary<string, string[]> Validate(ReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];

        if (string.IsNullOrWhiteSpace(input.Title))
        {
            Add(nameof(input.Title), "A title is required.");
        }
        else if (input.Title.Trim().Length > Limits.Title)
        {
            Add(nameof(input.Title), $"The title is limited to {Limits.Title} characters.");
        }

        if (string.IsNullOrWhiteSpace(input.Outlet))
        {
            Add(nameof(input.Outlet), "Name the outlet that published it.");
        }
        else if (input.Outlet.Trim().Length > Limits.Name)
        {
            Add(nameof(input.Outlet), $"The outlet's name is limited to {Limits.Name} characters.");
        }

        if (input.PublishedOn is not { } published)
        {
            Add(nameof(input.PublishedOn), "The publication date is required.");
        }
        // A day of slack: an outlet ahead of UTC may already be on tomorrow's date.
        else if (DateOnly.FromDateTime(published) > DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1))
        {
            Add(nameof(input.PublishedOn), "The publication date cannot be in the future.");
        }
        else if (published.Year < 1800)
        {
            Add(nameof(input.PublishedOn), "The publication date is implausibly early.");
        }

        if (!string.IsNullOrWhiteSpace(input.Url))
        {
            if (input.Url.Trim().Length > Limits.Url)
            {
                Add(nameof(input.Url), $"The URL is limited to {Limits.Url:N0} characters.");
            }
            else if (!Uri.TryCreate(input.Url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                Add(nameof(input.Url), "The URL must be a full web address starting with http:// or https://.");
            }
        }

        if (!string.IsNullOrWhiteSpace(input.Language) && !LanguageTag().IsMatch(input.Language.Trim()))
        {
            Add(nameof(input.Language), "Use a language tag such as “en” or “uk”.");
        }

        if (string.IsNullOrWhiteSpace(input.Text))
        {
            Add(nameof(input.Text), "Paste the article's text.");
        }
        else if (input.Text.Length > Limits.ReportText)
        {
            Add(nameof(input.Text), $"The text is {input.Text.Length:N0} characters; the limit is {Limits.ReportText:N0}.");
        }

        if (input.Authors is { Length: > Limits.Name * 5 })
        {
            Add(nameof(input.Authors), "The author list is too long.");
        }

        return errors;
    }

    /// <summary>The same URL, or a text that shares most of its word runs with a stored one.</summary>
    private static async Task<List<DuplicateReport>> FindDuplicatesAsync(ClaimsDbContext db, ReportInput input, int? exceptId, CancellationToken cancellationToken)
    {
        var found = new List<DuplicateReport>();
        var url = input.Url?.Trim();
        if (!string.IsNullOrEmpty(url))
        {
            found.AddRange(await db.Reports.AsNoTracking()
                .Where(r => r.Url == url && r.Id != exceptId)
                .Select(r => new DuplicateReport(r.Id, r.Title, r.Outlet!.Name, r.PublishedOn, "same URL"))
                .ToListAsync(cancellationToken));
        }

        // Near-identical texts have near-identical lengths; only those are compared word by word.
        var length = input.Text!.Length;
        var candidates = await db.Reports.AsNoTracking()
            .Where(r => r.Id != exceptId && r.Text.Length >= length * 0.8 && r.Text.Length <= length * 1.25)
            .OrderByDescending(r => r.Id).Take(200)
            .Select(r => new { r.Id, r.Title, Outlet = r.Outlet!.Name, r.PublishedOn, r.Text })
            .ToListAsync(cancellationToken);
        var ours = Shingles(input.Text);
        foreach (var candidate in candidates.Where(c => found.All(f => f.Id != c.Id)))
        {
            var theirs = Shingles(candidate.Text);
            var shared = ours.Count(theirs.Contains);
            var similarity = ours.Count + theirs.Count - shared == 0 ? 1 : (double)shared / (ours.Count + theirs.Count - shared);
            if (similarity >= NearIdenticalSimilarity)
            {
                found.Add(new DuplicateReport(candidate.Id, candidate.Title, candidate.Outlet, candidate.PublishedOn,
                    $"{similarity.ToString("P0", CultureInfo.InvariantCulture)} of the text is the same"));
            }
        }

        return found;
    }

    private static HashSet<string> Shingles(string text)
    {
        var words = Words().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToArray();
        var shingles = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 5 <= words.Length; i++)
        {
            shingles.Add(string.Join(' ', words, i, 5));
        }

        return shingles;
    }

    private static void Apply(Report report, ReportInput input)
    {
        report.Authors = (input.Authors ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        report.PublishedOn = DateOnly.FromDateTime(input.PublishedOn!.Value);
        report.Url = string.IsNullOrWhiteSpace(input.Url) ? null : input.Url.Trim();
        report.Language = string.IsNullOrWhiteSpace(input.Language) ? "en" : input.Language.Trim();
    }

    private async Task<bool> CanEditAsync(ClaimsPrincipal user) => (await authorization.AuthorizeAsync(user, Policies.CanEdit)).Succeeded;

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}
