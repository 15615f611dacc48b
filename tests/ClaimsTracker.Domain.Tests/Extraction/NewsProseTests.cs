using ClaimsTracker.Domain.Extraction;
using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Domain.Tests.Extraction;

/// <summary>The forms of ordinary news prose the extractor reads: one case per rule, written for these tests.</summary>
public class NewsProseTests
{
    private static readonly DateOnly Published = new(2025, 6, 11); // a Wednesday

    [Theory]
    [InlineData("Rice sells for RM79 a sack.", "RM79", 79, "MYR")]
    [InlineData("The plan costs KSh 300 million.", "KSh 300 million", 300_000_000, "KES")]
    [InlineData("Losses reached ₦2.5 billion.", "₦2.5 billion", 2_500_000_000, "NGN")]
    [InlineData("The firm owes A$180 million.", "A$180 million", 180_000_000, "AUD")]
    [InlineData("Robbers took R14 million from the van.", "R14 million", 14_000_000, "ZAR")]
    [InlineData("The grant is USD 10m in all.", "USD 10m", 10_000_000, "USD")]
    [InlineData("Exports fell to $3.8b in May.", "$3.8b", 3_800_000_000, "USD")]
    [InlineData("The campaign spent 412 million pesos.", "412 million pesos", 412_000_000, "MXN")]
    [InlineData("Engineers earn $3,500 a month.", "$3,500 a month", 3_500, "USD/month")]
    [InlineData("Kenya's regulator set the licence fee at Sh15 million.", "Sh15 million", 15_000_000, "KES")]
    [InlineData("Copper firms paid K2.7 billion in royalties, Zambia's treasury said.", "K2.7 billion", 2_700_000_000, "ZMW")]
    [InlineData("The province tabled a $6.2-billion budget.", "$6.2-billion", 6_200_000_000, "USD")]
    [InlineData("A pint of milk now costs 58p at most shops.", "58p", 0.58, "GBP")]
    [InlineData("Repairs will run into the hundreds of millions of dollars.", "hundreds of millions of dollars", 100_000_000, "USD")]
    public void Money_KeepsItsCurrency(string sentence, string text, decimal value, string unit)
    {
        var figure = Assert.Single(Figures(sentence)).Figure;

        Assert.Equal((text, value, unit, FigureKind.Money), (figure.Text, figure.Value, figure.Unit, figure.Kind));
    }

    [Theory]
    [InlineData("Gusts reached 92mph overnight.", "92mph", 92, "mph")]
    [InlineData("The fence will run for 160km along the border.", "160km", 160, "km")]
    [InlineData("The phone ships with 256GB of storage.", "256GB", 256, "GB")]
    [InlineData("Average home downloads reached 87 Mbps, the regulator said.", "87 Mbps", 87, "Mbps")]
    [InlineData("The new fibre line offers 2Gbps to every flat in the block.", "2Gbps", 2, "Gbps")]
    [InlineData("Rural lines still crawl along at 900 kilobits per second.", "900 kilobits per second", 900, "kbps")]
    [InlineData("Fires burned 2,400 hectares of forest.", "2,400 hectares", 2_400, "ha")]
    [InlineData("The tanker spilled 350 tonnes of oil.", "350 tonnes", 350, "t")]
    [InlineData("The standard loaf shrank to 650g.", "650g", 650, "g")]
    [InlineData("The tremor, measuring 5.4, shook the capital.", "5.4", 5.4, "magnitude")]
    [InlineData("Gusts of 140kmph hit the coast.", "140kmph", 140, "km/h")]
    public void Measurements_KeepTheirUnit(string sentence, string text, decimal value, string unit)
    {
        var figure = Assert.Single(Figures(sentence)).Figure;

        Assert.Equal((text, value, unit), (figure.Text, figure.Value, figure.Unit));
    }

