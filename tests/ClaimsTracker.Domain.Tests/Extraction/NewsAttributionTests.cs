using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Domain.Tests.Extraction;

/// <summary>Who said a figure, in the forms wire copy uses beyond "X said" (docs/extraction.md, "Attribution").</summary>
public class NewsAttributionTests
{
    [Theory]
    // "According to" opening the sentence, in any case.
    [InlineData("According to the port authority, 14 cranes were damaged in the storm.", "port authority")]
    [InlineData("ACCORDING TO the port authority, 14 cranes were damaged in the storm.", "port authority")]
    // A description that starts with an -ing word still names a firm.
    [InlineData("Labour is expected to take 212 seats, the polling company Norvik Data projected on Sunday.", "Norvik Data")]
    // "and" inside an institution's name.
    [InlineData("Measles has infected 930 children this year, the Institute for Vaccine Research and Surveillance has confirmed.", "Institute for Vaccine Research and Surveillance")]
    // A document's publication details are not its author.
    [InlineData("Some 44% of tenants are behind on rent, according to a Lakeshore Analytics survey released on Friday.", "Lakeshore Analytics")]
    [InlineData("Night-shift workers had a 19% higher risk, according to a review of 8,400 nurses led by Tomas Brenner of Halden University and published on Monday in a medical journal.", "Tomas Brenner")]
    // A clause that is not a name no longer hides the name inside it.
    [InlineData("Voters rejected the plan in the referendum, in which the Board of Elections counted 61.2% against it.", "Board of Elections")]
    // A dateline before an appositive speaker.
    [InlineData("KARVIK — Ola Strand, who chairs the harbour board, said 37 boats had sunk.", "Ola Strand")]
    // A group of people, whichever of them the participle picks out.
    [InlineData("Villagers evacuated from the hillside said 60 houses had been buried.", "Villagers")]
    [InlineData("Passengers stranded at the terminal told reporters that 300 flights had been cancelled.", "Passengers")]
    // Anonymous sources are named by what they know.
    [InlineData("According to three people familiar with the talks, the club will pay €18 million for the striker.", "people familiar with the talks")]
    // A body revising its own figure states the new one.
    [InlineData("The statistics agency lowered its growth estimate to 1.2 percent.", "statistics agency")]
    // Abbreviated ranks do not end the speaker's name.
    [InlineData("Nine climbers were rescued, according to mountain police commander Col. Irena Vasko.", "Irena Vasko")]
    // A reporter's title before the name.
    [InlineData("Exports will reach 2 million crates, the trade weekly Hopfenblatt reported.", "Hopfenblatt")]
    // The name given after "called".
    [InlineData("The biggest donor, a trust called Harrow Fields, reported $2.5m in spending on the race.", "Harrow Fields")]
    // "the X ministry of Place" is filed the way catalogues write it.
    [InlineData("The transport ministry of Velmora said 14 bridges were closed.", "Velmora transport ministry")]
    // A description with a relative clause before the verb still speaks.
    [InlineData("The navy, which has patrolled the strait since March, said 6 tankers were turned back.", "navy")]
    // Titles and departments are context; the person is the source.
    [InlineData("Italy's Minister of the Interior Carla Venti said 1,900 officers would be deployed.", "Carla Venti")]
    [InlineData("Head coach Rui Matos said his squad had played 14 games in 40 days.", "Rui Matos")]
    // What a body is, then its name.
    [InlineData("Budget carrier Skyhop estimated the strike would ground 260 flights.", "Skyhop")]
    // A body named only by what it is, with nobody named before.
    [InlineData("In a statement, the agency said 3,400 hectares had burned.", "agency")]
    // An unnamed spokesperson for a named body: the body speaks.
    [InlineData("A spokesman for the Port of Kalden said 75 containers had fallen overboard.", "Port of Kalden")]
    [InlineData("Staff at the depot said 45 buses were out of service.", "Staff at the depot")]
    // A pollster's survey for a paper is the pollster's.
    [InlineData("A Brightline Research poll for the Weekly Ledger put support for the mayor at 41%.", "Brightline Research")]
    // A broadcaster with a number in its name.
    [InlineData("Around 60 homes were flooded, according to Radio 4.", "Radio 4")]
    // Relays and anonymous documents.
    [InlineData("The tally, according to campaign officials, showed 58% for the proposal.", "campaign officials")]
    public void NewsForms_NameTheSpeaker(string sentence, string source)
    {
        var claim = Assert.Single(AttributionTests.Propose(sentence), c => c.Figures.Any(f => f.Figure.Kind != FigureKind.Date));

        Assert.Equal(source, claim.SourceName);
    }

