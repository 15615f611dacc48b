using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Domain.Tests.Extraction;

/// <summary>
/// Who states a figure in company, market and document prose: a company speaking of itself, the
/// body a description points back to, documents and the outlets that saw them, and clauses whose
/// speaker does not reach back (docs/extraction.md, "Attribution").
/// </summary>
public class BusinessAndDocumentAttributionTests
{
    [Fact]
    public void TheCompany_IsTheCompanyThatSpoke_NotTheOneItNamed()
    {
        var claims = AttributionTests.Propose("Dutch brewer Halma said on Monday it would sell its Ghana unit to Okra Beverages for €80 million. The unit employs 1,200 people, the company said.");

        Assert.Equal("Halma", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 1200)).SourceName);
    }

    [Fact]
    public void ADescription_FindsACompanyNamedWithoutSpeaking()
    {
        var claims = AttributionTests.Propose("Sales at Verdane Motors fell sharply in October. The carmaker said it delivered 41,000 vehicles.");

        Assert.Equal("Verdane Motors", Assert.Single(claims).SourceName);
    }

    [Fact]
    public void ANameThatSpeaksOfItselfAsIt_IsABody_ForALaterItOrCompany()
    {
        var claims = AttributionTests.Propose("Brill Kessler said it had cut 300 jobs. It expects to hire 40 engineers next year, the company added.");

        Assert.All(claims, c => Assert.Equal("Brill Kessler", c.SourceName));
    }

    [Fact]
    public void ACompanyRevisingALongNamedForecast_StatesTheNewFigure()
    {
        var claim = Assert.Single(AttributionTests.Propose("Norrland Steel cut its full-year operating profit forecast to 2.1 billion crowns."));

        Assert.Equal("Norrland Steel", claim.SourceName);
    }

    [Fact]
    public void ASpeakerAfterASubordinatingWord_DoesNotReachBack()
    {
        var claims = AttributionTests.Propose("Shares in Pavona Foods jumped 12% on Tuesday after the company said quarterly sales rose 30%.");

        Assert.Null(Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 12)).SourceName);
        Assert.Equal("Pavona Foods", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 30)).SourceName);
    }

    [Fact]
    public void ASpeakerInAClauseJoinedByCommaAnd_SpeaksOnlyForItsOwnClause()
    {
        var claims = AttributionTests.Propose("Riot police detained 40 students on Friday, and the students' union said 12 were injured.");

        Assert.Null(Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 40)).SourceName);
        Assert.NotNull(Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 12)).SourceName);
    }

    [Theory]
    [InlineData("The rally added about $4 billion to the group's market value.")]
    [InlineData("The slide wiped roughly $700 million off the firm's value.")]
    public void AnAbstractNoun_IsNoSpeaker(string sentence)
    {
        var claim = Assert.Single(AttributionTests.Propose(sentence));

        Assert.Null(claim.SourceName);
    }

    [Fact]
    public void APluralNounBeforeAPreposition_IsNoVerbOfSaying()
    {
        var claims = AttributionTests.Propose("Insurance claims in Gravia rose 14% last year to about 210,000, the insurers' council said.");

        Assert.All(claims, c => Assert.Equal("insurers' council", c.SourceName));
    }

    [Theory]
    // A document's adjectives, and who published it.
    [InlineData("Only 38% of pupils passed, according to the annual survey by the Lakemoor Trust.", "Lakemoor Trust")]
    [InlineData("About 12% of adults rent, according to the Housing Survey published by Statistics Orvania on Monday.", "Statistics Orvania")]
    // A description, then a title that starts with "The".
    [InlineData("A review by the regional daily The Coastal Times found that 300 beds were closed.", "Coastal Times")]
    // What someone is based on is not who says it.
    [InlineData("The toll has reached 52, according to a count by the radio station Voz Sur based on reports from clinics.", "Voz Sur")]
    public void Documents_AreTheirMakers(string sentence, string source)
    {
        var claim = Assert.Single(AttributionTests.Propose(sentence), c => c.Figures.Any(f => f.Figure.Kind != FigureKind.Date));

        Assert.Equal(source, claim.SourceName);
    }

    [Fact]
    public void AnOutletThatSawADocument_IsItsSource_OrTheRelayOfWhoWroteIt()
    {
        var seen = Assert.Single(AttributionTests.Propose("The plan would close 14 depots, according to a draft seen by the Harbour Gazette."));
        var relayed = Assert.Single(AttributionTests.Propose("Chief executive Ida Berg told staff that 900 posts would go, in a memo seen by the Harbour Gazette."));

        Assert.Equal("Harbour Gazette", seen.SourceName);
        Assert.Equal("Ida Berg", relayed.SourceName);
        Assert.Equal("Harbour Gazette", relayed.RelayName);
    }

    [Fact]
    public void ThePricesSeenByAGroup_AreNoDocumentTheyReport()
    {
        var claim = Assert.Single(AttributionTests.Propose("Wheat fetched 210 euros a tonne, the lowest price seen by growers since 2019, the farm ministry said."));

        Assert.Equal("farm ministry", claim.SourceName);
    }

    [Fact]
    public void TheSurveyLater_IsItsMakers()
    {
        var claims = AttributionTests.Propose("According to a survey by Pollwise, 38% back the plan. The survey of 2,000 adults also found that 21% were undecided.");

        Assert.All(claims, c => Assert.Equal("Pollwise", c.SourceName));
    }

    [Fact]
    public void HowABodyCounted_IsStatedByThatBody()
    {
        var claims = AttributionTests.Propose("The Orla Institute said 41% of voters backed the mayor. The institute questioned 1,500 adults by phone.");

        Assert.All(claims, c => Assert.Equal("Orla Institute", c.SourceName));
    }

    [Fact]
    public void AGroupThatQuestionedSomething_StillSpeaksThroughItsParticiple()
    {
        var claims = AttributionTests.Propose("Unions questioned the figure, saying similar plants employ fewer than 800 people.");

        Assert.Equal("Unions", Assert.Single(claims).SourceName);
    }

    [Theory]
    [InlineData("Four suspects were arrested on Monday, the Ravens said. Cash worth about $90,000 was seized, according to the unit.", "Ravens")]
    [InlineData("Crosby Power said it would build 40 turbines. The cost is about $300 million, according to its annual report.", "Crosby Power")]
    public void ADescriptionOrItsDocument_IsTheBodyNamedBefore(string text, string source)
    {
        var claims = AttributionTests.Propose(text);

        Assert.Equal(source, claims[^1].SourceName);
    }

    [Fact]
    public void ExpectationsOfAnalystsPolledByAnAgency_KeepTheirRelay()
    {
        var claim = Assert.Single(AttributionTests.Propose("Economists polled by Newsline had expected a rate of 4.6%."));

        Assert.Equal("Economists", claim.SourceName);
        Assert.Equal("Newsline", claim.RelayName);
    }

    [Fact]
    public void TellingAnOutlet_AfterTheSubjectsAct_MakesItTheRelay()
    {
        var claim = Assert.Single(AttributionTests.Propose("Trade Minister Lina Okoro rejected the study on Monday, telling Radio Kestrel that exports had grown by 6%."));

        Assert.Equal("Lina Okoro", claim.SourceName);
        Assert.Equal("Radio Kestrel", claim.RelayName);
    }

    [Fact]
    public void TheAgencyOrThePaper_IsTheOutletNamedBefore()
    {
        var claims = AttributionTests.Propose("Mayor Ilse Brandt said 2,100 homes were inspected, the news agency Nordpress reported. Brandt also told the agency that 300 were unsafe. The agency put the repair bill at $40 million.");

        var told = Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 300));
        Assert.Equal("Nordpress", told.RelayName);
        Assert.Equal("Nordpress", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 40_000_000)).SourceName);
    }

    [Fact]
    public void TheOwnersDataShow_IsTheOwnersClaim()
    {
        var claims = AttributionTests.Propose("Jobless claims fell to 4.9%, the statistics institute Statia said. The institute's data show about 210,000 new jobs since March.");

        Assert.All(claims, c => Assert.Equal("Statia", c.SourceName));
    }

    [Fact]
    public void AnUnnamedSpokespersonWhoDeclinedButSaid_SpeaksForTheBodyNamedBefore()
    {
        var claims = AttributionTests.Propose("Lender Corvel Bank will cut jobs at its call centre. A bank spokeswoman declined to comment on the cuts but said the centre would keep about 700 staff.");

        Assert.Equal("Corvel Bank", Assert.Single(claims).SourceName);
    }

    [Theory]
    [InlineData("Roughly 41% of shops still take cash only, according to a survey by the IT services firm Brightloop.", "Brightloop")]
    [InlineData("Opposition whip Nana Ofori, 52, called the bill rushed and said his party would appeal within 30 days.", "Nana Ofori")]
    public void ARoleOrKindBeforeTheName_IsNotTheSpeaker(string sentence, string source)
    {
        var claim = Assert.Single(AttributionTests.Propose(sentence));

        Assert.Equal(source, claim.SourceName);
    }
}
