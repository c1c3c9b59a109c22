using System.ComponentModel.DataAnnotations;

namespace UedaPublicGoals.Backoffice.Accounts;

public sealed class LoginForm
{
    [Display(Name = "メールアドレス")]
    [Required(ErrorMessage = "メールアドレスを入力してください。")]
    [StringLength(256, ErrorMessage = "メールアドレスが長すぎます。")]
    public string Email { get; set; } = "";

    [Display(Name = "パスワード")]
    [Required(ErrorMessage = "パスワードを入力してください。")]
    [StringLength(200, ErrorMessage = "パスワードが長すぎます。")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public sealed class TwoFactorLoginForm
{
    [Display(Name = "認証コード（6桁）または回復コード")]
    [Required(ErrorMessage = "認証アプリに表示されている6桁のコードを入力してください。")]
    [StringLength(40, ErrorMessage = "コードが長すぎます。")]
    public string Code { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public sealed class ChangePasswordForm
{
    [Display(Name = "現在のパスワード")]
    [Required(ErrorMessage = "現在のパスワードを入力してください。")]
    [DataType(DataType.Password)]
    public string CurrentPassword { get; set; } = "";

    [Display(Name = "新しいパスワード（12文字以上）")]
    [Required(ErrorMessage = "新しいパスワードを入力してください。")]
    [StringLength(200, ErrorMessage = "パスワードは200文字以内にしてください。")]
    [DataType(DataType.Password)]
    public string NewPassword { get; set; } = "";

    [Display(Name = "新しいパスワード（確認）")]
    [Required(ErrorMessage = "確認のため、新しいパスワードをもう一度入力してください。")]
    [Compare(nameof(NewPassword), ErrorMessage = "確認用のパスワードが一致しません。")]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = "";
}

public sealed class EnableAuthenticatorForm
{
    [Display(Name = "認証アプリに表示された6桁のコード")]
    [Required(ErrorMessage = "認証アプリに表示されている6桁のコードを入力してください。")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "6桁の数字を入力してください。")]
    public string Code { get; set; } = "";
}

public sealed class DisableTwoFactorForm
{
    [Display(Name = "現在のパスワード")]
    [Required(ErrorMessage = "確認のため、現在のパスワードを入力してください。")]
    [StringLength(200, ErrorMessage = "パスワードが長すぎます。")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";
}

public sealed class AuthenticatorSetup
{
    public string SharedKey { get; init; } = "";
    public string QrCodeDataUri { get; init; } = "";
    public bool Required { get; init; }
    public bool Enabled { get; init; }
    public int RecoveryCodesLeft { get; init; }
    public IReadOnlyList<string>? NewRecoveryCodes { get; init; }
}
