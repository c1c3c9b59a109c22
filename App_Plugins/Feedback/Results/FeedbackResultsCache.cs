using Microsoft.AspNetCore.OutputCaching;

namespace UedaPublicGoals.Feedback.Results;

/// <summary>
/// The results pages are output-cached (they carry no form). Whatever changes what they show —
/// publishing or unpublishing a comment, its 市の考え方, hiding it, editing the consultation —
/// must call <see cref="EvictAsync"/> afterwards.
/// </summary>
public sealed class FeedbackResultsCache(IOutputCacheStore store)
{
    public const string PolicyName = "Feedback.Results";
    public const string AllTag = "feedback-results";

    public static string Tag(int consultationId) => $"feedback-results:{consultationId}";

    public async Task EvictAsync(int consultationId, CancellationToken ct = default) =>
        await store.EvictByTagAsync(Tag(consultationId), ct);

    public async Task EvictAllAsync(CancellationToken ct = default) =>
        await store.EvictByTagAsync(AllTag, ct);
}
