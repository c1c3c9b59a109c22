using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Public;

namespace UedaPublicGoals.Feedback.ResultNotice;

/// <summary>An opinion that is not hidden but cannot go into the notice yet, and what it lacks.</summary>
public sealed record MissingOpinion(long Id, string ReceiptNumber, IReadOnlyList<string> Lacks);

/// <summary>The notice as it would be published now, and every opinion that stops it.</summary>
public sealed record NoticeDraft(Consultation Consultation, ResultNoticeSettings Settings, NoticeDocument Document, IReadOnlyList<MissingOpinion> Missing)
{
    public bool IsComplete => Missing.Count == 0;
}

/// <summary>
/// Builds the 結果公示 from the consultation's comments as they are now. Every comment is either
/// listed (with 分類, 反映状況 and 市の考え方) or hidden and counted under its reason; one that is
/// neither is reported as missing, so nothing drops out of the notice unnoticed.
/// </summary>
public sealed class ResultNoticeBuilder(FeedbackDbContext db)
{
    public const string NoReasonLabel = "理由の記録なし";

    public async Task<NoticeDraft?> BuildAsync(int consultationId, CancellationToken ct = default)
    {
        var consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == consultationId, ct);
        if (consultation is null)
        {
            return null;
        }

        var settings = await db.ResultNoticeSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ConsultationId == consultationId, ct)
            ?? new ResultNoticeSettings { ConsultationId = consultationId };
        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.ConsultationId == consultationId)
            .OrderBy(c => c.ReceivedUtc).ThenBy(c => c.Id)
            .Select(c => new NoticeSource(c.Id, c.ReceiptNumber, c.Channel, c.Field, c.Text, c.Gist, c.Status, c.HiddenReason, c.OpinionCategory, c.Uptake, c.CityResponse))
            .ToListAsync(ct);

        var hidden = comments.Where(c => c.Status == CommentStatus.Hidden).ToList();
        var considered = comments.Where(c => c.Status != CommentStatus.Hidden).ToList();
        var missing = considered.Select(c => new MissingOpinion(c.Id, c.ReceiptNumber, Lacks(c))).Where(m => m.Lacks.Count > 0).ToList();
        var listed = considered.Where(c => Lacks(c).Count == 0).ToList();

        var document = new NoticeDocument(
            consultation.Title,
            consultation.Slug,
            JapaneseDate.Period(consultation),
            settings.DraftPublishedOn,
            settings.ChangesFromDraft,
            comments.Count,
            ByChannel(comments, listed),
            Enum.GetValues<OpinionUptake>().Select(u => new NoticeCount(OpinionUptakeLabels.Of(u), listed.Count(c => c.Uptake == u))).ToList(),
            Categorise(listed, settings.Categories),
            hidden.GroupBy(c => string.IsNullOrWhiteSpace(c.HiddenReason) ? NoReasonLabel : c.HiddenReason.Trim(), StringComparer.Ordinal)
                .Select(g => new NoticeCount(g.Key, g.Count()))
                .OrderByDescending(h => h.Count).ThenBy(h => h.Label, StringComparer.Ordinal)
                .ToList());
        return new NoticeDraft(consultation, settings, document, missing);
    }

    /// <summary>What a non-hidden opinion still needs before the notice can list it.</summary>
    private static List<string> Lacks(NoticeSource c)
    {
        var lacks = new List<string>();
        if (string.IsNullOrWhiteSpace(c.Category))
        {
            lacks.Add("分類");
        }

        if (c.Uptake is null)
        {
            lacks.Add("反映状況");
        }

        if (string.IsNullOrWhiteSpace(c.CityResponse))
        {
            lacks.Add("市の考え方");
        }

        return lacks;
    }

    private static List<NoticeChannelCount> ByChannel(List<NoticeSource> all, List<NoticeSource> listed) =>
        Enum.GetValues<CommentChannel>()
            .Select(channel => new NoticeChannelCount(
                FeedbackLabels.Of(channel),
                all.Count(c => c.Channel == channel),
                listed.Count(c => c.Channel == channel),
                all.Count(c => c.Channel == channel && c.Status == CommentStatus.Hidden)))
            .Where(c => c.Received > 0)
            .ToList();

    /// <summary>Categories in the order staff listed them; one no longer on the list still shows, after them.</summary>
    private static List<NoticeCategory> Categorise(List<NoticeSource> listed, IReadOnlyList<string> order)
    {
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in order)
        {
            rank.TryAdd(name, rank.Count);
        }

        var number = 0;
        return listed
            .GroupBy(c => c.Category!.Trim(), StringComparer.Ordinal)
            .OrderBy(g => rank.GetValueOrDefault(g.Key, int.MaxValue)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new NoticeCategory(g.Key, g.Select(c => new NoticeOpinion(
                ++number,
                FeedbackLabels.Of(c.Channel),
                c.Field,
                string.IsNullOrWhiteSpace(c.Gist) ? c.Text : c.Gist.Trim(),
                !string.IsNullOrWhiteSpace(c.Gist),
                c.CityResponse!.Trim(),
                OpinionUptakeLabels.Of(c.Uptake!.Value))).ToList()))
            .ToList();
    }

    private sealed record NoticeSource(
        long Id, string ReceiptNumber, CommentChannel Channel, string? Field, string Text, string? Gist,
        CommentStatus Status, string? HiddenReason, string? Category, OpinionUptake? Uptake, string? CityResponse);
}
