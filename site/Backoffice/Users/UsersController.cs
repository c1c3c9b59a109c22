using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using UedaPublicGoals.Backoffice.Structure;

namespace UedaPublicGoals.Backoffice.Users;

/// <summary>Shown once, straight from the POST (never stored, never in a URL; backoffice pages are no-store).</summary>
public sealed record OneTimePasswordPage(UserRow User, string Password, string Reason);

/// <summary>ユーザー管理 for 管理者: accounts, roles, departments, sign-in state, and the per-role two-factor rule.</summary>
[Route("backoffice/users")]
[Authorize(Policy = BackofficePolicies.Administer)]
public sealed class UsersController(UserAdministration administration) : Controller
{
    private string Actor => User.Identity!.Name!;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        ViewData["Title"] = "ユーザー";
        return View(await administration.ListAsync(ct));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct) => await CreateViewAsync(new CreateUserForm(), ct);

    [HttpPost("new")]
    public async Task<IActionResult> New(CreateUserForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await CreateViewAsync(form, ct);
        }

        var change = await administration.CreateAsync(form, Actor, ct);
        if (!AddProblems(change.Problems))
        {
            return await CreateViewAsync(form, ct);
        }

        var created = (await administration.ListAsync(ct)).Single(u => string.Equals(u.Email, form.Email.Trim(), StringComparison.OrdinalIgnoreCase));
        if (change.OneTimePassword is { } password)
        {
            ViewData["Title"] = "一時パスワード";
            return View("OneTimePassword", new OneTimePasswordPage(created, password, "アカウントを作成しました。"));
        }

        TempData["Notice"] = $"{created.DisplayName}（{created.Email}）のアカウントを作成しました。入力した初期パスワードを本人に伝えてください。最初のログインでパスワードの変更が求められます。";
        return Redirect($"/backoffice/users/{created.Id}");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(string id, CancellationToken ct)
    {
        var user = await administration.FindAsync(id, ct);
        return user is null
            ? NotFound()
            : await EditViewAsync(new EditUserForm { DisplayName = user.DisplayName, Role = user.Role, DepartmentIds = user.Departments.Select(d => d.Id).ToList() }, user, ct);
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Edit(string id, EditUserForm form, CancellationToken ct)
    {
        var user = await administration.FindAsync(id, ct);
        if (user is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid || !AddProblems((await administration.UpdateAsync(id, form, Actor, ct)).Problems))
        {
            return await EditViewAsync(form, user, ct);
        }

        TempData["Notice"] = $"{form.DisplayName.Trim()}（{user.Email}）を保存しました。";
        return Redirect($"/backoffice/users/{id}");
    }

    [HttpPost("{id:guid}/disable")]
    public async Task<IActionResult> Disable(string id, CancellationToken ct) =>
        await ActAsync(id, async user =>
        {
            var change = await administration.DisableAsync(id, Actor, ct);
            return change.Succeeded ? $"{user.DisplayName}（{user.Email}）を無効にしました。ログイン中の端末からもログアウトされます。" : change.Problems[0].Message;
        }, ct);

    [HttpPost("{id:guid}/enable")]
    public async Task<IActionResult> Enable(string id, CancellationToken ct) =>
        await ActAsync(id, async user =>
        {
            await administration.EnableAsync(id, Actor, ct);
            return $"{user.DisplayName}（{user.Email}）を有効にしました。";
        }, ct);

    [HttpPost("{id:guid}/reset-password")]
    public async Task<IActionResult> ResetPassword(string id, CancellationToken ct)
    {
        var user = await administration.FindAsync(id, ct);
        if (user is null)
        {
            return NotFound();
        }

        var change = await administration.ResetPasswordAsync(id, Actor, ct);
        if (change.OneTimePassword is not { } password)
        {
            TempData["Notice"] = string.Join(" ", change.Problems.Select(p => p.Message));
            return Redirect($"/backoffice/users/{id}");
        }

        ViewData["Title"] = "一時パスワード";
        return View("OneTimePassword", new OneTimePasswordPage(user, password, "パスワードをリセットしました。ログイン中の端末からはログアウトされました。"));
    }

    [HttpPost("{id:guid}/end-sessions")]
    public async Task<IActionResult> EndSessions(string id, CancellationToken ct) =>
        await ActAsync(id, async user =>
        {
            await administration.EndSessionsAsync(id, Actor, ct);
            return $"{user.DisplayName}（{user.Email}）のすべての端末のログインを終了しました。";
        }, ct);

    [HttpPost("{id:guid}/unlock")]
    public async Task<IActionResult> Unlock(string id, CancellationToken ct) =>
        await ActAsync(id, async user =>
        {
            await administration.UnlockAsync(id, Actor, ct);
            return $"{user.DisplayName}（{user.Email}）のロックを解除しました。";
        }, ct);

    [HttpGet("roles")]
    public async Task<IActionResult> Roles(CancellationToken ct)
    {
        ViewData["Title"] = "役割の設定";
        return View(await administration.RoleSettingsAsync(ct));
    }

    [HttpPost("roles")]
    public async Task<IActionResult> Roles(List<string> requireTwoFactor, CancellationToken ct)
    {
        await administration.SetTwoFactorRequirementAsync(requireTwoFactor.ToHashSet(), Actor, ct);
        TempData["Notice"] = "役割の設定を保存しました。2段階認証が必須の役割で未登録の人は、次の操作の前に登録を求められます。";
        return Redirect("/backoffice/users/roles");
    }

    private async Task<IActionResult> ActAsync(string id, Func<UserRow, Task<string>> action, CancellationToken ct)
    {
        var user = await administration.FindAsync(id, ct);
        if (user is null)
        {
            return NotFound();
        }

        TempData["Notice"] = await action(user);
        return Redirect($"/backoffice/users/{id}");
    }

    private async Task<IActionResult> CreateViewAsync(CreateUserForm form, CancellationToken ct)
    {
        ViewData["Title"] = "ユーザーを追加";
        ViewData["DepartmentOptions"] = await administration.DepartmentOptionsAsync(ct);
        return View("New", form);
    }

    private async Task<IActionResult> EditViewAsync(EditUserForm form, UserRow user, CancellationToken ct)
    {
        ViewData["Title"] = $"ユーザー：{user.DisplayName}";
        ViewData["IsSelf"] = user.Email == Actor;
        ViewData["DepartmentOptions"] = await administration.DepartmentOptionsAsync(ct);
        ViewData["User"] = user;
        return View("Edit", form);
    }

    /// <returns>true when there was nothing to report.</returns>
    private bool AddProblems(IReadOnlyList<FieldProblem> problems)
    {
        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }

        return problems.Count == 0;
    }
}
