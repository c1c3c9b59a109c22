using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Results;
using UedaPublicGoals.Feedback.Submission;
using UedaPublicGoals.Kernel;

namespace UedaPublicGoals.Feedback.Inbox;

public sealed record InboxPage(IReadOnlyList<Comment> Comments, int Total, int Page, int PageCount);

public enum HandlingOutcome
{
    Saved,
    Unchanged,
    NotFound,
    /// <summary>Someone else saved the comment after the officer opened it.</summary>
    Conflict,
    /// <summary>The form would publish the opinion without a 市の考え方: nothing saved until the officer confirms.</summary>
    NeedsResponseConfirmation,
}

public sealed record HandlingResult(HandlingOutcome Outcome, IReadOnlyList<string> Changes);

/// <summary>What the list's bulk form changes: a status (null: keep), and the assignee when <see cref="ChangesAssignee"/> (null: nobody).</summary>
public sealed record BulkChange(CommentStatus? Status, string? HiddenReason, bool ChangesAssignee, string? Assignee)
{
    /// <summary>「審議会へ回付」・担当者 tanto@… in words, for the notice and the audit row.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Status is { } status)
        {
            parts.Add($"「{FeedbackLabels.Of(status)}」");
        }

        if (ChangesAssignee)
        {
            parts.Add(Assignee is null ? "担当者なし" : $"担当者 {Assignee}");
        }

        return string.Join("・", parts);
    }
}

