using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Inbox;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Results;

namespace UedaPublicGoals.Feedback.ResultNotice;

public enum ClassificationOutcome
{
    Saved,
    Unchanged,
    NotFound,
    /// <summary>Someone saved the comment after the officer opened it.</summary>
    Conflict,
}

public enum PublishOutcome
{
    Published,
    /// <summary>An opinion that is not hidden lacks 分類, 反映状況 or 市の考え方: nothing published.</summary>
    Incomplete,
    /// <summary>The notice would read exactly as the last published version.</summary>
    Unchanged,
    NotFound,
}

public sealed record PublishResult(PublishOutcome Outcome, ResultNoticeVersion? Version, IReadOnlyList<MissingOpinion> Missing);

/// <summary>
/// What 総合計画担当 do for the 結果公示: keep the category list, classify opinions, and publish the
/// notice as a new dated version. Every change is audited after it is stored.
/// </summary>
public sealed class ResultNoticeService(FeedbackDbContext db, ResultNoticeBuilder builder, IFeedbackAudit audit, FeedbackResultsCache resultsCache, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<List<ResultNoticeVersion>> VersionsAsync(int consultationId, CancellationToken ct = default) =>
        db.ResultNoticeVersions.AsNoTracking().Where(v => v.ConsultationId == consultationId).OrderByDescending(v => v.Number).ToListAsync(ct);

    public async Task<IReadOnlyList<string>> CategoriesAsync(int consultationId, CancellationToken ct = default) =>
        await db.ResultNoticeSettings.Where(s => s.ConsultationId == consultationId).Select(s => s.Categories).FirstOrDefaultAsync(ct) ?? [];

    public async Task SaveSettingsAsync(int consultationId, NoticeSettingsForm form, CancellationToken ct = default)
    {
        var settings = await db.ResultNoticeSettings.FirstOrDefaultAsync(s => s.ConsultationId == consultationId, ct);
        if (settings is null)
        {
            settings = new ResultNoticeSettings { ConsultationId = consultationId };
            db.ResultNoticeSettings.Add(settings);
        }

        settings.Categories = form.CategoryList();
        settings.DraftPublishedOn = form.DraftPublishedOn;
        settings.ChangesFromDraft = (form.ChangesFromDraft ?? "").Trim();
        settings.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(InboxAuditActions.NoticeSettings, consultationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"結果公示の設定を保存（分類{settings.Categories.Count}件、案の公表日：{(settings.DraftPublishedOn is { } d ? TokyoTime.LongDate(d) : "未設定")}）", ct);
    }

    /// <summary>Sets one opinion's 分類, 反映状況 and 要旨 if nobody changed the comment since <see cref="ClassificationForm.Stamp"/>.</summary>
    public async Task<(ClassificationOutcome Outcome, string? Detail)> ClassifyAsync(long commentId, ClassificationForm form, CancellationToken ct = default)
    {
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId, ct);
        if (comment is null)
        {
            return (ClassificationOutcome.NotFound, null);
        }

        if (comment.ConcurrencyStamp != form.Stamp)
        {
            return (ClassificationOutcome.Conflict, null);
        }

        var category = Clean(form.Category);
        var gist = Clean(form.Gist);
        if (comment.OpinionCategory == category && comment.Uptake == form.Uptake && comment.Gist == gist)
        {
            return (ClassificationOutcome.Unchanged, null);
        }

        comment.OpinionCategory = category;
        comment.Uptake = form.Uptake;
        comment.Gist = gist;
        comment.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (ClassificationOutcome.Conflict, null);
        }

        var detail = Describe(category, form.Uptake) + (gist is null ? "、要旨なし" : $"、要旨（{gist.Length}文字）");
        await audit.WriteAsync(InboxAuditActions.Classify, comment.ReceiptNumber, detail, ct);
        return (ClassificationOutcome.Saved, detail);
    }

    /// <summary>
    /// Sets the chosen 分類 and/or 反映状況 on every chosen comment. A category must be on the list of
    /// each comment's consultation: if it is not on one, nothing is changed. Returns the 受付番号 changed.
    /// </summary>
    public async Task<(IReadOnlyList<string> Changed, IReadOnlyList<string> WrongConsultation)> BulkClassifyAsync(
        IReadOnlyCollection<long> ids, string? category, OpinionUptake? uptake, CancellationToken ct = default)
    {
        category = Clean(category);
        var comments = await db.Comments.Where(c => ids.Contains(c.Id)).OrderBy(c => c.ReceiptNumber).ToListAsync(ct);
        if (category is not null)
        {
            var consultationIds = comments.Select(c => c.ConsultationId).Distinct().ToList();
            var lists = await db.ResultNoticeSettings.Where(s => consultationIds.Contains(s.ConsultationId)).ToDictionaryAsync(s => s.ConsultationId, s => s.Categories, ct);
            var wrong = comments.Where(c => !lists.TryGetValue(c.ConsultationId, out var list) || !list.Contains(category)).Select(c => c.ReceiptNumber).ToList();
            if (wrong.Count > 0)
            {
                return ([], wrong);
            }
        }

        var changed = new List<string>();
        foreach (var comment in comments)
        {
            var newCategory = category ?? comment.OpinionCategory;
            var newUptake = uptake ?? comment.Uptake;
            if (comment.OpinionCategory == newCategory && comment.Uptake == newUptake)
            {
                continue;
            }

            comment.OpinionCategory = newCategory;
            comment.Uptake = newUptake;
            comment.ConcurrencyStamp = Guid.NewGuid();
            changed.Add(comment.ReceiptNumber);
        }

        if (changed.Count == 0)
        {
            return ([], []);
        }

        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(InboxAuditActions.Classify, string.Join(",", changed), $"{changed.Count}件を一括で{Describe(category, uptake)}", ct);
        return (changed, []);
    }

    /// <summary>
    /// Publishes the notice as it reads now, as the next 第N版, unless an opinion is missing from it
    /// or it reads exactly as the last version. The version row is the only write: one statement.
    /// </summary>
    public async Task<PublishResult> PublishAsync(int consultationId, string publishedBy, CancellationToken ct = default)
    {
        var draft = await builder.BuildAsync(consultationId, ct);
        if (draft is null)
        {
            return new PublishResult(PublishOutcome.NotFound, null, []);
        }

        if (!draft.IsComplete)
        {
            return new PublishResult(PublishOutcome.Incomplete, null, draft.Missing);
        }

        var json = JsonSerializer.Serialize(draft.Document, Json);
        var last = await db.ResultNoticeVersions.AsNoTracking().Where(v => v.ConsultationId == consultationId)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        if (last is not null && last.DocumentJson == json)
        {
            return new PublishResult(PublishOutcome.Unchanged, last, []);
        }

        var version = new ResultNoticeVersion
        {
            ConsultationId = consultationId,
            Number = (last?.Number ?? 0) + 1,
            PublishedUtc = clock.GetUtcNow().UtcDateTime,
            PublishedBy = publishedBy,
            DocumentJson = json,
        };
        db.ResultNoticeVersions.Add(version);
        await db.SaveChangesAsync(ct);

        // The results page links the notice once there is one.
        await resultsCache.EvictAsync(consultationId, ct);
        await audit.WriteAsync(InboxAuditActions.NoticePublish, draft.Consultation.Slug,
            $"結果公示 第{version.Number}版を公開（掲載{draft.Document.Listed}件、非表示{draft.Document.Hidden}件）", ct);
        return new PublishResult(PublishOutcome.Published, version, []);
    }

    public static NoticeDocument Read(ResultNoticeVersion version) =>
        JsonSerializer.Deserialize<NoticeDocument>(version.DocumentJson, Json)
        ?? throw new InvalidOperationException($"結果公示 {version.Id} の内容を読み出せません。");

    private static string Describe(string? category, OpinionUptake? uptake) =>
        $"分類：{category ?? "なし"}、反映状況：{(uptake is { } u ? OpinionUptakeLabels.Of(u) : "なし")}";

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
