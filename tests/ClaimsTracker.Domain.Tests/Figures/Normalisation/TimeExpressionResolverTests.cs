using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Figures.Normalisation;

namespace ClaimsTracker.Domain.Tests.Figures.Normalisation;

public class TimeExpressionResolverTests
{
    // Monday 13 January 2025, Saturday 11 January 2025, Sunday 12 January 2025.
    private const string Monday = "2025-01-13";
    private const string Saturday = "2025-01-11";
    private const string Sunday = "2025-01-12";

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    [Theory]
    [InlineData("by the end of last month", Monday, "2024-12-31")]
    [InlineData("By the end of last month", Monday, "2024-12-31")]
    [InlineData("by end of December", Monday, "2024-12-31")]
    [InlineData("by the end of December", Monday, "2024-12-31")]
    [InlineData("as of the end of December", Monday, "2024-12-31")]
    [InlineData("at the end of 2024", Monday, "2024-12-31")]
    [InlineData("by December", Monday, "2024-12-31")]
    [InlineData("as of January 9", Monday, "2025-01-09")]
    [InlineData("as of Jan. 9", Monday, "2025-01-09")]
    [InlineData("by January 9", Monday, "2025-01-09")]
    [InlineData("until January 9", Monday, "2025-01-09")]
    [InlineData("as of today", Monday, "2025-01-13")]
    [InlineData("by yesterday", Monday, "2025-01-12")]
    [InlineData("by the end of this month", Monday, "2025-01-31")]
    [InlineData("at the start of this month", Monday, "2025-01-01")]
    [InlineData("at the beginning of December", Monday, "2024-12-01")]
    public void Resolve_RunningTotalUpToADay_IsAsOf(string expression, string published, string asOf) =>
        AssertAsOf(TimeExpressionResolver.Resolve(expression, Day(published)), expression, asOf);

    [Theory]
    [InlineData("on Saturday", Sunday, "2025-01-11")]
    [InlineData("on Saturday", Monday, "2025-01-11")]
    [InlineData("on Saturday", Saturday, "2025-01-11")]
    [InlineData("Saturday", Sunday, "2025-01-11")]
    [InlineData("last Saturday", Saturday, "2025-01-04")]
    [InlineData("last Saturday", Monday, "2025-01-11")]
    [InlineData("on Monday", Monday, "2025-01-13")]
    [InlineData("on Friday", Monday, "2025-01-10")]
    [InlineData("Sunday night", Monday, "2025-01-12")]
    [InlineData("today", Monday, "2025-01-13")]
    [InlineData("yesterday", Monday, "2025-01-12")]
    [InlineData("last night", Monday, "2025-01-12")]
    [InlineData("the day before yesterday", Monday, "2025-01-11")]
    [InlineData("January 9", Monday, "2025-01-09")]
    [InlineData("on January 9", Monday, "2025-01-09")]
    [InlineData("Jan. 9", Monday, "2025-01-09")]
    [InlineData("Jan 9", Monday, "2025-01-09")]
    [InlineData("9 January", Monday, "2025-01-09")]
    [InlineData("January 9th", Monday, "2025-01-09")]
    [InlineData("the 9th of January", Monday, "2025-01-09")]
    [InlineData("January 9, 2025", Monday, "2025-01-09")]
    [InlineData("9 January 2025", Monday, "2025-01-09")]
    [InlineData("Thursday, January 9", Monday, "2025-01-09")]
    [InlineData("2025-01-09", Monday, "2025-01-09")]
    [InlineData("Sept. 30", Monday, "2024-09-30")]
    [InlineData("December 25", Monday, "2024-12-25")]
    [InlineData("January 20", Monday, "2025-01-20")] // a week ahead: the coming one
    [InlineData("April 30", Monday, "2024-04-30")] // more than three months ahead: last year's
    [InlineData("February 29", Monday, "2024-02-29")]
    public void Resolve_SingleDay_IsAsOfThatDay(string expression, string published, string day) =>
        AssertAsOf(TimeExpressionResolver.Resolve(expression, Day(published)), expression, day);

