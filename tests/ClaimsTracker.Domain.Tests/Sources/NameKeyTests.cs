using ClaimsTracker.Domain.Sources;

namespace ClaimsTracker.Domain.Tests.Sources;

public class NameKeyTests
{
    [Theory]
    [InlineData("Zelenskyy", "ZELENSKYY ")]
    [InlineData("Security Service of Ukraine", "security  service of ukraine.")]
    [InlineData("Jon-young", "Jon young")]
    [InlineData("Zelens\u200Bkyy", "Zelenskyy")]
    [InlineData("Dekhtyarenko", "Dékhtyarenko")]
    public void From_SpellingVariants_FoldToSameKey(string a, string b) =>
        Assert.Equal(NameKey.From(a), NameKey.From(b));

    [Fact]
    public void From_DifferentNames_StayDifferent() =>
        Assert.NotEqual(NameKey.From("Zelensky"), NameKey.From("Zelenskyy"));

    [Fact]
    public void AddAlias_DuplicateOfNameOrAlias_IsIgnored()
    {
        var sbu = new Source { Name = "Security Service of Ukraine", Kind = SourceKind.Agency };

        Assert.True(sbu.AddAlias("SBU"));
        Assert.True(sbu.AddAlias("SSU"));
        Assert.False(sbu.AddAlias("sbu"));
        Assert.False(sbu.AddAlias("security service of Ukraine"));

        Assert.Equal(["SBU", "SSU"], sbu.Aliases.Select(a => a.Name));
        Assert.True(sbu.IsKnownAs("ssu"));
        Assert.False(sbu.IsKnownAs("NIS"));
    }

    [Theory]
    [InlineData("Kyiv\u200B Post\u200F", "Kyiv Post")]
    [InlineData("  Volodymyr   Zelensky\t", "Volodymyr Zelensky")]
    [InlineData("\u202EReuters", "Reuters")]
    public void Clean_InvisibleCharactersAndSpacing_AreRemovedFromStoredNames(string typed, string stored)
    {
        Assert.Equal(stored, NameKey.Clean(typed));
        Assert.Equal(stored, new Source { Name = typed }.Name);
    }

    [Fact]
    public void AddAlias_WithInvisibleCharacters_StoresTheCleanName()
    {
        var source = new Source { Name = "Security Service of Ukraine" };

        source.AddAlias("S\u200BS\u200BU");

        Assert.Equal("SSU", Assert.Single(source.Aliases).Name);
    }

    [Fact]
    public void From_TextWithALoneSurrogate_GivesAKeyInsteadOfThrowing() =>
        Assert.Equal("a b", NameKey.From("a\ud800b"));
}
