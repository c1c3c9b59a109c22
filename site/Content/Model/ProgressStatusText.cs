namespace UedaPublicGoals.Content.Model;

public static class ProgressStatusText
{
    public static string ToJapanese(this ProgressStatus status) => status switch
    {
        ProgressStatus.OnTrack => "順調",
        ProgressStatus.SlightlyBehind => "やや遅れ",
        ProgressStatus.Behind => "遅れ",
        ProgressStatus.Achieved => "達成",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
