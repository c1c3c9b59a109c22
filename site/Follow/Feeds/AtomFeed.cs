using System.Globalization;
using System.Xml.Linq;

namespace UedaPublicGoals.Follow.Feeds;

/// <summary>
/// Writes an Atom 1.0 document (RFC 4287): feed id, title, updated, author, link rel="self" and rel="alternate";
/// per entry an id (a tag: URI, RFC 4151, stable across nodes and rebuilds), title, updated, link and a text summary.
/// Text goes through XDocument, so markup in it is escaped, never interpreted.
/// </summary>
public static class AtomFeed
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>The tagging date of the entry ids (RFC 4151); never change it, or every reader sees every entry anew.</summary>
    private const string TagDate = "2024";

    public static string TagUri(string origin, string specific) =>
        $"tag:{new Uri(origin).Host},{TagDate}:{specific}";

    public static XDocument Build(string origin, FollowedThing thing, IReadOnlyList<FollowUpdate> updates, string author)
    {
        var updated = updates.Count > 0 ? updates.Max(u => u.Utc) : DateTime.UnixEpoch;
        var feed = new XElement(Atom + "feed",
            new XAttribute(XNamespace.Xml + "lang", "ja"),
            new XElement(Atom + "id", TagUri(origin, $"feed/{thing.Topic.Key}")),
            new XElement(Atom + "title", $"{thing.Title}の更新情報"),
            new XElement(Atom + "updated", Timestamp(updated)),
            new XElement(Atom + "author", new XElement(Atom + "name", author)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", FeedContentType), new XAttribute("href", origin + thing.Topic.FeedPath)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", origin + thing.PageUrl)),
            updates.Select(u => new XElement(Atom + "entry",
                new XElement(Atom + "id", TagUri(origin, u.Id)),
                new XElement(Atom + "title", u.Title),
                new XElement(Atom + "updated", Timestamp(u.Utc)),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", origin + u.Url)),
                new XElement(Atom + "summary", new XAttribute("type", "text"), u.Summary))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), feed);
    }

    public const string FeedContentType = "application/atom+xml";

    /// <summary>RFC 3339 in UTC, whole seconds.</summary>
    private static string Timestamp(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
