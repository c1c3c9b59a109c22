using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Backoffice.Accounts.Sessions;
using UedaPublicGoals.Backoffice.Accounts.Throttling;
using UedaPublicGoals.Backoffice.Structure;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Backoffice.Users;

public sealed record DepartmentOption(int Id, string Name, bool InRecycleBin);

public sealed record UserRow(
    string Id,
    string DisplayName,
    string Email,
    IReadOnlyList<string> Roles,
    IReadOnlyList<DepartmentOption> Departments,
    bool TwoFactorEnabled,
    bool TwoFactorRequired,
    bool IsDisabled,
    DateTimeOffset? LockedOutUntil,
    bool MustChangePassword,
    DateTime CreatedUtc)
{
    public string Role => Roles.Count == 0 ? "" : Roles[0];

    public string RoleLabels => Roles.Count == 0 ? "なし" : string.Join("・", Roles.Select(BackofficeRoles.Label));

    public bool IsLockedOut => LockedOutUntil is not null;
}

public sealed record RoleSetting(string Role, bool RequiresTwoFactor, int Members);

/// <summary>The result of an account change: problems to show by field, or a one-time password to show once.</summary>
public sealed record AccountChange(IReadOnlyList<FieldProblem> Problems, string? OneTimePassword = null)
{
    public bool Succeeded => Problems.Count == 0;

    public static AccountChange Refused(string field, string message) => new([new FieldProblem(field, message)]);
}

