using UedaPublicGoals.Feedback;
using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Tests.Unit.Feedback;

/// <summary>The goal a comment is about is recorded the same way for a web comment and a letter typed in by staff.</summary>
public sealed class CommentGoalTests
{
    private static FeedbackGoal Goal(string title) =>
        new(Guid.Parse("5d0c7a52-4c1e-4f7e-9a57-1d7f3f0e2b11"), title, "seisaku-kikaku", "政策企画部", "令和6年度", "/goals/x");

    [Fact]
    public void The_goal_id_department_and_title_are_kept_as_they_are_now()
    {
        var comment = new Comment().AboutGoal(Goal("市民の声を計画に生かす"));
        Assert.Equal((Guid.Parse("5d0c7a52-4c1e-4f7e-9a57-1d7f3f0e2b11"), "seisaku-kikaku", "市民の声を計画に生かす"), (comment.GoalDocumentId, comment.DepartmentSlug, comment.GoalTitle));
    }

    [Fact]
    public void A_title_longer_than_the_column_is_cut_and_no_goal_leaves_all_three_empty()
    {
        Assert.Equal(Comment.GoalTitleMaxLength, new Comment().AboutGoal(Goal(new string('目', Comment.GoalTitleMaxLength + 30))).GoalTitle!.Length);

        var general = new Comment().AboutGoal(null);
        Assert.Equal((null, null, null), (general.GoalDocumentId, general.DepartmentSlug, general.GoalTitle));
    }
}