    [Theory]
    [InlineData("The airline flies a Boeing 737 on the route.")]
    [InlineData("Most offices still run Windows 10.")]
    [InlineData("The Kings won Game 7 at home.")]
    [InlineData("Turnout fell below that of the 2019 elections.")]
    [InlineData("A remake of the 1988 film opens today.")]
    [InlineData("The fine was roughly 40 times the usual penalty.")]
    [InlineData("Two of the soldiers said they had not eaten.")]
    [InlineData("The deal was confirmed by two people familiar with the talks.")]
    [InlineData("The Hawks lost 94-88 in overtime.")]
    [InlineData("Prices rose by 0630 GMT.")]
    [InlineData("He hit a two-run homer in the ninth.")]
    public void NamesAndDescriptions_AreNotFigures(string sentence) =>
        Assert.DoesNotContain(Figures(sentence), f => f.Figure.Kind != FigureKind.Date);

    [Theory]
    [InlineData("\"Wir werden rund 3.000 Stellen abbauen\", sagte er.", "de", "rund 3.000", 3_000, Qualifier.Approximately)]
    [InlineData("Es geht um 1,5 Millionen Euro.", "de", "1,5 Millionen Euro", 1_500_000, Qualifier.Exact)]
    [InlineData("L'usine emploiera environ 3 000 personnes.", "fr", "environ 3 000", 3_000, Qualifier.Approximately)]
    [InlineData("Some 3,000 jobs will go, the company said.", "de", "Some 3,000", 3_000, Qualifier.Approximately)]
    public void OtherLocales_AreReadByTheReportsLanguage(string sentence, string language, string text, decimal value, Qualifier qualifier)
    {
        var context = TestCatalogue.Context(Published) with { Language = language };
        var figure = Assert.Single(new ClaimExtractor().Propose(sentence, context).SelectMany(c => c.Figures)).Figure;

        Assert.Equal((text, value, qualifier), (figure.Text, figure.Value, figure.Qualifier));
    }

    [Fact]
    public void ThreeDotZeroZeroZero_InAnEnglishReport_IsNotSilentlyThree()
    {
        var figure = Assert.Single(Figures("The union counted 3.000 marchers.")).Figure;

        Assert.Equal(("3.000", 3_000m), (figure.Text, figure.Value));
    }

