using System.ComponentModel.DataAnnotations;
using UedaPublicGoals.Feedback.Forms;

namespace UedaPublicGoals.Follow.Subscriptions;

/// <summary>The subscription form: one address and one thing to follow.</summary>
public sealed class SubscribeForm
{
    [Display(Name = "メールアドレス")]
    [Required(ErrorMessage = "メールアドレスを入力してください。")]
    [StringLength(SingleEmailAddressAttribute.MaximumLength, ErrorMessage = "メールアドレスが長すぎます（254文字まで）。")]
    [SingleEmailAddress(ErrorMessage = "メールアドレスの形式が正しくありません（例：taro@example.jp）。")]
    public string? Email { get; set; }

    /// <summary>A <see cref="FollowTopic.Key"/>.</summary>
    [Display(Name = "受け取る更新情報")]
    [Required(ErrorMessage = "受け取る更新情報を選んでください。")]
    public string? Topic { get; set; }
}

/// <summary>The form page: the choices offered and what was typed.</summary>
public sealed record SubscribePage(SubscribeForm Form, IReadOnlyList<FollowedThing> Choices, string? Problem = null);

/// <summary>A page with one button that sends <see cref="Token"/> to <see cref="Action"/> (confirm, unsubscribe).</summary>
public sealed record FollowPrompt(string Heading, IReadOnlyList<string> Lines, string Action, string Token, string Button, bool AntiforgeryExempt = false);

/// <summary>The outcome of a link: a heading and a few plain sentences.</summary>
public sealed record FollowMessage(string Heading, IReadOnlyList<string> Lines);
