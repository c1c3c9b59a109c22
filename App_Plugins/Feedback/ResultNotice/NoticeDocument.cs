namespace UedaPublicGoals.Feedback.ResultNotice;

/// <summary>
/// A 結果公示 in the shape 行政手続法 第43条 sets (and cities copy): the draft and when it was
/// published, how many opinions came and by which channel, every opinion (or its gist) grouped
/// by 分類 with 市の考え方 and how it was taken, what was left out and why, and what changed in
/// the draft. Frozen as JSON when published; the HTML page, the A4 print page and the CSV are
/// all drawn from it.
/// </summary>
public sealed record NoticeDocument(
    string ConsultationTitle,
    string ConsultationSlug,
    string Period,
    DateOnly? DraftPublishedOn,
    string ChangesFromDraft,
    int Received,
    IReadOnlyList<NoticeChannelCount> ByChannel,
    IReadOnlyList<NoticeCount> ByUptake,
    IReadOnlyList<NoticeCategory> Categories,
    IReadOnlyList<NoticeCount> HiddenByReason)
{
    public int Listed => Categories.Sum(c => c.Opinions.Count);

    public int Hidden => HiddenByReason.Sum(h => h.Count);
}

/// <summary>Per channel: opinions received, listed in the notice, and left out (hidden).</summary>
public sealed record NoticeChannelCount(string Channel, int Received, int Listed, int Hidden);

public sealed record NoticeCount(string Label, int Count);

public sealed record NoticeCategory(string Name, IReadOnlyList<NoticeOpinion> Opinions);

/// <summary>
/// One opinion as the notice prints it. <see cref="Number"/> is its place in the notice (No. 1…),
/// not the 受付番号, which stays between the resident and the city.
/// </summary>
public sealed record NoticeOpinion(int Number, string Channel, string? Field, string Opinion, bool IsGist, string CityResponse, string Uptake);
