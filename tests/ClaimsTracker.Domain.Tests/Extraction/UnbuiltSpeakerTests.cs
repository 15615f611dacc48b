namespace ClaimsTracker.Domain.Tests.Extraction;

/// <summary>
/// Speakers the rules used to miss altogether: the maker of a document named after when it was
/// published, and verbs that look like saying but are not (docs/extraction.md, "Attribution").
/// </summary>
public class UnbuiltSpeakerTests
{
    [Fact]
    public void ADocumentPublishedOnADayByABody_IsThatBodys()
    {
        var claims = AttributionTests.Propose("Two trains passed within 300 metres of each other near Hollby, according to a review released on Monday by the Rail Safety Office. The freight train was carrying 41 wagons, the review said.");

        Assert.All(claims, c => Assert.Equal("Rail Safety Office", c.SourceName));
        Assert.Equal(2, claims.Count);
    }

    [Fact]
    public void EstimatesIssuedLastWeekByABody_NameTheBodyNotTheEstimates()
    {
        var claim = Assert.Single(AttributionTests.Propose("Rents in Corvale rose 3.8% in the spring, according to preliminary estimates issued last week by the Corvale Housing Board."));

        Assert.Equal("Corvale Housing Board", claim.SourceName);
    }

    [Fact]
    public void WroteDown_IsNoVerbOfSaying()
    {
        var claims = AttributionTests.Propose("A quarterly loss of €90 million was reported by Banco Tessera on Friday, after the lender wrote down €300 million of loans.");

        Assert.All(claims.Where(c => c.Figures.Any(f => f.Figure.Value is 90_000_000 or 300_000_000)), c => Assert.Equal("Banco Tessera", c.SourceName));
        Assert.NotEmpty(claims);
    }

    [Fact]
    public void TheHospital_IsTheNamedHospitalMentionedBefore()
    {
        var claim = Assert.Single(AttributionTests.Propose("Ambulances were sent away from Riverside University Hospital on Monday after a power cut shut down 12 of its wards, the hospital said."), c => c.Figures.Any(f => f.Figure.Value == 12));

        Assert.Equal("Riverside University Hospital", claim.SourceName);
    }

    [Fact]
    public void Reminded_IsAVerbOfSaying()
    {
        var claim = Assert.Single(AttributionTests.Propose("Landlords who ignore the rule face fines of up to €20,000, the Housing Inspectorate reminded owners on Friday."), c => c.Figures.Any(f => f.Figure.Value == 20_000));

        Assert.Equal("Housing Inspectorate", claim.SourceName);
    }
}
