using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Submission;

namespace UedaPublicGoals.Tests.Unit.Feedback;

public sealed class CommentInputTests
{
    private static readonly string[] Fields = ["スマートシティ・DX", "全体・その他"];

    private static CommentFormFields Valid() => new()
    {
        Text = "駅前に勉強できる場所がほしいです。",
        Field = "スマートシティ・DX",
        AgeGroup = "HighSchool",
        Residence = "InUeda",
        Consent = "true",
    };

    [Theory]
    [InlineData("a\r\nb\rc\nd", "a\nb\nc\nd")]
    [InlineData("  \u3000本文\u3000 ", "本文")]
    [InlineData("tab\there", "tab here")]
    [InlineData("bell\u0007 esc\u001b del\u007f c1\u0085", "bell esc del c1")]
    [InlineData("right\u202Eleft\u2066iso\u2069\uFEFF", "rightleftiso")]
    [InlineData("<script>alert(1)</script>", "<script>alert(1)</script>")]
    public void Text_is_normalised_but_never_html_encoded(string typed, string stored) =>
        Assert.Equal(stored, CommentInput.NormalizeText(typed));

    [Fact]
    public void Emoji_count_as_one_character_like_the_counter()
    {
        Assert.Equal(10, CommentInput.Length("😀😀😀😀😀😀😀😀😀😀"));
        Assert.NotNull(CommentInput.Validate(new CommentFormFields { Text = "😀😀😀😀😀😀😀😀😀😀", Field = "全体・その他", Consent = "true" }, Fields).Comment);
    }

    [Fact]
    public void A_valid_form_becomes_a_comment_with_its_choices()
    {
        var (comment, errors) = CommentInput.Validate(Valid(), Fields);
        Assert.Empty(errors);
        Assert.Equal(AgeGroup.HighSchool, comment!.AgeGroup);
        Assert.Equal(Residence.InUeda, comment.Residence);
        Assert.Null(comment.Nickname);
        Assert.Null(comment.ReplyEmail);
    }

    [Fact]
    public void Optional_choices_left_empty_are_not_answered()
    {
        var form = Valid();
        form.AgeGroup = "";
        form.Residence = null;
        var (comment, errors) = CommentInput.Validate(form, Fields);
        Assert.Empty(errors);
        Assert.Null(comment!.AgeGroup);
        Assert.Null(comment.Residence);
    }

    [Theory]
    [InlineData("ｓａｋｕｒａ＠ｅｘａｍｐｌｅ．ｊｐ", "sakura@example.jp")]
    [InlineData(" sakura@example.jp ", "sakura@example.jp")]
    public void A_full_width_email_typed_on_a_Japanese_keyboard_is_accepted(string typed, string stored)
    {
        var form = Valid();
        form.ReplyEmail = typed;
        Assert.Equal(stored, CommentInput.Validate(form, Fields).Comment!.ReplyEmail);
    }

    [Theory]
    [InlineData("sakura")]
    [InlineData("sakura@localhost")]
    [InlineData("さくら@example.jp")]
    [InlineData("a b@example.jp\nBcc: x@example.jp")]
    public void Malformed_emails_are_refused(string email)
    {
        var form = Valid();
        form.ReplyEmail = email;
        Assert.True(CommentInput.Validate(form, Fields).Errors.ContainsKey("ReplyEmail"));
    }

    [Fact]
    public void A_nickname_is_one_line()
    {
        var form = Valid();
        form.Nickname = "さくら\r\nです";
        Assert.Equal("さくら です", CommentInput.Validate(form, Fields).Comment!.Nickname);
    }

    [Theory]
    [InlineData("R6-000123", 123, 2024, 4, 1)]
    [InlineData("R6-000124", 124, 2025, 3, 31)]
    [InlineData("R7-1234567", 1234567, 2025, 4, 1)]
    public void Receipt_numbers_carry_the_reiwa_fiscal_year_in_Japan_time(string expected, long id, int year, int month, int day)
    {
        // 09:00 JST on the day is 00:00 UTC.
        Assert.Equal(expected, ReceiptNumbers.For(id, new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void The_fiscal_year_turns_at_midnight_on_the_first_of_April_Japan_time()
    {
        // 2025-03-31 15:00 UTC is 2025-04-01 00:00 JST: already 令和7年度.
        Assert.Equal(6, ReceiptNumbers.ReiwaFiscalYear(new DateTime(2025, 3, 31, 14, 59, 59, DateTimeKind.Utc)));
        Assert.Equal(7, ReceiptNumbers.ReiwaFiscalYear(new DateTime(2025, 3, 31, 15, 0, 0, DateTimeKind.Utc)));
    }
}
