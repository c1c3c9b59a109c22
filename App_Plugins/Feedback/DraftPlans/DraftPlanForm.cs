using System.ComponentModel.DataAnnotations;

namespace UedaPublicGoals.Feedback.DraftPlans;

/// <summary>A draft plan as staff edit it: the working version's text and the plan's comment period, in Japan time.</summary>
public sealed class DraftPlanForm
{
    [Display(Name = "意見募集")]
    [Required(ErrorMessage = "意見を受け付ける意見募集を選んでください。")]
    public int? ConsultationId { get; set; }

    [Display(Name = "URLの名前")]
    [Required(ErrorMessage = "URLの名前を入力してください。")]
    [StringLength(80, ErrorMessage = "URLの名前は80文字以内にしてください。")]
    [RegularExpression(SlugRule.Pattern, ErrorMessage = "URLの名前は半角の小文字英数字とハイフンで入力してください（例：dai3ji-sogo-keikaku-an）。")]
    public string Slug { get; set; } = "";

    [Display(Name = "題名")]
    [Required(ErrorMessage = "題名を入力してください（例：第三次上田市総合計画（案））。")]
    [StringLength(DraftPlanVersion.TitleMaxLength, ErrorMessage = "題名は200文字以内にしてください。")]
    public string Title { get; set; } = "";

    [Display(Name = "本文（Markdown）")]
    [Required(ErrorMessage = "本文を入力してください。")]
    [StringLength(DraftPlanVersion.BodyMaxLength, ErrorMessage = "本文は200,000文字以内にしてください。")]
    public string Body { get; set; } = "";

    [Display(Name = "意見の募集開始")]
    [Required(ErrorMessage = "意見の募集開始の日時を入力してください。")]
    public DateTime? OpensAt { get; set; }

    [Display(Name = "意見の募集終了")]
    [Required(ErrorMessage = "意見の募集終了の日時を入力してください。")]
    public DateTime? ClosesAt { get; set; }

    /// <summary>Dates outside these years are typing mistakes or probes (and 0001-01-01 in Tokyo has no UTC).</summary>
    public static bool IsPlausible(DateTime? tokyo) => tokyo is { Year: >= 2000 and <= 2099 };

    public bool HasPlausiblePeriod => IsPlausible(OpensAt) && IsPlausible(ClosesAt) && ClosesAt > OpensAt;

    // Methods, not properties: model validation reads every property, also of a form whose dates did not bind.
    public DateTime OpensUtc() => TokyoTime.ToUtc(OpensAt!.Value);

    public DateTime ClosesUtc() => TokyoTime.ToUtc(ClosesAt!.Value);

    /// <summary>Japanese warning when the period is shorter than recommended; saving and publishing still go ahead.</summary>
    public static string? PeriodWarning(DateTime opensUtc, DateTime closesUtc) =>
        DraftPlan.IsShortPeriod(opensUtc, closesUtc)
            ? $"注意：意見の募集期間が{DraftPlan.RecommendedPeriodDays}日より短くなっています（{(closesUtc - opensUtc).TotalDays:0.#}日）。パブリックコメントは{DraftPlan.RecommendedPeriodDays}日以上とるのが原則です。短くする理由があるときは、案のページや広報でその理由を説明してください。"
            : null;

    public static DraftPlanForm From(DraftPlan plan, DraftPlanVersion version) => new()
    {
        ConsultationId = plan.ConsultationId,
        Slug = plan.Slug,
        Title = version.Title,
        Body = version.Body,
        OpensAt = TokyoTime.ToTokyo(plan.OpensUtc),
        ClosesAt = TokyoTime.ToTokyo(plan.ClosesUtc),
    };
}
