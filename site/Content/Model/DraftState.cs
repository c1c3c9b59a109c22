namespace UedaPublicGoals.Content.Model;

/// <summary>Where a document's draft stands against the public site.</summary>
public enum DraftState
{
    /// <summary>The draft is what the public sees.</summary>
    Published,

    /// <summary>Published, but the draft has newer unpublished changes.</summary>
    ChangedSincePublished,

    /// <summary>Never published, or unpublished.</summary>
    NotPublished,
}

/// <summary>One rule for a draft's state, for the editor, the content tree and staff search alike.</summary>
public static class DraftStates
{
    public static DraftState Of(int? publishedVersion, int draftVersion) => publishedVersion switch
    {
        null => DraftState.NotPublished,
        { } published when published == draftVersion => DraftState.Published,
        _ => DraftState.ChangedSincePublished,
    };

    /// <summary>The backoffice's words for it.</summary>
    public static string Label(this DraftState state) => state switch
    {
        DraftState.Published => "公開中",
        DraftState.ChangedSincePublished => "公開中（未公開の変更あり）",
        DraftState.NotPublished => "未公開",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };
}
