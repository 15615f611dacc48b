using System.Net;
using ClaimsTracker.Data.Initialisation;
using ClaimsTracker.Domain.Users;
using ClaimsTracker.Testing;
using ClaimsTracker.Web.Features.Import;
using ClaimsTracker.Web.Tests.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimsTracker.Web.Tests.Import;

/// <summary>The import page's access rules and the --import command, in the running app.</summary>
public class ImportPageAndCommandTests(ClaimsAppFactory app) : IClassFixture<ClaimsAppFactory>
{
    [Fact]
    public async Task ImportPage_Editor_SeesTheUploadAndTheMenuItem()
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Editor));

        var response = await client.GetAsync("/import");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"import-files\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/import\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPage_Analyst_IsRefusedAndHasNoMenuItem()
    {
        using var client = await SignInClient.SignedInAsync(app, InitialisationOptions.DemoUserName(Roles.Analyst));

        var page = await client.GetAsync("/import");
        var home = await client.GetStringAsync("/");

        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("data-testid=\"import-files\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/import\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportCommand_OneGoodOneBad_PrintsEachResultAndExitsWithOne()
    {
        var path = Path.Combine(Path.GetTempPath(), $"claims-import-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """
            { "reports": [
              { "title": "Command-line import check", "outlet": "Valley Courier", "publishedOn": "2025-03-06",
                "url": "https://courier.example/cli-check", "text": "A short note imported from the command line." },
              { "title": "No text", "outlet": "Valley Courier", "publishedOn": "2025-03-06", "text": "" }
            ] }
            """);
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            using var output = new StringWriter();

            var exitCode = await ImportCommand.RunAsync(scope.ServiceProvider, path, output);
            var again = await ImportCommand.RunAsync(scope.ServiceProvider, path, new StringWriter());

            var text = output.ToString();
            Assert.Equal(1, exitCode);
            Assert.Contains("[1/2] added           reports[0] “Command-line import check”", text);
            Assert.Contains("[2/2] FAILED          reports[1] “No text”: text: The text is missing", text);
            Assert.Contains("2 item(s): 1 added, 0 already present, 1 failed", text);
            Assert.Equal(1, again);
            await using var db = app.CreateDbContext();
            var report = await db.Reports.SingleAsync(r => r.Url == "https://courier.example/cli-check");
            Assert.Equal("system", report.EnteredBy);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ImportCommand_MissingPath_IsRefused()
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var output = new StringWriter();

        var exitCode = await ImportCommand.RunAsync(scope.ServiceProvider, "/nowhere/at-all.json", output);

        Assert.Equal(2, exitCode);
        Assert.Contains("no such file or folder", output.ToString());
    }
}
