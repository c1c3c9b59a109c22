using System.ComponentModel.DataAnnotations;
using UedaPublicGoals.Backoffice.Accounts;

namespace UedaPublicGoals.Backoffice.Users;

public enum InitialPasswordChoice
{
    /// <summary>The portal makes a one-time password and shows it once.</summary>
    Generate,

    /// <summary>The administrator types one (it must meet the password policy).</summary>
    Typed,
}

public sealed class CreateUserForm
{
    [Display(Name = "メールアドレス")]
    [Required(ErrorMessage = "メールアドレスを入力してください。")]
    [UedaPublicGoals.Feedback.Forms.SingleEmailAddress(ErrorMessage = "メールアドレスの形式が正しくありません。")]
    [StringLength(256, ErrorMessage = "メールアドレスが長すぎます。")]
    public string Email { get; set; } = "";

    [Display(Name = "表示名")]
    [Required(ErrorMessage = "表示名（氏名や所属）を入力してください。")]
    [StringLength(100, ErrorMessage = "表示名は100文字以内にしてください。")]
    public string DisplayName { get; set; } = "";

    [Display(Name = "役割")]
    [Required(ErrorMessage = "役割を選んでください。")]
    public string Role { get; set; } = "";

    [Display(Name = "担当部局")]
    public List<int> DepartmentIds { get; set; } = [];

    public InitialPasswordChoice PasswordChoice { get; set; } = InitialPasswordChoice.Generate;

    [Display(Name = "初期パスワード")]
    [StringLength(200, ErrorMessage = "パスワードは200文字以内にしてください。")]
    [DataType(DataType.Password)]
    public string? InitialPassword { get; set; }
}

public sealed class EditUserForm
{
    [Display(Name = "表示名")]
    [Required(ErrorMessage = "表示名（氏名や所属）を入力してください。")]
    [StringLength(100, ErrorMessage = "表示名は100文字以内にしてください。")]
    public string DisplayName { get; set; } = "";

    [Display(Name = "役割")]
    [Required(ErrorMessage = "役割を選んでください。")]
    public string Role { get; set; } = "";

    [Display(Name = "担当部局")]
    public List<int> DepartmentIds { get; set; } = [];
}

/// <summary>What each role may do, in the words the role picker shows.</summary>
public static class RoleDescriptions
{
    public static string For(string role) => role switch
    {
        BackofficeRoles.Administrator => "ユーザー・設定・ごみ箱を空にすることを含め、すべての操作ができます。",
        BackofficeRoles.PublicRelations => "すべての重点目標とページを編集・公開できます。構成の変更とごみ箱からの復元もできます。",
        BackofficeRoles.DepartmentAuthor => "担当部局の重点目標の下書きを編集できます。公開は広報に依頼します。",
        BackofficeRoles.PlanningOfficer => "寄せられた意見の受付箱を使います。コンテンツは編集できません。",
        _ => "",
    };
}
