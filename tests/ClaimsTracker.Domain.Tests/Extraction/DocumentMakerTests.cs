namespace ClaimsTracker.Domain.Tests.Extraction;

/// <summary>
/// Who speaks through a document or a description the report gives once (issue 10, docs/extraction.md):
/// research and polling by a body, a study led by a person and published somewhere, a place's body
/// written in lower case, and a poll's or a total's details in the next sentence.
/// </summary>
public class DocumentMakerTests
{
    [Fact]
    public void AccordingToResearchByABody_IsThatBody()
    {
        var claims = AttributionTests.Propose("Some 140 swimming pools have shut since 2019, according to research by the Leisure Venues Network.");

        Assert.Equal("Leisure Venues Network", Assert.Single(claims).SourceName);
    }

    [Theory]
    [InlineData("new research from the Tarn Institute", "Tarn Institute")]
    [InlineData("polling by Brisk Opinion", "Brisk Opinion")]
    [InlineData("projections by the Harbour Board", "Harbour Board")]
    public void AccordingToUncountedFindingsOfAMaker_IsTheMaker(string document, string maker)
    {
        var claims = AttributionTests.Propose($"Ferry use fell 9% last year, according to {document}.");

        Assert.Equal(maker, Assert.Single(claims).SourceName);
    }

    [Fact]
    public void AStudyLedByAPersonAndPublishedInAJournal_IsThePerson()
    {
        var claims = AttributionTests.Propose(
            "The lynx population grew by about 30% in five years, according to a study led by Ilona Varga and published on Monday in Northern Mammal Review.");

        Assert.Equal("Ilona Varga", Assert.Single(claims).SourceName);
    }

    [Fact]
    public void AReportPublishedByABody_StillNamesTheBody()
    {
        var claims = AttributionTests.Propose("Lorry thefts rose 12%, according to a report published on Thursday by the Freight Security Council.");

        Assert.Equal("Freight Security Council", Assert.Single(claims).SourceName);
    }

    [Fact]
    public void APersonOfAUniversityNamedInItsOwnLanguage_IsThePerson()
    {
        var claims = AttributionTests.Propose("Coral cover fell to 11%, according to Marisol Quintero of Universidad del Caribe Sur.");

        Assert.Equal("Marisol Quintero", Assert.Single(claims).SourceName);
    }

    [Fact]
    public void ItPublished_AfterAPlacesCouncilInLowerCase_IsThatCouncil()
    {
        var claims = AttributionTests.Propose(
            "About 2,100 families are in emergency housing arranged by Dunmere council, according to figures it published on Tuesday.");

        Assert.Equal("Dunmere council", Assert.Single(claims).SourceName);
    }

    [Fact]
    public void ThePollsDetailsInTheNextSentence_GoOnWithThePollster()
    {
        var claims = AttributionTests.Propose(
            "Support for the levy fell to 38%, according to a poll by the weekly Valdera Chronicle. The survey of 1,200 voters has a margin of error of 2.8 points.");

        Assert.Equal("Valdera Chronicle", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 1200)).SourceName);
    }

    [Fact]
    public void ATotalFollowedByAComma_GoesOnWithTheBodyThatGaveIt()
    {
        var claims = AttributionTests.Propose(
            "Some 41 fishing boats were lost last year, insurer Tidewell Mutual said. The total, which counts boats over 12 metres, compares with 55 in 2023.");

        Assert.Equal("Tidewell Mutual", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 55)).SourceName);
    }

    [Fact]
    public void APersonsAccount_DoesNotGoOnIntoTheNextSentencesOwnWords()
    {
        var claims = AttributionTests.Propose("Turnout was 61%, said Ana Lukic, the returning officer. Its rival count put it at 58%.");

        Assert.Null(Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 58)).SourceName);
    }

    [Fact]
    public void AStatePromise_IsTheStatesWhenNobodySpeaks()
    {
        var claims = AttributionTests.Propose("The Kavala regional government has promised to plant 40,000 trees by 2030.");

        Assert.Equal("Kavala regional government", Assert.Single(claims).SourceName);
    }

    [Fact]
    public void AnOwnersAnnualReviewOfTheMarket_IsTheOwner_AndABodyForALaterDescription()
    {
        var claims = AttributionTests.Propose(
            "Cargo insurers paid out about $410m last year, according to Norvane Re's annual review of the market. Rates have risen to 7% of cargo value, the reinsurer said.");

        Assert.All(claims, c => Assert.Equal("Norvane Re", c.SourceName));
        Assert.Equal(2, claims.Count);
    }

    [Fact]
    public void ATradeThatIsAlsoAKindOfCompany_IsTheCompanyALaterDescriptionNames()
    {
        var claims = AttributionTests.Propose("Copper producer Tessel Vale will cut up to 900 jobs at its northern pit, the company said.");

        Assert.Equal("Tessel Vale", Assert.Single(claims).SourceName);
    }

    [Fact]
    public void ABodyNamedBeforeWhichSays_SpeaksForTheFigureInItsClause()
    {
        var claims = AttributionTests.Propose("Ferry fares rose this spring under a scheme run by the Harbour Transport Authority, which says about 2,400 crossings are made a day.");

        Assert.Equal("Harbour Transport Authority", Assert.Single(claims).SourceName);
    }

    [Fact]
    public void APersonNamedBeforeWhichSays_IsNoSpeaker()
    {
        var claims = AttributionTests.Propose("The ferry was built for Jonas Prell, which says about 2,400 crossings are made a day.");

        Assert.Null(Assert.Single(claims).SourceName);
    }

    [Fact]
    public void AnAnalysisOfOfficialDataByABody_IsThatBody()
    {
        var claims = AttributionTests.Propose("Hospital discharges fell to 8,400, according to an analysis of official data by the health charity Careway Trust.");

        Assert.Equal("Careway Trust", Assert.Single(claims).SourceName);
    }

    [Fact]
    public void UnnamedOfficialsInAPlaceWhoToldAnOutlet_SpeakThroughIt()
    {
        var claims = AttributionTests.Propose("Officials in the Tarsa district told the Lowland Broadcasting Service that floods had cut 40 roads.");

        var claim = Assert.Single(claims);
        Assert.Equal("Officials", claim.SourceName);
        Assert.Equal("Lowland Broadcasting Service", claim.RelayName);
    }

    [Fact]
    public void PeopleAtADescribedFirm_AreTheFirm()
    {
        var claims = AttributionTests.Propose("Partners at the accountancy firm Dorrit Vale said 212 jobs would be saved.");

        Assert.Equal("Dorrit Vale", Assert.Single(claims).SourceName);
    }

    [Fact]
    public void APollThatHadShown_IsItsOwners()
    {
        var claims = AttributionTests.Propose("Marren's last poll had shown the two sides within 4 points.");

        Assert.Equal("Marren", Assert.Single(claims).SourceName);
    }
}
