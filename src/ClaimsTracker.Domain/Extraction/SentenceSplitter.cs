using System.Text.RegularExpressions;

namespace ClaimsTracker.Domain.Extraction;

/// <summary>A sentence of a text: [Start, End) in the original, trimmed.</summary>
public readonly record struct SentenceSpan(int Start, int End);

/// <summary>
/// Splits pasted article text into sentences. Abbreviations ("Jan. 9", "U.S.", "Mr.") do not end a
/// sentence, closing quotes stay with their sentence, every line break ends one, and page furniture
/// (bylines, "Back to top", related links, update stamps) is dropped.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm", "cmdr", "brig", "insp", "supt", "det", "cdr",
        "rep", "sen", "gov", "pres", "st", "jr", "sr", "rev", "hon", "no", "nos", "vs", "approx", "est", "fig", "mt", "ft",
    };

    private static readonly HashSet<string> MonthAbbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    // Words that start a new sentence after "U.S." or "p.m." rather than continue a name.
    private static readonly HashSet<string> SentenceStarters = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "It", "He", "She", "They", "We", "I", "In", "On", "At", "But", "And", "This", "That", "There", "Its", "His", "Her", "Their",
    };

    private static readonly Regex Furniture = new(
        @"^(?:back\s+to\s+top|related(?:\s+(?:articles?|stories|story|content|coverage|news|reading|topics))?:?|read\s+more:?.*|more\s+on\s+this\s+story|advertisement|skip\s+to(?:\s+main)?\s+content|share(?:\s+this(?:\s+article|\s+story)?)?|sign\s+up\b.*|subscribe\b.*|follow\s+us\b.*|listen\s+to\s+(?:this\s+)?article.*|image\s+caption.*|photo(?:graph)?\s*:.*|copyright\b.*|©.*|\d+\s*min(?:ute)?s?\s+read|(?:last\s+)?(?:updated|published|posted)\b[^.!?]*|\d+\s+comments?)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex RelatedHeader = new(@"^(?:related|more\s+on\s+this|read\s+more|most\s+read|recommended)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private const string BylineName = @"\p{Lu}[\p{L}'’.\-]*(?:\s+\p{Lu}[\p{L}'’.\-]*)*";
    private static readonly Regex Byline = new($@"^By\s+{BylineName}(?:\s*(?:,|and|&)\s*{BylineName})*(?:\s*,\s*[\p{{L}} ]+)?$", RegexOptions.CultureInvariant);

    public static IReadOnlyList<SentenceSpan> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<SentenceSpan>();
        var inRelatedBlock = false;
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var line = text[lineStart..lineEnd].Trim();
            if (line.Length > 0)
            {
                var endsLikeSentence = line[^1] is '.' or '!' or '?' or '"' or '”' or '’';
                if (IsFurniture(line))
                {
                    inRelatedBlock |= RelatedHeader.IsMatch(line);
                }
                else if (inRelatedBlock && !endsLikeSentence)
                {
                    // Headlines listed under "Related articles" are links, not the story.
                }
                else
                {
                    inRelatedBlock = false;
                    SplitLine(text, lineStart, lineEnd, sentences);
                }
            }

            lineStart = lineEnd + 1;
        }

        return sentences;
    }

    /// <summary>True for a whole line that is page furniture rather than story text.</summary>
    public static bool IsFurniture(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length > 0 && (Furniture.IsMatch(trimmed) || Byline.IsMatch(trimmed));
    }

    private static void SplitLine(string text, int start, int end, List<SentenceSpan> sentences)
    {
        var sentenceStart = start;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c is not ('.' or '!' or '?'))
            {
                continue;
            }

            var close = i + 1;
            while (close < end && text[close] is '"' or '”' or '’' or '\'' or ')')
            {
                close++;
            }

            if (close < end && !char.IsWhiteSpace(text[close]))
            {
                continue;
            }

            var next = close;
            while (next < end && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next < end && !(char.IsUpper(text[next]) || char.IsDigit(text[next]) || text[next] is '"' or '“' or '‘' or '('))
            {
                continue;
            }

            if (c == '.' && next < end && IsAbbreviation(text, i, next))
            {
                continue;
            }

            Add(text, sentenceStart, close, sentences);
            sentenceStart = close;
            i = close - 1;
        }

        Add(text, sentenceStart, end, sentences);
    }

    private static bool IsAbbreviation(string text, int dot, int next)
    {
        var tokenStart = dot;
        while (tokenStart > 0 && (char.IsLetter(text[tokenStart - 1]) || text[tokenStart - 1] == '.'))
        {
            tokenStart--;
        }

        var token = text[tokenStart..dot];
        if (token.Length == 0)
        {
            return false;
        }

        var nextWord = WordAt(text, next);
        if (MonthAbbreviations.Contains(token))
        {
            return char.IsDigit(text[next]);
        }

        if (Abbreviations.Contains(token))
        {
            return true;
        }

        // "U.S.", "U.N.", "p.m.", a middle initial "F.": a name goes on unless a new sentence plainly starts.
        var dotted = token.Length == 1 || token.Contains('.', StringComparison.Ordinal) && token.Replace(".", string.Empty, StringComparison.Ordinal).Length <= 4;
        return dotted && (token.Length == 1 ? char.IsUpper(token[0]) : true) && !SentenceStarters.Contains(nextWord);
    }

    private static string WordAt(string text, int i)
    {
        var end = i;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return text[i..end];
    }

    private static void Add(string text, int start, int end, List<SentenceSpan> sentences)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add(new SentenceSpan(start, end));
        }
    }
}
