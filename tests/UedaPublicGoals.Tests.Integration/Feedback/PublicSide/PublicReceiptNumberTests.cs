using System.Net;
using UedaPublicGoals.Feedback.AntiSpam;
using UedaPublicGoals.Feedback.Submission;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.PublicSide;

/// <summary>
/// 受付番号 under load (the group-commit writer): every comment sent at once is stored once, numbers
/// have no gaps, and a bot-trapped send is never shown a number a real comment has or will get.
/// </summary>
public sealed class PublicReceiptNumberTests
{
    [Fact]
    public async Task Comments_sent_at_the_same_time_and_each_twice_are_all_stored_once_with_gapless_numbers()
    {
        using var portal = new FeedbackPortal();
        var forms = await Task.WhenAll(Enumerable.Range(1, 30).Select(async i =>
        {
            var session = portal.OpenSession();
            return (session, send: await CommentSteps.SendFormAsync(portal, session, f => f["Text"] = $"同時に送る意見の{i}番目です。よろしくお願いします。"));
        }));

        // Everyone presses 送信する at once, and presses it twice.
        var posts = await Task.WhenAll(forms.SelectMany(f => new[] { f.session.PostAsync(f.send.Copy()), f.session.PostAsync(f.send.Copy()) }));
        Assert.All(posts, p => Assert.Equal(HttpStatusCode.SeeOther, p.Response.StatusCode));
        var shown = new List<string>();
        for (var i = 0; i < posts.Length; i++)
        {
            shown.Add(CommentSteps.ReceiptOn((await forms[i / 2].session.FollowAsync(posts[i].Response)).Html));
        }

        var comments = await portal.CommentsAsync();
        Assert.Equal(30, comments.Count);
        Assert.Equal(comments.Select(c => c.ReceiptNumber).Order(), shown.Distinct().Order());
        Assert.All(Enumerable.Range(0, 30), i => Assert.Equal(shown[2 * i], shown[2 * i + 1]));
        var year = ReceiptNumbers.ReiwaFiscalYear(comments[0].CreatedUtc);
        Assert.Equal(Enumerable.Range(1, 30).Select(n => ReceiptNumbers.For(n, comments[0].CreatedUtc)), comments.Select(c => c.ReceiptNumber).Order());
        Assert.Equal(30, await portal.WithDbAsync(db => Task.FromResult(db.ReceiptCounters.Single(c => c.FiscalYear == year).LastNumber)));
    }

    [Fact]
    public async Task A_bot_trapped_send_is_shown_a_number_of_a_fiscal_year_that_never_existed()
    {
        using var portal = new FeedbackPortal();
        var fakes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var session = portal.OpenSession();
            var (trapped, _) = await CommentSteps.ConfirmAsync(portal, session, f => f[BotTrap.HoneypotField] = "https://spam.example");
            fakes.Add(CommentSteps.ReceiptOn((await session.FollowAsync(trapped)).Html));
        }

        var real = await CommentSteps.SubmitAsync(portal, portal.OpenSession());

        Assert.All(fakes, fake => Assert.Matches(@"^R0-\d{6}$", fake));
        Assert.Matches(@"^R([1-9]\d*)-000001$", real);
        Assert.Equal([real], (await portal.CommentsAsync()).Select(c => c.ReceiptNumber));
    }
}
