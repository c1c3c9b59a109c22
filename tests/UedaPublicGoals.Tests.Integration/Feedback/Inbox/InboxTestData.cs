using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Feedback;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Inbox;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Privacy;
using UedaPublicGoals.Feedback.Submission;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.Inbox;

/// <summary>
/// Comments go straight into FeedbackDbContext (the public form belongs to the resident side);
/// everything else goes through the real HTTP pipeline as an officer would.
/// </summary>
public static class InboxTestData
{
    /// <summary>A comment in the default consultation, received now, stored and numbered as every channel is.</summary>
    public static async Task<Comment> AddCommentAsync(PortalFactory portal, Action<Comment>? setup = null)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        var now = DateTime.UtcNow;
        var comment = new Comment
        {
            ConsultationId = await db.Consultations.Where(c => c.IsDefault).Select(c => c.Id).SingleAsync(),
            Channel = CommentChannel.Web,
            ReceivedUtc = now,
            CreatedUtc = now,
            Text = "テスト用の意見です。",
            Status = CommentStatus.New,
            ConcurrencyStamp = Guid.NewGuid(),
        };
        setup?.Invoke(comment);
        if (string.IsNullOrEmpty(comment.ReceiptNumber))
        {
            await db.InsertNumberedAsync(comment);
        }
        else
        {
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
        }

        return comment;
    }

    public static async Task<Comment> LoadAsync(PortalFactory portal, long id)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<FeedbackDbContext>().Comments.AsNoTracking()
            .Include(c => c.Notes).SingleAsync(c => c.Id == id);
    }

    public static async Task<T> WithFeedbackDbAsync<T>(PortalFactory portal, Func<FeedbackDbContext, Task<T>> work)
    {
        using var scope = portal.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<FeedbackDbContext>());
    }

    /// <summary>Encrypts as the public form does (through the same protector).</summary>
    public static string ProtectEmail(PortalFactory portal, string email) =>
        portal.Services.GetRequiredService<ReplyEmailProtector>().Protect(email);

    public static async Task<List<AuditEntry>> AuditAsync(PortalFactory portal, string? actionPrefix = "feedback.")
    {
        using var scope = portal.Services.CreateScope();
        var entries = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        return actionPrefix is null ? entries : entries.Where(a => a.Action.StartsWith(actionPrefix, StringComparison.Ordinal)).ToList();
    }

    public static async Task<(BackofficeSession Session, string Email)> LogInOfficerAsync(PortalFactory portal, string role = BackofficeRoles.PlanningOfficer)
    {
        var email = await BackofficeSession.CreateUserAsync(portal, role);
        return (await BackofficeSession.LogInAsync(portal, email), email);
    }

    public static FeedbackGoal FirstGoal(PortalFactory portal) => portal.Services.GetRequiredService<IFeedbackGoalLookup>().All()[0];

    /// <summary>Posts fields that may repeat (checkbox lists) with the antiforgery token of <paramref name="formPage"/>.</summary>
    public static async Task<HttpResponseMessage> PostPairsAsync(BackofficeSession session, string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await session.AntiforgeryTokenAsync(formPage);
        return await session.Client.PostAsync(action, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    /// <summary>Receipt numbers in the list page's table, in page order.</summary>
    public static List<string> ListedReceipts(string html) =>
        HtmlText.Parse(html).QuerySelectorAll("table.inbox-table tbody tr td[data-label='受付番号'] a").Select(a => a.TextContent.Trim()).ToList();

    /// <summary>A &lt;dl&gt; as term → description text (whitespace collapsed).</summary>
    public static Dictionary<string, string> Terms(AngleSharp.Dom.IElement list) =>
        list.QuerySelectorAll("dt").ToDictionary(dt => dt.TextContent.Trim(), dt => HtmlText.Collapse(dt.NextElementSibling!.TextContent));

    /// <summary>Tokyo wall-clock time as UTC: 2026-10-15 00:30 JST = 2026-10-14 15:30 UTC.</summary>
    public static DateTime Tokyo(int year, int month, int day, int hour = 12, int minute = 0) =>
        new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-9);
}
