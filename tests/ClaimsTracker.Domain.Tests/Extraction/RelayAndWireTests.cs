namespace ClaimsTracker.Domain.Tests.Extraction;

/// <summary>
/// Relays and speakers of wire and business prose (issue 10): "according to X quoted by Y",
/// figures compiled by an outlet, a pollster's poll, wire datelines, outlets introduced by what they
/// are, and the body behind an unnamed source or spokeswoman (docs/extraction.md, "Attribution").
/// </summary>
public class RelayAndWireTests
{
    [Fact]
    public void TheReportSaid_IsTheBodyThatPublishedTheReport()
    {
        var claims = AttributionTests.Propose("Two ferries passed within 80 metres of each other off Skarholm, according to a report by the Marine Accident Board. The smaller ferry was carrying 212 passengers, the report said.");

        Assert.All(claims, c => Assert.Equal("Marine Accident Board", c.SourceName));
        Assert.Equal(2, claims.Count);
    }

    [Fact]
    public void AnEarlierEstimatesAtTheEnd_IsNoSpeakerAndNoRelay()
    {
        var claim = Assert.Single(AttributionTests.Propose("A senior diplomat told reporters that up to 900 fighters had crossed the border, a steep rise on earlier estimates."));

        Assert.Null(claim.RelayName);
        Assert.Equal("senior diplomat", claim.SourceName);
    }

    [Fact]
    public void AccordingToAnOfficialQuotedByAnOutlet_TheOfficialSpeaksAndTheOutletRelays()
    {
        var claims = AttributionTests.Propose("A ransom of about $2 million changed hands, according to a border police official quoted by Radio Dunmore. At least nine hostages are still held, the official said.");

        Assert.All(claims, c =>
        {
            Assert.Equal("border police official", c.SourceName);
            Assert.Equal("Radio Dunmore", c.RelayName);
        });
        Assert.Equal(2, claims.Count);
    }

    [Fact]
    public void OwnersFiguresCompiledByAnOutlet_TheOwnerSpeaksAndTheCompilerRelays()
    {
        var claim = Assert.Single(AttributionTests.Propose("The sequel took $41 million in its first weekend, according to Harbour Films figures compiled by ScreenCount."));

        Assert.Equal("Harbour Films", claim.SourceName);
        Assert.Equal("ScreenCount", claim.RelayName);
    }

    [Fact]
    public void APollByAnOutlet_IsTheOutletsFigure()
    {
        var claim = Assert.Single(AttributionTests.Propose("Growth was just above the 1.1% median forecast in a Northgate Wire poll of 22 economists."));

        Assert.Equal("Northgate Wire", claim.SourceName);
    }

    [Fact]
    public void AWireDatelineWithAHyphen_IsNoSpeaker()
    {
        var claim = Assert.Single(AttributionTests.Propose("OSLO, March 3 (Northgate Wire) - Norway's central bank held its policy rate at 4.25% on Thursday, and said it expected to cut later in the year."));

        Assert.Equal("Norway's central bank", claim.SourceName);
    }

    [Fact]
    public void ToldAnOutletIntroducedByWhereItIsBased_TheOutletRelays()
    {
        var claim = Assert.Single(AttributionTests.Propose("Fund director Ama Owusu told the Accra-based outlet The Coastal Herald that donations had fallen by a quarter."));

        Assert.Equal("Ama Owusu", claim.SourceName);
        Assert.Equal("Coastal Herald", claim.RelayName);
    }

    [Fact]
    public void ToldAnOutletWhoseNameHoldsAParticle_TheWholeNameRelays()
    {
        var claim = Assert.Single(AttributionTests.Propose("Trade Minister Karim Alaoui told the newspaper La Voix du Sud that the port would hire 1,200 people."));

        Assert.Equal("La Voix du Sud", claim.RelayName);
    }

    [Theory]
    [InlineData("A coastguard source told Radio Brenn that the crew had spent 40 minutes in the water.", "coastguard")]
    [InlineData("An air accident investigation board spokeswoman said three investigators were on site.", "air accident investigation board")]
    public void AnUnnamedSourceOrSpokeswomanOfABody_IsTheBody(string text, string body)
    {
        var claim = Assert.Single(AttributionTests.Propose(text));

        Assert.Equal(body, claim.SourceName);
    }

    [Fact]
    public void ASeniorSource_StaysASource()
    {
        var claim = Assert.Single(AttributionTests.Propose("A senior source said 14 ministers had signed the letter."));

        Assert.NotEqual("senior", claim.SourceName);
    }