/// <summary>
/// User management for 管理者: accounts, roles, departments, disabling, password resets,
/// ending sessions, unlocking and the per-role two-factor requirement. Anything that must
/// end a user's sessions deletes their server-side session rows and rotates their security
/// stamp: both are checked on every request (see StaffSessions), so every browser, and every
/// copy of a cookie, is signed out at its next click.
/// The portal never loses its last active administrator.
/// </summary>
public sealed class UserAdministration(
    UserManager<PortalUser> users,
    RoleManager<IdentityRole> roles,
    PortalDbContext db,
    AuditLog audit,
    StaffSessions sessions,
    LoginThrottle throttle,
    TimeProvider clock)
{
    public const string LastAdministratorMessage = "有効な管理者がほかにいないため、この操作はできません。先にほかの人を管理者にしてください。";

    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken ct = default)
    {
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var roleNames = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var departments = await (from ud in db.UserDepartments join d in db.Departments on ud.DepartmentId equals d.Id select new { ud.UserId, d.Id, d.Name, d.SortOrder, Deleted = d.DeletedUtc != null }).ToListAsync(ct);
        var requiring = (await RoleSettingsAsync(ct)).Where(r => r.RequiresTwoFactor).Select(r => r.Role).ToHashSet();
        var now = clock.GetUtcNow();

        return accounts.Select(u =>
        {
            var userRoles = roleNames.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(r => IndexOfRole(r)).ToList();
            return new UserRow(
                u.Id,
                u.DisplayName,
                u.Email ?? u.UserName ?? "",
                userRoles,
                departments.Where(d => d.UserId == u.Id).OrderBy(d => d.SortOrder).Select(d => new DepartmentOption(d.Id, d.Name, d.Deleted)).ToList(),
                u.TwoFactorEnabled,
                userRoles.Any(requiring.Contains),
                u.IsDisabled,
                u.LockoutEnd is { } end && end > now ? end : null,
                u.MustChangePassword,
                u.CreatedUtc);
        }).ToList();
    }

    public async Task<UserRow?> FindAsync(string id, CancellationToken ct = default) =>
        (await ListAsync(ct)).SingleOrDefault(u => u.Id == id);

    /// <summary>Departments a 部局担当 can be assigned to (not those in the recycle bin).</summary>
    public async Task<IReadOnlyList<DepartmentOption>> DepartmentOptionsAsync(CancellationToken ct = default) =>
        await db.Departments.AsNoTracking().Where(d => d.DeletedUtc == null).OrderBy(d => d.SortOrder).ThenBy(d => d.Slug)
            .Select(d => new DepartmentOption(d.Id, d.Name, false)).ToListAsync(ct);

    public async Task<AccountChange> CreateAsync(CreateUserForm form, string actor, CancellationToken ct = default)
    {
        var problems = await CheckRoleAndDepartmentsAsync(form.Role, form.DepartmentIds, ct);
        string password;
        if (form.PasswordChoice == InitialPasswordChoice.Typed)
        {
            if (string.IsNullOrEmpty(form.InitialPassword))
            {
                problems.Add(new FieldProblem(nameof(form.InitialPassword), "初期パスワードを入力してください（自動で作る場合は「自動で作る」を選んでください）。"));
            }

            password = form.InitialPassword ?? "";
        }
        else
        {
            password = AdminBootstrapper.GeneratePassword();
        }

        if (problems.Count > 0)
        {
            return new AccountChange(problems);
        }

        var email = form.Email.Trim();
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = form.DisplayName.Trim(),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,

            // Whoever typed or read the first password is not its owner: the owner sets their own at first login.
            MustChangePassword = true,
            Departments = DepartmentsFor(form.Role, form.DepartmentIds).Select(id => new UserDepartment { DepartmentId = id }).ToList(),
        };

        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            // The user name is the e-mail address: one "already used" message is enough.
            var errors = created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail))
                ? created.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.DuplicateUserName))
                : created.Errors;
            return new AccountChange(errors.Select(e => new FieldProblem(
                e.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(form.InitialPassword) : nameof(form.Email),
                e.Code.StartsWith("Password", StringComparison.Ordinal) && form.PasswordChoice == InitialPasswordChoice.Generate ? "自動で作ったパスワードが受け付けられませんでした。もう一度お試しください。" : e.Description)).ToList());
        }

        await users.AddToRoleAsync(user, form.Role);
        await audit.WriteAsync(AuditActions.AccountCreated, email,
            $"{user.DisplayName}（{BackofficeRoles.Label(form.Role)}{await DepartmentSuffixAsync(user.Departments.Select(d => d.DepartmentId), ct)}）を作成、{(form.PasswordChoice == InitialPasswordChoice.Generate ? "一時パスワードを自動作成" : "初期パスワードを管理者が設定")}",
            actor, ct);
        return new AccountChange([], form.PasswordChoice == InitialPasswordChoice.Generate ? password : null);
    }

    public async Task<AccountChange> UpdateAsync(string id, EditUserForm form, string actor, CancellationToken ct = default)
    {
        var user = await users.Users.Include(u => u.Departments).SingleAsync(u => u.Id == id, ct);
        var problems = await CheckRoleAndDepartmentsAsync(form.Role, form.DepartmentIds, ct);
        if (problems.Count > 0)
        {
            return new AccountChange(problems);
        }

        var currentRoles = await users.GetRolesAsync(user);
        var demoting = currentRoles.Contains(BackofficeRoles.Administrator) && form.Role != BackofficeRoles.Administrator;
        if (demoting && !user.IsDisabled && await IsLastActiveAdministratorAsync(user, ct))
        {
            return AccountChange.Refused(nameof(form.Role), LastAdministratorMessage);
        }

        var changes = new List<string>();
        if (user.DisplayName != form.DisplayName.Trim())
        {
            changes.Add($"表示名「{user.DisplayName}」→「{form.DisplayName.Trim()}」");
            user.DisplayName = form.DisplayName.Trim();
        }

        if (currentRoles.Count != 1 || currentRoles[0] != form.Role)
        {
            changes.Add($"役割 {string.Join("・", currentRoles.Select(BackofficeRoles.Label))}→{BackofficeRoles.Label(form.Role)}");
            await users.RemoveFromRolesAsync(user, currentRoles);
            await users.AddToRoleAsync(user, form.Role);
        }

        var wanted = DepartmentsFor(form.Role, form.DepartmentIds).ToHashSet();
        var had = user.Departments.Select(d => d.DepartmentId).ToHashSet();
        if (!wanted.SetEquals(had))
        {
            changes.Add($"担当部局 {await DepartmentNamesAsync(had, ct)}→{await DepartmentNamesAsync(wanted, ct)}");
            user.Departments.RemoveAll(d => !wanted.Contains(d.DepartmentId));
            user.Departments.AddRange(wanted.Except(had).Select(departmentId => new UserDepartment { UserId = id, DepartmentId = departmentId }));
        }

        if (changes.Count == 0)
        {
            return new AccountChange([]);
        }

        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return new AccountChange(updated.Errors.Select(e => new FieldProblem("", e.Description)).ToList());
        }

        await audit.WriteAsync(AuditActions.AccountUpdated, user.Email, string.Join("、", changes), actor, ct);
        return new AccountChange([]);
    }

    public async Task<AccountChange> DisableAsync(string id, string actor, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id) ?? throw new InvalidOperationException($"User {id} not found.");
        if (user.IsDisabled)
        {
            return new AccountChange([]);
        }

        if (await users.IsInRoleAsync(user, BackofficeRoles.Administrator) && await IsLastActiveAdministratorAsync(user, ct))
        {
            return AccountChange.Refused("", LastAdministratorMessage);
        }

        user.IsDisabled = true;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await sessions.EndAllAsync(user.Id, ct: ct); // signed-in browsers are out at their next request
        await audit.WriteAsync(AuditActions.AccountDisabled, user.Email, "無効化（ログイン中のセッションも終了）", actor, ct);
        return new AccountChange([]);
    }

    public async Task EnableAsync(string id, string actor, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id) ?? throw new InvalidOperationException($"User {id} not found.");
        if (!user.IsDisabled)
        {
            return;
        }

        user.IsDisabled = false;
        await users.UpdateAsync(user);
        await audit.WriteAsync(AuditActions.AccountEnabled, user.Email, "有効化", actor, ct);
    }

    /// <summary>Sets a new one-time password (returned to show once) and ends the user's sessions.</summary>
    public async Task<AccountChange> ResetPasswordAsync(string id, string actor, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id) ?? throw new InvalidOperationException($"User {id} not found.");
        var password = AdminBootstrapper.GeneratePassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password); // rotates the security stamp
        if (!reset.Succeeded)
        {
            return new AccountChange(reset.Errors.Select(e => new FieldProblem("", e.Description)).ToList());
        }

        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await sessions.EndAllAsync(user.Id, ct: ct);
        await audit.WriteAsync(AuditActions.AccountPasswordReset, user.Email, "一時パスワードを発行（次回ログイン時に変更が必要、ログイン中のセッションは終了）", actor, ct);
        return new AccountChange([], password);
    }

    public async Task EndSessionsAsync(string id, string actor, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id) ?? throw new InvalidOperationException($"User {id} not found.");
        await users.UpdateSecurityStampAsync(user);
        await sessions.EndAllAsync(user.Id, ct: ct);
        await audit.WriteAsync(AuditActions.AccountSessionsEnded, user.Email, "すべての端末のログインを終了", actor, ct);
    }

    public async Task UnlockAsync(string id, string actor, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id) ?? throw new InvalidOperationException($"User {id} not found.");
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await throttle.ForgetAccountAsync(user.Email ?? user.UserName ?? user.Id, ct);
        await audit.WriteAsync(AuditActions.AccountUpdated, user.Email, "ロックを解除", actor, ct);
    }

    public async Task<IReadOnlyList<RoleSetting>> RoleSettingsAsync(CancellationToken ct = default)
    {
        var claims = await db.RoleClaims.AsNoTracking().Where(c => c.ClaimType == BackofficeRoles.RequireTwoFactorClaim && c.ClaimValue == "true").Select(c => c.RoleId).ToListAsync(ct);
        var roleRows = await db.Roles.AsNoTracking().Select(r => new { r.Id, r.Name, Members = db.UserRoles.Count(ur => ur.RoleId == r.Id) }).ToListAsync(ct);
        return BackofficeRoles.All
            .Select(name => roleRows.SingleOrDefault(r => r.Name == name) is { } row ? new RoleSetting(name, claims.Contains(row.Id), row.Members) : new RoleSetting(name, false, 0))
            .ToList();
    }

    /// <summary>Adds or removes the 「2段階認証を必須にする」 role claim so the set of roles requiring it is exactly <paramref name="requiringRoles"/>.</summary>
    public async Task SetTwoFactorRequirementAsync(IReadOnlySet<string> requiringRoles, string actor, CancellationToken ct = default)
    {
        var changes = new List<string>();
        foreach (var name in BackofficeRoles.All)
        {
            var role = await roles.FindByNameAsync(name) ?? throw new InvalidOperationException($"Role {name} missing.");
            var existing = (await roles.GetClaimsAsync(role)).Where(c => c.Type == BackofficeRoles.RequireTwoFactorClaim).ToList();
            var required = existing.Any(c => c.Value == "true");
            var wanted = requiringRoles.Contains(name);
            if (required == wanted)
            {
                continue;
            }

            foreach (var claim in existing)
            {
                await roles.RemoveClaimAsync(role, claim);
            }

            if (wanted)
            {
                await roles.AddClaimAsync(role, new Claim(BackofficeRoles.RequireTwoFactorClaim, "true"));
            }

            changes.Add($"{BackofficeRoles.Label(name)}：2段階認証を{(wanted ? "必須にする" : "任意にする")}");
        }

        if (changes.Count > 0)
        {
            await audit.WriteAsync(AuditActions.SettingsChanged, "roles", string.Join("、", changes), actor, ct);
        }
    }

    private async Task<bool> IsLastActiveAdministratorAsync(PortalUser user, CancellationToken ct)
    {
        var activeAdministrators = (await users.GetUsersInRoleAsync(BackofficeRoles.Administrator)).Where(u => !u.IsDisabled).Select(u => u.Id).ToList();
        return activeAdministrators.Count == 1 && activeAdministrators[0] == user.Id;
    }

    private async Task<List<FieldProblem>> CheckRoleAndDepartmentsAsync(string role, IReadOnlyCollection<int> departmentIds, CancellationToken ct)
    {
        var problems = new List<FieldProblem>();
        if (!BackofficeRoles.All.Contains(role))
        {
            problems.Add(new FieldProblem(nameof(CreateUserForm.Role), "役割を選んでください。"));
            return problems;
        }

        if (role == BackofficeRoles.DepartmentAuthor)
        {
            var valid = await db.Departments.Where(d => d.DeletedUtc == null && departmentIds.Contains(d.Id)).CountAsync(ct);
            if (departmentIds.Count == 0 || valid != departmentIds.Distinct().Count())
            {
                problems.Add(new FieldProblem(nameof(CreateUserForm.DepartmentIds), "部局担当には、担当する部局を1つ以上選んでください。"));
            }
        }

        return problems;
    }

    /// <summary>Only 部局担当 carry departments; for the other roles they would mean nothing.</summary>
    private static IEnumerable<int> DepartmentsFor(string role, IEnumerable<int> departmentIds) =>
        role == BackofficeRoles.DepartmentAuthor ? departmentIds.Distinct() : [];

    private async Task<string> DepartmentNamesAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        if (list.Count == 0)
        {
            return "なし";
        }

        return string.Join("・", await db.Departments.Where(d => list.Contains(d.Id)).OrderBy(d => d.SortOrder).Select(d => d.Name).ToListAsync(ct));
    }

    private async Task<string> DepartmentSuffixAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        var names = await DepartmentNamesAsync(ids, ct);
        return names == "なし" ? "" : $"：{names}";
    }

    private static int IndexOfRole(string role)
    {
        var index = BackofficeRoles.All.ToList().IndexOf(role);
        return index < 0 ? int.MaxValue : index;
    }
}
