using System.Globalization;
using System.Text;

namespace ClaimsTracker.ScenarioScore;

/// <summary>The scorer's printout: one line per scenario, the totals, and optionally every miss.</summary>
public static class ScenarioTable
{
    public static string Format(IReadOnlyList<ScenarioResult> results, bool details, bool accepted = false)
    {
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"scenario",-34} {"reports",7} {"claims",6} {"items",5} {"expected",8} {"found",5} {"recall",7} {"precision",9} {"sides",5} {"real",5} {"calm",4} {"flagged",7}");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{Cut(r.Id, 34),-34} {r.Reports,7} {r.ClaimsAccepted,6} {r.Items.Count,5} {r.ExpectedDisputes,8} {r.DisputesFound,5} {r.Recall,7:P0} {r.Precision,9:P0} {r.DisputesWithRightSides,5} {r.RealItems,5} {r.ExpectedNonDisputes,4} {r.NonDisputesFlagged,7}");
        }

        var t = ScenarioTotals.Of(results);
        text.AppendLine(CultureInfo.InvariantCulture, $"{$"total ({t.Scenarios} scenarios)",-34} {results.Sum(r => r.Reports),7} {results.Sum(r => r.ClaimsAccepted),6} {t.Items,5} {t.ExpectedDisputes,8} {t.DisputesFound,5} {t.Recall,7:P1} {t.Precision,9:P1} {t.DisputesWithRightSides,5} {t.RealItems,5} {t.ExpectedNonDisputes,4} {t.NonDisputesFlagged,7}");
        text.AppendLine(CultureInfo.InvariantCulture, $"sides right (some expected sources missing): recall {t.SidesRecall:P1}, precision {t.RealPrecision:P1}");
        if (details)
        {
            foreach (var r in results.Where(r => r.Misses.Count > 0))
            {
                text.AppendLine().AppendLine(r.Id);
                foreach (var miss in r.Misses)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"  {miss}");
                }

                foreach (var line in accepted ? r.Accepted : [])
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"    {line}");
                }
            }
        }

        return text.ToString();
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
