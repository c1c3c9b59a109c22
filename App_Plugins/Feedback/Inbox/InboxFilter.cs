using System.Globalization;
using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.Inbox;

/// <summary>
/// What the staff narrowed the inbox to, bound from the query string. The same filter feeds the
/// list, the export and the statistics, so an export is exactly "the list I am looking at".
/// </summary>
public sealed class InboxFilter
{
    /// <summary>Default status choice: everything except 非表示 (spam should not crowd the work list).</summary>
    public const string NotHidden = "";

    /// <summary>Status choice that includes 非表示.</summary>
    public const string AllStatuses = "all";

    public int? Consultation { get; set; }

    /// <summary><see cref="NotHidden"/>, <see cref="AllStatuses"/> or a <see cref="CommentStatus"/> name.</summary>
    public string? Status { get; set; }

    public string? Field { get; set; }

    public AgeGroup? Age { get; set; }

    public Residence? Residence { get; set; }

    public CommentChannel? Channel { get; set; }

    public Guid? Goal { get; set; }

    /// <summary>A draft plan (id): comments on any of its paragraphs, in any version.</summary>
    public int? Draft { get; set; }

    /// <summary>A paragraph key such as 2-1-3 (第2章 第1節 ¶3), usually with <see cref="Draft"/>.</summary>
    public string? Paragraph { get; set; }

    /// <summary>First Tokyo date received (inclusive).</summary>
    public DateOnly? From { get; set; }

    /// <summary>Last Tokyo date received (inclusive).</summary>
    public DateOnly? To { get; set; }

    /// <summary>Words in the comment, or a 受付番号.</summary>
    public string? Q { get; set; }

    public int Page { get; set; } = 1;

    /// <summary>Dates outside these years are typing mistakes or probes (9999-12-31 overflows the end-of-day sum).</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    public static readonly DateOnly LatestDate = new(2099, 12, 31);

    /// <summary>Longest range one list, export or statistics page covers (five years), so one request cannot ask for an unbounded answer.</summary>
    public const int MaximumRangeDays = 5 * 366;

    /// <summary>Why the date range cannot be used (Japanese), or null when it can.</summary>
    public string? DateRangeProblem()
    {
        if (From is { } from && (from < EarliestDate || from > LatestDate) || To is { } to && (to < EarliestDate || to > LatestDate))
        {
            return $"受付日は{EarliestDate.Year}年から{LatestDate.Year}年までの日付で指定してください。";
        }

        if (From is { } first && To is { } last && last.DayNumber - first.DayNumber > MaximumRangeDays)
        {
            return "受付日の範囲は5年以内で指定してください。";
        }

        return null;
    }

    public CommentStatus? SelectedStatus =>
        Enum.TryParse<CommentStatus>(Status, ignoreCase: false, out var status) && Enum.IsDefined(status) ? status : null;

    public bool ShowsAllStatuses => Status == AllStatuses;

    /// <summary>
    /// Narrows <paramref name="comments"/>. <paramref name="includeHidden"/> null means the list's
    /// own rule (the status choice decides); false removes 非表示 whatever the status choice
    /// (export and statistics default); true lets 非表示 through even under the default choice.
    /// </summary>
    public IQueryable<Comment> Apply(IQueryable<Comment> comments, bool? includeHidden = null)
    {
        if (SelectedStatus is { } status)
        {
            comments = comments.Where(c => c.Status == status);
        }
        else if (!ShowsAllStatuses && includeHidden != true)
        {
            comments = comments.Where(c => c.Status != CommentStatus.Hidden);
        }

        if (includeHidden == false)
        {
            comments = comments.Where(c => c.Status != CommentStatus.Hidden);
        }

        if (Consultation is { } consultationId)
        {
            comments = comments.Where(c => c.ConsultationId == consultationId);
        }

        if (!string.IsNullOrWhiteSpace(Field))
        {
            var field = Field.Trim();
            comments = comments.Where(c => c.Field == field);
        }

        if (Age is { } age)
        {
            comments = comments.Where(c => c.AgeGroup == age);
        }

        if (Residence is { } residence)
        {
            comments = comments.Where(c => c.Residence == residence);
        }

        if (Channel is { } channel)
        {
            comments = comments.Where(c => c.Channel == channel);
        }

        if (Goal is { } goal)
        {
            comments = comments.Where(c => c.GoalDocumentId == goal);
        }

        if (Draft is { } draft)
        {
            comments = comments.Where(c => c.DraftVersion!.DraftPlanId == draft);
        }

        if (!string.IsNullOrWhiteSpace(Paragraph))
        {
            var paragraph = Paragraph.Trim();
            comments = comments.Where(c => c.ParagraphRef == paragraph);
        }

        if (From is { } from)
        {
            var fromUtc = TokyoTime.StartOfDayUtc(from);
            comments = comments.Where(c => c.ReceivedUtc >= fromUtc);
        }

        if (To is { } to)
        {
            var endUtc = TokyoTime.StartOfDayUtc(to.AddDays(1));
            comments = comments.Where(c => c.ReceivedUtc < endUtc);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var words = Q.Trim();
            var receipt = words.ToUpperInvariant();
            comments = comments.Where(c => c.Text.Contains(words) || c.ReceiptNumber == receipt);
        }

        return comments;
    }