/// <summary>
/// Everything the 総合計画担当 do to comments. Each change is audited through the host's log
/// after it is stored (the audit log lives in the host's context, not in this one). A change to a
/// comment that is, or was, on the public results page evicts that consultation's cached page
/// after the commit, so residents see it on their next request.
/// </summary>
public sealed class InboxService(FeedbackDbContext db, IFeedbackAudit audit, FeedbackResultsCache resultsCache, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<InboxPage> ListAsync(InboxFilter filter, CancellationToken ct = default)
    {
        var query = filter.Apply(db.Comments.AsNoTracking());
        var total = await query.CountAsync(ct);
        var pageCount = Paging.PageCount(total, PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var comments = await query
            .OrderByDescending(c => c.ReceivedUtc).ThenByDescending(c => c.Id)
            .Skip(Paging.Offset(page, PageSize)).Take(PageSize)
            .ToListAsync(ct);
        return new InboxPage(comments, total, page, pageCount);
    }

    public Task<Comment?> FindAsync(long id, CancellationToken ct = default) =>
        db.Comments.AsNoTracking().Include(c => c.Notes.OrderBy(n => n.CreatedUtc)).FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>
    /// Applies the handling form if nobody changed the comment since <see cref="HandlingForm.Stamp"/>.
    /// The stamp is checked by the database too (concurrency token), so two officers saving at the
    /// same moment cannot both win. Hiding always takes the comment off the results page.
    /// </summary>
    public async Task<HandlingResult> SaveHandlingAsync(long id, HandlingForm form, CancellationToken ct = default)
    {
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (comment is null)
        {
            return new HandlingResult(HandlingOutcome.NotFound, []);
        }

        if (comment.ConcurrencyStamp != form.Stamp)
        {
            return new HandlingResult(HandlingOutcome.Conflict, []);
        }

        // An opinion may go on the results page before the city has answered, but only on purpose:
        // a bare opinion there reads as if the city had nothing to say.
        var publishesBare = form.IsPublished && form.Status != CommentStatus.Hidden && Clean(form.CityResponse) is null;
        var alreadyBare = comment.IsPublished && comment.CityResponse is null;
        if (publishesBare && !alreadyBare && !form.PublishWithoutResponse)
        {
            return new HandlingResult(HandlingOutcome.NeedsResponseConfirmation, []);
        }

        var wasOnResultsPage = PublishedComments.Shows(comment);
        var entries = new List<(string Action, string Detail)>();
        if (comment.Status != form.Status || (form.Status == CommentStatus.Hidden && comment.HiddenReason != Clean(form.HiddenReason)))
        {
            entries.Add((InboxAuditActions.Status, StatusDetail(comment.Status, form.Status, form.HiddenReason)));
            comment.Status = form.Status;
            comment.HiddenReason = form.Status == CommentStatus.Hidden ? Clean(form.HiddenReason) : null;
        }

        var assignee = Clean(form.AssigneeEmail)?.ToLowerInvariant();
        if (comment.AssigneeEmail != assignee)
        {
            entries.Add((InboxAuditActions.Assign, assignee is null ? "担当者を外しました" : $"担当者：{assignee}"));
            comment.AssigneeEmail = assignee;
        }

        var response = Clean(form.CityResponse);
        if (comment.CityResponse != response)
        {
            entries.Add((InboxAuditActions.Response, response is null ? "市の考え方を削除" : $"市の考え方を保存（{response.Length}文字）"));
            comment.CityResponse = response;
        }

        var publish = form.IsPublished && comment.Status != CommentStatus.Hidden;
        if (comment.IsPublished != publish)
        {
            entries.Add((InboxAuditActions.Publish, publish ? "結果ページに公開" : comment.Status == CommentStatus.Hidden ? "非表示にしたため公開を停止" : "結果ページの公開を停止"));
            comment.IsPublished = publish;
        }

        if (entries.Count == 0)
        {
            return new HandlingResult(HandlingOutcome.Unchanged, []);
        }

        comment.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new HandlingResult(HandlingOutcome.Conflict, []);
        }

        if (wasOnResultsPage || PublishedComments.Shows(comment))
        {
            await resultsCache.EvictAsync(comment.ConsultationId, ct);
        }

        foreach (var (action, detail) in entries)
        {
            await audit.WriteAsync(action, comment.ReceiptNumber, detail, ct);
        }

        return new HandlingResult(HandlingOutcome.Saved, entries.Select(e => e.Detail).ToList());
    }

    /// <summary>Notes are only ever added, so they need no concurrency check: nobody's text is overwritten.</summary>
    public async Task<bool> AddNoteAsync(long id, string text, string author, CancellationToken ct = default)
    {
        var receipt = await db.Comments.Where(c => c.Id == id).Select(c => c.ReceiptNumber).FirstOrDefaultAsync(ct);
        if (receipt is null)
        {
            return false;
        }

        db.CommentNotes.Add(new CommentNote { CommentId = id, Author = author, CreatedUtc = Now, Text = text.Trim() });
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(InboxAuditActions.Note, receipt, $"内部メモを追加（{text.Trim().Length}文字）", ct);
        return true;
    }

    /// <summary>
    /// Sets one status and/or one assignee on every chosen comment, in one save; returns the 受付番号
    /// actually changed. The caller has checked the status and the assignee.
    /// </summary>
    public async Task<IReadOnlyList<string>> BulkChangeAsync(IReadOnlyCollection<long> ids, BulkChange change, CancellationToken ct = default)
    {
        var reason = change.Status == CommentStatus.Hidden ? Clean(change.HiddenReason) : null;
        var comments = await db.Comments.Where(c => ids.Contains(c.Id)).OrderBy(c => c.ReceiptNumber).ToListAsync(ct);
        var changed = new List<(string Receipt, List<(string Action, string Detail)> Entries)>();
        var resultsPagesChanged = new HashSet<int>();
        foreach (var comment in comments)
        {
            var entries = new List<(string Action, string Detail)>();
            var wasOnResultsPage = PublishedComments.Shows(comment);
            if (change.Status is { } status && (comment.Status != status || (status == CommentStatus.Hidden && comment.HiddenReason != reason)))
            {
                entries.Add((InboxAuditActions.Status, StatusDetail(comment.Status, status, reason) + "（一括変更）"));
                comment.Status = status;
                comment.HiddenReason = reason;
                if (status == CommentStatus.Hidden)
                {
                    comment.IsPublished = false;
                }
            }

            if (change.ChangesAssignee && comment.AssigneeEmail != change.Assignee)
            {
                entries.Add((InboxAuditActions.Assign, (change.Assignee is null ? "担当者を外しました" : $"担当者：{change.Assignee}") + "（一括変更）"));
                comment.AssigneeEmail = change.Assignee;
            }

            if (entries.Count == 0)
            {
                continue;
            }

            // Anyone with the detail page open now gets the conflict message instead of overwriting this.
            comment.ConcurrencyStamp = Guid.NewGuid();
            changed.Add((comment.ReceiptNumber, entries));
            if (wasOnResultsPage || PublishedComments.Shows(comment))
            {
                resultsPagesChanged.Add(comment.ConsultationId);
            }
        }

        if (changed.Count == 0)
        {
            return [];
        }

        await db.SaveChangesAsync(ct);
        foreach (var consultationId in resultsPagesChanged)
        {
            await resultsCache.EvictAsync(consultationId, ct);
        }

        var receipts = changed.Select(c => c.Receipt).ToList();
        await audit.WriteAsync(InboxAuditActions.Bulk, string.Join(",", receipts), $"{receipts.Count}件を{change.Describe()}に一括変更" + (reason is null ? "" : $"（理由：{reason}）"), ct);
        foreach (var (receipt, entries) in changed)
        {
            foreach (var (action, detail) in entries)
            {
                await audit.WriteAsync(action, receipt, detail, ct);
            }
        }

        return receipts;
    }

    /// <summary>Stores a comment received outside the website, numbered in the web comments' sequence and format.</summary>
    public async Task<Comment> EnterAsync(EntryForm form, string enteredBy, FeedbackGoal? goal, CancellationToken ct = default)
    {
        var now = Now;
        var comment = new Comment
        {
            ConsultationId = form.ConsultationId!.Value,
            Channel = form.Channel!.Value,
            ReceivedUtc = TokyoTime.StartOfDayUtc(form.ReceivedOn!.Value),
            CreatedUtc = now,
            EnteredBy = enteredBy,
            Text = form.Text.Trim(),
            Field = Clean(form.Field),
            AgeGroup = form.AgeGroup,
            Residence = form.Residence,
            Status = CommentStatus.New,
            ConcurrencyStamp = Guid.NewGuid(),
        }.AboutGoal(goal);

        // Numbered exactly like a web comment: from the fiscal year's counter, in the insert's own transaction.
        await db.InsertNumberedAsync(comment, ct);

        await audit.WriteAsync(InboxAuditActions.Entry, comment.ReceiptNumber,
            $"{FeedbackLabels.Of(comment.Channel)}で{TokyoTime.LongDate(comment.ReceivedUtc)}に受け付けた意見を登録", ct);
        return comment;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string StatusDetail(CommentStatus from, CommentStatus to, string? reason) =>
        $"{FeedbackLabels.Of(from)} → {FeedbackLabels.Of(to)}" + (to == CommentStatus.Hidden && Clean(reason) is { } r ? $"（理由：{r}）" : "");

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
