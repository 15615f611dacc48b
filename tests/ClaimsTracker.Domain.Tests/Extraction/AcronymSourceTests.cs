using ClaimsTracker.Domain.Extraction;

namespace ClaimsTracker.Domain.Tests.Extraction;

/// <summary>
/// A body written as its acronym in one report and spelled out in another is one source: the
/// acronym resolves to the one catalogue name whose initials it is, and the other way round.
/// </summary>
public class AcronymSourceTests
{
    private static readonly IReadOnlyList<SourceCandidate> Sources =
    [
        new(1, "UN Office for Relief Coordination", []),
        new(2, "Harbour Pilots Association", []),
        new(3, "HPA", []),
        new(4, "Central Bureau of Statistics", []),
        new(5, "Coastal Bureau of Surveys", []),
        new(6, "NDMA", []),
    ];

    private static IReadOnlyList<ClaimProposal> Propose(string text) =>
        new ClaimExtractor().Propose(text, new ExtractionContext(new DateOnly(2026, 3, 9), TestCatalogue.Metrics, Sources));

    [Fact]
    public void AnAcronymAlone_IsTheCatalogueNameItAbbreviates()
    {
        var claim = Assert.Single(Propose("Only 41 trucks crossed into the valley on Sunday, UNORC said."));

        Assert.Equal("UN Office for Relief Coordination", claim.SourceName);
        Assert.Equal(1, claim.SourceId);
    }

    [Fact]
    public void ANameSpelledOut_IsTheCatalogueAcronym()
    {
        var claim = Assert.Single(Propose("At least 300 homes were flooded, the National Disaster Management Authority said on Monday."));

        Assert.Equal("NDMA", claim.SourceName);
        Assert.Equal(6, claim.SourceId);
    }

    [Fact]
    public void AnAcronymTwoNamesShare_StaysUnresolved()
    {
        // "CBS" abbreviates both bureaus; neither may take the figure.
        var claim = Assert.Single(Propose("The island's population reached 48,200 last year, CBS said."));

        Assert.Null(claim.SourceId);
    }

    [Theory]
    [InlineData("UN Office for Relief Coordination", "unorc")]
    [InlineData("Central Bureau of Statistics", "cbs")]
    [InlineData("National Disaster Management Authority", "ndma")]
    [InlineData("Marta Ruiz", null)]
    [InlineData("the interior ministry", null)]
    public void Initials_TakeCapitalWordsWholeAndSkipSmallWords(string name, string? initials) =>
        Assert.Equal(initials, AttributionFinder.Initials(name));
}
