using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Follow.Subscriptions;
using UedaPublicGoals.Tests.Integration.Infrastructure;
using static UedaPublicGoals.Tests.Integration.Follow.FollowSteps;

namespace UedaPublicGoals.Tests.Integration.Follow;

/// <summary>
/// E-mail subscriptions without an account, against a real SMTP listener on loopback: double opt-in (nothing but the
/// confirmation mail before the link is used), one-time and expiring links, the RFC 8058 one-click unsubscribe,
/// the address never stored in clear, antiforgery, hostile input and the rate limit.
/// </summary>
public sealed class SubscriptionTests : IDisposable
{
    private const string Address = "Hanako.Ueda@example.jp";
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(20);

    private readonly SmtpTestServer smtp = new();
    private readonly Feedback.PublicSide.FeedbackPortal portal;

    public SubscriptionTests() => portal = Portal(smtp);

    public void Dispose() => portal.Dispose(); // disposes the SMTP listener too

    [Fact]
    public async Task Double_opt_in_sends_only_the_confirmation_until_its_link_is_used_once()
    {
        var id = GoalId(portal, "koho");
        var (response, html) = await SubscribeAsync(portal, Address, from: $"/oshirase/touroku?goal={id:D}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("確認メールを送りました", HtmlText.MainText(html), StringComparison.Ordinal);

        var confirmation = (await smtp.NextAsync(MailWait)).Parse();
        Assert.Equal("hanako.ueda@example.jp", Assert.Single(confirmation.To.Mailboxes).Address);
        Assert.Contains("登録を確認してください", confirmation.Subject, StringComparison.Ordinal);
        var unsubscribe = confirmation.Headers["List-Unsubscribe"];
        Assert.StartsWith("<https://goals.example.jp/oshirase/unsubscribe?token=", unsubscribe, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", confirmation.Headers["List-Unsubscribe-Post"]);
        var subscription = Assert.Single(await SubscriptionsAsync(portal));
        Assert.Equal($"goal:{id:D}", subscription.Topic);
        Assert.Null(subscription.ConfirmedUtc);

        // Something changes and the digest hour passes: not confirmed, so nothing is sent.
        await PublishAsync(portal, id, goal => AddMidtermReport(goal));
        portal.Clock.Advance(DigestMomentAfter(portal, portal.Clock.GetUtcNow().UtcDateTime) - portal.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(1));
        Assert.Equal(0, await RunDigestAsync(portal));
        Assert.False(smtp.TryTake(out _));

        var link = LinkIn(confirmation.TextBody, "https://goals.example.jp/oshirase/kakunin?token=");
        var session = portal.OpenSession();
        var prompt = await session.FormAsync(new Uri(link).PathAndQuery, "#follow-prompt");
        Assert.Single(await SubscriptionsAsync(portal), s => s.ConfirmedUtc is null); // opening the page confirms nothing
        var (confirmed, confirmedHtml) = await session.PostAsync(prompt);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("登録が完了しました", HtmlText.MainText(confirmedHtml), StringComparison.Ordinal);
        var stored = Assert.Single(await SubscriptionsAsync(portal));
        Assert.NotNull(stored.ConfirmedUtc);
        Assert.Null(stored.ConfirmationNonce);

        // The same link again, opened or sent: a Japanese message, nothing changed.
        foreach (var (reused, reusedHtml) in new[] { await session.GetAsync(new Uri(link).PathAndQuery), await session.PostAsync(prompt) })
        {
            Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
            Assert.Contains("この確認リンクは使用済みです", HtmlText.MainText(reusedHtml), StringComparison.Ordinal);
        }

        Assert.Equal(stored.ConfirmedUtc, Assert.Single(await SubscriptionsAsync(portal)).ConfirmedUtc);
        Assert.False(smtp.TryTake(out _));
    }

    [Fact]
    public async Task A_confirmation_link_stops_working_after_its_hours()
    {
        await SubscribeAsync(portal, Address);
        var link = LinkIn((await smtp.NextAsync(MailWait)).Parse().TextBody, "https://goals.example.jp/oshirase/kakunin?token=");
        portal.Clock.Advance(TimeSpan.FromHours(49));

        var (response, html) = await portal.OpenSession().GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("確認リンクの期限が切れています", HtmlText.MainText(html), StringComparison.Ordinal);
        Assert.Null(Assert.Single(await SubscriptionsAsync(portal)).ConfirmedUtc);
    }

    [Fact]
    public async Task Forged_tokens_get_a_Japanese_message_and_change_nothing()
    {
        await SubscribeAsync(portal, Address);
        var mail = (await smtp.NextAsync(MailWait)).Parse();
        var confirmLink = LinkIn(mail.TextBody, "https://goals.example.jp/oshirase/kakunin?token=");
        var token = Uri.UnescapeDataString(confirmLink[(confirmLink.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        var tampered = token[..^4] + (token[^4] == 'A' ? "B" : "A") + token[^3..];
        var session = portal.OpenSession();

        foreach (var forged in new[] { tampered, "x", "", new string('A', 5000), "confirm|00000000000000000000000000000000|n|0" })
        {
            var (get, getHtml) = await session.GetAsync("/oshirase/kakunin?token=" + Uri.EscapeDataString(forged));
            Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
            Assert.Contains("確認リンクが正しくありません", HtmlText.MainText(getHtml), StringComparison.Ordinal);

            var unsubscribe = await session.Client.PostAsync("/oshirase/unsubscribe?token=" + Uri.EscapeDataString(forged),
                new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
            Assert.Equal(HttpStatusCode.BadRequest, unsubscribe.StatusCode);
            Assert.Contains("配信停止のリンクが正しくありません", HtmlText.MainText(await unsubscribe.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        // A confirmation token is not an unsubscribe token, nor the other way round.
        var unsubscribeLink = mail.Headers["List-Unsubscribe"]!.Trim('<', '>');
        var (crossed, _) = await session.GetAsync("/oshirase/kakunin?token=" + new Uri(unsubscribeLink).Query[7..]);
        Assert.Equal(HttpStatusCode.BadRequest, crossed.StatusCode);
        var crossedUnsubscribe = await session.Client.PostAsync("/oshirase/unsubscribe?token=" + Uri.EscapeDataString(token), new StringContent(""));
        Assert.Equal(HttpStatusCode.BadRequest, crossedUnsubscribe.StatusCode);

        var row = Assert.Single(await SubscriptionsAsync(portal));
        Assert.Null(row.ConfirmedUtc);
        Assert.NotNull(row.ConfirmationNonce);
    }

    [Fact]
    public async Task One_click_unsubscribe_works_without_a_session_and_a_second_use_changes_nothing()
    {
        await SubscribeAsync(portal, Address);
        await SubscribeAsync(portal, Address, "iken:" + FeedbackSeeder.ComprehensivePlanSlug);
        var mail = (await smtp.NextAsync(MailWait)).Parse();
        await smtp.NextAsync(MailWait);
        await ConfirmAsync(portal, LinkIn(mail.TextBody, "https://goals.example.jp/oshirase/kakunin?token="));
        Assert.Equal(2, (await SubscriptionsAsync(portal)).Count);

        // What a mail client sends (RFC 8058): a POST to the header's URL, no cookie, no antiforgery token.
        var url = new Uri(mail.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        var client = portal.CreatePublicClient();
        var oneClick = await client.PostAsync(url.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Contains("配信を停止しました", HtmlText.MainText(await oneClick.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(await SubscriptionsAsync(portal));

        var again = await client.PostAsync(url.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("配信はすでに停止しています", HtmlText.MainText(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_unsubscribe_page_asks_before_stopping_anything()
    {
        await SubscribeAsync(portal, Address);
        var mail = (await smtp.NextAsync(MailWait)).Parse();
        var url = new Uri(mail.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        var session = portal.OpenSession();

        var (page, html) = await session.GetAsync(url.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("配信の停止", HtmlText.MainText(html), StringComparison.Ordinal);
        Assert.Single(await SubscriptionsAsync(portal)); // a GET (a link scanner, a preview) stops nothing

        var (stopped, stoppedHtml) = await session.PostAsync(Feedback.PublicSide.FormSession.ReadForm(html, "#follow-prompt"));
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Contains("配信を停止しました", HtmlText.MainText(stoppedHtml), StringComparison.Ordinal);
        Assert.Empty(await SubscriptionsAsync(portal));
    }

    [Fact]
    public async Task The_address_is_stored_only_encrypted_and_hashed()
    {
        await SubscribeAsync(portal, Address);
        await smtp.NextAsync(MailWait);
        var row = Assert.Single(await SubscriptionsAsync(portal));
        Assert.DoesNotContain("example.jp", row.AddressProtected, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("^[0-9a-f]{64}$", row.AddressHash);

        using (var scope = portal.Services.CreateScope())
        {
            Assert.Equal("hanako.ueda@example.jp", scope.ServiceProvider.GetRequiredService<SubscriberAddress>().Unprotect(row.AddressProtected));
        }

        // Nowhere in the database files either (the main file and its write-ahead log).
        using (var pooled = new Microsoft.Data.Sqlite.SqliteConnection(portal.SqliteConnectionString))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(pooled); // this portal's pool only: others' tests run beside it
        }

        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(portal.SqliteConnectionString).DataSource;
        foreach (var file in new[] { path, path + "-wal" }.Where(File.Exists))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var form in new[] { "hanako.ueda@example.jp", Address })
            {
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(form)));
            }
        }

        // The same address again (other case) finds the same row instead of adding one.
        await SubscribeAsync(portal, "HANAKO.UEDA@EXAMPLE.JP");
        await smtp.NextAsync(MailWait);
        Assert.Single(await SubscriptionsAsync(portal));
    }

    [Fact]
    public async Task The_subscribe_POST_needs_the_antiforgery_token()
    {
        var client = portal.CreatePublicClient();
        var response = await client.PostAsync("/oshirase/touroku", new FormUrlEncodedContent([new("Email", Address), new("Topic", "site")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await SubscriptionsAsync(portal));
        Assert.False(smtp.TryTake(out _));
    }

    [Theory]
    [InlineData("hanako@example.jp\r\nBcc: everyone@example.jp", "site", "メールアドレスの形式が正しくありません")]
    [InlineData("a@example.jp, b@example.jp", "site", "メールアドレスの形式が正しくありません")]
    [InlineData("<script>alert(1)</script>@example.jp", "site", "メールアドレスの形式が正しくありません")]
    [InlineData("", "site", "メールアドレスを入力してください")]
    [InlineData("hanako@example.jp", "goal:not-a-guid", "受け取る更新情報を一覧から選んでください")]
    [InlineData("hanako@example.jp", "goal:00000000-0000-0000-0000-000000000001", "受け取る更新情報を一覧から選んでください")]
    [InlineData("hanako@example.jp", "iken:../../etc", "受け取る更新情報を一覧から選んでください")]
    [InlineData("hanako@example.jp", "", "受け取る更新情報を選んでください")]
    public async Task Bad_input_is_refused_in_Japanese_next_to_the_field_keeping_what_was_typed(string email, string topic, string message)
    {
        var (response, html) = await SubscribeAsync(portal, email, topic);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = HtmlText.Parse(html);
        Assert.Contains(message, page.QuerySelector("#subscribe-form .form-error")!.TextContent, StringComparison.Ordinal);
        // What was typed comes back (up to the line break, which an input's value cannot hold).
        Assert.StartsWith(email.Split('\r')[0], page.QuerySelector("#Email")!.GetAttribute("value") ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Empty(await SubscriptionsAsync(portal));
        Assert.False(smtp.TryTake(out _));
    }

    [Fact]
    public async Task Requests_beyond_the_rate_limit_are_refused_with_the_form_kept()
    {
        var limitedSmtp = new SmtpTestServer();
        using var limited = Portal(limitedSmtp, new() { ["Follow:SubscribePermitLimit"] = "2" });
        for (var i = 0; i < 2; i++)
        {
            var (ok, _) = await SubscribeAsync(limited, $"user{i}@example.jp");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            await limitedSmtp.NextAsync(MailWait);
        }

        var (refused, html) = await SubscribeAsync(limited, "user3@example.jp");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("受け付けを止めています", HtmlText.MainText(html), StringComparison.Ordinal);
        Assert.Equal("user3@example.jp", HtmlText.Parse(html).QuerySelector("#Email")!.GetAttribute("value"));
        Assert.Equal(2, (await SubscriptionsAsync(limited)).Count);
        Assert.False(limitedSmtp.TryTake(out _));
    }
}
