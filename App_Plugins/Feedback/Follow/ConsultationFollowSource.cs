using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Inbox;
using UedaPublicGoals.Feedback.Public;
using UedaPublicGoals.Feedback.Results;
using UedaPublicGoals.Feedback.ResultNotice;

namespace UedaPublicGoals.Feedback.Follow;

/// <summary>A public consultation as the host's feeds and digests may show it.</summary>
public sealed record FollowableConsultation(int Id, string Slug, string Title, DateTime OpensUtc, DateTime? ClosesUtc)
{
    public string FormUrl => PublicFeedbackController.FormUrl(Slug);

    public string ResultsUrl => $"{FormUrl}results";
}

/// <summary>One published version of a consultation's 結果公示, with the address of that version.</summary>
public sealed record FollowableNotice(int Number, DateTime PublishedUtc, string Url);

/// <summary>
/// The module's side of "follow a consultation" (the host owns feeds and subscriptions): which consultations are
/// public, and which comments the results page shows now. When a comment went on the results page is in the host's
/// audit log, under <see cref="ResultsPublishedActionKey"/> with the 受付番号 as target, written by the inbox.
/// </summary>
public sealed class ConsultationFollowSource(FeedbackDbContext db)
{
    public const string ResultsPublishedActionKey = InboxAuditActions.Publish;

    public async Task<IReadOnlyList<FollowableConsultation>> PublicAsync(CancellationToken ct = default) =>
        await db.Consultations.AsNoTracking().Where(c => c.IsPublic).OrderBy(c => c.Id)
            .Select(c => new FollowableConsultation(c.Id, c.Slug, c.Title, c.OpensUtc, c.ClosesUtc))
            .ToListAsync(ct);

    public async Task<FollowableConsultation?> FindAsync(string slug, CancellationToken ct = default) =>
        await db.Consultations.AsNoTracking().Where(c => c.IsPublic && c.Slug == slug)
            .Select(c => new FollowableConsultation(c.Id, c.Slug, c.Title, c.OpensUtc, c.ClosesUtc))
            .FirstOrDefaultAsync(ct);

    /// <summary>受付番号 of the comments the results page shows (published, not hidden).</summary>
    public async Task<IReadOnlyList<string>> ShownReceiptNumbersAsync(int consultationId, CancellationToken ct = default) =>
        await db.Comments.AsNoTracking().Where(c => c.ConsultationId == consultationId).Where(PublishedComments.Shown)
            .Select(c => c.ReceiptNumber).ToListAsync(ct);

    /// <summary>Every published version of the consultation's 結果公示, oldest first.</summary>
    public async Task<IReadOnlyList<FollowableNotice>> NoticeVersionsAsync(FollowableConsultation consultation, CancellationToken ct = default) =>
        (await db.ResultNoticeVersions.AsNoTracking().Where(v => v.ConsultationId == consultation.Id).OrderBy(v => v.Number)
            .Select(v => new { v.Number, v.PublishedUtc }).ToListAsync(ct))
        .Select(v => new FollowableNotice(v.Number, v.PublishedUtc, $"{NoticeUrls.Page(consultation.Slug)}?version={v.Number}"))
        .ToList();
}
