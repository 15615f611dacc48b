using ClaimsTracker.Domain.Extraction;

namespace ClaimsTracker.Domain.Tests.Extraction;

public class AttributionTests
{
    [Theory]
    [InlineData("Zelensky said 300 soldiers were killed.", "Volodymyr Zelensky", true)]
    [InlineData("300 soldiers were killed, said Zelenskyy.", "Volodymyr Zelensky", true)]
    [InlineData("300 soldiers were killed, according to the SSU.", "Security Service of Ukraine", true)]
    [InlineData("The SBU announced that 300 soldiers were killed.", "Security Service of Ukraine", true)]
    [InlineData("South Korea's National Intelligence Service estimates that 300 soldiers were killed.", "National Intelligence Service", true)]
    [InlineData("Yonhap reported that 300 soldiers were killed.", "Yonhap News Agency", true)]
    [InlineData("Ukraine's Security Service confirmed 300 soldiers were killed.", "Security Service of Ukraine", true)]
    [InlineData("300 soldiers were killed, per the NIS.", "National Intelligence Service", true)]
    [InlineData("The Kremlin's spokesman Dmitry Peskov said 300 soldiers were killed.", "Dmitry Peskov", false)]
    [InlineData("Zelensky said 300 soldiers were killed, adding that the fighting went on.", "Volodymyr Zelensky", true)]
    [InlineData("300 soldiers were killed, the regional governor said.", "regional governor", false)]
    [InlineData("300 soldiers were killed, Anna Kovalenko, a spokeswoman for the army, said.", "Anna Kovalenko", false)]
    public void SourceForms_NameTheSpeaker(string sentence, string source, bool known)
    {
        // A spokesperson's body also gets the figure (a corroborating proposal); the speaker is the one quoted.
        var claim = Assert.Single(Propose(sentence), c => !c.Corroborates);

        Assert.Equal(source, claim.SourceName);
        Assert.Equal(known, claim.SourceId is not null);
    }

    [Theory]
    [InlineData("Zelensky told AFP that 300 soldiers were killed.", "Volodymyr Zelensky", "Agence France-Presse")]
    [InlineData("CNN reported that 300 soldiers were killed, citing the NIS.", "National Intelligence Service", "CNN")]
    [InlineData("Yonhap, citing the NIS, said 300 soldiers were killed.", "National Intelligence Service", "Yonhap News Agency")]
    [InlineData("300 soldiers were killed, the NIS said, according to Yonhap.", "National Intelligence Service", "Yonhap News Agency")]
    [InlineData("300 soldiers were killed, the NIS said via Yonhap.", "National Intelligence Service", "Yonhap News Agency")]
    [InlineData("Economists polled by Reuters expected 300 job losses.", "Economists", "Reuters")]
    [InlineData("The NIS told lawmakers that 300 soldiers were killed, Lee Min-ho, a lawmaker, said.", "National Intelligence Service", "Lee Min-ho")]
    public void RelayForms_SeparateSourceAndRelay(string sentence, string source, string relay)
    {
        var claim = Assert.Single(Propose(sentence));

        Assert.Equal(source, claim.SourceName);
        Assert.Equal(relay, claim.RelayName);
    }

    [Theory]
    [InlineData("Kirby spoke to reporters. He said 300 soldiers were killed.", "John Kirby")]
    [InlineData("Zelensky visited the front. She said 300 soldiers were killed.", "Volodymyr Zelensky")]
    [InlineData("The SBU released a video. The agency said 300 soldiers were killed.", "Security Service of Ukraine")]
    [InlineData("The SBU spoke, then Kirby spoke. It said 300 soldiers were killed.", "Security Service of Ukraine")]
    [InlineData("Sales slowed, according to the Saleroom Monitor report. Works above $10 million made up 21% of the total, it said.", "Saleroom Monitor")]
    public void Pronouns_ResolveToEarlierSources(string text, string source)
    {
        var claim = Assert.Single(Propose(text));

        Assert.Equal(source, claim.SourceName);
    }

    [Theory]
    [InlineData("The Sarrow reservoir was at 19% of capacity on Monday, official data show.")]
    [InlineData("Unemployment rose to 7.1% in May, provisional figures showed.")]
    [InlineData("The share of adults who smoke fell to 10.1% last year, according to federal survey data released Thursday.")]
    public void ADocumentNobodyOwns_SpeaksForNoOne_ItsAdjectiveIsNoSpeaker(string sentence) =>
        Assert.All(Propose(sentence), claim => Assert.Null(claim.SourceName));

    [Fact]
    public void Unattributed_HasNoSource()
    {
        var claim = Assert.Single(Propose("The package includes 24 air-defence systems."));

        Assert.Null(claim.SourceName);
        Assert.Null(claim.RelayName);
    }

    [Fact]
    public void TwoSpeakersInOneSentence_SplitIntoTwoProposals()
    {
        var claims = Propose("Aid groups estimate that 3,000 families fled, and the UN refugee agency said up to 20,000 more could leave.");

        Assert.Equal(2, claims.Count);
        Assert.Equal("Aid groups", claims[0].SourceName);
        Assert.Equal("UN refugee agency", claims[1].SourceName);
        Assert.Equal(claims[0].Quote, claims[1].Quote);
    }

    [Fact]
    public void ClausesThatAreNotNames_AreNotSources()
    {
        var claim = Assert.Single(Propose("The central bank cut its forecast to 3.1 percent, citing the damage to energy infrastructure."));

        // What a claim rests on ("the damage") never speaks; the bank revising its own forecast does.
        Assert.Equal("central bank", claim.SourceName);
        Assert.Null(claim.RelayName);
    }

    internal static IReadOnlyList<ClaimProposal> Propose(string text, DateOnly? published = null) =>
        new ClaimExtractor().Propose(text, TestCatalogue.Context(published ?? new DateOnly(2025, 1, 13)));
}