    [Theory]
    [InlineData("Cabin crew will strike on Friday, the union said.", "2025-06-13")]
    [InlineData("The union said on Monday that crews would strike.", "2025-06-09")]
    [InlineData("The new rate applies from July 1, the ministry said.", "2025-07-01")]
    [InlineData("The fire started on May 30, officials said.", "2025-05-30")]
    public void Days_FollowTheTense(string sentence, string day)
    {
        var date = Assert.Single(Figures(sentence), f => f.Figure.Kind == FigureKind.Date);

        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), date.Date);
    }

    [Theory]
    [InlineData("The death toll rose to 61, the civil defence institute reported.", "civil defence institute")]
    [InlineData("The bureau's spokesman, Kunle Adebanjo, said 40 people were charged.", "Kunle Adebanjo")]
    [InlineData("The lead plaintiff, Bronwyn Tait, 44, said she earned less than $19 an hour.", "Bronwyn Tait")]
    [InlineData("County registrar Tom Abernathy said the margin was 112 votes.", "Tom Abernathy")]
    [InlineData("Lands Minister Kwesi Boateng welcomed the ruling, saying more than 400 people had been deported.", "Kwesi Boateng")]
    [InlineData("Twenty-three people have been charged, it was confirmed by Scotland Yard on Friday.", "Scotland Yard")]
    [InlineData("Outside groups spent $31m, according to a tally by the nonpartisan watchdog OpenLedger.", "OpenLedger")]
    [InlineData("LAGOS — The death toll rose to 27, the emergency agency said.", "emergency agency")]
    [InlineData("The toll rose to 16, said Abdul Wahid of the disaster agency.", "Abdul Wahid")]
    [InlineData("Engineers earn $3,500 a month, according to a survey by the recruitment firm TalentSur.", "TalentSur")]
    public void Speakers_AreNamedAsASourceListWouldName(string sentence, string source)
    {
        // A spokesman's body also gets the figure (a corroborating proposal); the speaker is the one named.
        var claim = Assert.Single(NewsProseTests.Propose(sentence), c => !c.Corroborates);

        Assert.Equal(source, claim.SourceName);
    }

    [Theory]
    [InlineData("Auto-parts maker Brenner Antriebe will cut 3,000 jobs, the company confirmed.", "Brenner Antriebe")]
    [InlineData("Finance Minister Naomi Wambui spoke in parliament. She said the state would borrow KSh 876 billion.", "Naomi Wambui")]
    public void CommonNounsAndPronouns_FindWhoWasIntroduced(string text, string source) =>
        Assert.Equal(source, Assert.Single(Propose(text)).SourceName);

    [Fact]
    public void WhichCited_MakesTheCitedTheSourceAndTheOutletTheRelay()
    {
        var claim = Assert.Single(Propose("Three officials were convicted, according to the Daily Equator, which cited the Anti-Corruption Court's judgment."));

        Assert.Equal(("Anti-Corruption Court", "Daily Equator"), (claim.SourceName, claim.RelayName));
    }

    [Fact]
    public void ASemicolon_KeepsEachSpeakerToItsClause()
    {
        var claims = Propose("Police put the crowd at 18,000; organisers said more than 100,000 took part.");

        Assert.Equal("Police", claims.Single(c => c.Figures.Any(f => f.Figure.Value == 18_000)).SourceName);
        Assert.Equal("organisers", claims.Single(c => c.Figures.Any(f => f.Figure.Value == 100_000)).SourceName);
    }

    [Fact]
    public void AnAudience_IsNoRelay()
    {
        var claim = Assert.Single(Propose("Her lawyer, Ana Costa, told the High Court that her client had repaid $40 million."));

        Assert.Equal("Ana Costa", claim.SourceName);
        Assert.Null(claim.RelayName);
    }

    [Theory]
    [InlineData("Premiums rose by between 4% and 9% this year.", "between 4% and 9%", 4, 9)]
    [InlineData("Rents fell 6% to 11% across the region.", "6% to 11%", 6, 11)]
    public void ASharesRangeWrittenAtBothEnds_IsOneRangeOfShares(string sentence, string text, decimal low, decimal high)
    {
        var figure = Assert.Single(Figures(sentence)).Figure;

        Assert.Equal((text, low, high, "%", Qualifier.Range), (figure.Text, figure.Value, figure.ValueHigh, figure.Unit, figure.Qualifier));
    }

    [Fact]
    public void ALetterAndDigitsWithoutAScale_AreNoKwacha()
    {
        Assert.DoesNotContain(Figures("The K9 team found 40 parcels."), f => f.Figure.Kind == FigureKind.Money);
    }

    private static List<FigureProposal> Figures(string sentence) =>
        Propose(sentence).SelectMany(c => c.Figures).ToList();

    private static IReadOnlyList<ClaimProposal> Propose(string text) =>
        new ClaimExtractor().Propose(text, TestCatalogue.Context(Published));
}

public class NewMetricNamerTests
{
    [Theory]
    [InlineData("Police said 412 people were injured.", "People injured", FigureKind.Count)]
    [InlineData("The judge said the trader would serve a sentence of 12 years.", "Sentence", FigureKind.Duration)]
    [InlineData("Officers executed 38 search warrants in the state.", "Search warrants", FigureKind.Count)]
    [InlineData("The kidnappers demanded a ransom of ₦50 million for each child.", "Ransom", FigureKind.Money)]
    [InlineData("Turnout was 31% in the ward.", "Turnout", FigureKind.Percentage)]
    [InlineData("Rangers counted 2,300 visitors across Dunmoor last weekend.", "Visitors", FigureKind.Count)]
    [InlineData("Analysts expect profit to reach £2.1bn.", "Profit", FigureKind.Money)]
    [InlineData("The deal was worth $410 million, the firm said.", "Deal", FigureKind.Money)]
    [InlineData("Prices were slightly higher last year at 4.1%.", "Prices", FigureKind.Percentage)]
    public void AFigureWithoutACatalogueMetric_ProposesOneNamedFromItsWords(string sentence, string name, FigureKind kind)
    {
        var figure = Assert.Single(new ClaimExtractor().Propose(sentence, new ExtractionContext(new DateOnly(2025, 6, 11), [], [])).SelectMany(c => c.Figures));

        Assert.Null(figure.MetricId);
        Assert.Equal((name, kind), (figure.NewMetric?.Name, figure.NewMetric?.Kind));
    }