    [Theory]
    [InlineData("last month", Monday, "2024-12-01", "2024-12-31")]
    [InlineData("the previous month", Monday, "2024-12-01", "2024-12-31")]
    [InlineData("this month", Monday, "2025-01-01", "2025-01-13")]
    [InlineData("earlier this month", Monday, "2025-01-01", "2025-01-13")]
    [InlineData("last week", Monday, "2025-01-06", "2025-01-12")]
    [InlineData("last week", Saturday, "2024-12-30", "2025-01-05")]
    [InlineData("this week", Saturday, "2025-01-06", "2025-01-11")]
    [InlineData("in the last week of December", Monday, "2024-12-25", "2024-12-31")]
    [InlineData("the last week of December", Saturday, "2024-12-25", "2024-12-31")]
    [InlineData("the final week of last month", Monday, "2024-12-25", "2024-12-31")]
    [InlineData("the first week of January", Monday, "2025-01-01", "2025-01-07")]
    [InlineData("in the second week of January", Monday, "2025-01-08", "2025-01-13")]
    [InlineData("the last week of February 2024", Monday, "2024-02-23", "2024-02-29")]
    [InlineData("in October", Sunday, "2024-10-01", "2024-10-31")]
    [InlineData("October", Monday, "2024-10-01", "2024-10-31")]
    [InlineData("in January", Monday, "2025-01-01", "2025-01-13")]
    [InlineData("last January", Monday, "2024-01-01", "2024-01-31")]
    [InlineData("in December 2024", Monday, "2024-12-01", "2024-12-31")]
    [InlineData("in Dec. 2023", Monday, "2023-12-01", "2023-12-31")]
    [InlineData("mid-December", Monday, "2024-12-11", "2024-12-20")]
    [InlineData("early January", Monday, "2025-01-01", "2025-01-10")]
    [InlineData("late October", Monday, "2024-10-21", "2024-10-31")]
    [InlineData("in 2024", Monday, "2024-01-01", "2024-12-31")]
    [InlineData("last year", Monday, "2024-01-01", "2024-12-31")]
    [InlineData("this year", Monday, "2025-01-01", "2025-01-13")]
    [InlineData("so far this year", Monday, "2025-01-01", "2025-01-13")]
    [InlineData("last autumn", Monday, "2024-09-01", "2024-11-30")]
    [InlineData("last fall", Monday, "2024-09-01", "2024-11-30")]
    [InlineData("last summer", Monday, "2024-06-01", "2024-08-31")]
    [InlineData("last spring", Monday, "2024-03-01", "2024-05-31")]
    [InlineData("last winter", Monday, "2023-12-01", "2024-02-29")]
    [InlineData("this winter", Monday, "2024-12-01", "2025-01-13")]
    [InlineData("in the summer", Monday, "2024-06-01", "2024-08-31")]
    [InlineData("in the summer of 2023", Monday, "2023-06-01", "2023-08-31")]
    [InlineData("over the weekend", Monday, "2025-01-11", "2025-01-12")]
    [InlineData("last weekend", Saturday, "2025-01-04", "2025-01-05")]
    [InlineData("this weekend", Saturday, "2025-01-11", "2025-01-11")]
    [InlineData("last 7 days", Monday, "2025-01-06", "2025-01-13")]
    [InlineData("in the past three days", Monday, "2025-01-10", "2025-01-13")]
    [InlineData("past week", Monday, "2025-01-06", "2025-01-13")]
    [InlineData("over the past week", Monday, "2025-01-06", "2025-01-13")]
    [InlineData("in the last week", Monday, "2025-01-06", "2025-01-13")]
    [InlineData("over the past two weeks", Monday, "2024-12-30", "2025-01-13")]
    [InlineData("in the past 24 hours", Monday, "2025-01-12", "2025-01-13")]
    [InlineData("the past 48 hours", Monday, "2025-01-11", "2025-01-13")]
    [InlineData("the past month", Monday, "2024-12-13", "2025-01-13")]
    [InlineData("the past year", Monday, "2024-01-13", "2025-01-13")]
    [InlineData("since December", Monday, "2024-12-01", "2025-01-13")]
    [InlineData("since January 1", Monday, "2025-01-01", "2025-01-13")]
    public void Resolve_Span_IsPeriod(string expression, string published, string start, string end)
    {
        var time = TimeExpressionResolver.Resolve(expression, Day(published));

        Assert.Equal(TimeReferenceKind.Period, time.Kind);
        Assert.Equal((Day(start), Day(end)), (time.Start, time.End));
        Assert.Equal(expression, time.AsWritten);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("recently")]
    [InlineData("in the coming weeks")]
    [InlineData("next month")]
    [InlineData("the past few days")]
    [InlineData("last 0 days")]
    [InlineData("last 99999999999 days")]
    [InlineData("February 30")]
    [InlineData("2025-02-30")]
    [InlineData("by the end of the war")]
    public void Resolve_Unreadable_IsUnknownKeepingWords(string? expression)
    {
        var time = TimeExpressionResolver.Resolve(expression, Day(Monday));

        Assert.Equal(TimeReferenceKind.Unknown, time.Kind);
        Assert.Null(time.Start);
        Assert.Null(time.End);
        Assert.Equal(expression, time.AsWritten);
    }

    [Theory]
    [InlineData("last year")]
    [InlineData("yesterday")]
    [InlineData("last week")]
    [InlineData("last winter")]
    public void Resolve_PublishedOnFirstDay_IsUnknownNotAnException(string expression) =>
        Assert.Equal(TimeReferenceKind.Unknown, TimeExpressionResolver.Resolve(expression, DateOnly.MinValue).Kind);

    private static void AssertAsOf(TimeReference time, string expression, string day)
    {
        Assert.Equal(TimeReferenceKind.AsOf, time.Kind);
        Assert.Equal(Day(day), time.End);
        Assert.Null(time.Start);
        Assert.Equal(expression, time.AsWritten);
    }
}
