using ClaimsTracker.Domain.Claims;
using ClaimsTracker.Domain.Common;
using ClaimsTracker.Domain.Reports;
using ClaimsTracker.Domain.Sources;

namespace ClaimsTracker.Domain.Tests.Reports;

public class ReportRulesTests
{
    private static readonly DateOnly Today = new(2025, 1, 13);
    private static readonly Source Outlet = new() { Id = 3, Name = "Valley Courier", Kind = SourceKind.Outlet };

    private static ReportDetails Details(string text = "Officials said about 1,000 soldiers were killed. Others disagreed.") => new()
    {
        Title = "Casualties",
        Outlet = Outlet.Name,
        PublishedOn = Today,
        Url = "https://example.org/a",
        Text = text,
        Authors = ["A. Writer", " B. Writer "],
    };

    private static Report Stored(string text)
    {
        var report = Report.Create(Details(text), Outlet, "editor", DateTimeOffset.UnixEpoch, Today.AddDays(1)).Value;
        report.Claims.Add(new Claim { Summary = "s", Quote = QuoteAnchoring.Anchor(text, "about 1,000 soldiers")! });
        return report;
    }

    [Fact]
    public void Update_TextStillHoldsTheQuote_ReanchorsItAtItsNewPlace()
    {
        var report = Stored(Details().Text!);

        var orphaned = report.Update(Details("Update: " + Details().Text), Outlet, Today.AddDays(1)).Value;

        Assert.Equal(0, orphaned);
        var quote = report.Claims[0].Quote;
        Assert.Equal("about 1,000 soldiers", report.Text[quote.Start..quote.End]);
    }

    [Fact]
    public void ChangeText_QuoteGone_MarksItOrphanedInsteadOfMovingIt()
    {
        var report = Stored(Details().Text!);

        var orphaned = report.ChangeText("Officials gave no figure at all.");

        Assert.Equal(1, orphaned);
        Assert.True(report.Claims[0].Quote.IsOrphaned);
    }

    [Fact]
    public void Create_FutureDayBadUrlAndMissingText_AreRefusedByField()
    {
        var details = Details(text: " ") with { PublishedOn = Today.AddDays(5), Url = "/news/1", Language = "not a tag" };

        var errors = Report.Check(details, Today.AddDays(1)).ToDictionary();

        Assert.Equal(["Language", "PublishedOn", "Text", "Url"], errors.Keys.Order());
    }

    [Fact]
    public void Create_PublishedAtOnAnotherDay_IsRefused()
    {
        // 23:30 on the 12th in Kyiv is still the 12th there, though UTC is on the 12th too; the 14th is not.
        var onTheDay = Details() with { PublishedOn = new DateOnly(2025, 1, 12), PublishedAt = new DateTimeOffset(2025, 1, 12, 23, 30, 0, TimeSpan.FromHours(2)) };
        var wrongDay = onTheDay with { PublishedAt = new DateTimeOffset(2025, 1, 14, 8, 0, 0, TimeSpan.Zero) };

        Assert.Equal(onTheDay.PublishedAt, Report.Create(onTheDay, Outlet, "e", DateTimeOffset.UnixEpoch, Today).Value.PublishedAt);
        Assert.Contains("PublishedAt", Report.Create(wrongDay, Outlet, "e", DateTimeOffset.UnixEpoch, Today).Errors.Keys);
    }

    [Fact]
    public void Create_Valid_TrimsAndDefaultsTheLanguage()
    {
        var report = Report.Create(Details() with { Title = "  Casualties ", Language = null }, Outlet, "e", DateTimeOffset.UnixEpoch, Today).Value;

        Assert.Equal(("Casualties", "en", "B. Writer"), (report.Title, report.Language, report.Authors[1]));
    }
}
