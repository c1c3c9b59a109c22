using System.Globalization;

namespace UedaPublicGoals.Feedback.Inbox;

public static class InboxText
{
    /// <summary>
    /// The first <paramref name="length"/> characters as a reader counts them (text elements), so an
    /// emoji or a combined character is never cut in half; "…" marks that more follows.
    /// </summary>
    public static string Excerpt(string text, int length)
    {
        var info = new StringInfo(text);
        return info.LengthInTextElements <= length ? text : info.SubstringByTextElements(0, length) + "…";
    }
}
