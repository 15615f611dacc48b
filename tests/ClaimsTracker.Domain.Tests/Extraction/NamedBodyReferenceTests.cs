using ClaimsTracker.Domain.Extraction;

namespace ClaimsTracker.Domain.Tests.Extraction;

/// <summary>
/// "The company", "the club", "the union", "the broker" said, after the body was named but had
/// not yet spoken: business, labour and sports desks name a firm or a club once, as the subject of
/// the sentence or in an apposition, and then call it by what it is (issue 10, docs/extraction.md).
/// </summary>
public class NamedBodyReferenceTests
{
    [Fact]
    public void TheCompanyConfirmed_IsTheMakerNamedAtTheStartOfTheSentence()
    {
        var claims = AttributionTests.Propose("Packaging maker Orlent Boxworks will shut 310 jobs at its Leeds site, the company has confirmed.");

        Assert.Equal("Orlent Boxworks", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 310)).SourceName);
    }

    [Fact]
    public void ANameWithItsDescriptionInApposition_SpeaksUnderItsName()
    {
        var claims = AttributionTests.Propose("Veltmark Draht, the Austrian wire maker, reported quarterly sales of €1.3 billion on Tuesday.");

        Assert.All(claims, c => Assert.Equal("Veltmark Draht", c.SourceName));
        Assert.NotEmpty(claims);
    }

    [Fact]
    public void TheFirstWordOfABodyNamedBefore_IsThatBody()
    {
        var claims = AttributionTests.Propose("Marrowby Motors is recalling 6,200 vans because a brake hose can split. Marrowby said it knew of three crashes.");

        Assert.Equal("Marrowby Motors", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 3)).SourceName);
    }

    [Fact]
    public void AFirstWordTwoBodiesShare_StaysAsWritten()
    {
        var claims = AttributionTests.Propose("Halden Foods and Halden Logistics both cut jobs this spring. Halden said 140 posts would go.");

        Assert.Equal("Halden", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 140)).SourceName);
    }

    [Fact]
    public void AccordingToFiguresItReleased_IsTheBodyThatSpokeBefore()
    {
        var claims = AttributionTests.Propose("The Harlow Trust said the appeal had raised £3.1m. According to figures it released later, 41% came from small donors.");

        Assert.Equal("Harlow Trust", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 41)).SourceName);
    }

    [Fact]
    public void TheTeamSaid_IsTheTeamThatOpensTheSentence()
    {
        var claims = AttributionTests.Propose("The Ashport Herons sold 18,400 tickets for Friday's opener, the team said.");

        Assert.Equal("Ashport Herons", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 18400)).SourceName);
    }

    [Fact]
    public void TheUnionSaid_IsTheUnionItsMembersBelongTo_NotTheEmployer()
    {
        var claims = AttributionTests.Propose("Members of the United Bakery Workers union backed a walkout at Pellow Foods' 12 bakeries by 88%, the union said.");

        Assert.All(claims, c => Assert.Equal("United Bakery Workers", c.SourceName));
        Assert.NotEmpty(claims);
    }

    [Fact]
    public void TheBrokerLater_IsTheFirmNamedBefore()
    {
        var claims = AttributionTests.Propose("Marrick Securities said in a note on Monday that the miner's shares were worth 42 crowns. The broker now expects a loss of about $80 million this year.");

        Assert.All(claims.Where(c => c.Figures.Any(f => f.Figure.Value is 42 or 80000000)), c => Assert.Equal("Marrick Securities", c.SourceName));
        Assert.Equal(2, claims.Count(c => c.Figures.Any(f => f.Figure.Value is 42 or 80000000)));
    }

    [Fact]
    public void TheClubSaid_IsTheClubWhoseOwnersSpokeBefore()
    {
        var claims = AttributionTests.Propose("The owners of Kelso Athletic said on Monday they had repaid £12 million of loans. Season-ticket sales reached 9,200, the club said.");

        Assert.Equal("Kelso Athletic", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 9200)).SourceName);
    }

    [Fact]
    public void ThePlaceBasedAirline_IsTheCarrierNamedBefore()
    {
        var claims = AttributionTests.Propose("Budget carrier Skylark Air will add 14 routes this winter, the Cork-based airline said.");

        Assert.Equal("Skylark Air", Assert.Single(claims).SourceName);
    }

    [Fact]
    public void WhatACompanyMakes_IsNoPartOfItsName()
    {
        var claims = AttributionTests.Propose("Wire maker Veltmark Draht said sales rose 9% in the quarter. The Austrian wire maker expects a profit of €200 million this year.");

        Assert.All(claims, c => Assert.Equal("Veltmark Draht", c.SourceName));
        Assert.Equal(2, claims.Count);
    }

    [Fact]
    public void ARelativeClauseHoldingANumberWithACommaBetweenTheBodyAndItsVerb_StillNamesTheBody()
    {
        var claims = AttributionTests.Propose("Grocer Tallis Markets reported a profit of $2.1bn. The firm, which employs 30,000 people, said sales rose 5%.");

        Assert.Equal("Tallis Markets", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 5)).SourceName);
    }

    [Fact]
    public void UnnamedOfficialsOfABody_AreTheBody()
    {
        var claims = AttributionTests.Propose("The deal is worth 2 trillion rupiah, two health ministry officials said. It covers 30 million doses, one of the officials said.");

        Assert.All(claims, c => Assert.Equal("health ministry", c.SourceName));
        Assert.Equal(2, claims.Count);
    }

    [Fact]
    public void AnUnnamedSpokespersonOfANamedForce_IsTheForce()
    {
        var claim = Assert.Single(AttributionTests.Propose("A Garda spokesperson said 14 people had been arrested at the festival."));

        Assert.Equal("Garda", claim.SourceName);
    }

    [Fact]
    public void ANameInAppositionAfterAWireDateline_SpeaksUnderItsName()
    {
        var claims = AttributionTests.Propose("VIENNA (Alpine Wire) - Veltmark Draht, the Austrian wire maker, reported quarterly sales of €1.3 billion on Tuesday.");

        Assert.All(claims, c => Assert.Equal("Veltmark Draht", c.SourceName));
        Assert.NotEmpty(claims);
    }

    [Fact]
    public void TheBodysChiefExecutive_SpeaksForTheBodyNamedBefore()
    {
        var claims = AttributionTests.Propose("The Kelvin Health Board said 4,000 patients were waiting. The board's chief executive, Ann Roy, said it had been given £20 million.");

        var money = claims.Where(c => c.Figures.Any(f => f.Figure.Value == 20_000_000)).ToList();
        Assert.Equal("Ann Roy", Assert.Single(money, c => !c.Corroborates).SourceName);
        Assert.Equal("Kelvin Health Board", Assert.Single(money, c => c.Corroborates).SourceName);
    }

    [Fact]
    public void ADateASpokespersonGivesForWhatHappened_IsTheBodysToo_TheDaySheSpokeIsNot()
    {
        var claims = AttributionTests.Propose("Health department spokesperson Thandie Kalua said on Tuesday that the earliest case dated back to September 29.", new DateOnly(2025, 11, 20));

        var body = Assert.Single(claims, c => c.Corroborates);
        Assert.Equal("Health department", body.SourceName);
        Assert.Equal([new DateOnly(2025, 9, 29)], body.Figures.Select(f => f.Date));
    }

    [Fact]
    public void ABodyWhoseNameHoldsOf_OpeningASentenceWithSaying_KeepsItsWholeName()
    {
        var claim = Assert.Single(AttributionTests.Propose("The Ministry of Tourism has dismissed the findings, saying its own monitoring shows less than 30 percent of the reef is affected."));

        Assert.Equal("Ministry of Tourism", claim.SourceName);
    }

    [Fact]
    public void TheTourismMinistry_IsTheCataloguesMinistryOfTourism()
    {
        var context = new ExtractionContext(new DateOnly(2025, 11, 20), TestCatalogue.Metrics, [.. TestCatalogue.Sources, new SourceCandidate(40, "Ministry of Tourism", [])]);

        var claim = Assert.Single(new ClaimExtractor().Propose("Fiji's tourism ministry says less than 30% of the reef system is bleached.", context));

        Assert.Equal((40, "Ministry of Tourism"), (claim.SourceId!.Value, claim.SourceName!));
    }

    [Fact]
    public void ALedeDescription_TakesTheNameTheReportGivesTheBodyLater()
    {
        var claims = AttributionTests.Propose(
            "The water regulator says at least 4,200 homes in Brackley were sent bills twice in March.\n\n"
            + "In a letter to the supplier, the Water Services Regulation Board said the error had cost customers £610,000.");

        Assert.Equal("Water Services Regulation Board", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 4200)).SourceName);
        Assert.Equal("Water Services Regulation Board", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 610000)).SourceName);
    }

    [Fact]
    public void ADescriptionIntroducingTheName_IsThatBody()
    {
        var claims = AttributionTests.Propose(
            "The operator of the Kestle ferry route has admitted that 2,900 tickets were sold twice.\n\n"
            + "Passengers had complained for weeks, according to a statement from operator Harbour Link Kestle, which said 40 staff were checking refunds.");

        Assert.Equal("Harbour Link Kestle", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 2900)).SourceName);
    }

    [Fact]
    public void ADescriptionOfAnotherBody_KeepsItsOwnWords()
    {
        // The ministry that opens the report is not the firm named after it: nothing ties the two.
        var claims = AttributionTests.Propose(
            "The transport ministry said about 1,100 vans would be recalled.\n\n"
            + "Sorrel Motor Works said it had already contacted 700 owners.");

        Assert.Equal("transport ministry", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 1100)).SourceName);
        Assert.Equal("Sorrel Motor Works", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 700)).SourceName);
    }

    [Fact]
    public void ADescriptionWithItsOwnWords_IsNotAnotherBodySharingItsHead()
    {
        var claims = AttributionTests.Propose(
            "The health ministry says 46 people were treated after the blast.\n\n"
            + "The Ministry of Defence said 12 soldiers were among them.");

        Assert.Equal("health ministry", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 46)).SourceName);
    }

    [Fact]
    public void SaidItHadSoFarRefunded_MakesTheNameABody_SoTheCompanyIsIt()
    {
        var claims = AttributionTests.Propose("Tarnmoor Lakeside says it has so far refunded £2.4m to anglers. The company said 310 permits had been cancelled.");

        Assert.Equal("Tarnmoor Lakeside", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 310)).SourceName);
    }
}
