using ClaimsTracker.Domain.Extraction;

namespace ClaimsTracker.Domain.Tests.Extraction;

/// <summary>
/// Subjects that speak through a longer predicate: a second verb of saying, a participle, a document
/// they made, a parenthetical adverb between them and their verb. Sentences written for these tests.
/// </summary>
public class SubjectFormsTests
{
    [Theory]
    [InlineData("The Harbour Traders' Guild, which represents dock shops, welcomed the plan but noted that rents had risen 40% in two years.", "Harbour Traders' Guild")]
    [InlineData("Forecasters at Lindqvist Weather revised their outlook on Monday, predicting that 120mm of rain would fall by Friday.", "Lindqvist Weather")]
    [InlineData("Drivers, however, claimed a turnout of 3,000 at the depot.", "Drivers")]
    [InlineData("Harbourline, whose offer of 3% stands, again said fewer than 400 dockers stayed out.", "Harbourline")]
    [InlineData("Prosecutors allege that the pair moved 900 kilograms of resin through the port.", "Prosecutors")]
    [InlineData("But a review of satellite images by the Flood Mapping Lab at the University of Orvieto put the flooded area at 62 square kilometres.", "Flood Mapping Lab")]
    [InlineData("Kelso Rovers' annual report, published yesterday, shows wages of £87m.", "Kelso Rovers")]
    [InlineData("The study, by the Perth-based Corrin Institute for Child Health, found 18.2% of pupils had vaped.", "Corrin Institute for Child Health")]
    [InlineData("The survey, by pollster Norstat, found 41% backed the plan.", "Norstat")]
    [InlineData("Vaping rose sharply, and the study, by the Corrin Institute, found 18.2% of pupils had vaped.", "Corrin Institute")]
    [InlineData("The ministry's report, published on Monday, shows 40 deaths in the camps.", "ministry")]
    public void TheSubject_SpeaksForTheFigure(string sentence, string speaker) =>
        Assert.Equal(speaker, SpeakerOf(sentence));

    [Theory]
    [InlineData("Ticket sales fell 11% in the spring, according to the Stagecount report published Monday, which blamed strikes.", "Stagecount")]
    [InlineData("Hotel prices will rise 6% next year, according to a poll of 30 economists compiled by Tessaline Data.", "Tessaline Data")]
    [InlineData("Turnout was 58%, according to the boundary commission's provisional results.", "boundary commission")]
    [InlineData("Water use fell 12% last year, according to the port authority's annual water efficiency report.", "port authority")]
    [InlineData("Bookings rose 9%, according to Harlow Leisure Group's half-year accounts.", "Harlow Leisure Group")]
    [InlineData("Losses reached €40 million, according to figures the insurer filed with the regulator.", "insurer")]
    [InlineData("Approval slid to 36%, according to the monthly barometer of the Centre for Civic Opinion.", "Centre for Civic Opinion")]
    [InlineData("Support fell to 48%, a survey by Tallis Research for Radio Kestrel showed on Tuesday.", "Tallis Research")]
    [InlineData("Support fell to 48%, according to a study by the Institute for Rural Affairs.", "Institute for Rural Affairs")]
    public void WhoMadeTheDocument_Speaks(string sentence, string speaker) =>
        Assert.Equal(speaker, SpeakerOf(sentence));

    [Fact]
    public void ATimeOpeningTheSentence_IsNoPartOfTheSubject()
    {
        var claim = Assert.Single(AttributionTests.Propose("On the same day the administrators said they had repaid $12 million to savers."));

        Assert.Equal("administrators", claim.SourceName);
    }

    [Fact]
    public void ADescriptionTheCatalogueKnows_Speaks_EvenWhenItsNounNamesNoKindOfBody()
    {
        var context = new ExtractionContext(new DateOnly(2025, 3, 4), TestCatalogue.Metrics, [.. TestCatalogue.Sources, new SourceCandidate(41, "Vellmont Cantonal Chancellery", ["the cantonal chancellery"])]);

        var claim = Assert.Single(new ClaimExtractor().Propose("Turnout was 49%, the cantonal chancellery said.", context));

        Assert.Equal(("Vellmont Cantonal Chancellery", 41), (claim.SourceName, claim.SourceId));
    }

