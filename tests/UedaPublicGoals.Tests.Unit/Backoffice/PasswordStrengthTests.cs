using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Backoffice.Accounts.Passwords;

namespace UedaPublicGoals.Tests.Unit.Backoffice;

public sealed class PasswordStrengthTests
{
    private static async Task<IdentityResult> CheckAsync(string password, string email = "sato.hanako@example.jp", string name = "佐藤 花子") =>
        await new StrengthPasswordValidator(Options.Create(new PasswordStrengthOptions())).ValidateAsync(null!, new PortalUser { Email = email, DisplayName = name }, password);

    [Theory]
    [InlineData("password1234")]
    [InlineData("123456789012")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("sato.hanako2024")]
    [InlineData("uedacity2026!")]
    public async Task Guessable_passwords_are_refused_with_a_Japanese_explanation(string password)
    {
        var result = await CheckAsync(password);
        var error = Assert.Single(result.Errors);
        Assert.Equal(StrengthPasswordValidator.Code, error.Code);
        Assert.Contains("推測されやすいため使えません", error.Description);
        Assert.Contains("パスフレーズ", error.Description);
    }

    [Theory]
    [InlineData("tesuto-you no nagai pasuwado")]
    [InlineData("kawa no nagare to shinshu no sora")]
    [InlineData("v7#Lq9!mZ2@wR4")]
    public async Task Long_unrelated_passphrases_pass(string password)
    {
        Assert.True((await CheckAsync(password)).Succeeded);
    }

    [Fact]
    public void The_explanation_names_each_kind_of_weakness_once_in_Japanese()
    {
        var text = StrengthPasswordValidator.Explain([("dictionary", "passwords"), ("spatial", null), ("dictionary", "passwords"), ("dictionary", "user_inputs"), ("bruteforce", null)]);
        Assert.Equal("このパスワードはよく使われるパスワード・キーボードの並び（qwerty など）・メールアドレス・氏名・サイト名に含まれる語が含まれていて、推測されやすいため使えません。関係のない単語をいくつか組み合わせた長い文（パスフレーズ）にしてください。", text);
        Assert.StartsWith("このパスワードは短すぎるか単純すぎて、", StrengthPasswordValidator.Explain([("bruteforce", null)]));
    }
}
