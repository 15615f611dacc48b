using ClaimsTracker.Domain.Extraction;

namespace ClaimsTracker.Domain.Tests.Extraction;

public class InvertedAppositiveTests
{
    [Theory]
    [InlineData("\"Rents rose 9% in a year,\" said the agency's head of analytics, Mira Solberg.", "Mira Solberg")]
    [InlineData("\"We saw 40 patients overnight,\" said the clinic's chief nurse, Capt. Odile Marchetti.", "Odile Marchetti")]
    [InlineData("\"Turnout passed 60%,\" said a senior election official, Tomas Berg.", "Tomas Berg")]
    public void PersonNamedAfterADescription_Speaks(string sentence, string speaker)
    {
        var claim = Assert.Single(new ClaimExtractor().Propose(sentence, TestCatalogue.Context(new DateOnly(2025, 3, 4))), c => !c.Corroborates);

        Assert.Equal(speaker, claim.SourceName);
    }

    [Fact]
    public void DescriptionWithoutAPersonAfterIt_StaysTheSpeaker()
    {
        var claim = Assert.Single(new ClaimExtractor().Propose("\"Rents rose 9% in a year,\" said the agency's head of analytics.", TestCatalogue.Context(new DateOnly(2025, 3, 4))), c => !c.Corroborates);

        Assert.Equal("agency's head of analytics", claim.SourceName);
    }
}