    /// <summary>The filter as query parameters (without the page), for paging links and the export form.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToQuery()
    {
        var query = new List<KeyValuePair<string, string>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(new(key, value));
            }
        }

        Add(nameof(Consultation), Consultation?.ToString(CultureInfo.InvariantCulture));
        Add(nameof(Status), Status);
        Add(nameof(Field), Field);
        Add(nameof(Age), Age?.ToString());
        Add(nameof(Residence), Residence?.ToString());
        Add(nameof(Channel), Channel?.ToString());
        Add(nameof(Goal), Goal?.ToString());
        Add(nameof(Draft), Draft?.ToString(CultureInfo.InvariantCulture));
        Add(nameof(Paragraph), Paragraph?.Trim());
        Add(nameof(From), From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(nameof(To), To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(nameof(Q), Q?.Trim());
        return query;
    }

    public string ToQueryString(int? page = null)
    {
        var pairs = ToQuery().ToList();
        if (page is > 1)
        {
            pairs.Add(new(nameof(Page), page.Value.ToString(CultureInfo.InvariantCulture)));
        }

        return pairs.Count == 0 ? "" : "?" + string.Join("&", pairs.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
    }

    /// <summary>A short Japanese description for the audit log, e.g. 状態=新着, 年代=20代.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Consultation is { } c) parts.Add($"意見募集={c}");
        parts.Add("状態=" + (SelectedStatus is { } s ? FeedbackLabels.Of(s) : ShowsAllStatuses ? "すべて" : "非表示以外"));
        if (!string.IsNullOrWhiteSpace(Field)) parts.Add($"分野={Field}");
        if (Age is { } a) parts.Add($"年代={FeedbackLabels.Of(a)}");
        if (Residence is { } r) parts.Add($"住まい={FeedbackLabels.Of(r)}");
        if (Channel is { } ch) parts.Add($"経路={FeedbackLabels.Of(ch)}");
        if (Goal is { } g) parts.Add($"重点目標={g}");
        if (Draft is { } d) parts.Add($"案={d}");
        if (!string.IsNullOrWhiteSpace(Paragraph)) parts.Add($"段落={Paragraph.Trim()}");
        if (From is { } f) parts.Add($"から={f:yyyy-MM-dd}");
        if (To is { } t) parts.Add($"まで={t:yyyy-MM-dd}");
        if (!string.IsNullOrWhiteSpace(Q)) parts.Add($"検索={Q.Trim()}");
        return string.Join(", ", parts);
    }
}

/// <summary>
/// Refuses (400, the Japanese error page) a list, export or statistics request whose <see cref="InboxFilter"/>
/// dates are out of range, before anything queries or sums them.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RejectUnusableDateRangeAttribute : Microsoft.AspNetCore.Mvc.Filters.ActionFilterAttribute
{
    public override void OnActionExecuting(Microsoft.AspNetCore.Mvc.Filters.ActionExecutingContext context)
    {
        if (context.ActionArguments.Values.OfType<InboxFilter>().Any(f => f.DateRangeProblem() is not null))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.StatusCodeResult(Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest);
        }
    }
}
