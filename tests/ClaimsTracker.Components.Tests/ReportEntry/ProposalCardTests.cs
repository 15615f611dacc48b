using ClaimsTracker.Components.Tests.Support;
using ClaimsTracker.Domain.Extraction;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Web.Features.Metrics;
using ClaimsTracker.Web.Features.ReportEntry;

namespace ClaimsTracker.Components.Tests.ReportEntry;

public class ProposalCardTests : MudComponentTest
{
    private static readonly IReadOnlyList<MetricOption> Metrics =
    [
        new(1, "North Korean soldiers killed or wounded", FigureKind.Count),
        new(2, "North Korean troops deployed", FigureKind.Count),
        new(3, "Capture date", FigureKind.Date),
    ];

    [Fact]
    public void Render_LowConfidenceProposal_NoFigureStartsTicked()
    {
        var draft = Draft(confidence: 0.5, metricIds: [1, 2]);

        var card = Context.Render<ProposalCard>(p => p.Add(c => c.Draft, draft).Add(c => c.Metrics, Metrics));

        var boxes = card.FindAll("[data-testid=proposal-keep]");
        Assert.Equal(2, boxes.Count);
        Assert.All(boxes, box => Assert.False(box.HasAttribute("checked"), "A figure of a low-confidence proposal was pre-ticked."));
        Assert.Contains("Low confidence (0.50)", card.Find("[data-testid=confidence]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ConfidentProposal_FiguresWithMetricStayTicked()
    {
        var draft = Draft(confidence: 0.75, metricIds: [1, null]);

        var card = Context.Render<ProposalCard>(p => p.Add(c => c.Draft, draft).Add(c => c.Metrics, Metrics));

        var boxes = card.FindAll("[data-testid=proposal-keep]");
        Assert.True(boxes[0].HasAttribute("checked"));
        Assert.False(boxes[1].HasAttribute("checked"));
        Assert.Contains("Medium confidence (0.75)", card.Find("[data-testid=confidence]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Proposal_ExplainsItsConfidence()
    {
        var draft = Draft(confidence: 0.75, metricIds: [1, null], sourceEvidence: "a spokesman for the general staff said", sourceIsKnown: false);

        var card = Context.Render<ProposalCard>(p => p.Add(c => c.Draft, draft).Add(c => c.Metrics, Metrics));

        var why = card.Find("[data-testid=confidence-reasons]").TextContent;
        Assert.Contains("2 figure(s) found", why, StringComparison.Ordinal);
        Assert.Contains("not in the source catalogue", why, StringComparison.Ordinal);
        Assert.Contains("a metric suggested for 1 of 2 figure(s)", why, StringComparison.Ordinal);
    }

    [Fact]
    public void TickFigure_UpdatesDraftAndAsksForItToBeKept()
    {
        var draft = Draft(confidence: 0.5, metricIds: [1]);
        var changes = 0;
        var card = Context.Render<ProposalCard>(p => p.Add(c => c.Draft, draft).Add(c => c.Metrics, Metrics).Add(c => c.Changed, () => changes++));

        card.Find("[data-testid=proposal-keep]").Change(true);

        Assert.True(draft.Figures[0].Include);
        Assert.Equal(1, changes);
    }

    [Fact]
    public void CreateMetric_FigureNoMetricFits_OffersTheNewMetricAndAsksForIt()
    {
        var draft = Draft(confidence: 0.75, metricIds: [1, null]);
        draft.Figures[1].NewMetric = new NewMetricProposal("Troops rotated", FigureKind.Count, null);
        FigureDraft? asked = null;
        var card = Context.Render<ProposalCard>(p => p.Add(c => c.Draft, draft).Add(c => c.Metrics, Metrics).Add(c => c.OnCreateMetric, f => asked = f));

        var offer = Assert.Single(card.FindAll("[data-testid=new-metric]"));
        Assert.Contains("“Troops rotated” (count)", offer.TextContent, StringComparison.Ordinal);
        card.Find("[data-testid=create-metric]").Click();

        Assert.Same(draft.Figures[1], asked);
    }

    [Fact]
    public void Render_FigurePointingAtAGroup_SaysWhyItIsNotTicked()
    {
        var draft = Draft(confidence: 0.75, metricIds: [1, 2]);
        draft.Figures[1].Incidental = "a part of a group counted elsewhere";

        var card = Context.Render<ProposalCard>(p => p.Add(c => c.Draft, draft).Add(c => c.Metrics, Metrics));

        var note = Assert.Single(card.FindAll("[data-testid=proposal-incidental]"));
        Assert.Equal("Not ticked: a part of a group counted elsewhere.", note.TextContent.Trim());
    }

    [Fact]
    public void Render_CorroboratingProposal_SaysWhoVouchesForTheFigure()
    {
        var plain = Context.Render<ProposalCard>(p => p.Add(c => c.Draft, Draft(confidence: 0.75, metricIds: [1, 2])).Add(c => c.Metrics, Metrics));
        var draft = Draft(confidence: 0.75, metricIds: [1, 2]);
        var corroborating = new ClaimDraft { Key = draft.Key, Quote = draft.Quote, Source = "Harbour health board", Confidence = draft.Confidence, Figures = draft.Figures, Corroborates = true };

        var card = Context.Render<ProposalCard>(p => p.Add(c => c.Draft, corroborating).Add(c => c.Metrics, Metrics));

        Assert.Empty(plain.FindAll("[data-testid=proposal-corroborates]"));
        Assert.Contains("Harbour health board vouches for a figure stated elsewhere", Assert.Single(card.FindAll("[data-testid=proposal-corroborates]")).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EveryFigureWithAMetric_OffersNoNewMetric()
    {
        var draft = Draft(confidence: 0.75, metricIds: [1, 2]);
        draft.Figures[0].NewMetric = null;

        var card = Context.Render<ProposalCard>(p => p.Add(c => c.Draft, draft).Add(c => c.Metrics, Metrics));

        Assert.Empty(card.FindAll("[data-testid=new-metric]"));
    }

    [Fact]
    public void Render_EveryInput_HasALinkedLabel()
    {
        var card = Context.Render<ProposalCard>(p => p.Add(c => c.Draft, Draft(0.9, [1, 2])).Add(c => c.Metrics, Metrics));

        foreach (var input in card.FindAll("input:not([type=checkbox])"))
        {
            Assert.False(string.IsNullOrEmpty(input.Id), "An input has no id for its label.");
            Assert.Single(card.FindAll($"label[for='{input.Id}']"));
        }

        // Checkboxes are wrapped by their label, which names the figure.
        Assert.All(card.FindAll("input[type=checkbox]"), box => Assert.Equal("LABEL", box.Closest("label")?.TagName));
    }

    [Theory]
    [InlineData(Qualifier.AtMost, 1, null, FigureKind.Duration, "reads as ≤ 1")]
    [InlineData(Qualifier.UpTo, 4000, null, FigureKind.Count, "reads as 3,000 – 4,000")]
    [InlineData(Qualifier.MoreThan, 3000, null, FigureKind.Count, "reads as ≥ 3,000")]
    [InlineData(Qualifier.Range, 300, 400, FigureKind.Count, "reads as 300 – 400")]
    [InlineData(Qualifier.Exact, 200, null, FigureKind.Count, "reads as 200")]
    public void Render_Figure_ReadsAsTheIntervalItsQualifierGives(Qualifier qualifier, int value, int? high, FigureKind kind, string expected)
    {
        var draft = Draft(0.9, [1]);
        draft.Figures[0].Qualifier = qualifier;
        draft.Figures[0].Value = value;
        draft.Figures[0].ValueHigh = high;
        draft.Figures[0].Kind = kind;

        var card = Context.Render<ProposalCard>(p => p.Add(c => c.Draft, draft).Add(c => c.Metrics, Metrics));

        Assert.StartsWith(expected, card.Find(".proposal-reading").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DateFigure_ReadsAsItsDay()
    {
        var draft = Draft(0.9, [3]);
        (draft.Figures[0].Kind, draft.Figures[0].Qualifier, draft.Figures[0].Value, draft.Figures[0].Date) = (FigureKind.Date, Qualifier.Exact, null, new DateOnly(2025, 1, 11));

        var card = Context.Render<ProposalCard>(p => p.Add(c => c.Draft, draft).Add(c => c.Metrics, Metrics));

        Assert.StartsWith("reads as 2025-01-11", card.Find(".proposal-reading").TextContent.Trim(), StringComparison.Ordinal);
    }

    internal static ClaimDraft Draft(double confidence, int?[] metricIds, string? sourceEvidence = "the general staff said", bool sourceIsKnown = true) => new()
    {
        Key = "10-90-General Staff",
        Quote = "about 5,000 soldiers had been killed or wounded, and some 12,000 had rotated through",
        Source = "General Staff",
        SourceIsKnown = sourceIsKnown,
        SourceEvidence = sourceEvidence,
        Confidence = confidence,
        Figures = metricIds.Select((id, i) => new FigureDraft
        {
            AsWritten = i == 0 ? "about 5,000" : "some 12,000",
            Qualifier = Qualifier.Approximately,
            Value = i == 0 ? 5000 : 12000,
            Kind = FigureKind.Count,
            // As the proposal service ticks them (ClaimProposal.StartsTicked): a metric and enough confidence.
            Include = id is not null && confidence >= ClaimProposal.PreTickThreshold,
            MetricId = id,
            MetricEvidence = id is null ? null : "killed or wounded",
        }).ToList(),
    };
}
