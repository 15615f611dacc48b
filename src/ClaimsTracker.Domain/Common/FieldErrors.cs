namespace ClaimsTracker.Domain.Common;

/// <summary>Validation messages collected by field name, several per field, in the order found.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public int Count => errors.Count;
    public bool IsEmpty => errors.Count == 0;

    public FieldErrors Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }

        messages.Add(message);
        return this;
    }

    public bool Has(string field) => errors.ContainsKey(field);

    /// <summary>Adds every message of <paramref name="other"/>, its field renamed by <paramref name="field"/>.</summary>
    public FieldErrors AddAll(FieldErrors other, Func<string, string> field, Func<string, string>? message = null)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (name, messages) in other.errors)
        {
            foreach (var text in messages)
            {
                Add(field(name), message is null ? text : message(text));
            }
        }

        return this;
    }

    /// <summary>Every message as "field: message", for a one-line summary (import results, logs).</summary>
    public IEnumerable<(string Field, string Message)> All() => errors.SelectMany(e => e.Value.Select(m => (e.Key, m)));

    public IReadOnlyDictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>Success when nothing was found, else an <see cref="ResultStatus.Invalid"/> failure.</summary>
    public Result ToResult() => IsEmpty ? Result.Success() : Result.Invalid(ToDictionary());

    /// <summary>Checks a required text: present (not only spaces) and within <paramref name="maxLength"/> once trimmed.</summary>
    public bool Required(string field, string? value, int maxLength, string missing, string tooLong)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, missing);
            return false;
        }

        return Optional(field, value, maxLength, tooLong);
    }

    /// <summary>Checks an optional text against <paramref name="maxLength"/> once trimmed.</summary>
    public bool Optional(string field, string? value, int maxLength, string tooLong)
    {
        if (value is not null && value.Trim().Length > maxLength)
        {
            Add(field, tooLong);
            return false;
        }

        return true;
    }
}
