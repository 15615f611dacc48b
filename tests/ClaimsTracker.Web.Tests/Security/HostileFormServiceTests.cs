using System.Security.Claims;
using ClaimsTracker.Data.Identity;
using ClaimsTracker.Domain.Common;
using ClaimsTracker.Domain.Conflicts;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Features.Admin;
using ClaimsTracker.Web.Features.Claims;
using ClaimsTracker.Web.Features.Conflicts;
using ClaimsTracker.Web.Features.Metrics;
using ClaimsTracker.Web.Features.ReportEntry;
using ClaimsTracker.Web.Features.Sources;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimsTracker.Web.Tests.Security;

/// <summary>
/// The same hostile text, straight into the services the forms call (a Blazor form never makes an
/// HTTP request the API filter could see): each answers "invalid", throws nothing and writes nothing.
/// </summary>
public class HostileFormServiceTests(ClaimsAppFactory app) : IClassFixture<ClaimsAppFactory>
{
    private delegate Task<object> Call(IServiceProvider services, Targets targets);

    public sealed record Targets(int ReportId, int ClaimId, uint ClaimVersion, int SourceId, uint SourceVersion, int MetricId, uint MetricVersion,
        int ConflictId, uint ConflictVersion, string Quote, ClaimsPrincipal Admin, string EditorId);

    private static readonly Dictionary<string, Call> Calls = Build();

