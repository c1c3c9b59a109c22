using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using UedaPublicGoals.Audit;

namespace UedaPublicGoals.Backoffice.Accounts;

/// <summary>Creates the roles and, on an empty install, the first administrator.</summary>
public sealed class AdminBootstrapper(
    UserManager<PortalUser> users,
    RoleManager<IdentityRole> roles,
    AuditLog audit,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<BackofficeOptions> options,
    Microsoft.Extensions.Options.IOptions<TwoFactorOptions> twoFactor,
    ILogger<AdminBootstrapper> logger)
{
    public const string DefaultAdminEmail = "admin@localhost";

    public async Task EnsureAsync(CancellationToken ct = default)
    {
        foreach (var role in BackofficeRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var newRole = new IdentityRole(role);
                Check(await roles.CreateAsync(newRole));
                if (twoFactor.Value.RequiredRoleNames.Contains(role))
                {
                    // Out of the box 管理者 and 広報 need a second factor; the first administrator enrols at first login.
                    Check(await roles.AddClaimAsync(newRole, new System.Security.Claims.Claim(BackofficeRoles.RequireTwoFactorClaim, "true")));
                }
            }
        }

        if ((await users.GetUsersInRoleAsync(BackofficeRoles.Administrator)).Count > 0)
        {
            return;
        }

        var email = string.IsNullOrWhiteSpace(options.Value.AdminEmail) ? DefaultAdminEmail : options.Value.AdminEmail.Trim();
        var generated = string.IsNullOrEmpty(options.Value.AdminPassword);
        var password = generated ? GeneratePassword() : options.Value.AdminPassword!;
        var admin = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "管理者",
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            MustChangePassword = generated,
        };

        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Backoffice__AdminPassword is not acceptable: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        Check(await users.AddToRoleAsync(admin, BackofficeRoles.Administrator));
        await audit.WriteAsync(AuditActions.AccountBootstrap, email, generated ? "初期管理者を一時パスワードで作成" : "初期管理者を設定値から作成", actor: "system", ct);

        if (generated)
        {
            // Printed once, to the console only: the log may be shipped elsewhere.
            Console.WriteLine();
            Console.WriteLine("==================================================================");
            Console.WriteLine(" 最初の管理者アカウントを作成しました / First administrator created");
            Console.WriteLine($"   URL:      /backoffice/login");
            Console.WriteLine($"   E-mail:   {email}");
            Console.WriteLine($"   Password: {password}");
            Console.WriteLine(" この一時パスワードは今回だけ表示されます。最初のログインで変更が必要です。");
            Console.WriteLine(" This one-time password is shown only now; it must be changed at first login.");
            Console.WriteLine("==================================================================");
            Console.WriteLine();
        }

        logger.LogInformation("First administrator {Email} created ({Source}).", email, generated ? "one-time password" : "configuration");
    }

    internal static string GeneratePassword()
    {
        // 20 characters from an alphabet without look-alikes (0/O, 1/l/I): easy to type once.
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(20, alphabet, (span, chars) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = chars[RandomNumberGenerator.GetInt32(chars.Length)];
            }
        });
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
