using System.Globalization;
using System.Text;

namespace ClaimsTracker.Domain.Common;

/// <summary>
/// What any text, number or choice coming from outside must satisfy before anything else looks
/// at it. One place for these rules, so the API, the forms and imports reject the same input:
/// PostgreSQL refuses NUL and cannot encode a lone surrogate, and a value past a column's size
/// fails only at the database.
/// </summary>
public static class TextRules
{
    /// <summary>
    /// Figures beyond a quadrillion are typing errors, and keeping them far from
    /// <see cref="decimal.MaxValue"/> keeps the interval arithmetic (tolerances, ranges) from overflowing.
    /// </summary>
    public const decimal MaxFigureMagnitude = 1_000_000_000_000_000m;

    /// <summary>The problem with <paramref name="value"/>, or null when it is acceptable text.</summary>
    /// <param name="value">The text as received.</param>
    /// <param name="maxLength">The field's limit from <see cref="Limits"/>.</param>
    /// <param name="multiline">Line breaks and tabs are allowed (report text, quotes, rationales).</param>
    public static string? Problem(string? value, int maxLength, bool multiline = false)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            return $"At most {maxLength.ToString("N0", CultureInfo.InvariantCulture)} characters (this has {value.Length.ToString("N0", CultureInfo.InvariantCulture)}).";
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return "Contains a broken character (a lone UTF-16 surrogate).";
            }

            if (c == '\0')
            {
                return "Contains a NUL character.";
            }

            var allowed = c == '\t' || (multiline && c is '\n' or '\r');
            if (char.IsControl(c) && !allowed)
            {
                return $"Contains the control character U+{(int)c:X4}.";
            }
        }

        return null;
    }

    /// <summary>True when the text has at least one character a reader can see.</summary>
    public static bool HasVisibleText(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        foreach (var rune in value.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (!Rune.IsWhiteSpace(rune) && category is not (UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.EnclosingMark or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The problem with a figure's number, or null.</summary>
    public static string? NumberProblem(decimal? value) =>
        value is { } number && Math.Abs(number) > MaxFigureMagnitude
            ? $"Numbers are limited to ±{MaxFigureMagnitude.ToString("N0", CultureInfo.InvariantCulture)}."
            : null;

    /// <summary>The problem with a floating-point number (NaN and infinities cannot be stored meaningfully).</summary>
    public static string? NumberProblem(double value) =>
        double.IsFinite(value) ? null : "Must be a finite number.";

    /// <summary>The problem with an enum value that arrived as a number, or null when it names a member.</summary>
    public static string? ChoiceProblem(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Enum.IsDefined(value.GetType(), value)
            ? null
            : $"{value} is not one of: {string.Join(", ", Enum.GetNames(value.GetType()))}.";
    }
}
