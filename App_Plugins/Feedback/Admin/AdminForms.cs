using System.ComponentModel.DataAnnotations;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Routing;

namespace UedaPublicGoals.Feedback.Admin;

/// <summary>A consultation as staff edit it: lists one per line, times in Japan time.</summary>
public sealed class ConsultationForm
{
    [Display(Name = "URLの名前")]
    [Required(ErrorMessage = "URLの名前を入力してください。")]
    [StringLength(80, ErrorMessage = "URLの名前は80文字以内にしてください。")]
    [RegularExpression(SlugRule.Pattern, ErrorMessage = "URLの名前は半角の小文字英数字とハイフンで入力してください（例：dai3ji-sogo-keikaku）。")]
    public string Slug { get; set; } = "";

    [Display(Name = "題名")]
    [Required(ErrorMessage = "題名を入力してください。")]
    [StringLength(200, ErrorMessage = "題名は200文字以内にしてください。")]
    public string Title { get; set; } = "";

    [Display(Name = "説明（Markdown）")]
    [StringLength(8000, ErrorMessage = "説明は8,000文字以内にしてください。")]
    public string? Description { get; set; }

    [Display(Name = "分野（1行に1つ）")]
    [Required(ErrorMessage = "分野を1つ以上、1行に1つずつ入力してください。")]
    public string FieldsText { get; set; } = "";

    [Display(Name = "受付開始")]
    [Required(ErrorMessage = "受付開始の日時を入力してください。")]
    public DateTime? OpensAt { get; set; }

    [Display(Name = "受付終了")]
    public DateTime? ClosesAt { get; set; }

    [Display(Name = "通知先の職員メールアドレス（1行に1つ）")]
    public string? StaffEmailsText { get; set; }

    [Display(Name = "新しい意見の通知")]
    public NotificationMode Notification { get; set; } = NotificationMode.PerComment;

    [Display(Name = "公開する")]
    public bool IsPublic { get; set; } = true;

    [Display(Name = "既定の意見募集")]
    public bool IsDefault { get; set; }

    [Display(Name = "連絡先の保存日数")]
    [Required(ErrorMessage = "連絡先の保存日数を入力してください。")]
    [Range(1, 3650, ErrorMessage = "連絡先の保存日数は1日から3,650日の間で入力してください。")]
    public int? RetentionDays { get; set; } = 90;

    public IReadOnlyList<string> Fields => Lines(FieldsText);

    public IReadOnlyList<string> StaffEmails => Lines(StaffEmailsText).Select(e => e.ToLowerInvariant()).Distinct().ToList();

    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Distinct().ToList();

    public static ConsultationForm From(Consultation c) => new()
    {
        Slug = c.Slug,
        Title = c.Title,
        Description = c.Description,
        FieldsText = string.Join("\n", c.Fields),
        OpensAt = TokyoTime.ToTokyo(c.OpensUtc),
        ClosesAt = c.ClosesUtc is { } closes ? TokyoTime.ToTokyo(closes) : null,
        StaffEmailsText = string.Join("\n", c.StaffEmails),
        Notification = c.Notification,
        IsPublic = c.IsPublic,
        IsDefault = c.IsDefault,
        RetentionDays = c.PersonalDataRetentionDays,
    };

    public void ApplyTo(Consultation c)
    {
        c.Slug = Slug.Trim();
        c.Title = Title.Trim();
        c.Description = Description?.Trim() ?? "";
        c.Fields = [.. Fields];
        c.OpensUtc = TokyoTime.ToUtc(OpensAt!.Value);
        c.ClosesUtc = ClosesAt is { } closes ? TokyoTime.ToUtc(closes) : null;
        c.StaffEmails = [.. StaffEmails];
        c.Notification = Notification;
        c.IsPublic = IsPublic;
        c.IsDefault = IsDefault;
        c.PersonalDataRetentionDays = RetentionDays!.Value;
    }
}

/// <summary>A routing rule as staff edit it. Conditions left empty are not checked.</summary>
public sealed class RoutingRuleForm
{
    [Display(Name = "ルールの名前")]
    [Required(ErrorMessage = "ルールの名前を入力してください（例：政策企画部の重点目標への意見）。")]
    [StringLength(200, ErrorMessage = "名前は200文字以内にしてください。")]
    public string Name { get; set; } = "";

    [Display(Name = "重点目標")]
    public Guid? GoalDocumentId { get; set; }

    [Display(Name = "部局")]
    [StringLength(80)]
    public string? DepartmentSlug { get; set; }

    [Display(Name = "分野")]
    [StringLength(100, ErrorMessage = "分野は100文字以内にしてください。")]
    public string? Field { get; set; }

    [Display(Name = "キーワード")]
    [StringLength(100, ErrorMessage = "キーワードは100文字以内にしてください。")]
    public string? Keyword { get; set; }

    [Display(Name = "振り分け先の意見募集")]
    [Required(ErrorMessage = "振り分け先の意見募集を選んでください。")]
    public int? ConsultationId { get; set; }

    [Display(Name = "このルールを使う")]
    public bool IsEnabled { get; set; } = true;

    public bool HasCondition =>
        GoalDocumentId is not null || !string.IsNullOrWhiteSpace(DepartmentSlug) || !string.IsNullOrWhiteSpace(Field) || !string.IsNullOrWhiteSpace(Keyword);

    public static RoutingRuleForm From(RoutingRule r) => new()
    {
        Name = r.Name,
        GoalDocumentId = r.GoalDocumentId,
        DepartmentSlug = r.DepartmentSlug,
        Field = r.Field,
        Keyword = r.Keyword,
        ConsultationId = r.ConsultationId,
        IsEnabled = r.IsEnabled,
    };

    public void ApplyTo(RoutingRule r)
    {
        r.Name = Name.Trim();
        r.GoalDocumentId = GoalDocumentId;
        r.DepartmentSlug = Clean(DepartmentSlug);
        r.Field = Clean(Field);
        r.Keyword = Clean(Keyword);
        r.ConsultationId = ConsultationId!.Value;
        r.IsEnabled = IsEnabled;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
