using System.Net;
using UedaPublicGoals.Feedback.AntiSpam;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.PublicSide;

/// <summary>
/// A class behind one school address: beyond the client's allowance the proof-of-work is asked
/// for instead of refusing, and the allowance is counted in the database, so it holds on every node.
/// </summary>
public sealed class PublicClientAllowanceTests
{
    private static Dictionary<string, string> AutoMode(int allowance) => new()
    {
        ["Feedback:AntiSpam:ProofOfWork"] = "Auto",
        ["Feedback:AntiSpam:ProofOfWorkDifficulty"] = "8",
        ["Feedback:AntiSpam:ClientAllowance:Comments"] = allowance.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Feedback:AntiSpam:ClientAllowance:WindowMinutes"] = "10",
        ["Feedback:AntiSpam:RateLimit:PermitLimit"] = "60",
    };

    /// <summary>One pupil: form, confirmation, the proof-of-work when asked (as feedback-pow.js does), send.</summary>
    private static async Task<(bool Challenged, HttpResponseMessage Sent)> SendAsync(FeedbackPortal portal, int pupil)
    {
        var session = portal.OpenSession();
        var send = await CommentSteps.SendFormAsync(portal, session, f => f["Text"] = $"出席番号{pupil}番の意見です。放課後に使える自習室を増やしてほしい。");
        var challenged = send[ProofOfWorkVerifier.TokenField] is { Length: > 0 };
        if (challenged)
        {
            send[ProofOfWorkVerifier.NonceField] = CommentSteps.Solve(send[ProofOfWorkVerifier.TokenField]!, 8);
        }

        var (sent, html) = await session.PostAsync(send);
        Assert.True(sent.StatusCode == HttpStatusCode.SeeOther, $"pupil {pupil}: {(int)sent.StatusCode} {HtmlText.MainText(html)}");
        return (challenged, sent);
    }

    [Fact]
    public async Task Forty_pupils_behind_one_address_all_send_and_those_beyond_the_allowance_solve_the_proof_of_work()
    {
        using var portal = new FeedbackPortal { Settings = AutoMode(allowance: 5) };

        var challenged = new List<bool>();
        for (var pupil = 1; pupil <= 40; pupil++)
        {
            challenged.Add((await SendAsync(portal, pupil)).Challenged);
        }

        Assert.Equal(Enumerable.Repeat(false, 5).Concat(Enumerable.Repeat(true, 35)), challenged);
        var comments = await portal.CommentsAsync();
        Assert.Equal(40, comments.Count);
        Assert.Single(comments.Select(c => c.ClientHash).Distinct());
    }

    [Fact]
    public async Task The_allowance_is_counted_in_the_database_so_a_second_node_asks_for_the_proof_of_work_too()
    {
        using var first = new FeedbackPortal { Settings = AutoMode(allowance: 2) };
        await SendAsync(first, 1);
        using var second = new FeedbackPortal
        {
            Settings = new(AutoMode(allowance: 2)) { ["Database:ConnectionString"] = first.SqliteConnectionString },
        };

        var (challengedOnSecond, _) = await SendAsync(second, 2);
        Assert.False(challengedOnSecond);

        // Two comments from this address are stored (one through each node): both nodes now ask.
        var onFirst = await CommentSteps.SendFormAsync(first, first.OpenSession());
        var onSecond = await CommentSteps.SendFormAsync(second, second.OpenSession());
        Assert.False(string.IsNullOrEmpty(onFirst[ProofOfWorkVerifier.TokenField]));
        Assert.False(string.IsNullOrEmpty(onSecond[ProofOfWorkVerifier.TokenField]));
        Assert.Equal(2, (await first.CommentsAsync()).Count);
    }

    [Fact]
    public async Task When_everyone_is_asked_a_client_past_its_allowance_gets_a_harder_puzzle()
    {
        using var portal = new FeedbackPortal { Settings = new(AutoMode(allowance: 1)) { ["Feedback:AntiSpam:ProofOfWork"] = "On" } };
        static async Task<string?> DifficultyAsync(FeedbackPortal portal) =>
            HtmlText.Parse((await CommentSteps.ConfirmAsync(portal, portal.OpenSession())).Html).QuerySelector("#pow-status")?.GetAttribute("data-pow-difficulty");

        Assert.Equal("8", await DifficultyAsync(portal));
        await SendAsync(portal, 1);
        Assert.Equal("10", await DifficultyAsync(portal));
    }
}
