using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Feedback.Inbox;
using UedaPublicGoals.Feedback.Privacy;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.PublicSide;

/// <summary>What is kept about the resident, how it is protected, and when it goes.</summary>
public sealed class PublicPrivacyTests
{
    [Fact]
    public async Task The_reply_email_is_encrypted_at_rest_and_the_client_address_is_only_a_salted_hash()
    {
        using var portal = new FeedbackPortal();
        await CommentSteps.SubmitAsync(portal, portal.OpenSession());

        // Read the raw column values straight from the SQLite file, not through the entity.
        var (email, hash) = await portal.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT ReplyEmailProtected, ClientHash FROM FeedbackComments";
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            return (reader.GetString(0), reader.GetString(1));
        });
        Assert.DoesNotContain("sakura", email, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("example.jp", email, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("sakura@example.jp", portal.Services.GetRequiredService<ReplyEmailProtector>().Unprotect(email));

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.DoesNotContain(FeedbackPortal.ClientAddress, hash);
        Assert.Equal(hash, portal.Services.GetRequiredService<ClientHasher>().Hash(IPAddress.Parse(FeedbackPortal.ClientAddress)));
        var file = await File.ReadAllBytesAsync(Path.Combine(portal.WorkDirectory, "portal.db"));
        Assert.DoesNotContain("sakura@example.jp", System.Text.Encoding.UTF8.GetString(file));
    }

    [Fact]
    public async Task Only_the_inbox_roles_can_read_a_reply_email_and_each_look_is_audited()
    {
        using var portal = new FeedbackPortal();
        await CommentSteps.SubmitAsync(portal, portal.OpenSession());
        var comment = Assert.Single(await portal.CommentsAsync());

        using var scope = portal.Services.CreateScope();
        var contacts = scope.ServiceProvider.GetRequiredService<InboxContacts>();
        var officer = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.Name, "officer@example.jp"), new(System.Security.Claims.ClaimTypes.Role, "PlanningOfficer")], "test"));
        var editor = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.Name, "pr@example.jp"), new(System.Security.Claims.ClaimTypes.Role, "PublicRelations")], "test"));

        var shown = await contacts.RevealAsync(officer, comment);
        Assert.Equal(("sakura@example.jp", ContactState.Available), (shown.ReplyEmail, shown.State));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => contacts.RevealAsync(editor, comment));

        var audit = scope.ServiceProvider.GetRequiredService<UedaPublicGoals.Infrastructure.Database.PortalDbContext>();
        var look = Assert.Single(await audit.AuditEntries.AsNoTracking().Where(e => e.Action == InboxAuditActions.ContactView).ToListAsync());
        Assert.Equal(comment.ReceiptNumber, look.Target);
    }

    [Fact]
    public async Task The_purge_removes_nickname_email_and_hash_after_the_retention_period_and_keeps_the_text()
    {
        using var portal = new FeedbackPortal();
        await CommentSteps.SubmitAsync(portal, portal.OpenSession());
        var now = portal.Clock.GetUtcNow().UtcDateTime;

        // Closed, but the retention period has not passed yet: nothing changes.
        await portal.UpdateConsultationAsync(c => { c.ClosesUtc = now.AddDays(-89); c.PersonalDataRetentionDays = 90; });
        Assert.Equal(0, await Purge(portal));
        Assert.NotNull(Assert.Single(await portal.CommentsAsync()).ReplyEmailProtected);

        await portal.UpdateConsultationAsync(c => c.ClosesUtc = now.AddDays(-91));
        Assert.Equal(1, await Purge(portal));

        var comment = Assert.Single(await portal.CommentsAsync());
        Assert.Null(comment.Nickname);
        Assert.Null(comment.ReplyEmailProtected);
        Assert.Null(comment.ClientHash);
        Assert.NotNull(comment.PersonalDataPurgedUtc);
        Assert.StartsWith("駅前にもっと勉強できる場所", comment.Text);
        Assert.NotNull(comment.AgeGroup);
        Assert.Equal(0, await Purge(portal)); // idempotent
    }

    private static Task<int> Purge(FeedbackPortal portal) =>
        portal.WithDbAsync(async _ =>
        {
            using var scope = portal.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<PersonalDataPurge>().PurgeAsync();
        });

    [Fact]
    public async Task The_privacy_notice_of_the_form_says_what_is_collected_why_for_how_long_and_who_sees_it()
    {
        using var portal = new FeedbackPortal();
        var (response, html) = await portal.OpenSession().GetAsync("/iken/privacy");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = HtmlText.MainText(html);
        foreach (var expected in new[] { "返信用メールアドレス", "暗号化", "ハッシュ", "IPアドレス（インターネット上の接続元を示す番号）そのものは保存しません", "総合計画の担当者と管理者だけ", "締め切りから90日後", "自動で消します", "意見の文章・分野・年代・住まいは、総合計画づくりの記録として残します" })
        {
            Assert.Contains(expected, text);
        }

        var form = await portal.OpenSession().GetAsync(CommentSteps.FormUrl);
        Assert.Contains(HtmlText.Parse(form.Html).QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/iken/privacy");
    }
}
