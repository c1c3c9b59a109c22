using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Kernel.Audit;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Kernel;

namespace UedaPublicGoals.Backoffice.AuditViewer;

/// <summary>The filter of the audit log viewer, bound from the query string (GET: the result has its own URL).</summary>
public sealed class AuditFilter
{
    public string? Action { get; set; }

    public string? Actor { get; set; }

    public string? Target { get; set; }

    /// <summary>yyyy-MM-dd, a Tokyo calendar date, inclusive.</summary>
    public string? From { get; set; }

    /// <summary>yyyy-MM-dd, a Tokyo calendar date, inclusive.</summary>
    public string? To { get; set; }

    public int Page { get; set; } = 1;

    public string QueryString(int page)
    {
        var values = new Dictionary<string, string?>
        {
            ["action"] = Action,
            ["actor"] = Actor,
            ["target"] = Target,
            ["from"] = From,
            ["to"] = To,
            ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString("/backoffice/audit", values.Where(v => !string.IsNullOrWhiteSpace(v.Value)));
    }
}

public sealed record AuditPage(AuditFilter Filter, IReadOnlyList<AuditEntry> Entries, int Total, int Page, int PageCount, int PageSize, AuditActionCatalog Actions);

/// <summary>監査ログ for 管理者: newest first, filtered by action, actor, target text and a Tokyo date range, in pages.</summary>
[Route("backoffice/audit")]
[Authorize(Policy = BackofficePolicies.Administer)]
public sealed class AuditViewerController(PortalDbContext db, AuditActionCatalog actions) : Controller
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditFilter filter, CancellationToken ct)
    {
        ViewData["Title"] = "監査ログ";

        // A page number that is not a number just means the first page.
        if (ModelState.TryGetValue(nameof(filter.Page), out var pageState) && pageState.Errors.Count > 0)
        {
            ModelState.Remove(nameof(filter.Page));
            filter.Page = 1;
        }

        var query = db.AuditEntries.AsNoTracking();

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(a => a.Action == filter.Action);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim().ToLowerInvariant();
            query = query.Where(a => a.Actor.ToLower().Contains(actor));
        }

        if (!string.IsNullOrWhiteSpace(filter.Target))
        {
            var target = filter.Target.Trim().ToLowerInvariant();
            query = query.Where(a => (a.Target ?? "").ToLower().Contains(target) || (a.Detail ?? "").ToLower().Contains(target));
        }

        var from = ParseDate(filter.From, nameof(filter.From), "開始日");
        var to = ParseDate(filter.To, nameof(filter.To), "終了日");
        if (from is not null && to is not null && from > to)
        {
            ModelState.AddModelError(nameof(filter.To), "終了日は開始日と同じか、それより後の日にしてください。");
        }

        if (ModelState.IsValid)
        {
            if (from is { } start)
            {
                var startUtc = TokyoTime.StartOfDayUtc(start);
                query = query.Where(a => a.Utc >= startUtc);
            }

            if (to is { } end)
            {
                var endUtc = TokyoTime.StartOfDayUtc(end.AddDays(1));
                query = query.Where(a => a.Utc < endUtc);
            }
        }
        else
        {
            query = query.Where(_ => false); // show the form with its errors, not an unfiltered log
        }

        var total = await query.CountAsync(ct);
        var pageCount = Paging.PageCount(total, PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var entries = await query.OrderByDescending(a => a.Utc).ThenByDescending(a => a.Id).Skip(Paging.Offset(page, PageSize)).Take(PageSize).ToListAsync(ct);
        return View("Index", new AuditPage(filter, entries, total, page, pageCount, PageSize, actions));
    }

    private DateOnly? ParseDate(string? text, string field, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || DateOnly.TryParseExact(text.Trim(), "yyyy/M/d", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return date;
        }

        ModelState.AddModelError(field, $"{name}は 2024-10-01 のように年-月-日で入力してください。");
        return null;
    }
}
