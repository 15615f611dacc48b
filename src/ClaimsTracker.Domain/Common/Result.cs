namespace ClaimsTracker.Domain.Common;

/// <summary>Why a use case did not succeed; each maps to one HTTP status and one kind of UI message.</summary>
public enum ResultStatus
{
    Ok,
    /// <summary>The input breaks a rule; <see cref="Failure.Errors"/> says which fields and why.</summary>
    Invalid,
    NotFound,
    /// <summary>Stored state disagrees with the request: a stale version, or a likely duplicate.</summary>
    Conflict,
    Forbidden,
}

/// <summary>
/// A use case's failure. <see cref="Extensions"/> carries what the caller needs to recover, e.g.
/// "currentVersion" for a stale save or "duplicates" for a report that looks already stored.
/// </summary>
public sealed record Failure(
    ResultStatus Status,
    IReadOnlyDictionary<string, string[]> Errors,
    string? Message = null,
    IReadOnlyDictionary<string, object?>? Extensions = null)
{
    public IReadOnlyDictionary<string, object?> Extensions { get; init; } = Extensions ?? new Dictionary<string, object?>();
}

/// <summary>The outcome of a use case without a value: success or a <see cref="Common.Failure"/>.</summary>
public sealed class Result
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private Result(Failure? failure) => Failure = failure;

    public Failure? Failure { get; }
    public ResultStatus Status => Failure?.Status ?? ResultStatus.Ok;
    public bool IsSuccess => Failure is null;
    public IReadOnlyDictionary<string, string[]> Errors => Failure?.Errors ?? NoErrors;

    public static Result Success() => new(null);

    public static Result<T> Success<T>(T value) => new(value);

    public static Failure Invalid(IReadOnlyDictionary<string, string[]> errors) => new(ResultStatus.Invalid, errors, "Some fields need attention.");

    public static Failure Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static Failure NotFound(string? message = null) => new(ResultStatus.NotFound, NoErrors, message ?? "It no longer exists.");

    /// <summary>Someone saved first; <paramref name="currentVersion"/> is what a retry must start from.</summary>
    public static Failure Conflict(string message, uint? currentVersion = null) =>
        new(ResultStatus.Conflict, NoErrors, message, currentVersion is { } version ? new Dictionary<string, object?> { ["currentVersion"] = version } : null);

    public static Failure Conflict(string message, string name, object? value) =>
        new(ResultStatus.Conflict, NoErrors, message, new Dictionary<string, object?> { [name] = value });

    public static Failure Forbidden() => new(ResultStatus.Forbidden, NoErrors, "Your role does not allow this.");

    public static implicit operator Result(Failure failure) => new(failure);

    /// <summary>The failure as a result of another type, to pass it on.</summary>
    public static Result From(Failure failure) => new(failure);
}

/// <summary>The outcome of a use case that produces a value: the value, or a <see cref="Common.Failure"/>.</summary>
public sealed class Result<T>
{
    private readonly T? value;

    internal Result(T value) => this.value = value;

    private Result(Failure failure) => Failure = failure;

    public Failure? Failure { get; }
    public ResultStatus Status => Failure?.Status ?? ResultStatus.Ok;
    public bool IsSuccess => Failure is null;
    public IReadOnlyDictionary<string, string[]> Errors => Failure?.Errors ?? new Dictionary<string, string[]>();

    /// <summary>The value of a success; asking a failure for it is a bug and says what failed.</summary>
    public T Value => Failure is null
        ? value!
        : throw new InvalidOperationException($"No value: {Failure.Status}. {Failure.Message} {string.Join(" ", Failure.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")))}");

    public static implicit operator Result<T>(T value) => new(value);

    public static implicit operator Result<T>(Failure failure) => new(failure);
}