    public static TheoryData<string> Cases => new(Calls.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task FormService_HostileText_AnswersInvalidAndWritesNothing(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var targets = await TargetsAsync(scope.ServiceProvider);
        var before = await SnapshotAsync();

        var outcome = await Calls[name](scope.ServiceProvider, targets);

        Assert.True(IsInvalid(outcome), $"{name}: {outcome}");
        Assert.Equal(before, await SnapshotAsync());
    }

    // Services answer with Result/Result<T> (a Failure with a status); the rest still with an outcome record named "Invalid".
    private static bool IsInvalid(object outcome) =>
        outcome.GetType().GetProperty(nameof(Result.Failure))?.GetValue(outcome) is Failure failure
            ? failure.Status == ResultStatus.Invalid
            : outcome.GetType().Name.Contains("Invalid", StringComparison.Ordinal);

    private static Dictionary<string, Call> Build()
    {
        var calls = new Dictionary<string, Call>();
        var editor = DemoDatabase.User(Roles.Editor);
        var reviewer = DemoDatabase.User(Roles.Reviewer);

        void Add(string form, (string Field, int Limit)[] fields, Func<string, string, Call> make)
        {
            foreach (var (field, limit) in fields)
            {
                foreach (var (what, value) in HostileInputMatrix.BadText(limit))
                {
                    var text = value.Replace(HostileInputMatrix.HighSurrogate, "\uD800", StringComparison.Ordinal)
                        .Replace(HostileInputMatrix.LowSurrogate, "\uDC00", StringComparison.Ordinal);
                    calls[$"{form} {field}: {what}"] = make(field, text);
                }
            }
        }

        static string? Pick(string field, string wanted, string text, string? otherwise) => field == wanted ? text : otherwise;

        Add("report form", [("Title", Limits.Title), ("Outlet", Limits.Name), ("Authors", Limits.Title), ("Url", Limits.Url), ("Text", Limits.ReportText)],
            (field, text) => async (services, _) => await services.GetRequiredService<ReportEditor>().CreateAsync(editor, new ReportInput
            {
                Title = Pick(field, "Title", text, "Form report"),
                Outlet = Pick(field, "Outlet", text, "Form Wire"),
                Authors = Pick(field, "Authors", text, "Tester"),
                Url = Pick(field, "Url", text, "https://example.org/form"),
                PublishedOn = new DateTime(2025, 1, 15),
                Language = "en",
                Text = Pick(field, "Text", text, "Written for the test: officials said about 40 soldiers were captured."),
                SaveDespiteDuplicates = true,
            }));

        Add("proposal form", [("Source", Limits.Name), ("RelayedVia", Limits.Name), ("Summary", Limits.Summary), ("AsWritten", Limits.AsWritten), ("Scope", Limits.Scope)],
            (field, text) => async (services, t) => await services.GetRequiredService<ProposalService>().AcceptAsync(editor, t.ReportId, new ClaimDraft
            {
                Key = "k",
                Quote = t.Quote,
                QuoteStart = 0,
                QuoteEnd = t.Quote.Length,
                Source = Pick(field, "Source", text, "Form Source"),
                RelayedVia = Pick(field, "RelayedVia", text, null),
                Summary = Pick(field, "Summary", text, "A summary"),
                Figures = [new FigureDraft { AsWritten = Pick(field, "AsWritten", text, "40")!, Value = 40, MetricId = t.MetricId, Scope = Pick(field, "Scope", text, "")! }],
            }));

        Add("claim form", [("Source", Limits.Name), ("RelayedVia", Limits.Name), ("Summary", Limits.Summary), ("Quote", Limits.Quote), ("AsWritten", Limits.AsWritten),
                ("Scope", Limits.Scope), ("TimeAsWritten", Limits.AsWritten)],
            (field, text) => async (services, t) => await services.GetRequiredService<ClaimEditor>().UpdateAsync(editor, t.ClaimId, t.ClaimVersion, new ClaimEdit
            {
                Source = Pick(field, "Source", text, "Form Source"),
                RelayedVia = Pick(field, "RelayedVia", text, null),
                Summary = Pick(field, "Summary", text, "A summary"),
                Quote = Pick(field, "Quote", text, t.Quote),
                Figures = [new FigureEdit { AsWritten = Pick(field, "AsWritten", text, "40"), Value = 40, MetricId = t.MetricId, Scope = Pick(field, "Scope", text, ""), TimeAsWritten = Pick(field, "TimeAsWritten", text, null) }],
            }));

        Add("source form", [("Name", Limits.Name), ("Affiliation", Limits.Name), ("Description", Limits.Summary), ("Aliases", Limits.Name)],
            (field, text) => async (services, t) => await services.GetRequiredService<SourceEditor>().UpdateAsync(editor, t.SourceId, t.SourceVersion, new SourceInput
            {
                Name = Pick(field, "Name", text, "Form Source Renamed"),
                Affiliation = Pick(field, "Affiliation", text, null),
                Description = Pick(field, "Description", text, null),
                Aliases = field == "Aliases" ? [text] : [],
            }));

        Add("new source form", [("Name", Limits.Name), ("Aliases", Limits.Name)],
            (field, text) => async (services, _) => await services.GetRequiredService<SourceEditor>().CreateAsync(editor, new SourceInput
            {
                Name = Pick(field, "Name", text, "Form New Source"),
                Aliases = field == "Aliases" ? ["Fine alias", text] : [],
            }));

        Add("metric form", [("Key", Limits.MetricKey), ("Name", Limits.Name), ("Description", Limits.Summary), ("Unit", Limits.Unit)],
            (field, text) => async (services, _) => await services.GetRequiredService<MetricEditor>().CreateAsync(editor, new MetricInput
            {
                Key = Pick(field, "Key", text, "form-metric"),
                Name = Pick(field, "Name", text, "Form metric"),
                Description = Pick(field, "Description", text, null),
                Unit = Pick(field, "Unit", text, null),
            }));

        Add("resolution form", [("Rationale", Limits.Rationale)],
            (_, text) => async (services, t) => await services.GetRequiredService<ConflictResolutionService>().ResolveAsync(reviewer,
                new ResolutionRequest(t.ConflictId, t.ConflictVersion, ConflictDecision.NeedsMoreInformation, null, null, text)));

        foreach (var (what, rationale) in new[] { ("zero-width spaces", "\u200B\u200B\u200B"), ("no-break and joiners", "\u00A0\u2060\u200D"), ("byte-order mark", "\uFEFF") })
        {
            calls[$"resolution form Rationale: only {what}"] = async (services, t) => await services.GetRequiredService<ConflictResolutionService>().ResolveAsync(reviewer,
                new ResolutionRequest(t.ConflictId, t.ConflictVersion, ConflictDecision.NeedsMoreInformation, null, null, rationale));
        }

        calls["resolution form DismissalReason: 99"] = async (services, t) => await services.GetRequiredService<ConflictResolutionService>().ResolveAsync(reviewer,
            new ResolutionRequest(t.ConflictId, t.ConflictVersion, ConflictDecision.NotAConflict, null, (DismissalReason)99, "Checked with the desk."));
        calls["resolution form Decision: 99"] = async (services, t) => await services.GetRequiredService<ConflictResolutionService>().ResolveAsync(reviewer,
            new ResolutionRequest(t.ConflictId, t.ConflictVersion, (ConflictDecision)99, null, null, "Checked with the desk."));
        calls["metric form Kind: 99"] = async (services, _) => await services.GetRequiredService<MetricEditor>().CreateAsync(editor,
            new MetricInput { Key = "form-kind", Name = "Form kind", Kind = (Domain.Figures.FigureKind)99 });
        calls["proposal form Value: 1e20"] = async (services, t) => await services.GetRequiredService<ProposalService>().AcceptAsync(editor, t.ReportId, new ClaimDraft
        {
            Key = "k",
            Quote = t.Quote,
            QuoteStart = 0,
            QuoteEnd = t.Quote.Length,
            Source = "Form Source",
            Figures = [new FigureDraft { AsWritten = "lots", Value = 1e20m, MetricId = t.MetricId }],
        });

        Add("new user form", [("Email", Limits.Name), ("Password", Limits.Name)],
            (field, text) => async (services, t) => await services.GetRequiredService<UserAdministration>().CreateAsync(t.Admin,
                Pick(field, "Email", text, "form-user@claims.test"), Pick(field, "Password", text, "Form-pass-2025"), [Roles.Analyst]));
        Add("password reset form", [("NewPassword", Limits.Name)],
            (_, text) => async (services, t) => await services.GetRequiredService<UserAdministration>().ResetPasswordAsync(t.Admin, t.EditorId, text));
        Add("change password form", [("CurrentPassword", Limits.Name), ("NewPassword", Limits.Name)],
            (field, text) => async (services, t) => await services.GetRequiredService<UserAdministration>().ChangeOwnPasswordAsync(t.Admin,
                Pick(field, "CurrentPassword", text, ClaimsAppFactory.DemoPassword), Pick(field, "NewPassword", text, "Another-pass-2025")));
        return calls;
    }

    private async Task<Targets> TargetsAsync(IServiceProvider services)
    {
        await using var db = app.CreateDbContext();
        var report = await db.Reports.AsNoTracking().OrderBy(r => r.Id).FirstAsync();
        var claim = await db.Claims.AsNoTracking().OrderBy(c => c.Id).FirstAsync();
        var source = await db.Sources.AsNoTracking().OrderBy(s => s.Id).FirstAsync();
        var metric = await db.Metrics.AsNoTracking().FirstAsync(m => m.Key == "nk-killed");
        var conflict = await db.Conflicts.AsNoTracking().OrderBy(c => c.Id).FirstAsync();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var admin = await users.FindByNameAsync("admin@claims.test");
        var editor = await users.FindByNameAsync("editor@claims.test");
        var adminPrincipal = await services.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(admin!);
        return new Targets(report.Id, claim.Id, claim.Version, source.Id, source.Version, metric.Id, metric.Version, conflict.Id, conflict.Version,
            report.Text[..10], adminPrincipal, editor!.Id);
    }

    /// <summary>Row counts, the audit trail and the users' password hashes and stamps: any write changes one.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = app.CreateDbContext();
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => u.PasswordHash + u.SecurityStamp).ToListAsync();
        return string.Join(",",
            await db.Reports.CountAsync(), await db.Sources.CountAsync(), await db.SourceAliases.CountAsync(), await db.Claims.CountAsync(),
            await db.Figures.CountAsync(), await db.Metrics.CountAsync(), await db.AuditEntries.CountAsync(),
            await db.Conflicts.CountAsync(c => c.ResolvedBy != null), string.Concat(accounts).GetHashCode(StringComparison.Ordinal));
    }
}
