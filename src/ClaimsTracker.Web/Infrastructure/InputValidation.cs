using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using ClaimsTracker.Domain.Common;

namespace ClaimsTracker.Web.Infrastructure;

/// <summary>
/// The one validation step every write passes before its service looks at it: the API through
/// <see cref="Filter"/>, the forms through <see cref="Check"/> at each editing service's entry.
/// It walks the input (nested drafts and lists included) and applies <see cref="TextRules"/> with
/// each field's column limit, so bad text is a 400 naming the field, never a database error.
/// </summary>
public static class InputValidation
{
    /// <summary>Field name (as the property or parameter is called) → its limit and whether it may span lines.</summary>
    private static readonly Dictionary<string, (int Max, bool Multiline)> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Title"] = (Limits.Title, false),
        ["Authors"] = (Limits.Title, false),
        ["Outlet"] = (Limits.Name, false),
        ["Source"] = (Limits.Name, false),
        ["RelayedVia"] = (Limits.Name, false),
        ["Name"] = (Limits.Name, false),
        ["Affiliation"] = (Limits.Name, false),
        ["Aliases"] = (Limits.Name, false),
        ["Email"] = (Limits.Name, false),
        ["Url"] = (Limits.Url, false),
        ["Language"] = (16, false),
        ["Text"] = (Limits.ReportText, true),
        ["Quote"] = (Limits.Quote, true),
        ["MetricEvidence"] = (Limits.Quote, true),
        ["SourceEvidence"] = (Limits.Quote, true),
        ["Summary"] = (Limits.Summary, true),
        ["Description"] = (Limits.Summary, true),
        ["AsWritten"] = (Limits.AsWritten, false),
        ["TimeAsWritten"] = (Limits.AsWritten, false),
        ["Scope"] = (Limits.Scope, false),
        ["Rationale"] = (Limits.Rationale, true),
        ["Key"] = (Limits.MetricKey, false),
        ["Unit"] = (Limits.Unit, false),
        ["Search"] = (Limits.Title, false),
        ["Password"] = (Limits.Name, false),
        ["CurrentPassword"] = (Limits.Name, false),
        ["NewPassword"] = (Limits.Name, false),
    };

    /// <summary>Text whose field is not listed gets the longest single-field limit.</summary>
    private static readonly (int Max, bool Multiline) OtherText = (Limits.Quote, true);

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>Errors in <paramref name="input"/> keyed by field path ("figures[0].asWritten"); empty when none.</summary>
    public static Dictionary<string, string[]> Check(object? input, string? name = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Walk(input, name is null ? string.Empty : Camel(name), name, errors, depth: 0);
        return errors;
    }

    /// <summary>The API's step: every argument of every endpoint in the group, before the handler runs.</summary>
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        var services = factory.ApplicationServices.GetService<IServiceProviderIsService>();
        var parameters = factory.MethodInfo.GetParameters();
        var checkable = parameters.Select((p, i) => (p, i))
            .Where(x => NeedsCheck(x.p.ParameterType) && services?.IsService(x.p.ParameterType) != true)
            .ToArray();
        if (checkable.Length == 0)
        {
            return next;
        }

        return async context =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var (parameter, index) in checkable)
            {
                var value = index < context.Arguments.Count ? context.Arguments[index] : null;
                // [AsParameters] records are the query itself: their fields are named without a prefix.
                var asQuery = parameter.GetCustomAttribute<AsParametersAttribute>() is not null;
                Walk(value, asQuery ? string.Empty : Camel(parameter.Name ?? "body"), asQuery ? null : parameter.Name, errors, depth: 0);
            }

            return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : await next(context);
        };
    }

    private static bool NeedsCheck(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) || type.IsEnum || type == typeof(decimal) || type == typeof(double) || IsOurs(type);
    }

    private static bool IsOurs(Type type) =>
        !type.IsEnum && (type.Namespace?.StartsWith("ClaimsTracker", StringComparison.Ordinal) == true
            || (type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)) && type.Name.Contains("AnonymousType", StringComparison.Ordinal)));

    private static void Walk(object? value, string path, string? field, Dictionary<string, string[]> errors, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                var (max, multiline) = field is not null && Fields.TryGetValue(field, out var limit) ? limit : OtherText;
                Add(errors, path, TextRules.Problem(text, max, multiline));
                return;
            case Enum choice:
                Add(errors, path, TextRules.ChoiceProblem(choice));
                return;
            case decimal number:
                Add(errors, path, TextRules.NumberProblem(number));
                return;
            case double number:
                Add(errors, path, TextRules.NumberProblem(number));
                return;
        }

        // A bound on depth: inputs are a few levels deep, and cycles must not loop.
        if (depth > 4)
        {
            return;
        }

        var type = value.GetType();
        if (value is IEnumerable items and not IDictionary)
        {
            var index = 0;
            foreach (var item in items)
            {
                if (item is null)
                {
                    Add(errors, $"{path}[{index++}]", "An empty entry (null) is not allowed in a list.");
                    continue;
                }

                Walk(item, $"{path}[{index++}]", field, errors, depth + 1);
            }

            return;
        }

        if (!IsOurs(type))
        {
            return;
        }

        foreach (var property in Properties.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && (NeedsCheck(p.PropertyType) || IsSequence(p.PropertyType)))
                     .ToArray()))
        {
            var name = Camel(property.Name);
            var fieldPath = path.Length == 0 ? name : $"{path}.{name}";
            var fieldValue = property.GetValue(value);
            // JSON can send null where the model says there is always a value (a list, a draft).
            if (fieldValue is null && IsRequired(property))
            {
                Add(errors, fieldPath, "A value is required here.");
                continue;
            }

            Walk(fieldValue, fieldPath, property.Name, errors, depth + 1);
        }
    }

    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>A reference-typed property declared without "?" (strings excepted: their emptiness is each service's business).</summary>
    private static bool IsRequired(PropertyInfo property)
    {
        if (property.PropertyType.IsValueType || property.PropertyType == typeof(string))
        {
            return false;
        }

        lock (Nullability)
        {
            return Nullability.Create(property).ReadState == NullabilityState.NotNull;
        }
    }

    private static bool IsSequence(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    private static void Add(Dictionary<string, string[]> errors, string path, string? problem)
    {
        if (problem is not null)
        {
            errors[path.Length == 0 ? "value" : path] = [problem];
        }
    }

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
