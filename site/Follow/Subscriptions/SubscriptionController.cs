using Microsoft.AspNetCore.Mvc;
using UedaPublicGoals.Feedback.Follow;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.Follow.Subscriptions;

/// <summary>
/// E-mail subscriptions without an account: the form (/oshirase/touroku), the confirmation link's page and the
/// unsubscribe link's page. Pages with forms are never output-cached.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class SubscriptionController(
    SubscriptionService subscriptions,
    FollowUpdates updates,
    ConsultationFollowSource consultations,
    SubscribeRateLimit rateLimit,
    FollowMail mail) : Controller
{
    private const string FormView = "~/Follow/Views/Subscribe.cshtml";
    private const string PromptView = "~/Follow/Views/Prompt.cshtml";
    private const string MessageView = "~/Follow/Views/Message.cshtml";

    [HttpGetOrHead(FollowPaths.Subscribe)]
    public async Task<IActionResult> Subscribe(Guid? goal, string? iken, CancellationToken ct)
    {
        var chosen = goal is { } id ? FollowTopic.Goal(id) : iken is { } slug && SlugRule.IsValid(slug) ? FollowTopic.Consultation(slug) : FollowTopic.Site;
        var choices = await ChoicesAsync(chosen, ct);
        var form = new SubscribeForm { Topic = choices.Any(c => c.Topic == chosen) ? chosen.Key : FollowTopic.Site.Key };
        return Page(new SubscribePage(form, choices));
    }

    [HttpPost(FollowPaths.Subscribe)]
    public async Task<IActionResult> Subscribe([FromForm] SubscribeForm form, CancellationToken ct)
    {
        var topic = FollowTopic.Parse(form.Topic);
        var thing = topic is null ? null : await updates.DescribeAsync(topic, ct);
        var choices = await ChoicesAsync(topic ?? FollowTopic.Site, ct);
        if (ModelState.IsValid && thing is null)
        {
            ModelState.AddModelError(nameof(SubscribeForm.Topic), "受け取る更新情報を一覧から選んでください。");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page(new SubscribePage(form, choices));
        }

        if (!mail.IsConfigured)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page(new SubscribePage(form, choices, "現在、メールでのお知らせの登録を受け付けていません。Atomの更新情報をご利用ください。"));
        }

        if (!rateLimit.TryAcquire(HttpContext.Connection.RemoteIpAddress))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = (rateLimit.WindowMinutes * 60).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Page(new SubscribePage(form, choices, $"短い時間に登録の申し込みが続いたため、受け付けを止めています。{rateLimit.WindowMinutes}分ほど待ってから、もう一度送ってください。"));
        }

        if (await subscriptions.SubscribeAsync(form.Email!, thing!, ct) == SubscribeOutcome.MailFailed)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page(new SubscribePage(form, choices, "確認メールを送れませんでした。登録はしていません。時間をおいて、もう一度送ってください。"));
        }

        return Message(StatusCodes.Status200OK, "確認メールを送りました",
            $"入力されたアドレスに、登録を確認するメールを送りました。メールのリンクを開いて「登録する」を押すと、{thing!.Title}の更新情報が1日1回まとめて届くようになります。",
            "確認が済むまで、ほかのメールは送りません。メールが届かないときは、迷惑メールのフォルダーも確かめてください。");
    }

    [HttpGetOrHead(FollowPaths.Confirm)]
    public async Task<IActionResult> Confirm(string? token, CancellationToken ct)
    {
        var (outcome, subscription) = await subscriptions.CheckConfirmationAsync(token, ct);
        if (subscription is null)
        {
            return ConfirmationProblem(outcome);
        }

        var thing = FollowTopic.Parse(subscription.Topic) is { } topic ? await updates.DescribeAsync(topic, ct) : null;
        NoIndex("登録の確認");
        return View(PromptView, new FollowPrompt(
            "登録の確認",
            [$"{thing?.Title ?? "更新情報"}の更新情報を、メールで1日1回まとめて受け取ります。", "よろしければ「登録する」を押してください。"],
            FollowPaths.Confirm, token!, "登録する"));
    }

    [HttpPost(FollowPaths.Confirm)]
    public async Task<IActionResult> ConfirmPost([FromForm] string? token, CancellationToken ct)
    {
        var outcome = await subscriptions.ConfirmAsync(token, ct);
        return outcome == ConfirmOutcome.Confirmed
            ? Message(StatusCodes.Status200OK, "登録が完了しました", "更新があった日の翌朝に、まとめてメールでお知らせします。", "配信の停止は、届いたメールにあるリンクからいつでもできます。")
            : ConfirmationProblem(outcome);
    }

    [HttpGetOrHead(FollowPaths.Unsubscribe)]
    public async Task<IActionResult> Unsubscribe(string? token, CancellationToken ct)
    {
        var topics = await subscriptions.TopicsOfAsync(token, ct);
        if (topics is null)
        {
            return InvalidUnsubscribeLink();
        }

        if (topics.Count == 0)
        {
            return AlreadyUnsubscribed();
        }

        var names = new List<string>();
        foreach (var topic in topics.Select(FollowTopic.Parse).OfType<FollowTopic>())
        {
            names.Add((await updates.DescribeAsync(topic, ct))?.Title ?? "公開を終えたページ");
        }

        NoIndex("配信の停止");
        return View(PromptView, new FollowPrompt(
            "配信の停止",
            [$"このアドレスへの更新情報のメール（{string.Join("、", names)}）をすべて止めます。", "よろしければ「配信を停止する」を押してください。"],
            FollowPaths.Unsubscribe, token!, "配信を停止する", AntiforgeryExempt: true));
    }

    /// <summary>
    /// RFC 8058 one-click unsubscribe: a mail client POSTs "List-Unsubscribe=One-Click" to the List-Unsubscribe URL
    /// without a session, cookie or page, so no antiforgery token can exist. Exempt, and safe to be: the signed token
    /// in the URL is the authority (only its recipient has it), and all it can do is stop mail to that one address.
    /// </summary>
    [HttpPost(FollowPaths.Unsubscribe)]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> UnsubscribePost([FromQuery] string? token, CancellationToken ct) =>
        await subscriptions.UnsubscribeAsync(token, ct) switch
        {
            UnsubscribeOutcome.Unsubscribed => Message(StatusCodes.Status200OK, "配信を停止しました", "このアドレスには、更新情報のメールをもう送りません。", "また受け取りたくなったら、各ページの「メールで受け取る」から登録し直せます。"),
            UnsubscribeOutcome.NothingToStop => AlreadyUnsubscribed(),
            _ => InvalidUnsubscribeLink(),
        };

    private async Task<IReadOnlyList<FollowedThing>> ChoicesAsync(FollowTopic chosen, CancellationToken ct)
    {
        var choices = new List<FollowedThing>();
        if (chosen.Kind == FollowTopicKind.Goal && await updates.DescribeAsync(chosen, ct) is { } goal)
        {
            choices.Add(goal);
        }

        choices.Add((await updates.DescribeAsync(FollowTopic.Site, ct))!);
        foreach (var consultation in await consultations.PublicAsync(ct))
        {
            choices.Add(new FollowedThing(FollowTopic.Consultation(consultation.Slug), $"「{consultation.Title}」", consultation.FormUrl));
        }

        return choices;
    }

    private ViewResult Page(SubscribePage page)
    {
        ViewData[nameof(PageMeta)] = new PageMeta("更新情報をメールで受け取る", "重点目標の報告や数値目標の更新、意見募集の結果を、1日1回のメールで受け取れます。", FollowPaths.Subscribe)
        {
            Breadcrumbs = [new("ホーム", "/"), new("更新情報をメールで受け取る", null)],
            FeedPath = page.Form.Topic is { } key && FollowTopic.Parse(key) is { } topic ? topic.FeedPath : FollowPaths.Feeds,
        };
        return View(FormView, page);
    }

    private IActionResult ConfirmationProblem(ConfirmOutcome outcome) => outcome switch
    {
        ConfirmOutcome.Expired => Message(StatusCodes.Status400BadRequest, "確認リンクの期限が切れています", "この確認リンクは使える期間を過ぎました。登録はしていません。", "お手数ですが、もう一度登録のページから申し込んでください。"),
        ConfirmOutcome.AlreadyUsed => Message(StatusCodes.Status409Conflict, "この確認リンクは使用済みです", "このリンクはすでに使われたか、新しい申し込みで無効になりました。何も変更していません。"),
        _ => Message(StatusCodes.Status400BadRequest, "確認リンクが正しくありません", "リンクが途中で切れているか、書き換えられています。何も変更していません。", "届いたメールのリンクを、そのまま開いてください。"),
    };

    private IActionResult InvalidUnsubscribeLink() =>
        Message(StatusCodes.Status400BadRequest, "配信停止のリンクが正しくありません", "リンクが途中で切れているか、書き換えられています。何も変更していません。", "届いたメールのリンクを、そのまま開いてください。");

    private IActionResult AlreadyUnsubscribed() =>
        Message(StatusCodes.Status200OK, "配信はすでに停止しています", "このアドレスへの更新情報のメールは、すでに止まっています。何も変更していません。");

    private ViewResult Message(int status, string heading, params string[] lines)
    {
        Response.StatusCode = status;
        NoIndex(heading);
        return View(MessageView, new FollowMessage(heading, lines));
    }

    private void NoIndex(string title)
    {
        ViewData["Title"] = title;
        ViewData["NoIndex"] = true;
    }
}
