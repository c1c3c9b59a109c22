using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Tests.Browser.Infrastructure;

namespace UedaPublicGoals.Tests.Browser.FeedbackForm;

/// <summary>axe-core finds no WCAG 2.0/2.1 A or AA violation on the comment pages at 360×740.</summary>
[Collection(FeedbackBrowserCollection.Name)]
public sealed class FeedbackAxeTests(FeedbackBrowserPortal portal)
{
    private static Task AssertNoViolationsAsync(IPage page, string state) => AxeChecks.AssertNoViolationsAsync(page, state);

    [Fact]
    public async Task The_form_its_error_state_the_confirmation_and_the_thanks_page_pass_axe()
    {
        var page = await portal.NewPhonePageAsync();
        await page.OpenAsync("/iken/dai3ji-sogo-keikaku/");
        await AssertNoViolationsAsync(page, "the empty form");

        await page.Locator("#comment-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/confirm", StringComparison.Ordinal));
        Assert.True(await page.Locator(".error-summary").IsVisibleAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.classList.contains('error-summary')"), "The error summary should take the focus.");
        await AssertNoViolationsAsync(page, "the form with errors");

        await page.Locator("#Text").FillAsync("アクセシビリティの確認のための意見です。");
        await page.Locator("label[for=Field-2]").ClickAsync();
        await page.Locator("label[for=Consent]").ClickAsync();
        await page.Locator("#comment-form button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("#confirm-form");
        await AssertNoViolationsAsync(page, "the confirmation page");

        await page.Locator("#confirm-form button[type=submit]:not([formaction])").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/thanks?r=", StringComparison.Ordinal));
        await AssertNoViolationsAsync(page, "the thanks page");

        // 意見の状況, with the number and code the thanks page gave.
        var receipt = (await page.Locator(".receipt__number").TextContentAsync())!.Trim();
        var code = (await page.Locator(".receipt__code").TextContentAsync())!.Trim();
        await page.Locator("main a[href='/iken/jokyo']").First.ClickAsync();
        await page.WaitForSelectorAsync("#status-form");
        await AssertNoViolationsAsync(page, "the status page");
        await page.Locator("#ReceiptNumber").FillAsync(receipt);
        await page.Locator("#CheckCode").FillAsync(code);
        await page.Locator("#status-form button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync(".status-stage[aria-current=step]");
        await AssertNoViolationsAsync(page, "the status of the comment");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The status page scrolls sideways at 360 px.");
    }

    [Theory]
    [InlineData("/iken/dai3ji-sogo-keikaku/results")]
    [InlineData("/iken/privacy")]
    [InlineData("/iken/dai3ji-sogo-keikaku/poster")]
    public async Task The_results_privacy_and_poster_pages_pass_axe(string path)
    {
        await portal.WithDbAsync(async db =>
        {
            var consultation = db.Consultations.Single(c => c.Slug == FeedbackSeeder.ComprehensivePlanSlug);
            if (!db.Comments.Any(c => c.IsPublished))
            {
                for (var i = 0; i < 7; i++)
                {
                    db.Comments.Add(new Comment
                    {
                        ReceiptNumber = $"R6-8{i:D5}",
                        ConsultationId = consultation.Id,
                        ReceivedUtc = DateTime.UtcNow,
                        CreatedUtc = DateTime.UtcNow,
                        Text = $"公開された意見 {i}。<b>太字ではない</b>\n二行目です。",
                        Field = consultation.Fields[i % 2],
                        AgeGroup = AgeGroup.Twenties,
                        IsPublished = true,
                        Status = CommentStatus.Answered,
                        CityResponse = i % 3 == 0 ? null : "市としての考え方です。",
                        ConcurrencyStamp = Guid.NewGuid(),
                    });
                }

                await db.SaveChangesAsync();
                await portal.Services.GetRequiredService<UedaPublicGoals.Feedback.Results.FeedbackResultsCache>().EvictAllAsync();
            }
        });

        var page = await portal.NewPhonePageAsync();
        await page.OpenAsync(path);
        await AssertNoViolationsAsync(page, path);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{path} scrolls sideways at 360 px.");
    }
}
