namespace UedaPublicGoals.Follow;

public enum FollowTopicKind
{
    Site,
    Goal,
    Consultation,
}

/// <summary>
/// What a feed or a subscription follows: the whole site, one goal (by its stable document id) or one consultation
/// (by its slug). Stored as "site", "goal:{id}" or "iken:{slug}".
/// </summary>
public sealed record FollowTopic(FollowTopicKind Kind, Guid GoalId = default, string ConsultationSlug = "")
{
    public static readonly FollowTopic Site = new(FollowTopicKind.Site);

    public static FollowTopic Goal(Guid documentId) => new(FollowTopicKind.Goal, GoalId: documentId);

    public static FollowTopic Consultation(string slug) => new(FollowTopicKind.Consultation, ConsultationSlug: slug);

    public string Key => Kind switch
    {
        FollowTopicKind.Goal => $"goal:{GoalId:D}",
        FollowTopicKind.Consultation => $"iken:{ConsultationSlug}",
        _ => "site",
    };

    /// <summary>The Atom feed of this topic (site-relative).</summary>
    public string FeedPath => Kind switch
    {
        FollowTopicKind.Goal => $"{FollowPaths.Feeds}/goal/{GoalId:D}",
        FollowTopicKind.Consultation => $"{FollowPaths.Feeds}/iken/{ConsultationSlug}",
        _ => FollowPaths.Feeds,
    };

    /// <summary>The subscription form with this topic chosen.</summary>
    public string SubscribePath => Kind switch
    {
        FollowTopicKind.Goal => $"{FollowPaths.Subscribe}?goal={GoalId:D}",
        FollowTopicKind.Consultation => $"{FollowPaths.Subscribe}?iken={Uri.EscapeDataString(ConsultationSlug)}",
        _ => FollowPaths.Subscribe,
    };

    public static FollowTopic? Parse(string? key) => key switch
    {
        "site" => Site,
        ['g', 'o', 'a', 'l', ':', .. var id] when Guid.TryParse(id, out var goal) => Goal(goal),
        ['i', 'k', 'e', 'n', ':', .. var slug] when SlugRule.IsValid(slug) => Consultation(slug),
        _ => null,
    };

    public override string ToString() => Key;
}

/// <summary>The Follow feature's public URLs, in one place.</summary>
public static class FollowPaths
{
    public const string Root = "/oshirase";
    public const string Feeds = Root + "/atom";
    public const string Subscribe = Root + "/touroku";
    public const string Confirm = Root + "/kakunin";
    public const string Unsubscribe = Root + "/unsubscribe";
}