    [Theory]
    [InlineData("Medics said 40 people had been treated for injuries within a day.", "a day")]
    [InlineData("The hospital said 12 patients had died over three days.", "three days")]
    [InlineData("The bridge was closed for 11 days after the storm, officials said.", "11 days")]
    public void ADurationThatOnlyFramesOtherFigures_ProposesNoNewMetric(string sentence, string duration)
    {
        var figure = new ClaimExtractor().Propose(sentence, new ExtractionContext(new DateOnly(2025, 6, 11), [], [])).SelectMany(c => c.Figures).Single(f => f.Figure.Kind == FigureKind.Duration);

        Assert.Contains(duration, figure.Figure.Text, StringComparison.Ordinal);
        Assert.Null(figure.NewMetric);
    }

    [Theory]
    [InlineData("The figure was €2.6 billion, not €1.8 billion.", "€1.8 billion")]
    [InlineData("The queue stretched for about 2km along the quay.", "about 2km")]
    [InlineData("Most of them held €90,000 or more.", "€90,000")]
    [InlineData("The agency's €2 million was paid in March.", "€2 million")]
    public void WordsThatNameNoQuantity_ProposeNoNewMetric(string sentence, string figureText)
    {
        var figure = new ClaimExtractor().Propose(sentence, new ExtractionContext(new DateOnly(2025, 6, 11), [], [])).SelectMany(c => c.Figures).Single(f => f.Figure.Text.StartsWith(figureText, StringComparison.Ordinal));

        Assert.Null(figure.NewMetric);
    }

    [Fact]
    public void AFigureWithACatalogueMetric_ProposesNoNewOne()
    {
        var figure = Assert.Single(new ClaimExtractor().Propose("The army launched 40 drones overnight, officials said.", TestCatalogue.Context(new DateOnly(2025, 6, 11))).SelectMany(c => c.Figures));

        Assert.NotNull(figure.MetricId);
        Assert.Null(figure.NewMetric);
    }
}

public class PhrasalHedgeTests
{
    [Theory]
    [InlineData("Inflation picked up to 2.4% in May.", "2.4%", Qualifier.Exact)]
    [InlineData("The park is spread over 2,400 hectares.", "2,400 hectares", Qualifier.Exact)]
    [InlineData("The court must rule within 30 days.", "within 30 days", Qualifier.AtMost)]
    [InlineData("A ticket costs about NT$500.", "about NT$500", Qualifier.Approximately)]
    public void VerbParticles_AreNoHedge_AndWithinIsACeiling(string sentence, string text, Qualifier qualifier)
    {
        var figure = Assert.Single(new ClaimExtractor().Propose(sentence, new ExtractionContext(new DateOnly(2025, 6, 11), [], [])).SelectMany(c => c.Figures)).Figure;

        Assert.Equal((text, qualifier), (figure.Text, figure.Qualifier));
    }
}

/// <summary>Whose figure a number is when one speaker quotes another's, and numbers that point at a group.</summary>
public class FigureOwnerTests
{
    private static readonly DateOnly Published = new(2026, 3, 4);

