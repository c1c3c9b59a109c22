namespace UedaPublicGoals.Kernel.Resilience;

/// <summary>
/// What a page's 503 says, in its own words, while the database cannot be reached
/// (<see cref="DatabaseFailures.IsOutage"/>). There is one 503 answer: the host's, a Japanese page
/// with Retry-After. A controller carrying this attribute (endpoint metadata) only replaces that
/// page's heading and text, e.g. the comment form telling the resident a re-send never stores a
/// comment twice and shows the 受付番号 already given.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public class DatabaseOutageNoticeAttribute(string title, params string[] paragraphs) : Attribute
{
    public string Title { get; } = title;

    public IReadOnlyList<string> Paragraphs { get; } = paragraphs;
}
