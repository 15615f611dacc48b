using ClaimsTracker.Domain.Figures.Normalisation;

namespace ClaimsTracker.Domain.Tests.Figures.Normalisation;

public class NumberWordsTests
{
    [Theory]
    [InlineData("300", "300")]
    [InlineData("1,000", "1000")]
    [InlineData("11,000", "11000")]
    [InlineData("2,700", "2700")]
    [InlineData("1,250,000", "1250000")]
    [InlineData("2.5", "2.5")]
    [InlineData("1.5 million", "1500000")]
    [InlineData("11k", "11000")]
    [InlineData("11K", "11000")]
    [InlineData("3.2bn", "3200000000")]
    [InlineData("5m", "5000000")]
    [InlineData("4.7mn", "4700000")]
    [InlineData("12 thousand", "12000")]
    [InlineData("2 billion", "2000000000")]
    [InlineData("zero", "0")]
    [InlineData("two", "2")]
    [InlineData("Two", "2")]
    [InlineData("eleven", "11")]
    [InlineData("twenty", "20")]
    [InlineData("twenty-five", "25")]
    [InlineData("twenty five", "25")]
    [InlineData("ninety-nine", "99")]
    [InlineData("a hundred", "100")]
    [InlineData("one hundred", "100")]
    [InlineData("two hundred and fifty", "250")]
    [InlineData("two hundred fifty", "250")]
    [InlineData("fifteen hundred", "1500")]
    [InlineData("a thousand", "1000")]
    [InlineData("one thousand and five", "1005")]
    [InlineData("three thousand two hundred", "3200")]
    [InlineData("two hundred thousand", "200000")]
    [InlineData("a million", "1000000")]
    [InlineData("one million two hundred thousand", "1200000")]
    [InlineData("a dozen", "12")]
    [InlineData("two dozen", "24")]
    [InlineData("half a dozen", "6")]
    [InlineData("half a million", "500000")]
    public void TryParse_WrittenNumber_ReturnsValue(string text, string expected)
    {
        Assert.True(NumberWords.TryParse(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("troops")]
    [InlineData("a")]
    [InlineData("hundred")]
    [InlineData("thousands")]
    [InlineData("84th")]
    [InlineData("16mm")]
    [InlineData("two three")]
    [InlineData("one thousand thousand")]
    [InlineData("two and")]
    public void TryParse_NotOneNumber_ReturnsFalse(string? text) =>
        Assert.False(NumberWords.TryParse(text, out _));

    [Fact]
    public void TryMatch_NumberInSentence_ReturnsSpanAndScale()
    {
        const string text = "they lost 1.5 million shells";

        Assert.True(NumberWords.TryMatch(text, 10, out var match));

        Assert.Equal("1.5 million", text[match.Start..match.End]);
        Assert.Equal(1_500_000m, match.Value);
        Assert.Equal(1_000_000m, match.Scale);
        Assert.False(match.IsWords);
    }

    [Fact]
    public void TryMatch_WordsFollowedByOtherWords_StopsAtTheNumber()
    {
        const string text = "two hundred and fifty soldiers and two tanks";

        Assert.True(NumberWords.TryMatch(text, 0, out var match));

        Assert.Equal("two hundred and fifty", text[match.Start..match.End]);
        Assert.True(match.IsWords);
    }

    [Fact]
    public void TryMatch_InsideAWord_ReturnsFalse() =>
        Assert.False(NumberWords.TryMatch("someone", 4, out _));

    [Theory]
    [InlineData("2021", true)]
    [InlineData("2,021", false)]
    [InlineData("2021.5", false)]
    [InlineData("2k", false)]
    public void TryMatch_Digits_FlagsPlainIntegers(string text, bool plain)
    {
        Assert.True(NumberWords.TryMatch(text, 0, out var match));
        Assert.Equal(plain, match.IsPlainInteger);
    }
}
