namespace UedaPublicGoals.Public;

/// <summary>
/// Set (in ViewData) when the backoffice draws a draft with the public views: the layout then
/// shows the プレビュー banner, so nobody mistakes the draft for the public page.
/// </summary>
public sealed record PreviewNotice(string EditorPath, int DraftVersion, string PublishedState);