    [Fact]
    public void AFigureAnalystsHadForecast_IsTheAnalystsAndNoOtherFigureIs()
    {
        var claims = AttributionTests.Propose("Shoe chain Pedalo reported a loss of €48 million for the half year, deeper than the €30 million loss analysts had forecast, and said it would shut 25 shops.");

        Assert.Equal("analysts", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 30_000_000)).SourceName);
        Assert.All(claims.Where(c => c.Figures.Any(f => f.Figure.Value is 48_000_000 or 25)), c => Assert.Equal("Pedalo", c.SourceName));
    }

    [Fact]
    public void AFigureThatEconomistsPolledByAnOutletExpected_DoesNotTakeTheFiguresAfterIt()
    {
        var claims = AttributionTests.Propose("Courier firm Parcelo said it delivered 41 million parcels in March, ahead of the 39 million that analysts polled by Northgate Wire had expected, and now employs 12,500 drivers.");

        var expected = Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 39_000_000));
        Assert.Equal("analysts", expected.SourceName);
        Assert.Equal("Northgate Wire", expected.RelayName);
        Assert.Equal("Parcelo", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 12_500)).SourceName);
    }

    [Fact]
    public void TheAmountABodySaysIsNeeded_IsThatBodysAndNotTheTrailingSpeakers()
    {
        var claims = AttributionTests.Propose("Donors promised $2.1bn for flood relief on Monday, far short of the $5bn the World Food Programme says is needed, the organisers said.");

        Assert.Equal("World Food Programme", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 5_000_000_000)).SourceName);
        Assert.Equal("organisers", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 2_100_000_000)).SourceName);
    }

    [Fact]
    public void WhatABodyBelievesWasAnAmount_IsThatBodysFigure()
    {
        var claims = AttributionTests.Propose("Robbers escaped with what Sentinel Cash believes was R9 million, police spokesperson Captain Lerato Dube said.");

        Assert.Equal("Sentinel Cash", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 9_000_000)).SourceName);
    }

    [Fact]
    public void ASpeakerInsideARelativeClause_SpeaksOnlyInsideIt()
    {
        var claims = AttributionTests.Propose("Two years after the Orvale landslide, which the disaster agency says killed 64 people, only 300 of the 1,900 homes promised have been rebuilt, an analysis by the weekly The Valley Ledger found.");

        Assert.Equal("disaster agency", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 64)).SourceName);
        Assert.All(claims.Where(c => c.Figures.Any(f => f.Figure.Value is 300 or 1_900)), c => Assert.Equal("Valley Ledger", c.SourceName));
    }

    [Fact]
    public void ASpeakerInsideARelativeClause_DoesNotReachBackToTheFiguresBeforeIt()
    {
        var claims = AttributionTests.Propose("Regulators on Friday approved the 900MW Glenmor solar farm, which developer Helio Parks says will supply 400,000 homes.");

        Assert.Equal("Helio Parks", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 400_000)).SourceName);
        Assert.All(claims.Where(c => c.Figures.Any(f => f.Figure.Value == 900)), c => Assert.Null(c.SourceName));
    }

    [Fact]
    public void TheSidesOfAPayDispute_EachOwnTheirOffer()
    {
        var claims = AttributionTests.Propose("The Rail Drivers' Guild is seeking a 12% rise over three years. Ferrovia has offered 5% and called the demand unaffordable.");

        Assert.Equal("Rail Drivers' Guild", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 12)).SourceName);
        Assert.Equal("Ferrovia", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 5)).SourceName);
    }

    [Fact]
    public void APushForAFigure_BelongsToItsOwnClause()
    {
        var claims = AttributionTests.Propose("The Dockers' Union had pushed for 6%, while the Port Employers' Council argued for 2.5%.");

        Assert.Equal("Dockers' Union", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 6)).SourceName);
        Assert.Equal("Port Employers' Council", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 2.5m)).SourceName);
    }

    [Fact]
    public void AnOfferReportedBySomeoneElse_IsTheSpeakersClaim()
    {
        var claims = AttributionTests.Propose("The guild is demanding 15%, while the operator has offered 4%, guild leader Tomas Berg told reporters.");

        Assert.All(claims, c => Assert.Equal("Tomas Berg", c.SourceName));
        Assert.NotEmpty(claims);
    }

    [Fact]
    public void DonorsPledging_IsNoSpeaker()
    {
        var claim = Assert.Single(AttributionTests.Propose("Donors pledged $800 million for the region at a meeting in Oslo on Tuesday."));

        Assert.Null(claim.SourceName);
    }

    [Fact]
    public void EmployersAddedJobs_IsWhatTheyDidNotWhatTheySaid()
    {
        var claim = Assert.Single(AttributionTests.Propose("Factories added 38,000 jobs in May, the statistics bureau said on Thursday."));

        Assert.Equal("statistics bureau", claim.SourceName);
    }
}
