using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace UedaPublicGoals.Backoffice.Accounts.Passwords;

/// <summary>
/// Refuses passwords that are easy to guess: common passwords, dictionary words, names, keyboard
/// runs, repeats, sequences and dates, and anything built from the account's own e-mail or name,
/// as scored by zxcvbn. The message says in Japanese what made the password weak.
/// </summary>
public sealed class StrengthPasswordValidator(IOptions<PasswordStrengthOptions> options) : IPasswordValidator<PortalUser>
{
    public const string Code = "PasswordTooWeak";

    /// <summary>Words anyone would try against this portal first.</summary>
    private static readonly string[] SiteWords = ["ueda", "uedacity", "ueda-city", "上田", "上田市", "juten", "mokuhyo", "portal", "backoffice", "kanri", "koho"];

    /// <summary>
    /// One scorer for the process: its word lists are read and ranked once, on first use. The static
    /// Zxcvbn.MatchPassword builds a new one for every password (10–15 ms each against about 1 ms). It keeps no
    /// state between passwords (the account's own words go in with each call), so threads can share it.
    /// </summary>
    private static readonly Zxcvbn.Zxcvbn Scorer = new();

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success); // the length rule reports an empty password
        }

        var userInputs = new List<string>(SiteWords);
        var email = user.Email ?? user.UserName ?? "";
        userInputs.AddRange(email.Split('@', '.', '-', '_', '+').Where(p => p.Length >= 3));
        userInputs.AddRange(user.DisplayName.Split(' ', '　').Where(p => p.Length >= 2));

        var result = Scorer.EvaluatePassword(password, userInputs);
        if (result.Score >= options.Value.MinimumScore)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        return Task.FromResult(IdentityResult.Failed(new IdentityError
        {
            Code = Code,
            Description = Explain(result.MatchSequence.Select(m => (m.Pattern, (m as Zxcvbn.Matcher.DictionaryMatch)?.DictionaryName))),
        }));
    }

    /// <summary>One Japanese sentence naming what a guesser would try, then what helps.</summary>
    public static string Explain(IEnumerable<(string Pattern, string? Dictionary)> matches)
    {
        var reasons = new List<string>();
        foreach (var (pattern, dictionary) in matches)
        {
            var reason = pattern switch
            {
                "dictionary" when dictionary == "passwords" => "よく使われるパスワード",
                "dictionary" when dictionary == "user_inputs" => "メールアドレス・氏名・サイト名に含まれる語",
                "dictionary" when dictionary is "male_names" or "female_names" or "surnames" => "人の名前",
                "dictionary" => "辞書にある単語",
                "spatial" => "キーボードの並び（qwerty など）",
                "repeat" => "同じ文字や文字列の繰り返し",
                "sequence" => "abc や 123 のような連続",
                "date" or "year" => "日付や年",
                "digits" => "数字だけの並び",
                _ => null,
            };
            if (reason is not null && !reasons.Contains(reason))
            {
                reasons.Add(reason);
            }
        }

        var why = reasons.Count > 0 ? $"{string.Join("・", reasons)}が含まれていて、" : "短すぎるか単純すぎて、";
        return $"このパスワードは{why}推測されやすいため使えません。関係のない単語をいくつか組み合わせた長い文（パスフレーズ）にしてください。";
    }
}
