using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Web.Features.Claims;

namespace ClaimsTracker.Web.Tests.Claims;

/// <summary>The static explorer's address: what it reads, and the links it writes keep the view.</summary>
public class ClaimsExplorerViewTests
{
    private static ClaimsExplorerView Read(params (string Name, string Value)[] query) =>
        ClaimsExplorerView.Read(name => query.FirstOrDefault(q => q.Name == name).Value);

    [Fact]
    public void Read_EmptyValues_CountAsAbsent()
    {
        var view = Read(("source", ""), ("outlet", " "), ("kind", ""), ("page", ""));

        Assert.Empty(view.Problems);
        Assert.Equal(new ClaimFilter(), view.Filter);
        Assert.Equal(1, view.Page);
        Assert.Equal("/claims", view.Href());
    }

    [Fact]
    public void Href_FilterSortAndSize_SurviveAndThePageIsDropped()
    {
        var view = Read(("source", "Zelenskyy"), ("kind", "count"), ("conflict", "open"), ("from", "2025-01-10"), ("sort", "Source"), ("desc", "true"), ("size", "50"), ("page", "3"));

        Assert.Empty(view.Problems);
        Assert.Equal(FigureKind.Count, view.Filter.Kind);
        Assert.Equal("/claims?source=Zelenskyy&kind=Count&from=2025-01-10&conflict=open&sort=Source&desc=true&size=50", view.Href());
        Assert.Equal(100, view.Request.Skip);
        Assert.Equal("/claims?source=Zelenskyy&kind=Count&from=2025-01-10&conflict=open&sort=Source&desc=true&size=50&page=2", view.PreviousHref());
    }

    [Fact]
    public void SortHref_ColumnInForce_TurnsItsDirectionRound()
    {
        var byDefault = Read();
        var bySource = Read(("sort", "Source"));

        // The default is newest first, so the published header's link sorts oldest first.
        Assert.Equal("descending", byDefault.AriaSort("PublishedOn"));
        Assert.Equal("/claims?sort=PublishedOn", byDefault.SortHref("PublishedOn"));
        Assert.Equal("/claims?sort=Source&desc=true", bySource.SortHref("Source"));
        Assert.Equal("/claims?sort=Outlet", bySource.SortHref("Outlet"));
        Assert.Equal("ascending", bySource.AriaSort("Source"));
        Assert.Equal("none", bySource.AriaSort("Outlet"));
    }

    [Theory]
    [InlineData("kind", "Nope")]
    [InlineData("kind", "2")]
    [InlineData("outlet", "-3")]
    [InlineData("to", "10/01/2025")]
    [InlineData("size", "0")]
    [InlineData("page", "10001")]
    [InlineData("desc", "maybe")]
    [InlineData("after", "eyJ9")]
    public void Read_UnreadableValue_IsAProblemOfThatParameter(string name, string value)
    {
        var view = Read((name, value), ("page", name == "page" ? value : "2"));

        Assert.True(view.Problems.ContainsKey(name), string.Join("; ", view.Problems));
    }
}
