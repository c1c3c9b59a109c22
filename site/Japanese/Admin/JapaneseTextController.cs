using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Content.Publishing;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Japanese.Glossary;
using UedaPublicGoals.Japanese.Readings;
using UedaPublicGoals.Japanese.Search;

namespace UedaPublicGoals.Japanese.Admin;

/// <summary>
/// 用語集, 読みの一覧 and 検索の同義語 in the backoffice (管理者 and 広報). Every change reloads
/// what the public site reads; a bad entry is refused with a Japanese error next to its field.
/// </summary>
[Authorize(Policy = BackofficePolicies.PublishContent)]
[Route("backoffice")]
public sealed class JapaneseTextController(PortalDbContext db, AuditLog audit, PublishUnitOfWork publish, TimeProvider clock) : Controller
{
    private const string GlossaryPath = "/backoffice/glossary";
    private const string ReadingsPath = "/backoffice/readings";
    private const string SynonymsPath = "/backoffice/synonyms";
    private const string Views = "~/Japanese/Views/Backoffice/";

    /// <summary>The word list pages post their form as Form.Word / Form.Value (the page model's property).</summary>
    private const string FormPrefix = nameof(WordListPage.Form);

    private string Actor => User.Identity!.Name!;

    [HttpGet("glossary")]
    public async Task<IActionResult> Glossary(CancellationToken ct)
    {
        ViewData["Title"] = "用語集";
        return View(Views + "Glossary.cshtml", await db.GlossaryTerms.AsNoTracking().OrderBy(t => t.Term).ToListAsync(ct));
    }

    [HttpGet("glossary/new")]
    public IActionResult NewTerm() => TermView(new GlossaryForm { Publish = true }, id: null);

    [HttpGet("glossary/{id:int}")]
    public async Task<IActionResult> EditTerm(int id, CancellationToken ct)
    {
        var term = await db.GlossaryTerms.FindAsync([id], ct);
        return term is null ? NotFound() : TermView(new GlossaryForm { Term = term.Term, Definition = term.Definition, Publish = term.IsPublished }, id);
    }

    [HttpPost("glossary/new")]
    public Task<IActionResult> NewTerm(GlossaryForm form, CancellationToken ct) => SaveTerm(null, form, ct);

    [HttpPost("glossary/{id:int}")]
    public Task<IActionResult> EditTerm(int id, GlossaryForm form, CancellationToken ct) => SaveTerm(id, form, ct);

    [HttpPost("glossary/{id:int}/delete")]
    public Task<IActionResult> DeleteTerm(int id, CancellationToken ct) =>
        DeleteAsync(db.GlossaryTerms, id, GlossaryPath, t => $"用語集から「{t.Term}」を削除しました。", readingsChanged: false, ct);

    [HttpGet("readings")]
    public async Task<IActionResult> Readings(CancellationToken ct) => View(Views + "WordList.cshtml", await ReadingsPageAsync(new WordListForm(), ct));

    [HttpPost("readings")]
    public async Task<IActionResult> AddReading([Bind(Prefix = FormPrefix)] WordListForm form, CancellationToken ct)
    {
        var word = form.Word?.Trim() ?? "";
        var reading = KanaText.ToHiragana(form.Value?.Trim() ?? "");
        if (ModelState.IsValid)
        {
            if (!KanaText.ContainsKanji(word))
            {
                ModelState.AddModelError(FormPrefix + "." + nameof(form.Word), "読みを付ける語には漢字を含めてください（例：武石）。");
            }

            if (!reading.All(c => KanaText.IsKana(c)))
            {
                ModelState.AddModelError(FormPrefix + "." + nameof(form.Value), "読みはひらがな（またはカタカナ）だけで入力してください（例：たけし）。漢字・英数字・記号・空白は使えません。");
            }

            if (await db.ReadingList.AnyAsync(r => r.Word == word, ct))
            {
                ModelState.AddModelError(FormPrefix + "." + nameof(form.Word), $"「{word}」の読みはすでに登録されています。変えるときは、いまの読みを削除してから登録してください。");
            }
        }

        if (!ModelState.IsValid)
        {
            return View(Views + "WordList.cshtml", await ReadingsPageAsync(form, ct));
        }

        db.ReadingList.Add(new ReadingListEntry { Word = word, Reading = reading });
        return await CommitAsync(ReadingsPath, $"「{word}」の読みを「{reading}」として登録しました。", readingsChanged: true, ct);
    }

    [HttpPost("readings/{id:int}/delete")]
    public Task<IActionResult> DeleteReading(int id, CancellationToken ct) =>
        DeleteAsync(db.ReadingList, id, ReadingsPath, r => $"「{r.Word}」の読みを削除しました。", readingsChanged: true, ct);

    [HttpGet("synonyms")]
    public async Task<IActionResult> Synonyms(CancellationToken ct) => View(Views + "WordList.cshtml", await SynonymsPageAsync(new WordListForm(), ct));

