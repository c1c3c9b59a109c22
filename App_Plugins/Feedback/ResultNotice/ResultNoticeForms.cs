using System.ComponentModel.DataAnnotations;

namespace UedaPublicGoals.Feedback.ResultNotice;

/// <summary>The notice page's settings form: categories (one per line), the draft's date and what changed.</summary>
public sealed class NoticeSettingsForm
{
    [Display(Name = "意見の分類（1行に1つ）")]
    [StringLength(5000, ErrorMessage = "分類の一覧は5,000文字以内にしてください。")]
    public string? Categories { get; set; }

    [Display(Name = "案の公表日")]
    public DateOnly? DraftPublishedOn { get; set; }

    [Display(Name = "案からの主な変更点（Markdown）")]
    [StringLength(ResultNoticeSettings.ChangesMaxLength, ErrorMessage = "案からの主な変更点は20,000文字以内にしてください。")]
    public string? ChangesFromDraft { get; set; }

    /// <summary>The lines of <see cref="Categories"/>, trimmed, without blanks or repeats.</summary>
    public List<string> CategoryList() =>
        (Categories ?? "").ReplaceLineEndings("\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>The inbox detail's 結果公示 form: one opinion's 分類, 反映状況 and 要旨.</summary>
public sealed class ClassificationForm
{
    /// <summary>The comment's ConcurrencyStamp when the page was opened (shared with the handling form).</summary>
    public Guid Stamp { get; set; }

    [Display(Name = "分類")]
    [StringLength(ResultNoticeSettings.CategoryMaxLength, ErrorMessage = "分類は100文字以内にしてください。")]
    public string? Category { get; set; }

    [Display(Name = "反映状況")]
    public OpinionUptake? Uptake { get; set; }

    [Display(Name = "意見の要旨")]
    [StringLength(ResultNoticeModel.GistMaxLength, ErrorMessage = "要旨は1,000文字以内にしてください。")]
    public string? Gist { get; set; }
}

/// <summary>The inbox list's bulk 分類 / 反映状況 change; an empty choice leaves that value as it is.</summary>
public sealed class BulkClassificationForm
{
    public List<long> Ids { get; set; } = [];

    [StringLength(ResultNoticeSettings.CategoryMaxLength)]
    public string? Category { get; set; }

    public OpinionUptake? Uptake { get; set; }

    public string? ReturnQuery { get; set; }
}
