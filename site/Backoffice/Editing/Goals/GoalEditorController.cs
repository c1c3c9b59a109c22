using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Redirects;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.Backoffice.Editing.Goals;

/// <summary>The 重点目標 editor: /backoffice/goals/{id}, its preview, publishing, and /backoffice/goals/new.</summary>
[Route("backoffice/goals")]
public sealed class GoalEditorController(EditorServices services) : DocumentEditorController<GoalForm, GoalContent>(services)
{
    private const string EditorViewPath = "~/Backoffice/Views/Editing/Goal.cshtml";

    protected override DocumentKind Kind => DocumentKind.Goal;

    protected override string BasePath => "/backoffice/goals";

    protected override string EditorView => EditorViewPath;

    protected override string Noun => "重点目標";

    protected override GoalForm ToForm(GoalContent content) => GoalForm.From(content);

    protected override GoalContent ToContent(GoalForm form) => form.ToContent();

    protected override void Validate(GoalForm form, EditableDocument document, FormErrors errors) =>
        GoalFormValidator.Validate(form, document.FiscalYear!.Year, errors);

    protected override bool ApplyCommand(GoalForm form, string command)
    {
        var parsed = GoalFormCommand.Parse(command);
        var message = parsed?.Apply(form);
        form.CommandMessage = message;
        return message is not null;
    }

    protected override IActionResult RenderPreview(EditableDocument document, GoalContent draft)
    {
        var year = document.FiscalYear!;
        var department = new PublishedDepartment(document.Department!.Slug, document.Department.Name);
        var publishedYear = new PublishedFiscalYear(department, year.Year, year.Slug, year.Heading);
        var goal = new PublishedGoal(document.Document.Id, publishedYear, document.Document.Slug, document.Document.DraftVersion,
            Services.Clock.GetUtcNow().UtcDateTime, draft);
        var description = Services.Markdown.ToPlainText(draft.PurposeAndEffect);
        ViewData[nameof(PageMeta)] = new PageMeta($"プレビュー：{draft.Title}", description.Length <= 120 ? description : description[..119] + "…", goal.Url)
        {
            NoIndex = true,
            Breadcrumbs =
            [
                new("ホーム", "/"),
                new(department.Name, department.Url),
                new(publishedYear.Label, publishedYear.Url),
                new($"重点目標 {draft.Priority}", null),
            ],
        };
        return View("~/Public/Views/Content/Goal.cshtml", goal);
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(int? fiscalYear)
    {
        if (fiscalYear is null)
        {
            return BadRequest();
        }

        var year = await Services.Access.FindYearAsync(fiscalYear.Value);
        if (year is null)
        {
            return NotFound();
        }

        if (!await Services.Access.CanEditAsync(User, new ContentArea(year.DepartmentId)))
        {
            return Forbid();
        }

        var form = GoalForm.Blank();
        form.FiscalYearId = year.Id;
        var siblings = await Services.Db.Documents.CountAsync(d => d.FiscalYearId == year.Id && d.Kind == DocumentKind.Goal);
        form.Priority = (siblings + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        form.SortOrder = form.Priority;
        return NewGoalView(year, form);
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(GoalForm form, string? command)
    {
        if (form.FiscalYearId is null || HasForgedFields(form))
        {
            return BadRequest();
        }

        var year = await Services.Access.FindYearAsync(form.FiscalYearId.Value);
        if (year is null)
        {
            return NotFound();
        }

        if (!await Services.Access.CanEditAsync(User, new ContentArea(year.DepartmentId)))
        {
            return Forbid();
        }

        if (command is not (null or "" or "save"))
        {
            if (!ApplyCommand(form, command))
            {
                return BadRequest();
            }

            ModelState.Clear();
            return NewGoalView(year, form);
        }

        var errors = new FormErrors();
        GoalFormValidator.Validate(form, year.Year, errors);
        await Services.Placement.ValidateAsync(form, ContentDocument.GoalScope(year.Id), documentId: null, publishedSlug: null,
            publishing: false, canPublish: await Services.Access.CanPublishAsync(User), errors);
        if (errors.Any)
        {
            errors.CopyTo(ModelState);
            return NewGoalView(year, form);
        }

        try
        {
            var document = await Services.Store.CreateAsync(DocumentKind.Goal, year.Id, form.Placement(), form.ToContent(), UserName);
            TempData["Notice"] = "重点目標を作成し、第1版として下書き保存しました（まだ公開されていません）。";
            return Redirect($"{BasePath}/{document.Id}");
        }
        catch (SlugTakenException taken)
        {
            ModelState.AddModelError(nameof(EditorForm.Slug), $"スラッグ「{taken.Slug}」は同じ場所の別の文書が使っています。別のスラッグにしてください。");
            return NewGoalView(year, form);
        }
    }

    private ViewResult NewGoalView(FiscalYear year, GoalForm form)
    {
        form.State = new EditorState
        {
            EditorPath = $"{BasePath}/new",
            PathPrefix = PublicPaths.Goal(year.Department!.Slug, year.Slug, "")[..^1],
            PathSuffix = "/",
            DepartmentName = year.Department.Name,
            YearLabel = JapaneseFiscalYear.Label(year.Year),
            FiscalYear = year.Year,
            Title = "新しい重点目標",
        };
        ViewData["Title"] = $"重点目標の作成（{year.Department.Name} {JapaneseFiscalYear.Label(year.Year)}）";
        return View(EditorViewPath, form);
    }
}
