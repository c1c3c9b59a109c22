using System.Net;
using System.Globalization;
using UedaPublicGoals.Feedback.AntiSpam;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.PublicSide;

/// <summary>The resident's steps through the form, as the tests repeat them.</summary>
public static class CommentSteps
{
    public const string FormUrl = "/iken/" + FeedbackSeeder.ComprehensivePlanSlug + "/";

    /// <summary>Opens the form, fills it, waits like a person, and posts it to the confirmation step.</summary>
    public static async Task<(HttpResponseMessage Response, string Html)> ConfirmAsync(
        FeedbackPortal portal, FormSession session, Action<HtmlFormData>? fill = null, string url = FormUrl)
    {
        var form = await session.FormAsync(url);
        FormSession.Fill(form);
        fill?.Invoke(form);
        portal.Clock.Advance(TimeSpan.FromSeconds(40));
        return await session.PostAsync(form);
    }

    /// <summary>Confirms and returns the confirmation page's send form.</summary>
    public static async Task<HtmlFormData> SendFormAsync(FeedbackPortal portal, FormSession session, Action<HtmlFormData>? fill = null, string url = FormUrl)
    {
        var (response, html) = await ConfirmAsync(portal, session, fill, url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"confirm answered {(int)response.StatusCode}: {HtmlText.MainText(html)}");
        return FormSession.ReadForm(html, "#confirm-form");
    }

    /// <summary>The whole flow to the thanks page; returns the 受付番号 shown.</summary>
    public static async Task<string> SubmitAsync(FeedbackPortal portal, FormSession session, Action<HtmlFormData>? fill = null, string url = FormUrl)
    {
        var send = await SendFormAsync(portal, session, fill, url);
        var (sent, sentHtml) = await session.PostAsync(send);
        Assert.True(sent.StatusCode == HttpStatusCode.SeeOther, $"send answered {(int)sent.StatusCode}: {HtmlText.MainText(sentHtml)}");
        var (_, thanks) = await session.FollowAsync(sent);
        return ReceiptOn(thanks);
    }

    public static string ReceiptOn(string thanksHtml) =>
        HtmlText.Parse(thanksHtml).QuerySelector(".receipt__number")?.TextContent.Trim()
        ?? throw new InvalidOperationException("No 受付番号 on: " + HtmlText.MainText(thanksHtml));

    /// <summary>What feedback-pow.js does in the browser.</summary>
    public static string Solve(string token, int difficulty)
    {
        for (var nonce = 0; ; nonce++)
        {
            var candidate = nonce.ToString(CultureInfo.InvariantCulture);
            if (ProofOfWorkChallenges.IsSolution(token, candidate, difficulty))
            {
                return candidate;
            }
        }
    }
}
