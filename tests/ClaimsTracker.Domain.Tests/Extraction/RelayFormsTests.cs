namespace ClaimsTracker.Domain.Tests.Extraction;

/// <summary>
/// Relays of wire and newspaper prose that hold on unseen text (issue 10): a relay named once is kept by
/// the sentences that go on quoting the same source, a cited document speaks for whoever made it, an
/// outlet that saw or obtained a document passes on its maker's figures, and audiences, routes and a
/// speaker's own note are no relays (docs/extraction.md, "Attribution").
/// </summary>
public class RelayFormsTests
{
    [Fact]
    public void ARelayNamedOnce_IsKeptWhenTheCitedSourceSpeaksAgain()
    {
        var claims = AttributionTests.Propose("Rebels have released 14 of the 40 miners they seized, the Harbour Times reported, citing a provincial official. The remaining captives are held about 60km away, the official said.");

        Assert.Equal(2, claims.Count);
        Assert.All(claims, c =>
        {
            Assert.Equal("provincial official", c.SourceName);
            Assert.Equal("Harbour Times", c.RelayName);
        });
    }

    [Theory]
    [InlineData("About 1,800 troops will take part, the Ridgeway Herald reported, citing two Navy officials.", "Navy officials", "Ridgeway Herald")]
    [InlineData("The Lindell Post reported, citing two members of Parliament's Public Accounts Committee, that at least nine officers will be summoned.", "Public Accounts Committee members", "Lindell Post")]
    [InlineData("Inspectors seized 14 containers worth $9 million, the Ports Authority said in a statement carried by the state news agency Belanta.", "Ports Authority", "Belanta")]
    public void TheSpeakerAndTheOutletThatPassedItOn(string sentence, string speaker, string relay)
    {
        var claim = Assert.Single(AttributionTests.Propose(sentence));

        Assert.Equal((speaker, relay), (claim.SourceName, claim.RelayName));
    }

    [Fact]
    public void ACitedDocument_SpeaksForWhoeverFiledIt()
    {
        var claim = Assert.Single(AttributionTests.Propose("Auditors traced 310 million shillings to shell firms, the Lakeside Courier reported, citing an indictment filed by the state prosecutor."));

        Assert.Equal("state prosecutor", claim.SourceName);
        Assert.Equal("Lakeside Courier", claim.RelayName);
    }

    [Fact]
    public void AReportByABodySeenByAnOutlet_IsTheBodysFigure_PassedOnByTheOutlet()
    {
        var claim = Assert.Single(AttributionTests.Propose("The militia now fields about 2,000 fighters, according to a report by an African Union panel seen by the Morning Ledger."));

        Assert.Equal("African Union panel", claim.SourceName);
        Assert.Equal("Morning Ledger", claim.RelayName);
    }

    [Fact]
    public void FiguresObtainedByAnOutletFromABody_AreTheBodysFigures()
    {
        var claim = Assert.Single(AttributionTests.Propose("Figures obtained by the Valley Post from the county coroner show 41 people died in the heat."));

        Assert.Equal("county coroner", claim.SourceName);
        Assert.Equal("Valley Post", claim.RelayName);
    }

    [Fact]
    public void AccordingToFiguresObtainedByAnOutletFromABody_AreTheBodysFigures()
    {
        var claim = Assert.Single(AttributionTests.Propose("The jail, built for 600 inmates, now holds some 1,400, according to figures obtained by the Lakeside Courier from the prisons service."));

        Assert.Equal("prisons service", claim.SourceName);
        Assert.Equal("Lakeside Courier", claim.RelayName);
    }

    [Theory]
    [InlineData("The Finance Secretary told the Commons that borrowing would reach 4.1% of output.")]
    [InlineData("The minister told MPs that 12 hospitals would close.")]
    public void ALegislatureIsAnAudience_NotARelay(string sentence)
    {
        var claim = Assert.Single(AttributionTests.Propose(sentence));

        Assert.Null(claim.RelayName);
    }

    [Fact]
    public void ARouteThroughACity_IsNoRelay()
    {
        var claims = AttributionTests.Propose("Border guards seized 12kg of cocaine from a courier flying from Lima via Madrid, the border agency said.");

        Assert.All(claims, c => Assert.Null(c.RelayName));
        Assert.Contains(claims, c => c.SourceName == "border agency");
    }

    [Fact]
    public void AReporterAndASpeakerOfAnotherClause_EachSpeakForThemselves()
    {
        var claims = AttributionTests.Propose("Orbis Motors reported sales of 52,000 cars in May, while Keller Autos said its orders had reached 9,000.");

        Assert.All(claims, c => Assert.Null(c.RelayName));
        Assert.Contains(claims, c => c.SourceName == "Orbis Motors");
        Assert.Contains(claims, c => c.SourceName == "Keller Autos");
    }

    [Fact]
    public void ASpeakersOwnUnnamedNote_IsNoRelay()
    {
        var claim = Assert.Single(AttributionTests.Propose("Analysts at Fenwick Capital now expect a loss of $45 million this year, according to a client note."));

        Assert.Null(claim.RelayName);
    }

    [Fact]
    public void TheOfficial_IsTheOfficialQuotedBefore_NotAnEarlierBody()
    {
        var claims = AttributionTests.Propose("The transport ministry said 30 buses were stranded. About 200 passengers were stuck overnight, according to a district official quoted by Radio Kivu. At least 15 needed treatment, the official said.");

        var last = Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 15));
        Assert.Equal(("district official", "Radio Kivu"), (last.SourceName, last.RelayName));
    }

    [Fact]
    public void ACitedFilingByANamedBody_IsThatBodysFigure()
    {
        var claim = Assert.Single(AttributionTests.Propose("Nine lenders hold 2.1 billion rand of bad loans, the Cape Ledger reported, citing a filing by the Prudential Authority."));

        Assert.Equal(("Prudential Authority", "Cape Ledger"), (claim.SourceName, claim.RelayName));
    }

    [Fact]
    public void QuotedAsSaying_TheQuotedSpeaks_AndTheOutletRelays()
    {
        var claim = Assert.Single(AttributionTests.Propose("The Daily Harbour quoted port director Ana Ruiz as saying that 40 ships were waiting."));

        Assert.Equal(("Ana Ruiz", "Daily Harbour"), (claim.SourceName, claim.RelayName));
    }

    [Fact]
    public void AStatementCarriedByAnAgency_TheAgencyRelays()
    {
        var claim = Assert.Single(AttributionTests.Propose("The army said in a statement carried by the Sahel News Agency that 23 fighters were killed."));

        Assert.Equal(("army", "Sahel News Agency"), (claim.SourceName, claim.RelayName));
    }
}
