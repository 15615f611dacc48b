using ClaimsTracker.Web.Features.Errors;
using MudBlazor.Services;

namespace ClaimsTracker.Components.Tests.Layout;

public class StatusPageTests : BunitContext
{
    public StatusPageTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void NotFoundPage_WithoutCode_SaysPageNotFound()
    {
        var page = Render<NotFoundPage>();

        Assert.Equal("Page not found", page.Find("h1").TextContent.Trim());
    }

    [Fact]
    public void NotFoundPage_OtherStatus_NamesTheCodeInsteadOfNotFound()
    {
        var page = Render<NotFoundPage>(parameters => parameters.Add(p => p.Code, 400));

        Assert.Equal("The request could not be handled", page.Find("h1").TextContent.Trim());
        Assert.Contains("400", page.Markup, StringComparison.Ordinal);
    }
}
