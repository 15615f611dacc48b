using System.Security.Claims;
using ClaimsTracker.Data;
using ClaimsTracker.Data.Reports;
using ClaimsTracker.Data.Saving;
using ClaimsTracker.Data.Sources;
using ClaimsTracker.Domain.Common;
using ClaimsTracker.Domain.Reports;
using ClaimsTracker.Domain.Sources;
using ClaimsTracker.Web.Authorization;
using ClaimsTracker.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Web.Features.ReportEntry;

/// <summary>
/// Creates and edits reports for editors, through the report's own rules (<see cref="Report.Update"/>
/// re-anchors the claims' quotes when the text changes). Warns about duplicates by the one rule the
/// import uses too (<see cref="DuplicateReportRule"/>) before saving.
/// </summary>
public sealed class ReportEditor(IDbContextFactory<ClaimsDbContext> contexts, IAuthorizationService authorization, TimeProvider clock)
{
    public async Task<Result<ReportSaved>> CreateAsync(ClaimsPrincipal user, ReportInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var details = input.Details();
        if (await RefusedAsync(user, input, details) is { } refused)
        {
            return refused;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!input.SaveDespiteDuplicates && await DuplicatesAsync(db, details, exceptId: null, cancellationToken) is { } duplicates)
        {
            return duplicates;
        }

        var outlet = await SourceDirectory.FindOrAddAsync(db, input.Outlet!, SourceKind.Outlet, cancellationToken);
        var report = Report.Create(details, outlet, user.Identity?.Name ?? "unknown", clock.GetUtcNow(), clock.LatestPlausibleDay()).Value;
        db.Reports.Add(report);
        db.AuditNote = "report entered";
        await db.SaveChangesAsync(cancellationToken);
        return new ReportSaved(report.Id, 0);
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
            PublishedAt = report.PublishedAt,
            Url = report.Url,
            Language = report.Language,
            Text = report.Text,
        }, report.Version);
    }

    public async Task<Result<ReportSaved>> UpdateAsync(ClaimsPrincipal user, int reportId, uint expectedVersion, ReportInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var details = input.Details();
        if (await RefusedAsync(user, input, details) is { } refused)
        {
            return refused;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var report = await db.Reports.Include(r => r.Claims).Include(r => r.Outlet).FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return Result.NotFound();
        }

        if (report.Version != expectedVersion)
        {
            return Result.Conflict("The report was changed by someone else since you opened it. Reload to see their version.", report.Version);
        }

        if (!input.SaveDespiteDuplicates && await DuplicatesAsync(db, details, reportId, cancellationToken) is { } duplicates)
        {
            return duplicates;
        }

        var outlet = report.Outlet!.IsKnownAs(input.Outlet!)
            ? report.Outlet
            : await SourceDirectory.FindOrAddAsync(db, input.Outlet!, SourceKind.Outlet, cancellationToken);
        var orphaned = report.Update(details, outlet, clock.LatestPlausibleDay()).Value;
        db.AuditNote = orphaned > 0 ? $"report edited; {orphaned} quote(s) no longer in the text" : "report edited";
        var saved = await db.SaveVersionedAsync(report, expectedVersion,
            () => Task.FromResult(Result.Conflict("The report was changed by someone else while you edited it. Reload to see their version.", expectedVersion)),
            cancellationToken: cancellationToken);
        return saved.Failure ?? (Result<ReportSaved>)new ReportSaved(report.Id, orphaned);
    }

    /// <summary>Forbidden for non-editors, invalid for details that break a report rule; null when the save may go on.</summary>
    private async Task<Failure?> RefusedAsync(ClaimsPrincipal user, ReportInput input, ReportDetails details)
    {
        if (!await authorization.MayEditAsync(user))
        {
            return Result.Forbidden();
        }

        // The report's own rules first, so a form shows every field's problem at once; then text
        // that cannot be stored at all (control characters, lone surrogates).
        var errors = Report.Check(details, clock.LatestPlausibleDay());
        if (!errors.IsEmpty)
        {
            return Result.Invalid(errors.ToDictionary());
        }

        return InputValidation.Check(input) is { Count: > 0 } unstorable ? Result.Invalid(unstorable) : null;
    }

    /// <summary>A conflict listing the stored reports this one looks like, or null when there are none.</summary>
    private static async Task<Failure?> DuplicatesAsync(ClaimsDbContext db, ReportDetails details, int? exceptId, CancellationToken cancellationToken)
    {
        var outletId = (await SourceDirectory.FindAsync(db, details.Outlet!, cancellationToken))?.Id;
        var identity = new ReportIdentity(details.Url, details.Title!, outletId, details.PublishedOn!.Value, details.Text!);
        var found = await ReportDuplicates.FindAsync(db, identity, exceptId, cancellationToken);
        return found.Count == 0
            ? null
            : Result.Conflict("This looks like a report already stored; save anyway (saveDespiteDuplicates: true) if it is not.", "duplicates", found);
    }
}
