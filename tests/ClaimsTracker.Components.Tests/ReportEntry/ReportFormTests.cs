using ClaimsTracker.Components.Tests.Support;
using ClaimsTracker.Data;
using ClaimsTracker.Web.Components.Forms;
using ClaimsTracker.Web.Features.ReportEntry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimsTracker.Components.Tests.ReportEntry;

public class ReportFormTests : MudComponentTest
{
    private readonly InMemoryDraftStore drafts = new();

    public ReportFormTests()
    {
        Context.Services.AddSingleton<IUserDraftStore>(drafts);
        Context.Services.AddSingleton(TimeProvider.System);
        Context.Services.AddAuthorizationCore();
        // The editor is only constructed here: a new, unsaved report never reaches the database.
        Context.Services.AddDbContextFactory<ClaimsDbContext>(o => o.UseNpgsql("Host=127.0.0.1;Database=never_opened"));
        Context.Services.AddScoped<ReportEditor>();
        Context.AddAuthorization().SetAuthorized("editor@claims.test");
    }

    [Fact]
    public void Fields_ServerMessages_ShownUnderTheirOwnField()
    {
        var errors = new Dictionary<string, string[]> { ["Title"] = ["Give the report a title."] };

        var fields = Context.Render<ReportFields>(p => p.Add(f => f.Input, new ReportInput()).Add(f => f.Errors, errors));

        var title = fields.Find("input[name=title]");
        Assert.Equal("true", title.GetAttribute("aria-invalid"));
        Assert.Contains("Give the report a title.", title.Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Give the report a title.", fields.Find("input[name=outlet]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fields_ValidateEmptyForm_EachRequiredFieldSaysWhatIsMissing()
    {
        var fields = Context.Render<ReportFields>(p => p.Add(f => f.Input, new ReportInput()));

        var valid = await fields.InvokeAsync(() => fields.Instance.ValidateAsync());

        Assert.False(valid);
        Assert.Contains("Enter the report's title.", fields.Find("input[name=title]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Paste the article's text.", fields.Find("textarea[name=text]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_EveryInput_HasALinkedLabel()
    {
        var fields = Context.Render<ReportFields>(p => p.Add(f => f.Input, new ReportInput()));

        var inputs = fields.FindAll("input, textarea");
        Assert.NotEmpty(inputs);
        Assert.All(inputs, input => Assert.Single(fields.FindAll($"label[for='{input.Id}']")));
    }

    [Fact]
    public async Task Page_StoredDraft_IsRestoredWithANote()
    {
        await drafts.SaveAsync("report-form:new", new ReportInput { Title = "Half-typed title", Outlet = "Test Wire", Text = "A pasted article." });

        var page = Context.Render<ReportFormPage>();

        page.WaitForAssertion(() => Assert.Equal("Half-typed title", page.Find("input[name=title]").GetAttribute("value")));
        Assert.Contains("draft was restored", page.Find("[data-testid=draft-restored]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_NoDraft_ShowsNoRestoredNote()
    {
        var page = Context.Render<ReportFormPage>();

        Assert.Empty(page.FindAll("[data-testid=draft-restored]"));
    }

    [Fact]
    public void Page_Typing_KeepsADraftForThisUser()
    {
        var page = Context.Render<ReportFormPage>();

        page.Find("input[name=title]").Input("Typed before a refresh");

        page.WaitForAssertion(() => Assert.Equal("Typed before a refresh", drafts.Peek<ReportInput>("report-form:new")?.Title), TimeSpan.FromSeconds(5));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=draft-saved]")));
    }

    [Fact]
    public async Task Page_DiscardDraft_ClearsItAndEmptiesTheForm()
    {
        await drafts.SaveAsync("report-form:new", new ReportInput { Title = "Old draft" });
        var page = Context.Render<ReportFormPage>();
        page.WaitForElement("[data-testid=discard-draft]");

        page.Find("[data-testid=discard-draft]").Click();

        Assert.Null(drafts.Peek<ReportInput>("report-form:new"));
        Assert.True(string.IsNullOrEmpty(page.Find("input[name=title]").GetAttribute("value")));
    }
}
