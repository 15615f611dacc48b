using System.Globalization;
using System.Text;

namespace ClaimsTracker.Domain.Sources;

/// <summary>
/// Folds a name for comparison: case, accents, punctuation and repeated spaces do not matter,
/// so "Zelenskyy", "ZELENSKYY" and "Zelenskyy," compare equal.
/// </summary>
public static class NameKey
{
    public static string From(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        // A lone surrogate cannot be normalised; such text is refused by the input rules anyway,
        // so the key of it only has to exist, not to fold accents.
        var decomposed = HasLoneSurrogate(name) ? name : name.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingSpace = false;
            }
            else if (c != '\'' && c != '’')
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A name as stored and shown: invisible format characters (zero-width spaces, direction
    /// marks) removed and runs of white space collapsed, so a pasted name cannot hide a twin of a
    /// known one.
    /// </summary>
    public static string Clean(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return string.Empty;
        }

        var visible = new string(name.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format).ToArray());
        return string.Join(' ', visible.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
