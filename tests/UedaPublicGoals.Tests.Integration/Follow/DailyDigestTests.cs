using UedaPublicGoals.Tests.Integration.Infrastructure;
using static UedaPublicGoals.Tests.Integration.Follow.FollowSteps;

namespace UedaPublicGoals.Tests.Integration.Follow;

/// <summary>
/// The daily digest: at the configured hour (Japan time) one mail per subscriber lists every change of the day for
/// everything it follows, carries the one-click unsubscribe headers, and is not sent twice.
/// </summary>
public sealed class DailyDigestTests : IDisposable
{
    private const string Address = "taro@example.jp";
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(20);

    private readonly SmtpTestServer smtp = new();
    private readonly Feedback.PublicSide.FeedbackPortal portal;

    public DailyDigestTests() => portal = Portal(smtp);

    public void Dispose() => portal.Dispose(); // disposes the SMTP listener too

    private async Task FollowAsync(string topic)
    {
        await SubscribeAsync(portal, Address, topic);
        var mail = (await smtp.NextAsync(MailWait)).Parse();
        await ConfirmAsync(portal, LinkIn(mail.TextBody, "https://goals.example.jp/oshirase/kakunin?token="));
    }

    [Fact]
    public async Task A_days_changes_to_everything_followed_come_in_one_mail_at_the_digest_hour()
    {
        var koho = GoalId(portal, "koho");
        var smartCity = GoalId(portal, "smart-city");
        await FollowAsync($"goal:{koho:D}");
        await FollowAsync("site");
        var start = portal.Clock.GetUtcNow().UtcDateTime;

        // Three publishes on one day: a report and a KPI value of the followed goal, and another goal.
        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        await PublishAsync(portal, koho, goal => AddMidtermReport(goal));
        await PublishAsync(portal, koho, goal => AddLineFriendsValue(goal));
        await PublishAsync(portal, smartCity, goal => goal.Initiatives[0].MidtermReport = new() { Text = "実証実験を始めました。", Status = UedaPublicGoals.Content.Model.ProgressStatus.OnTrack });

        // Not before the hour.
        var moment = DigestMomentAfter(portal, start);
        portal.Clock.Advance(moment - portal.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await RunDigestAsync(portal));
        Assert.False(smtp.TryTake(out _));

        portal.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await RunDigestAsync(portal));
        var digest = (await smtp.NextAsync(MailWait)).Parse();
        Assert.Equal(Address, Assert.Single(digest.To.Mailboxes).Address);
        Assert.StartsWith("<https://goals.example.jp/oshirase/unsubscribe?token=", digest.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", digest.Headers["List-Unsubscribe-Post"]);
        var body = digest.TextBody;
        Assert.Contains("中間報告を公開しました", body, StringComparison.Ordinal);
        Assert.Contains("実績を更新しました", body, StringComparison.Ordinal);
        Assert.Contains("2024年10月1日時点で 15,200人", body, StringComparison.Ordinal);
        Assert.Contains("https://goals.example.jp/seisaku-kikaku/r6/koho/", body, StringComparison.Ordinal);
        Assert.Contains("https://goals.example.jp/seisaku-kikaku/r6/smart-city/", body, StringComparison.Ordinal); // via the site topic
        Assert.Contains("配信の停止：https://goals.example.jp/oshirase/unsubscribe?token=", body, StringComparison.Ordinal);
        // The followed goal's report and KPI value (2) plus the site's three publishes (3).
        Assert.Contains("更新情報 5件", digest.Subject, StringComparison.Ordinal);

        // Once a day: the next pass, and another node's, find nothing due.
        Assert.Equal(0, await RunDigestAsync(portal));
        Assert.False(smtp.TryTake(out _));

        // A day without changes sends nothing; the next change goes into the next day's mail.
        portal.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await RunDigestAsync(portal));
        Assert.False(smtp.TryTake(out _));
        await PublishAsync(portal, koho, goal => goal.Initiatives[1].MidtermReport = new() { Text = "学生との対話を続けています。", Status = UedaPublicGoals.Content.Model.ProgressStatus.OnTrack });
        portal.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await RunDigestAsync(portal));
        var next = (await smtp.NextAsync(MailWait)).Parse();
        Assert.Contains("学生との対話を続けています。", next.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("LINE友だち登録者数は順調に増えています。", next.TextBody, StringComparison.Ordinal);
    }
}
