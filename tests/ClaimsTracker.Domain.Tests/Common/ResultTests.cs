using ClaimsTracker.Domain.Claims;
using ClaimsTracker.Domain.Common;

namespace ClaimsTracker.Domain.Tests.Common;

public class ResultTests
{
    [Fact]
    public void Value_OfAFailure_ThrowsWithTheFieldMessages()
    {
        Result<int> result = Result.Invalid("Title", "A title is required.");

        var thrown = Assert.Throws<InvalidOperationException>(() => result.Value);

        Assert.Contains("Title: A title is required.", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Conflict_WithVersion_CarriesItForTheRetry()
    {
        Result<int> result = Result.Conflict("Changed meanwhile.", 42u);

        Assert.Equal((ResultStatus.Conflict, (object?)42u), (result.Status, result.Failure!.Extensions["currentVersion"]));
    }

    [Fact]
    public void FieldErrors_CollectSeveralMessagesPerField()
    {
        var errors = new FieldErrors().Add("Figures", "one").Add("Figures", "two");

        Assert.Equal(["one", "two"], errors.ToDictionary()["Figures"]);
    }

    [Fact]
    public void ClaimCheck_StatementAfterTheLatestDay_IsRefused()
    {
        var latest = new DateOnly(2025, 1, 14);

        Assert.Contains("StatedOn", Claim.Check("Kirby", null, "s", latest.AddDays(1), latest).ToDictionary().Keys);
        Assert.True(Claim.Check("Kirby", null, "s", latest, latest).IsEmpty);
    }

    [Fact]
    public void LatestPlausibleDay_IsTomorrowInUtc()
    {
        var clock = new FixedClock(new DateTimeOffset(2025, 1, 13, 23, 30, 0, TimeSpan.FromHours(-5)));

        Assert.Equal(new DateOnly(2025, 1, 15), clock.LatestPlausibleDay());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