    [Theory]
    [InlineData("Indonesia's defence ministry said 60 drones were ordered.", "Indonesian defence ministry", 42)]
    [InlineData("Marvan's foreign ministry said 40 citizens died.", "Marvan foreign ministry", 43)]
    public void APlacesBody_IsTheCatalogueBody_FiledUnderThePlacesAdjective(string sentence, string name, int id)
    {
        var context = new ExtractionContext(
            new DateOnly(2025, 3, 4),
            TestCatalogue.Metrics,
            [.. TestCatalogue.Sources, new SourceCandidate(42, "Indonesian defence ministry", []), new SourceCandidate(43, "Marvan foreign ministry", [])]);

        var claim = Assert.Single(new ClaimExtractor().Propose(sentence, context));

        Assert.Equal((name, id), (claim.SourceName, claim.SourceId));
    }

    [Theory]
    [InlineData("According to the Kestrel Foundation report, sales fell 4%.", "Kestrel Foundation")]
    [InlineData("Sales fell 4%, according to the Brantley Index survey.", "Brantley Index")]
    public void ADocumentNamedAfterItsMaker_IsTheMakers(string sentence, string speaker) =>
        Assert.Equal(speaker, SpeakerOf(sentence));

    [Theory]
    [InlineData("Chief Inspector Dana Whitfield of Avonshire Police said 612 drivers were arrested.", "Dana Whitfield")]
    [InlineData("Hydrologist Elena Mirat said the city had no more than 90 days of water.", "Elena Mirat")]
    [InlineData("Statistician Omar Haddad said 12% of homes were empty.", "Omar Haddad")]
    public void ARoleBeforeAPersonsName_IsNoPartOfIt(string sentence, string speaker) =>
        Assert.Equal(speaker, SpeakerOf(sentence));

    [Theory]
    [InlineData("About 300 homes were flooded, La Voce di Torrena reported.", "La Voce di Torrena")]
    [InlineData("About 300 homes were flooded, said Inês da Costa.", "Inês da Costa")]
    [InlineData("About 300 homes were flooded, said Piero della Rovere.", "Piero della Rovere")]
    public void ALowerCaseParticle_StaysInsideTheName(string sentence, string speaker) =>
        Assert.Equal(speaker, SpeakerOf(sentence));

    [Fact]
    public void ResearchersAtAFirm_AreTheFirm_ButANamedLabInsideAUniversity_IsTheLab()
    {
        var firm = Assert.Single(AttributionTests.Propose("Researchers at Coldharbour Insight said 14% of shoppers had switched brands."));
        var lab = Assert.Single(AttributionTests.Propose("The Soil Carbon Unit at Marchetti University said 7 tonnes of carbon were stored per hectare."));

        Assert.Equal("Coldharbour Insight", firm.SourceName);
        Assert.Equal("Soil Carbon Unit", lab.SourceName);
    }

    [Fact]
    public void AnUnnamedOfficialWithAnAside_WhoToldAnOutlet_IsTheSource_AndTheOutletItsRelay()
    {
        var claim = Assert.Single(AttributionTests.Propose("A senior official, speaking on condition of anonymity, told the Orla Gazette the scheme would cost $2 billion."));

        Assert.Equal(("senior official", "Orla Gazette"), (claim.SourceName, claim.RelayName));
    }

    [Fact]
    public void AReportInAPaper_IsThePapersReport()
    {
        var claim = Assert.Single(AttributionTests.Propose("According to a report in the Valdane Ledger, the merger is worth $3.2 billion."));

        Assert.Equal("Valdane Ledger", claim.SourceName);
    }

