using UedaPublicGoals.Content.Model;

namespace UedaPublicGoals.Tests.Unit.Content;

public sealed class DraftStatesTests
{
    [Theory]
    [InlineData(null, 1, DraftState.NotPublished, "未公開")]
    [InlineData(3, 3, DraftState.Published, "公開中")]
    [InlineData(2, 3, DraftState.ChangedSincePublished, "公開中（未公開の変更あり）")]
    public void A_draft_state_follows_the_published_and_draft_versions(int? published, int draft, DraftState expected, string label)
    {
        var state = DraftStates.Of(published, draft);

        Assert.Equal(expected, state);
        Assert.Equal(label, state.Label());
    }
}
