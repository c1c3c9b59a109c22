using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using QRCoder;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Backoffice.Accounts.Sessions;
using UedaPublicGoals.Backoffice.Accounts.Throttling;

namespace UedaPublicGoals.Backoffice.Accounts;

/// <summary>Where Identity's user store keeps the authenticator key (UserStoreBase's internal names).</summary>
internal static class AuthenticatorKeyStore
{
    public const string LoginProvider = "[AspNetUserStore]";
    public const string TokenName = "AuthenticatorKey";
}

/// <summary>Sign-in, sign-out, password change and two-factor enrolment for backoffice staff.</summary>
[Route("backoffice")]
public sealed class AccountController(
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
    StaffSessions sessions,
    LoginThrottle throttle,
    AuditLog audit) : Controller
{
    /// <summary>The one answer for an unknown address, a disabled account and a wrong password alike.</summary>
    private const string LoginFailed = "メールアドレスまたはパスワードが正しくありません。";

    /// <summary>A hash of a password nobody has, checked for unknown accounts so they take as long as known ones.</summary>
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<PortalUser>().HashPassword(new PortalUser(), Guid.NewGuid().ToString()));

    private System.Net.IPAddress? Client => HttpContext.Connection.RemoteIpAddress;

    [HttpGet("login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = SafeReturnUrl(returnUrl) });

    [HttpPost("login")]
    [AllowAnonymous]
    public async Task<IActionResult> Login(LoginForm form, CancellationToken ct)
    {
        form.ReturnUrl = SafeReturnUrl(form.ReturnUrl);
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var email = form.Email.Trim();
        if (await throttle.CheckAsync(Client, email, ct) is { Refused: true } refused)
        {
            return await TooManyAttemptsAsync(refused, email, "ログイン");
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null || user.IsDisabled)
        {
            // Spend the same hashing work as a real check, so the answer's timing does not tell which accounts exist.
            if (user is null)
            {
                users.PasswordHasher.VerifyHashedPassword(new PortalUser(), DummyHash.Value, form.Password);
            }
            else
            {
                await users.CheckPasswordAsync(user, form.Password);
            }

            return await LoginFailedAsync(form, email, user is null ? "存在しないアカウント" : "無効化されたアカウント", ct);
        }

        var result = await signIn.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await throttle.ForgetAccountAsync(email, ct);
            await audit.WriteAsync(AuditActions.AccountLogin, email, "パスワードでログイン", actor: email);
            return LocalRedirect(form.ReturnUrl ?? await LandingPathAsync(user));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(LoginTwoFactor), new { returnUrl = form.ReturnUrl });
        }

        return await LoginFailedAsync(form, email, "パスワード誤り", ct);
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
    public async Task<IActionResult> LoginTwoFactor(TwoFactorLoginForm form, CancellationToken ct)
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

        // Authenticator and recovery codes count against the same address and account as passwords.
        var email = user.Email ?? user.UserName ?? user.Id;
        if (await throttle.CheckAsync(Client, email, ct) is { Refused: true } refused)
        {
            return await TooManyAttemptsAsync(refused, email, "2段階認証");
        }

        var code = form.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var byAuthenticator = code.Length == 6 && code.All(char.IsAsciiDigit);
        var result = byAuthenticator
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(form.Code.Trim());

        if (result.Succeeded)
        {
            await throttle.ForgetAccountAsync(email, ct);
            await audit.WriteAsync(AuditActions.AccountLogin, email, byAuthenticator ? "2段階認証でログイン" : "回復コードでログイン", actor: email);
            return LocalRedirect(form.ReturnUrl ?? await LandingPathAsync(user));
        }

        await throttle.RecordFailureAsync(Client, email, ct);
        await audit.WriteAsync(AuditActions.AccountLoginFailed, email, "認証コード誤り", actor: email);
        ModelState.AddModelError(nameof(form.Code), "コードが正しくありません。認証アプリの最新のコードを入力してください。");
        return View(form);
    }

    [HttpPost("logout")]
    [Authorize]
    public async Task<IActionResult> Logout()
    {
        var email = User.Identity?.Name;
        await signIn.SignOutAsync(); // deletes the session row: a copied cookie is dead too
        await audit.WriteAsync(AuditActions.AccountLogout, email, null, actor: email);
        return RedirectToAction(nameof(Login));
    }

    [HttpGet("denied")]
    [AllowAnonymous]
    public IActionResult Denied() => StatusCode(StatusCodes.Status403Forbidden);

    [HttpGet("account/password")]
    [Authorize(Policy = BackofficePolicies.Staff)]
    public async Task<IActionResult> ChangePassword()
    {
        ViewData["Required"] = (await users.GetUserAsync(User))?.MustChangePassword == true;
        return View(new ChangePasswordForm());
    }

    [HttpPost("account/password")]
    [Authorize(Policy = BackofficePolicies.Staff)]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form, CancellationToken ct)
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

        if (await CheckCurrentPasswordAsync(user, form.CurrentPassword, nameof(form.CurrentPassword), "パスワード変更", ct) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
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
        await EndOtherSessionsAsync(user, ct);
        await audit.WriteAsync(AuditActions.AccountPasswordChanged, user.Email, "本人が変更（他のセッションは終了）");
        TempData["Notice"] = "パスワードを変更しました。ほかの端末のログインは終了しました。";
        return Redirect(await TwoFactorRequiredAsync(user) && !user.TwoFactorEnabled ? BackofficeExtensions.PathPrefix + "/account/two-factor?required=1" : await LandingPathAsync(user));
    }

    /// <summary>Shows the enrolment (or the state and the way out); a GET never changes the account.</summary>
    [HttpGet("account/two-factor")]
    [Authorize(Policy = BackofficePolicies.Staff)]
    public async Task<IActionResult> TwoFactor()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        return View(await SetupAsync(user, newCodes: null));
    }

    [HttpPost("account/two-factor")]
    [Authorize(Policy = BackofficePolicies.Staff)]
    public async Task<IActionResult> TwoFactor(EnableAuthenticatorForm form, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        if (ModelState.IsValid && !user.TwoFactorEnabled)
        {
            var code = form.Code.Replace(" ", "", StringComparison.Ordinal).Trim();
            if (await TryEnrolAsync(user, await CandidateKeyAsync(user), code))
            {
                var recovery = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
                await EndOtherSessionsAsync(user, ct);
                await audit.WriteAsync(AuditActions.AccountTwoFactorEnabled, user.Email, "認証アプリを登録（他のセッションは終了）");
                return View(await SetupAsync(user, newCodes: recovery));
            }

            ModelState.AddModelError(nameof(form.Code), "コードが正しくありません。認証アプリの最新のコードを入力してください（時刻がずれていないかもご確認ください）。");
        }

        return View(await SetupAsync(user, newCodes: null));
    }

    [HttpPost("account/two-factor/disable")]
    [Authorize(Policy = BackofficePolicies.Staff)]
    public async Task<IActionResult> DisableTwoFactor(DisableTwoFactorForm form, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        if (await TwoFactorRequiredAsync(user))
        {
            TempData["Notice"] = "あなたの役割では2段階認証が必須のため、無効にできません。";
            return RedirectToAction(nameof(TwoFactor));
        }

        if (ModelState.IsValid && await CheckCurrentPasswordAsync(user, form.Password, nameof(form.Password), "2段階認証の無効化", ct) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return View(nameof(TwoFactor), await SetupAsync(user, newCodes: null));
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await EndOtherSessionsAsync(user, ct);
        await audit.WriteAsync(AuditActions.AccountTwoFactorDisabled, user.Email, "本人が無効化（パスワードを再確認、他のセッションは終了）");
        TempData["Notice"] = "2段階認証を無効にしました。";
        return RedirectToAction(nameof(TwoFactor));
    }

    private async Task<IActionResult> LoginFailedAsync(LoginForm form, string email, string reason, CancellationToken ct)
    {
        await throttle.RecordFailureAsync(Client, email, ct);
        await audit.WriteAsync(AuditActions.AccountLoginFailed, email, reason, actor: email);
        ModelState.AddModelError(string.Empty, LoginFailed);
        return View(form);
    }

    /// <summary>
    /// Re-asks a signed-in user's password before a sensitive change, under the same throttle as
    /// the login. Returns the 429 page when refused; adds a field error when the password is wrong.
    /// </summary>
    private async Task<IActionResult?> CheckCurrentPasswordAsync(PortalUser user, string password, string field, string what, CancellationToken ct)
    {
        var email = user.Email ?? user.UserName ?? user.Id;
        if (await throttle.CheckAsync(Client, email, ct) is { Refused: true } refused)
        {
            return await TooManyAttemptsAsync(refused, email, what);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await throttle.RecordFailureAsync(Client, email, ct);
            await audit.WriteAsync(AuditActions.AccountLoginFailed, email, $"{what}：現在のパスワード誤り");
            ModelState.AddModelError(field, "現在のパスワードが正しくありません。");
        }

        return null;
    }

    private async Task<IActionResult> TooManyAttemptsAsync(ThrottleDecision refused, string email, string what)
    {
        var seconds = (int)Math.Ceiling(refused.RetryAfter!.Value.TotalSeconds);
        await audit.WriteAsync(AuditActions.AccountThrottled, email, $"{what}：試行が多すぎるため拒否（{seconds}秒後まで）", actor: User.Identity?.Name ?? email);
        Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        ViewData["Title"] = "しばらくお待ちください";
        return View("TooManyAttempts", (int)Math.Ceiling(seconds / 60.0));
    }

    /// <summary>After a password or two-factor change: every other browser is signed out; this one gets a new session.</summary>
    private async Task EndOtherSessionsAsync(PortalUser user, CancellationToken ct)
    {
        await sessions.EndAllAsync(user.Id, keep: StaffSessions.SessionId(User), ct);
        await signIn.RefreshSignInAsync(user);
    }

    /// <summary>Stores the candidate key only if the code proves the app holds it; otherwise the account keeps what it had.</summary>
    private async Task<bool> TryEnrolAsync(PortalUser user, string candidateKey, string code)
    {
        var previous = await users.GetAuthenticatorKeyAsync(user);
        await users.SetAuthenticationTokenAsync(user, AuthenticatorKeyStore.LoginProvider, AuthenticatorKeyStore.TokenName, candidateKey);
        if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await users.SetTwoFactorEnabledAsync(user, true); // rotates the security stamp
            return true;
        }

        if (previous is null)
        {
            await users.RemoveAuthenticationTokenAsync(user, AuthenticatorKeyStore.LoginProvider, AuthenticatorKeyStore.TokenName);
        }
        else
        {
            await users.SetAuthenticationTokenAsync(user, AuthenticatorKeyStore.LoginProvider, AuthenticatorKeyStore.TokenName, previous);
        }

        return false;
    }

    private async Task<bool> TwoFactorRequiredAsync(PortalUser user) =>
        await BackofficeExtensions.TwoFactorRequiredAsync(HttpContext.RequestServices, users, user);

    /// <summary>Where a sign-in lands without a return URL: 総合計画担当 work in the inbox, everyone else in the content tree.</summary>
    private async Task<string> LandingPathAsync(PortalUser user)
    {
        var roles = await users.GetRolesAsync(user);
        return roles.Count > 0 && roles.All(r => r == BackofficeRoles.PlanningOfficer)
            ? BackofficeExtensions.PathPrefix + "/feedback"
            : BackofficeExtensions.PathPrefix + "/";
    }

    /// <summary>
    /// The key offered for enrolment, derived from the account's security stamp (a server-side
    /// random secret) so every visit shows the same QR code without storing anything; it changes
    /// whenever the stamp does (password change, 2FA on or off, sessions ended).
    /// </summary>
    private async Task<string> CandidateKeyAsync(PortalUser user)
    {
        var stamp = await users.GetSecurityStampAsync(user);
        var secret = System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(stamp), Encoding.UTF8.GetBytes("authenticator-enrolment:" + user.Id));
        return Base32(secret.AsSpan(0, 20));
    }

    /// <summary>RFC 4648 base32 without padding, as authenticator apps read it.</summary>
    private static string Base32(ReadOnlySpan<byte> bytes)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var builder = new StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                builder.Append(alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            builder.Append(alphabet[(buffer << (5 - bits)) & 31]);
        }

        return builder.ToString();
    }

    /// <summary>The enrolment page's model. Nothing is stored until a correct code is sent (see <see cref="CandidateKeyAsync"/>).</summary>
    private async Task<AuthenticatorSetup> SetupAsync(PortalUser user, IReadOnlyList<string>? newCodes)
    {
        var required = await TwoFactorRequiredAsync(user);
        if (user.TwoFactorEnabled)
        {
            return new AuthenticatorSetup
            {
                Required = required,
                Enabled = true,
                RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user),
                NewRecoveryCodes = newCodes,
            };
        }

        var key = await CandidateKeyAsync(user);
        var issuer = Uri.EscapeDataString("上田市重点目標ポータル");
        var account = Uri.EscapeDataString(user.Email ?? user.UserName ?? "");
        var uri = $"otpauth://totp/{issuer}:{account}?secret={key}&issuer={issuer}&digits=6";
        using var qr = new QRCodeGenerator().CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(qr).GetGraphic(5);

        return new AuthenticatorSetup
        {
            SharedKey = FormatKey(key),
            QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(png),
            Required = required,
            Enabled = false,
            RecoveryCodesLeft = 0,
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
