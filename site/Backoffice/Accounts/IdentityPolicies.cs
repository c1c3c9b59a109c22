using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Backoffice.Accounts.Sessions;

namespace UedaPublicGoals.Backoffice.Accounts;

/// <summary>A password must not be the account's own e-mail address (in any case, with or without the domain).</summary>
public sealed class NotEmailPasswordValidator : IPasswordValidator<PortalUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        var email = user.Email ?? user.UserName ?? "";
        var local = email.Split('@')[0];
        var same = !string.IsNullOrEmpty(password)
            && (string.Equals(password, email, StringComparison.OrdinalIgnoreCase)
                || (local.Length > 0 && string.Equals(password, local, StringComparison.OrdinalIgnoreCase)));
        return Task.FromResult(same
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordIsEmail", Description = "パスワードにメールアドレスは使えません。" })
            : IdentityResult.Success);
    }
}

/// <summary>Identity's messages in Japanese, as staff see them next to the field.</summary>
public sealed class JapaneseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"パスワードは{length}文字以上にしてください。" };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "現在のパスワードが正しくありません。" };
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"メールアドレス {email} は既に使われています。" };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"{userName} は既に登録されています。" };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = "メールアドレスの形式が正しくありません。" };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = "ユーザー名に使えない文字が含まれています。" };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"パスワードには{uniqueChars}種類以上の文字を使ってください。" };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "ほかの操作と重なりました。もう一度お試しください。" };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "処理できませんでした。もう一度お試しください。" };
    public override IdentityError UserLockoutNotEnabled() => new() { Code = nameof(UserLockoutNotEnabled), Description = "このアカウントはロックできません。" };
}

/// <summary>
/// Disabled accounts cannot sign in, whatever their password; every sign-in (password, second
/// factor, or the renewal after a password or two-factor change) gets a server-side session.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation,
    StaffSessions sessions)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(PortalUser user) => !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task SignInWithClaimsAsync(PortalUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        // A renewal replaces this browser's session (keeping its absolute end); a fresh sign-in starts one.
        var current = Context.User.FindFirst(ClaimTypes.NameIdentifier)?.Value == user.Id ? StaffSessions.SessionId(Context.User) : null;
        var sessionId = await sessions.StartAsync(user.Id, current, Context.RequestAborted);
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims.Where(c => c.Type != StaffSessions.ClaimType).Append(new Claim(StaffSessions.ClaimType, sessionId)));
    }

    public override async Task SignOutAsync()
    {
        if (StaffSessions.SessionId(Context.User) is { } sessionId)
        {
            await sessions.EndAsync(sessionId, Context.RequestAborted);
        }

        await base.SignOutAsync();
    }
}