    [Fact]
    public void WhoTheySpokeTo_SpeaksForWhatItSaysItself()
    {
        var claims = AttributionTests.Propose("At least 30 miners are trapped, relatives told the Mine Safety Bureau, which said the shaft held about 90 workers.");

        var trapped = Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 30));
        Assert.Equal("relatives", trapped.SourceName);
        Assert.Equal("Mine Safety Bureau", trapped.RelayName);
        var held = Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 90));
        Assert.Equal("Mine Safety Bureau", held.SourceName);
        Assert.Null(held.RelayName);
    }

    [Fact]
    public void ReportingItsOwnNumbers_InItsOwnClause_IsASourceNotARelay()
    {
        var claims = AttributionTests.Propose("Eight people died, said Maria Lund of the fire service, while the county hospital reported treating about 120 patients.");

        Assert.Equal("Maria Lund", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 8)).SourceName);
        var treated = Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 120));
        Assert.Equal("county hospital", treated.SourceName);
        Assert.Null(treated.RelayName);
    }

    [Fact]
    public void QuotedBy_BetweenCommas_IsTheRelay()
    {
        var claim = Assert.Single(AttributionTests.Propose("Traders at Harbour Securities, quoted by Reuters, expected copper to reach $9,800 a tonne."));

        Assert.Equal("Harbour Securities", claim.SourceName);
        Assert.Equal("Reuters", claim.RelayName);
    }

    [Fact]
    public void OneOfThem_IsTheGroupNamedBefore_WithoutItsCount()
    {
        var claims = AttributionTests.Propose("The deal covers 40 aircraft, the Tribune reported, citing two airline executives. The order is worth about $6 billion, one of the executives said.");

        Assert.Equal("airline executives", claims[^1].SourceName);
    }

    [Fact]
    public void AnUnnamedSpokesperson_SpeaksForTheBodyNamedBefore()
    {
        var claims = AttributionTests.Propose("Shipping group Nordvik Lines will sell 12 vessels. A company spokesman said the sale would raise about $300 million.");

        Assert.Equal("Nordvik Lines", claims[^1].SourceName);
    }

    [Fact]
    public void AfterSaid_TheRoleIsNotTheSpeaker_TheNamedPersonIs()
    {
        var claim = Assert.Single(AttributionTests.Propose("\"We counted 75 trucks at the border,\" said the agency's spokesman, Piotr Zielinski."));

        Assert.Equal("Piotr Zielinski", claim.SourceName);
    }

    [Fact]
    public void AQuoteThatGoesOn_KeepsItsSpeaker()
    {
        var claims = AttributionTests.Propose("\"The dam held,\" said Hana Okoye, the county engineer. \"But 20 homes below it were flooded.\"");

        Assert.Equal("Hana Okoye", Assert.Single(claims).SourceName);
    }

    [Fact]
    public void WordsAddedInsideSomeonesStatement_AreStillTheirs()
    {
        var claims = AttributionTests.Propose("The festival will run for 10 days, organiser Petra Maal said, adding that the team expected 80,000 visitors.");

        Assert.All(claims, c => Assert.Equal("Petra Maal", c.SourceName));
    }

    [Fact]
    public void ABodyConfirmingTheFigure_GetsAClaimOnTheSameFigure()
    {
        var claims = AttributionTests.Propose("The flooding has killed 23 people, the interior ministry said on Friday. The regional health office confirmed the toll.");

        var stated = Assert.Single(claims, c => !c.Corroborates);
        var confirming = Assert.Single(claims, c => c.Corroborates);
        Assert.Equal("interior ministry", stated.SourceName);
        Assert.Equal("regional health office", confirming.SourceName);
        var figure = Assert.Single(confirming.Figures);
        Assert.Equal(23m, figure.Figure.Value);
        Assert.Contains("confirmed the toll", confirming.Quote.Exact, StringComparison.Ordinal);
        Assert.Equal(stated.Figures.Single(f => f.Figure.Value == 23).MetricId, figure.MetricId);
    }

    [Fact]
    public void AFigureLaterConfirmed_BelongsToTheConfirmingBodyToo()
    {
        var claims = AttributionTests.Propose("The mayor said 4,200 homes lost power, a number the grid operator later confirmed.");

        Assert.Equal("mayor", Assert.Single(claims, c => !c.Corroborates).SourceName);
        var confirming = Assert.Single(claims, c => c.Corroborates);
        Assert.Equal("grid operator", confirming.SourceName);
        Assert.Equal(4200m, Assert.Single(confirming.Figures).Figure.Value);
    }

    [Fact]
    public void ConfirmingSomethingElse_IsNoCorroboration()
    {
        var claims = AttributionTests.Propose("The flooding has killed 23 people, the interior ministry said. The regional health office confirmed the closure of two schools.");

        Assert.DoesNotContain(claims, c => c.Corroborates);
    }

    [Fact]
    public void ANumberOpeningTheSentence_IsNoSpeaker()
    {
        var claim = Assert.Single(AttributionTests.Propose("Three dozen farmers blocked the highway on Monday, saying the new levy was unfair."));

        Assert.Null(claim.SourceName);
    }

    [Fact]
    public void EvidenceWithoutAnOwner_IsNoSource_ButTheOwnerOfData_Is()
    {
        var evidence = Assert.Single(AttributionTests.Propose("River levels fell 30 cm, the water board said, citing early readings."));
        var owned = Assert.Single(AttributionTests.Propose("The charity put the number of cases at 1,300, citing ministry data."));

        Assert.Equal("water board", evidence.SourceName);
        Assert.Equal("ministry", owned.SourceName);
        Assert.Equal("charity", owned.RelayName);
    }

    [Fact]
    public void AContrastingClause_BelongsToItsOwnSpeaker()
    {
        var claims = AttributionTests.Propose("Inspector Joao Silva repeated that the march drew 8,000 people, while the organiser Mia Holt said the figure was 20,000.");

        Assert.Equal("Joao Silva", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 8000)).SourceName);
        Assert.Equal("Mia Holt", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 20000)).SourceName);
    }

    [Fact]
    public void APersonsOwnPeople_AreThePersonsClaim()
    {
        var claims = AttributionTests.Propose("Karim Diallo, head of the Coastal Fishers Association, rejected the survey, saying his members had found 90 dead turtles.");

        Assert.Equal("Karim Diallo", Assert.Single(claims).SourceName);
    }

    [Fact]
    public void HeAfterALoneSurname_IsThatPerson()
    {
        var claims = AttributionTests.Propose("Okafor said the repairs would take 11 weeks. He added that 140 engineers were on site.");

        Assert.All(claims, c => Assert.Equal("Okafor", c.SourceName));
    }

    [Theory]
    [InlineData("Nine wells were contaminated, water board spokeswoman Ingrid Solberg said.", "Ingrid Solberg", "water board")]
    [InlineData("Some 75 staff were laid off, the chairman of the Harbour Authority, Pavel Novak, said.", "Pavel Novak", "Harbour Authority")]
    [InlineData("The line closed for 36 hours, Emma Reid, the transport department spokeswoman, said.", "Emma Reid", "transport department")]
    public void ASpokespersonsFigure_IsAlsoTheirBodys(string sentence, string person, string body)
    {
        var claims = AttributionTests.Propose(sentence);

        var spoken = Assert.Single(claims, c => !c.Corroborates);
        var forBody = Assert.Single(claims, c => c.Corroborates);
        Assert.Equal(person, spoken.SourceName);
        Assert.Equal(body, forBody.SourceName);
        Assert.Equal(spoken.Figures.Single(f => f.Figure.Kind != FigureKind.Date).Figure.Value, Assert.Single(forBody.Figures).Figure.Value);
    }

    [Fact]
    public void AMinistersOwnFigure_IsNotFiledUnderTheMinistry()
    {
        var claims = AttributionTests.Propose("Finance Minister Ana Ruiz said inflation was 7.1% in May.");

        Assert.DoesNotContain(claims, c => c.Corroborates);
    }

    [Fact]
    public void APersonIntroducedAsSpeakingForABody_KeepsSpeakingForIt()
    {
        var claims = AttributionTests.Propose("About 60 tonnes of grain were lost, the director of the Grain Reserve Agency, Omar Sy, said. By Friday the loss had reached 90 tonnes, he said.");

        var later = Assert.Single(claims, c => c.Corroborates && c.Figures.Any(f => f.Figure.Value == 90));
        Assert.Equal("Grain Reserve Agency", later.SourceName);
    }

    [Fact]
    public void ABodyThatSpeaksItself_GetsNoSecondProposalForTheSameSentence()
    {
        var claims = AttributionTests.Propose("The water board said 14 wells were shut, and water board spokeswoman Ingrid Solberg said 3 more would follow.");

        Assert.Equal(claims.Count, claims.Select(c => (c.Quote.Start, c.SourceName)).Distinct().Count());
    }
}