    [Fact]
    public void AnotherBodysFigure_BelongsToThatBody_NotToTheSpeakerQuotingIt()
    {
        var claims = Propose("Dr Lena Marsh said the clinic had received 31 bodies, three times the Harbour Rescue Agency's figure of nine.");

        Assert.Equal("Lena Marsh", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 31)).SourceName);
        Assert.Equal("Harbour Rescue Agency", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 9)).SourceName);
    }

    [Fact]
    public void ItsEstimate_IsTheSentenceSubjects()
    {
        var claim = Assert.Single(Propose("The Coastal Watch Authority stood by its estimate of 350 tonnes."));

        Assert.Equal("Coastal Watch Authority", claim.SourceName);
    }

    [Fact]
    public void TheAgencysFigure_IsTheAgencyNamedEarlierInTheReport()
    {
        var claims = Propose("The Harbour Rescue Agency said nine people had died. A doctor, Lena Marsh, said the agency's count of nine was too low.");

        Assert.All(claims.Where(c => c.Figures.Any(f => f.Figure.Value == 9)), c => Assert.Equal("Harbour Rescue Agency", c.SourceName));
    }

    [Fact]
    public void AnAnalysisByAGroup_IsTheGroupsClaim()
    {
        var claim = Assert.Single(Propose("An analysis of satellite images by the environmental group Reef Sentinel estimates that 1,200 tonnes leaked."));

        Assert.Equal("Reef Sentinel", claim.SourceName);
    }

    [Fact]
    public void ADescriptionWithOtherWords_IsNotAnEarlierBodyOfTheSameKind()
    {
        var claims = Propose("The Coastal Watch Authority said 40 km of coast was oiled. The port authority said 12 ships were waiting.");

        Assert.Equal("port authority", Assert.Single(claims, c => c.Figures.Any(f => f.Figure.Value == 12)).SourceName);
    }

    [Theory]
    [InlineData("The civil protection agency said 14 people had died.", 1, "Ambrin civil protection agency")]
    [InlineData("The coastguard said 14 people had been rescued.", 2, "Marsenan coastguard")]
    [InlineData("The police said 14 people had been arrested.", null, "police")]
    public void ALowerCaseDescription_NamesTheOneCatalogueBodyEndingWithIt(string sentence, int? id, string name)
    {
        var context = new ExtractionContext(Published, [], [new(1, "Ambrin civil protection agency", []), new(2, "Marsenan coastguard", []), new(3, "Harbour police", []), new(4, "Castellan police", [])]);

        var claim = Assert.Single(new ClaimExtractor().Propose(sentence, context));

        Assert.Equal((id, name), (claim.SourceId, claim.SourceName));
    }

    [Theory]
    [InlineData("Police said 45 people were treated at the two hospitals.", 2, "a group already named")]
    [InlineData("The toll rose to 19 after five of the injured died, police said.", 5, "a part of a group")]
    public void ANumberPointingAtAGroup_IsOfferedButNotTicked(string sentence, int value, string reason)
    {
        var claim = Assert.Single(Propose(sentence));
        var pointing = Assert.Single(claim.Figures, f => f.Figure.Value == value);

        Assert.StartsWith(reason, pointing.Incidental, StringComparison.Ordinal);
        Assert.False(claim.StartsTicked(pointing));
        Assert.All(claim.Figures.Where(f => f != pointing), f => Assert.Null(f.Incidental));
    }

    [Fact]
    public void AMetricMeasuresWhatItsHeadNames_NotTheWordsAfterIt()
    {
        MetricCandidate[] metrics = [new(1, "birds", "Seabirds killed by the oil spill", FigureKind.Count, []), new(2, "coast", "Length of coastline reached by the oil", FigureKind.Count, [])];

        var figures = new ClaimExtractor().Propose("Officials said the oil had reached 40 km of coastline and killed 300 seabirds.", new ExtractionContext(Published, metrics, [])).SelectMany(c => c.Figures).ToList();

        Assert.Equal(("coast", "birds"), (KeyOf(figures[0].MetricId), KeyOf(figures[1].MetricId)));
        string KeyOf(int? id) => metrics.FirstOrDefault(m => m.Id == id)?.Key ?? "none";
    }

    private static IReadOnlyList<ClaimProposal> Propose(string text) =>
        new ClaimExtractor().Propose(text, new ExtractionContext(Published, [], []));
}

/// <summary>What a crowd, an arrest and a speaker's name say about which metric a figure measures.</summary>
public class CrowdAndSpeakerMetricTests
{
    private static readonly MetricCandidate[] Metrics =
    [
        new(1, "turnout", "People at the march in Castara", FigureKind.Count, []),
        new(2, "arrests", "People detained over the weekend protests", FigureKind.Count, []),
        new(3, "police-injured", "Police officers injured at the march", FigureKind.Count, []),
    ];

    [Theory]
    [InlineData("Police said about 30,000 had taken part in the march in Castara.", "turnout")]
    [InlineData("By nightfall 120 people had been detained in Castara, organisers of the march said.", "arrests")]
    [InlineData("Four police officers were injured, the interior ministry said.", "police-injured")]
    public void TheSpeakersNameIsNoEvidence_AndAMarchsInjuredAreNoCrowd(string sentence, string metric)
    {
        var figure = Assert.Single(new ClaimExtractor().Propose(sentence, new ExtractionContext(new DateOnly(2026, 6, 7), Metrics, [])).SelectMany(c => c.Figures));

        Assert.Equal(metric, Metrics.FirstOrDefault(m => m.Id == figure.MetricId)?.Key);
    }
}