    [HttpPost("synonyms")]
    public async Task<IActionResult> AddSynonym([Bind(Prefix = FormPrefix)] WordListForm form, CancellationToken ct)
    {
        var term = form.Word?.Trim() ?? "";
        if (ModelState.IsValid && await db.SearchSynonyms.AnyAsync(s => s.Term == term, ct))
        {
            ModelState.AddModelError(FormPrefix + "." + nameof(form.Word), $"「{term}」はすでに登録されています。");
        }

        if (!ModelState.IsValid)
        {
            return View(Views + "WordList.cshtml", await SynonymsPageAsync(form, ct));
        }

        var replacement = form.Value!.Trim();
        db.SearchSynonyms.Add(new SearchSynonym { Term = term, Replacement = replacement });
        return await CommitAsync(SynonymsPath, $"「{term}」で「{replacement}」も探すようにしました。", readingsChanged: false, ct);
    }

    [HttpPost("synonyms/{id:int}/delete")]
    public Task<IActionResult> DeleteSynonym(int id, CancellationToken ct) =>
        DeleteAsync(db.SearchSynonyms, id, SynonymsPath, e => $"同義語「{e.Term}」を削除しました。", readingsChanged: false, ct);

    private async Task<IActionResult> SaveTerm(int? id, GlossaryForm form, CancellationToken ct)
    {
        GlossaryTerm? term = null;
        if (id is { } existing && (term = await db.GlossaryTerms.FindAsync([existing], ct)) is null)
        {
            return NotFound();
        }

        var text = form.Term?.Trim() ?? "";
        if (ModelState.IsValid && await db.GlossaryTerms.AnyAsync(t => t.Term == text && t.Id != (id ?? 0), ct))
        {
            ModelState.AddModelError(nameof(form.Term), $"「{text}」はすでに用語集にあります。一覧から編集してください。");
        }

        if (!ModelState.IsValid)
        {
            return TermView(form, id);
        }

        if (term is null)
        {
            term = new GlossaryTerm();
            db.GlossaryTerms.Add(term);
        }

        term.Term = text;
        term.Definition = form.Definition!.Trim();
        term.IsPublished = form.Publish;
        term.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        term.UpdatedBy = Actor;
        var done = form.Publish ? "保存して公開しました" : "非公開で保存しました（公開サイトには出ません）";
        return await CommitAsync(GlossaryPath, $"用語「{text}」を{done}。", readingsChanged: false, ct);
    }

    private async Task<IActionResult> DeleteAsync<T>(DbSet<T> set, int id, string path, Func<T, string> notice, bool readingsChanged, CancellationToken ct)
        where T : class
    {
        var entry = await set.FindAsync([id], ct);
        if (entry is null)
        {
            return NotFound();
        }

        set.Remove(entry);
        return await CommitAsync(path, notice(entry), readingsChanged, ct);
    }

    private async Task<IActionResult> CommitAsync(string path, string notice, bool readingsChanged, CancellationToken ct)
    {
        audit.Add(AuditActions.SettingsChanged, path, notice);

        // Saved with an outbox row, like a publish, so every node reloads its word lists.
        await publish.CommitAsync([JapaneseWordListChange.For(readingsChanged)], ct);
        TempData["Notice"] = notice;
        return Redirect(path);
    }

    private ViewResult TermView(GlossaryForm form, int? id)
    {
        ViewData["Title"] = id is null ? "用語を追加" : "用語を編集";
        ViewData["Action"] = id is null ? $"{GlossaryPath}/new" : $"{GlossaryPath}/{id}";
        return View(Views + "GlossaryForm.cshtml", form);
    }

    private async Task<WordListPage> ReadingsPageAsync(WordListForm form, CancellationToken ct)
    {
        ViewData["Title"] = "ふりがなの読み";
        var entries = await db.ReadingList.AsNoTracking().OrderBy(r => r.Word).Select(r => new { r.Id, r.Word, r.Reading }).ToListAsync(ct);
        return new WordListPage(
            "ふりがなの読み",
            "辞書（MeCab）が読みを間違える語（地名・人名など）の正しい読みです。ふりがなとかな検索で、辞書の読みより優先されます。",
            ReadingsPath,
            "語（漢字を含む）",
            "例：武石",
            "読み（ひらがな）",
            "例：たけし（カタカナで入力しても、ひらがなで保存します）",
            entries.Select(e => (e.Id, e.Word, e.Reading)).ToList(),
            form);
    }

    private async Task<WordListPage> SynonymsPageAsync(WordListForm form, CancellationToken ct)
    {
        ViewData["Title"] = "検索の同義語";
        var entries = await db.SearchSynonyms.AsNoTracking().OrderBy(s => s.Term).Select(s => new { s.Id, s.Term, s.Replacement }).ToListAsync(ct);
        return new WordListPage(
            "検索の同義語",
            "住民が検索で入力する言葉と、ページで使っている表記の組です。左の言葉で検索すると、右の言葉も探します。",
            SynonymsPath,
            "検索で入力される言葉",
            "例：ライン",
            "一緒に探す言葉",
            "例：LINE",
            entries.Select(e => (e.Id, e.Term, e.Replacement)).ToList(),
            form);
    }
}
