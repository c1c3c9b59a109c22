using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Editing;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Backoffice.Import;

public sealed record ExportFile(string FileName, byte[] Bytes);

/// <summary>The .xlsx download of one goal or of a department's year, with draft or published values.</summary>
public sealed class GoalSheetExport(PortalDbContext db)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<ExportFile?> GoalAsync(EditableDocument goal, bool published, CancellationToken ct)
    {
        var content = await ContentAsync(goal.Document, published, ct);
        if (content is null)
        {
            return null;
        }

        var year = goal.FiscalYear!;
        var bytes = GoalSheetWriter.Write([new GoalSheetData($"{content.Priority}位", goal.Department!.Name, year.Year, content)]);
        return new ExportFile($"{goal.Department.Slug}-{year.Slug}-{goal.Document.Slug}{(published ? "" : "-draft")}.xlsx", bytes);
    }

    public async Task<ExportFile?> YearAsync(FiscalYear year, bool published, CancellationToken ct)
    {
        var scope = ContentDocument.GoalScope(year.Id);
        var documents = await db.Documents.AsNoTracking().Where(d => d.Scope == scope && d.Kind == DocumentKind.Goal && d.DeletedUtc == null)
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Slug).ToListAsync(ct);
        var sheets = new List<GoalSheetData>();
        foreach (var document in documents)
        {
            if (await ContentAsync(document, published, ct) is { } content)
            {
                sheets.Add(new GoalSheetData($"{sheets.Count + 1} {document.Slug}"[..Math.Min(31, $"{sheets.Count + 1} {document.Slug}".Length)], year.Department!.Name, year.Year, content));
            }
        }

        return sheets.Count == 0 ? null : new ExportFile($"{year.Department!.Slug}-{year.Slug}{(published ? "" : "-draft")}.xlsx", GoalSheetWriter.Write(sheets));
    }

    private async Task<GoalContent?> ContentAsync(ContentDocument document, bool published, CancellationToken ct)
    {
        var number = published ? document.PublishedVersion : document.DraftVersion;
        if (number is null)
        {
            return null;
        }

        var json = await db.Versions.AsNoTracking().Where(v => v.DocumentId == document.Id && v.Number == number).Select(v => v.Json).SingleAsync(ct);
        return ContentJson.Deserialize<GoalContent>(json);
    }
}