    [Fact]
    public void ACitationOpeningTheSentence_IsRelayedByWhoeverCitesIt()
    {
        var claim = Assert.Single(AttributionTests.Propose("Citing hospital officials, the Coast Herald said 17 fishermen were missing."));

        Assert.Equal(("hospital officials", "Coast Herald"), (claim.SourceName, claim.RelayName));
    }

    [Fact]
    public void ASentenceOpeningOnWhatTheBodyOwns_GoesOnWithItsAccount_ButAParagraphBreakEndsIt()
    {
        var claims = AttributionTests.Propose("Pellworth Group made a loss of £96m in the half-year, the Aim-listed insurer reported on Friday. Its solvency ratio fell to 141% from 168%.\n\nIts shares fell 4%.");

        Assert.Equal("Pellworth Group", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 141)).SourceName);
        Assert.Null(Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 4)).SourceName);
    }

    [Fact]
    public void ASentenceNamingNobody_ThatDoesNotOpenOnTheBody_StaysUnattributed()
    {
        var claims = AttributionTests.Propose("The ferry operator cancelled 40 sailings, Brennock Ferries said. Wind speeds reached 90mph on the coast.");

        Assert.Null(Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 90)).SourceName);
    }

    [Theory]
    [InlineData("CORK (Harbour Wire) - Dunmore Credit estimated its bad loans at €31 million.", "Dunmore Credit")]
    [InlineData("Stackhouse Group booked a charge of £52m, the Aim-listed builder disclosed on Monday.", "Stackhouse Group")]
    [InlineData("Stackhouse Group booked a charge of £52m, the Lloyd's-backed builder disclosed on Monday.", "Stackhouse Group")]
    [InlineData("Gale warnings cut supply to 9,000 homes, according to utility firm Brightline. About 2,500 were still cut off on Friday, a spokeswoman for the firm said.", "Brightline")]
    [InlineData("The Labour Front took 31 seats. Its leader, Ana Kovac, hailed the result and said turnout reached 64%.", "Ana Kovac")]
    public void TheSpeaker_IsFoundBehindItsDescription(string text, string speaker)
    {
        var claim = AttributionTests.Propose(text)[^1];

        Assert.Equal(speaker, claim.SourceName);
    }

    [Fact]
    public void WhoDescribesAnEvent_AndWhoGaveAFigure_EachSpeakForTheirOwn()
    {
        var claims = AttributionTests.Propose("The coastguard still describes the wreck as carrying more than 90 people, well above the figure of 57 given by the port authority.");

        Assert.Equal("coastguard", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 90)).SourceName);
        Assert.Equal("port authority", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 57)).SourceName);
    }

    [Fact]
    public void ABodyStickingToItsCount_StatesIt()
    {
        var claim = Assert.Single(AttributionTests.Propose("Organisers have stuck to a count of 12,000."));

        Assert.Equal("Organisers", claim.SourceName);
    }

    [Fact]
    public void EvidenceASpeakerCites_IsNoSpeakerOfItsOwn()
    {
        var claim = Assert.Single(AttributionTests.Propose("The pilots' union leader, Marta Lind, told reporters that data from the flight recorder showed the plane was at 900 feet."));

        Assert.Equal("Marta Lind", claim.SourceName);
    }

    [Fact]
    public void HeAfterALawyer_IsTheLawyer()
    {
        var claims = AttributionTests.Propose("His lawyer said the fine of $8,000 had been paid. He added that 2 appeals were still pending.");

        Assert.Equal("lawyer", claims[^1].SourceName);
    }

    [Fact]
    public void ViaInsideAccordingTo_NamesTheRelay()
    {
        var claim = Assert.Single(AttributionTests.Propose("About 6,000 people crossed, according to the border agency via Meridian Wire."));

        Assert.Equal(("border agency", "Meridian Wire"), (claim.SourceName, claim.RelayName));
    }

    [Fact]
    public void APersonWithAnAgeAndARelativeClause_StillSpeaks()
    {
        var claim = Assert.Single(AttributionTests.Propose("Ms Adeyemi, 58, who leads the inquiry, told MPs that 2,300 claims were unpaid."));

        Assert.Equal("Adeyemi", claim.SourceName);
    }

    [Theory]
    [InlineData("Fares rose on Monday, according to the Transit Riders Forum, a passenger group, which estimated that 40,000 commuters would pay more.", "Transit Riders Forum")]
    [InlineData("The haul was valued at $21 million by the Coastal Patrol Service.", "Coastal Patrol Service")]
    [InlineData("The offer of 4% falls short, the union's leader, Comrade Ifeoma Eze, told journalists.", "Ifeoma Eze")]
    public void TheSpeakerBehindADescriptionOrAPassiveOrAnHonorific(string sentence, string speaker)
    {
        var claims = AttributionTests.Propose(sentence);

        Assert.Equal(speaker, claims[^1].SourceName);
    }

    [Theory]
    [InlineData("The port authority said in a statement to the Bay Courier that 70 containers fell overboard.", "port authority", "Bay Courier")]
    [InlineData("In comments to Radio Selo, the governor said 16 villages were cut off.", "governor", "Radio Selo")]
    [InlineData("The mayor was quoted by the Lakeside Post as saying 420 homes were lost.", "mayor", "Lakeside Post")]
    [InlineData("The minister said in remarks broadcast by Nova Television that 1,500 troops would deploy.", "minister", "Nova Television")]
    [InlineData("A report by the monitoring group, carried by the Delta Wire, said 38 civilians died.", "monitoring group", "Delta Wire")]
    [InlineData("The union's general secretary, speaking on Radio Dunmore, put the cost at $3 million.", "union's general secretary", "Radio Dunmore")]
    public void TheOutletSpokenToOrCarryingTheWords_IsTheRelay(string sentence, string source, string relay)
    {
        var claim = Assert.Single(AttributionTests.Propose(sentence));

        Assert.Equal((source, relay), (claim.SourceName, claim.RelayName));
    }

    [Theory]
    [InlineData("The Harbour Echo, citing a copy of the Gaming Board's ruling, reported that fines could reach $300,000.", "Gaming Board", "Harbour Echo")]
    [InlineData("Its finance director, Omar Haddad, told local station Coast FM that the firm lost 4,000 orders.", "Omar Haddad", "Coast FM")]
    public void TheSourceBehindACopyAndTheStationTold(string sentence, string source, string relay)
    {
        var claim = Assert.Single(AttributionTests.Propose(sentence));

        Assert.Equal((source, relay), (claim.SourceName, claim.RelayName));
    }

    [Theory]
    [InlineData("Interior Minister Samir al-Haddad defended the police, saying 2,300 officers had been deployed.", "Samir al-Haddad")]
    [InlineData("Opposition leader Nadia Karim accused officials of lying, telling reporters that nurses had counted 57 bodies.", "Nadia Karim")]
    [InlineData("The federation representing 40 clubs said each lost $1.2 million.", "federation")]
    public void TheSpeakerOfTheSentence_WhoseWordsCiteOthers(string sentence, string speaker)
    {
        var claims = AttributionTests.Propose(sentence);

        Assert.All(claims.Where(c => c.Figures.Any(f => f.Figure.Value is 2_300 or 57 or 1_200_000)), c => Assert.Equal(speaker, c.SourceName));
    }

    [Fact]
    public void WhatIsSaidToBe_HasNoSpeaker()
    {
        var claim = Assert.Single(AttributionTests.Propose("The scheme is said to cost about £40m a year."));

        Assert.Null(claim.SourceName);
    }

    // The one claim of a sentence naming one speaker: who it is given to.
    private static string? SpeakerOf(string sentence) => Assert.Single(AttributionTests.Propose(sentence)).SourceName;
}
