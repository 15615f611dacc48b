using ClaimsTracker.Domain.Common;

namespace ClaimsTracker.Web.Infrastructure;

/// <summary>
/// The one mapping from a use case's <see cref="Result"/> to HTTP: validation → 400 with the
/// fields, not found → 404, conflict → 409 with what the caller needs to retry (current version,
/// duplicates), forbidden → 403; all as RFC 9457 problem details.
/// </summary>
public static class ResultHttp
{
    public static IResult ToHttp<T>(this Result<T> result, Func<T, IResult> success)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(success);
        return result.Failure is { } failure ? ToProblem(failure) : success(result.Value);
    }

    public static IResult ToHttp(this Result result, Func<IResult> success)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(success);
        return result.Failure is { } failure ? ToProblem(failure) : success();
    }

    public static IResult ToProblem(Failure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var extensions = failure.Extensions.ToDictionary(e => e.Key, e => e.Value);
        return failure.Status switch
        {
            ResultStatus.Invalid => TypedResults.ValidationProblem(failure.Errors, failure.Message, extensions: extensions),
            ResultStatus.NotFound => TypedResults.Problem(failure.Message, statusCode: StatusCodes.Status404NotFound, extensions: extensions),
            ResultStatus.Conflict => TypedResults.Problem(failure.Message, statusCode: StatusCodes.Status409Conflict, extensions: extensions),
            ResultStatus.Forbidden => TypedResults.Problem(failure.Message, statusCode: StatusCodes.Status403Forbidden),
            _ => throw new ArgumentOutOfRangeException(nameof(failure), failure.Status, "A failure needs a failing status."),
        };
    }
}
