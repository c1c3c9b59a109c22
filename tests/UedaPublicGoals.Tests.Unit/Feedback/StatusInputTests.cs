using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Status;
using UedaPublicGoals.Feedback.Submission;

namespace UedaPublicGoals.Tests.Unit.Feedback;

/// <summary>What the 「意見の状況」 page accepts as typed on a phone, and the check code itself.</summary>
public sealed class StatusInputTests
{
    [Theory]
    [InlineData("R8-000123", "R8-000123")]
    [InlineData(" r8-000123 ", "R8-000123")]
    [InlineData("Ｒ８－０００１２３", "R8-000123")]
    [InlineData("R8ー000123", "R8-000123")]
    [InlineData("R8000123", null)]
    [InlineData("8-000123", null)]
    [InlineData("R8-12", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Receipt_numbers_are_folded_to_the_stored_form_or_refused(string? typed, string? expected) =>
        Assert.Equal(expected, CommentStatusLookup.NormalizeReceipt(typed));

    [Fact]
    public void A_check_code_is_eight_unambiguous_characters_stable_per_form_and_matched_however_it_is_typed()
    {
        var code = CheckCodes.For("0123456789abcdef0123456789abcdef");
        Assert.Matches("^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$", code);
        Assert.Equal(code, CheckCodes.For("0123456789abcdef0123456789abcdef"));
        Assert.NotEqual(code, CheckCodes.For("0123456789abcdef0123456789abcdee"));

        var stored = CheckCodes.Hash(code);
        Assert.DoesNotContain(code.Replace("-", "", StringComparison.Ordinal), stored, StringComparison.OrdinalIgnoreCase);
        Assert.True(CheckCodes.Matches(code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant(), stored));
        Assert.True(CheckCodes.Matches(string.Concat(code.Select(c => c == '-' ? '－' : (char)(c + 0xFEE0))), stored));
        Assert.False(CheckCodes.Matches(code[..^1] + (code[^1] == 'A' ? 'B' : 'A'), stored));
        Assert.False(CheckCodes.Matches(code, null));
    }

    [Theory]
    [InlineData(CommentStatus.New, CommentStage.Received)]
    [InlineData(CommentStatus.Reviewed, CommentStage.UnderReview)]
    [InlineData(CommentStatus.Hidden, CommentStage.UnderReview)]
    [InlineData(CommentStatus.ForwardedToCouncil, CommentStage.ForwardedToCouncil)]
    [InlineData(CommentStatus.Answered, CommentStage.ForwardedToCouncil)]
    public void Staff_statuses_map_to_the_stages_residents_see(CommentStatus status, CommentStage stage) =>
        Assert.Equal(stage, CommentStatusLookup.StageOf(status));

    [Fact]
    public void A_fake_receipt_for_a_trapped_bot_is_in_a_fiscal_year_no_comment_is_ever_stored_in()
    {
        Assert.Matches(@"^R0-\d{6}$", ReceiptNumbers.Fake());
        Assert.True(ReceiptNumbers.ReiwaFiscalYear(new DateTime(2019, 5, 1, 0, 0, 0, DateTimeKind.Utc)) >= 1);
    }
}
