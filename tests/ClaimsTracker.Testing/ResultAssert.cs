using ClaimsTracker.Data.Reports;
using ClaimsTracker.Domain.Common;
using Xunit;

namespace ClaimsTracker.Testing;

/// <summary>Assertions on a use case's <see cref="Result{T}"/>, each failing with what the result was instead.</summary>
public static class ResultAssert
{
    public static T Saved<T>(Result<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Assert.True(result.IsSuccess, $"Expected success, got {Describe(result.Failure)}");
        return result.Value;
    }

    public static Failure Invalid<T>(Result<T> result) => Failed(result, ResultStatus.Invalid);

    public static Failure Conflict<T>(Result<T> result) => Failed(result, ResultStatus.Conflict);

    public static Failure Forbidden<T>(Result<T> result) => Failed(result, ResultStatus.Forbidden);

    public static Failure NotFound<T>(Result<T> result) => Failed(result, ResultStatus.NotFound);

    /// <summary>The stored reports a "possible duplicate" conflict lists.</summary>
    public static IReadOnlyList<DuplicateReport> Duplicates<T>(Result<T> result)
    {
        var failure = Conflict(result);
        return Assert.IsAssignableFrom<IReadOnlyList<DuplicateReport>>(failure.Extensions["duplicates"]);
    }

    private static Failure Failed<T>(Result<T> result, ResultStatus expected)
    {
        ArgumentNullException.ThrowIfNull(result);
        Assert.True(result.Status == expected, $"Expected {expected}, got {(result.Failure is null ? "success" : Describe(result.Failure))}");
        return result.Failure!;
    }

    /// <summary>A use case without a value succeeded.</summary>
    public static void Saved(Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Assert.True(result.IsSuccess, $"Expected success, got {Describe(result.Failure)}");
    }

    public static Failure Invalid(Result result) => Failed(result, ResultStatus.Invalid);

    public static Failure Conflict(Result result) => Failed(result, ResultStatus.Conflict);

    public static Failure Forbidden(Result result) => Failed(result, ResultStatus.Forbidden);

    public static Failure NotFound(Result result) => Failed(result, ResultStatus.NotFound);

    private static Failure Failed(Result result, ResultStatus expected)
    {
        ArgumentNullException.ThrowIfNull(result);
        Assert.True(result.Status == expected, $"Expected {expected}, got {(result.Failure is null ? "success" : Describe(result.Failure))}");
        return result.Failure!;
    }

    private static string Describe(Failure? failure) => failure is null
        ? "success"
        : $"{failure.Status}: {failure.Message} {string.Join("; ", failure.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")))}";
}
