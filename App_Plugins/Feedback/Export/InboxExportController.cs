using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Inbox;
using UedaPublicGoals.Feedback.Hosting;

namespace UedaPublicGoals.Feedback.Export;

/// <summary>
/// The filtered list as CSV or .xlsx for the 総合計画審議会. A POST (with antiforgery), not a link:
/// it can carry personal data and is audited, so no prefetch or crawler may trigger it.
/// </summary>
[StaffRoute("export")]
[Authorize(Policy = FeedbackPolicies.Inbox)]
[AutoValidateAntiforgeryToken]
public sealed class InboxExportController(FeedbackDbContext db, InboxContacts contacts, IFeedbackAudit audit, TimeProvider clock) : Controller
{
    [RejectUnusableDateRange]
    [HttpPost("")]
    public async Task<IActionResult> Export([FromForm] InboxFilter filter, [FromForm] string? format, [FromForm] bool includeHidden, [FromForm] bool includeContacts, CancellationToken ct)
    {
        var xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
        if (!xlsx && !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            return BadRequest();
        }

        // Ticking the box is not enough: the officer must also hold a role that may read contacts.
        var options = new ExportOptions(includeHidden, includeContacts && InboxContacts.MayRead(User));
        var comments = await filter.Apply(db.Comments.AsNoTracking(), includeHidden)
            .OrderBy(c => c.ReceivedUtc).ThenBy(c => c.Id)
            .ToListAsync(ct);
        var titles = await db.Consultations.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Title, ct);
        // Not audited per row: the export below is audited once, saying whether it carried contacts.
        var table = CommentExportBuilder.Build(comments, titles, options, contacts.Read);

        var fileBase = $"iken-{TokyoTime.DateOf(clock.GetUtcNow().UtcDateTime):yyyyMMdd}";
        await audit.WriteAsync(InboxAuditActions.Export, xlsx ? "xlsx" : "csv",
            $"{table.Rows.Count}件を書き出し（{filter.Describe()}" +
            (options.IncludeHidden ? "、非表示を含む" : "") +
            (options.IncludeContacts ? "、連絡先を含む" : "") + "）", ct);

        return xlsx
            ? File(XlsxCommentWriter.Write(table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileBase + ".xlsx")
            : File(CsvCommentWriter.Write(table), "text/csv; charset=utf-8", fileBase + ".csv");
    }
}
