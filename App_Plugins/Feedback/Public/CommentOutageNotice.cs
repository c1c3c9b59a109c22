using UedaPublicGoals.Kernel.Resilience;

namespace UedaPublicGoals.Feedback.Public;

/// <summary>
/// The words of the host's 503 page on the resident's comment, survey, status and draft-plan pages:
/// the comment was not stored, so send it again in a moment; a re-send of the same form never
/// stores it twice and shows the 受付番号 given the first time.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CommentOutageNoticeAttribute() : DatabaseOutageNoticeAttribute(
    "ただいま意見を受け付けられません",
    "システムの一時的な不具合のため、いまは意見を受け付けたり表示したりできません。しばらく待ってから、ブラウザの「戻る」で前の画面に戻り、もう一度「送信する」を押してください。",
    "同じ画面からもう一度送っても、意見が二重に届くことはありません。すでに受け付けていた場合は、そのときの受付番号が表示されます。");
