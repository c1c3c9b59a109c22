using System.ComponentModel.DataAnnotations;
using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.Inbox;

/// <summary>The detail page's handling form: status, assignee, 市の考え方 and publishing, saved together.</summary>
public sealed class HandlingForm
{
    /// <summary>The ConcurrencyStamp the officer saw when the page was opened.</summary>
    public Guid Stamp { get; set; }

    [Display(Name = "状態")]
    public CommentStatus Status { get; set; }

    [Display(Name = "非表示にする理由")]
    [StringLength(500, ErrorMessage = "理由は500文字以内にしてください。")]
    public string? HiddenReason { get; set; }

    /// <summary>One of the staff accounts the host lists (checked by <see cref="InboxAssignees"/>), or empty for nobody.</summary>
    [Display(Name = "担当者")]
    public string? AssigneeEmail { get; set; }

    [Display(Name = "市の考え方")]
    [StringLength(4000, ErrorMessage = "市の考え方は4,000文字以内にしてください。")]
    public string? CityResponse { get; set; }

    [Display(Name = "結果ページに公開する")]
    public bool IsPublished { get; set; }

    /// <summary>The officer's answer when asked whether to publish an opinion that has no 市の考え方 yet.</summary>
    [Display(Name = "市の考え方なしで公開する")]
    public bool PublishWithoutResponse { get; set; }
}

public sealed class NoteForm
{
    [Display(Name = "内部メモ")]
    [Required(ErrorMessage = "メモを入力してください。")]
    [StringLength(2000, ErrorMessage = "メモは2,000文字以内にしてください。")]
    public string Text { get; set; } = "";
}

/// <summary>Checkboxes on the list plus the chosen status and/or assignee; works as a plain form post without JavaScript.</summary>
public sealed class BulkForm
{
    public List<long> Ids { get; set; } = [];

    /// <summary>Value of the assignee choice that takes the assignee off (empty: keep each comment's assignee).</summary>
    public const string Unassign = "none";

    public CommentStatus? Status { get; set; }

    [StringLength(500, ErrorMessage = "理由は500文字以内にしてください。")]
    public string? HiddenReason { get; set; }

    /// <summary>An account's e-mail, <see cref="Unassign"/>, or empty to leave the assignee as it is.</summary>
    public string? Assignee { get; set; }

    /// <summary>The list's query string, so the officer lands back on the same filtered page.</summary>
    public string? ReturnQuery { get; set; }
}

/// <summary>A comment received on paper, at a workshop or a hearing, typed in by staff.</summary>
public sealed class EntryForm
{
    [Display(Name = "意見募集")]
    [Required(ErrorMessage = "意見募集を選んでください。")]
    public int? ConsultationId { get; set; }

    [Display(Name = "受付経路")]
    [Required(ErrorMessage = "受付経路を選んでください。")]
    public CommentChannel? Channel { get; set; }

    [Display(Name = "受け付けた日")]
    [Required(ErrorMessage = "受け付けた日を入力してください。")]
    public DateOnly? ReceivedOn { get; set; }

    [Display(Name = "分野")]
    [StringLength(100)]
    public string? Field { get; set; }

    [Display(Name = "年代")]
    public AgeGroup? AgeGroup { get; set; }

    [Display(Name = "住まい")]
    public Residence? Residence { get; set; }

    [Display(Name = "関係する重点目標")]
    public Guid? GoalDocumentId { get; set; }

    [Display(Name = "意見")]
    [Required(ErrorMessage = "意見の本文を入力してください。")]
    [StringLength(2000, ErrorMessage = "意見は2,000文字以内にしてください。長い場合は分けて登録してください。")]
    public string Text { get; set; } = "";
}
