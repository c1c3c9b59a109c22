using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using QRCoder;
using UedaPublicGoals.Audit;

namespace UedaPublicGoals.Backoffice.Accounts;

/// <summary>Sign-in, sign-out, password change and two-factor enrolment for backoffice staff.</summary>
[Route("backoffice")]
public sealed class AccountController(
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
    AuditLog audit) : Controller
{
    private const string LoginFailed = "メールアドレスまたはパスワードが正しくありません。";

    [HttpGet("login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = SafeReturnUrl(returnUrl) });

    [HttpPost("login")]
    [AllowAnonymous]
    public async Task<IActionResult> Login(LoginForm form)
    {
        form.ReturnUrl = SafeReturnUrl(form.ReturnUrl);
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var email = form.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            await audit.WriteAsync(AuditActions.AccountLoginFailed, email, "存在しないアカウント", actor: email);
            ModelState.AddModelError(string.Empty, LoginFailed);
            return View(form);
        }

        if (user.IsDisabled)
        {
            await audit.WriteAsync(AuditActions.AccountLoginFailed, email, "無効化されたアカウント", actor: email);
            ModelState.AddModelError(string.Empty, "このアカウントは無効になっています。管理者にお問い合わせください。");
            return View(form);
        }

        var result = await signIn.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.AccountLogin, email, "パスワードでログイン", actor: email);
            return LocalRedirect(form.ReturnUrl ?? BackofficeExtensions.PathPrefix + "/");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(LoginTwoFactor), new { returnUrl = form.ReturnUrl });
        }

        if (result.IsLockedOut)
        {
            await audit.WriteAsync(AuditActions.AccountLockedOut, email, "ログイン失敗が続いたためロック", actor: email);
            ModelState.AddModelError(string.Empty, "ログインに続けて失敗したため、このアカウントは15分間ロックされています。時間をおいてからお試しください。");
            return View(form);
        }

        await audit.WriteAsync(AuditActions.AccountLoginFailed, email, "パスワード誤り", actor: email);
        ModelState.AddModelError(string.Empty, LoginFailed);
        return View(form);
    }

    [HttpGet("login/two-factor")]
    [AllowAnonymous]
    public async Task<IActionResult> LoginTwoFactor(string? returnUrl)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction(nameof(Login));
        }

        return View(new TwoFactorLoginForm { ReturnUrl = SafeReturnUrl(returnUrl) });
    }

    [HttpPost("login/two-factor")]
    [AllowAnonymous]
    public async Task<IActionResult> LoginTwoFactor(TwoFactorLoginForm form)
    {
        form.ReturnUrl = SafeReturnUrl(form.ReturnUrl);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(Login));
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var code = form.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(form.Code.Trim());

        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.AccountLogin, user.Email, code.Length == 6 ? "2段階認証でログイン" : "回復コードでログイン", actor: user.Email);
            return LocalRedirect(form.ReturnUrl ?? BackofficeExtensions.PathPrefix + "/");
        }

        if (result.IsLockedOut)
        {
            await audit.WriteAsync(AuditActions.AccountLockedOut, user.Email, "認証コードの誤りが続いたためロック", actor: user.Email);
            ModelState.AddModelError(string.Empty, "続けて失敗したため、このアカウントは15分間ロックされています。");
            return View(form);
        }

        await audit.WriteAsync(AuditActions.AccountLoginFailed, user.Email, "認証コード誤り", actor: user.Email);
        ModelState.AddModelError(nameof(form.Code), "コードが正しくありません。認証アプリの最新のコードを入力してください。");
        return View(form);
    }

    [HttpPost("logout")]
    [Authorize]
    public async Task<IActionResult> Logout()
    {
        var email = User.Identity?.Name;
        await signIn.SignOutAsync();
        await audit.WriteAsync(AuditActions.AccountLogout, email, null, actor: email);
        return RedirectToAction(nameof(Login));
    }

    [HttpGet("denied")]
    [AllowAnonymous]
    public IActionResult Denied() => StatusCode(StatusCodes.Status403Forbidden);

    [HttpGet("account/password")]
    [Authorize(Policy = BackofficePolicies.Staff)]
    public async Task<IActionResult> ChangePassword(bool required = false)
    {
        ViewData["Required"] = required || (await users.GetUserAsync(User))?.MustChangePassword == true;
        return View(new ChangePasswordForm());
    }

    [HttpPost("account/password")]
    [Authorize(Policy = BackofficePolicies.Staff)]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        ViewData["Required"] = user.MustChangePassword;
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        if (form.NewPassword == form.CurrentPassword)
        {
            ModelState.AddModelError(nameof(form.NewPassword), "現在と違うパスワードにしてください。");
            return View(form);
        }

        var result = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(form.CurrentPassword) : nameof(form.NewPassword), error.Description);
            }

            return View(form);
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);

        // ChangePassword rotated the security stamp: every other session of this account ends; this one is renewed.
        await signIn.RefreshSignInAsync(user);
        await audit.WriteAsync(AuditActions.AccountPasswordChanged, user.Email, "本人が変更（他のセッションは終了）");
        TempData["Notice"] = "パスワードを変更しました。ほかの端末のログインは終了しました。";
        return Redirect(BackofficeExtensions.PathPrefix + "/");
    }

    [HttpGet("account/two-factor")]
    [Authorize(Policy = BackofficePolicies.Staff)]
    public async Task<IActionResult> TwoFactor(bool required = false)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        return View(await SetupAsync(user, required, newCodes: null));
    }

    [HttpPost("account/two-factor")]
    [Authorize(Policy = BackofficePolicies.Staff)]
    public async Task<IActionResult> TwoFactor(EnableAuthenticatorForm form)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        if (ModelState.IsValid)
        {
            var code = form.Code.Replace(" ", "", StringComparison.Ordinal).Trim();
            if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                var recovery = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
                await signIn.RefreshSignInAsync(user);
                await audit.WriteAsync(AuditActions.AccountTwoFactorEnabled, user.Email, "認証アプリを登録");
                return View(await SetupAsync(user, required: false, newCodes: recovery));
            }

            ModelState.AddModelError(nameof(form.Code), "コードが正しくありません。認証アプリの最新のコードを入力してください（時刻がずれていないかもご確認ください）。");
        }

        return View(await SetupAsync(user, await BackofficeExtensions.TwoFactorRequiredAsync(HttpContext.RequestServices, users, user), newCodes: null));
    }

    [HttpPost("account/two-factor/disable")]
    [Authorize(Policy = BackofficePolicies.Staff)]
    public async Task<IActionResult> DisableTwoFactor()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        if (await BackofficeExtensions.TwoFactorRequiredAsync(HttpContext.RequestServices, users, user))
        {
            TempData["Notice"] = "あなたの役割では2段階認証が必須のため、無効にできません。";
            return RedirectToAction(nameof(TwoFactor));
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        await audit.WriteAsync(AuditActions.AccountTwoFactorDisabled, user.Email, "本人が無効化");
        TempData["Notice"] = "2段階認証を無効にしました。";
        return RedirectToAction(nameof(TwoFactor));
    }

    private async Task<AuthenticatorSetup> SetupAsync(PortalUser user, bool required, IReadOnlyList<string>? newCodes)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Creating the key rotates the security stamp; renew this session so it survives.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        var issuer = Uri.EscapeDataString("上田市重点目標ポータル");
        var account = Uri.EscapeDataString(user.Email ?? user.UserName ?? "");
        var uri = $"otpauth://totp/{issuer}:{account}?secret={key}&issuer={issuer}&digits=6";
        using var qr = new QRCodeGenerator().CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(qr).GetGraphic(5);

        return new AuthenticatorSetup
        {
            SharedKey = FormatKey(key!),
            QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(png),
            Required = required,
            Enabled = user.TwoFactorEnabled,
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user),
            NewRecoveryCodes = newCodes,
        };
    }

    private static string FormatKey(string key)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            builder.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return builder.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>Only paths inside the backoffice: no open redirect through ?returnUrl=.</summary>
    private string? SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith(BackofficeExtensions.PathPrefix + "/", StringComparison.Ordinal)
            ? returnUrl
            : null;
}
