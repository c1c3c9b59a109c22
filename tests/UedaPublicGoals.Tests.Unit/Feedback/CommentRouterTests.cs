using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Routing;

namespace UedaPublicGoals.Tests.Unit.Feedback;

public sealed class CommentRouterTests
{
    private static readonly DateTime Now = new(2025, 5, 1, 3, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Goal = Guid.Parse("6f1c1f55-0000-4000-8000-000000000001");

    private static Consultation Consultation(int id, bool isDefault = false, bool isPublic = true, DateTime? closes = null) => new()
    {
        Id = id,
        Slug = $"c{id}",
        Title = $"意見募集{id}",
        OpensUtc = Now.AddDays(-30),
        ClosesUtc = closes,
        IsDefault = isDefault,
        IsPublic = isPublic,
    };

    private static readonly List<Consultation> Consultations =
    [
        Consultation(1, isDefault: true),
        Consultation(2),
        Consultation(3),
        Consultation(4, isPublic: false),
        Consultation(5, closes: Now.AddDays(-1)),
    ];

    private static RoutingRule Rule(int id, int order, int consultation, Guid? goal = null, string? department = null, string? field = null, string? keyword = null, bool enabled = true) =>
        new() { Id = id, Order = order, Name = $"rule {id}", ConsultationId = consultation, GoalDocumentId = goal, DepartmentSlug = department, Field = field, Keyword = keyword, IsEnabled = enabled };

    private static RoutingDecision Route(IEnumerable<RoutingRule> rules, CommentOrigin origin, int? fallback = null) =>
        CommentRouter.Decide(rules, Consultations, origin, fallback, Now)!;

    [Fact]
    public void The_first_matching_rule_by_order_wins_whatever_the_list_order()
    {
        var rules = new[] { Rule(10, order: 5, consultation: 3, department: "seisaku-kikaku"), Rule(11, order: 1, consultation: 2, department: "seisaku-kikaku") };

        var decision = Route(rules, new CommentOrigin(Goal, "seisaku-kikaku"));

        Assert.Equal(2, decision.Consultation.Id);
        Assert.Equal(11, decision.Rule!.Id);
    }

    [Fact]
    public void Disabled_rules_are_skipped()
    {
        var rules = new[] { Rule(10, 1, 2, department: "seisaku-kikaku", enabled: false), Rule(11, 2, 3, department: "seisaku-kikaku") };
        Assert.Equal(11, Route(rules, new CommentOrigin(Goal, "seisaku-kikaku")).Rule!.Id);
    }

    [Fact]
    public void Every_condition_a_rule_sets_must_match()
    {
        var rule = Rule(10, 1, 2, department: "seisaku-kikaku", field: "スマートシティ・DX");

        Assert.Equal(2, Route([rule], new CommentOrigin(Goal, "seisaku-kikaku", "スマートシティ・DX")).Consultation.Id);
        Assert.Null(Route([rule], new CommentOrigin(Goal, "seisaku-kikaku", "SDGs・環境")).Rule);
        Assert.Null(Route([rule], new CommentOrigin(null, null, "スマートシティ・DX")).Rule);
    }

    [Theory]
    [InlineData(null, true, true)]
    [InlineData("SEISAKU-KIKAKU", false, true)]
    [InlineData("kyoiku", false, false)]
    public void Goal_and_department_conditions(string? department, bool forTheGoal, bool matches)
    {
        var rule = Rule(10, 1, 2, goal: forTheGoal ? Goal : null, department: department);
        Assert.Equal(matches, CommentRouter.Matches(rule, new CommentOrigin(Goal, "seisaku-kikaku")));
        Assert.False(CommentRouter.Matches(rule, new CommentOrigin(Guid.NewGuid(), "other")));
    }

    [Theory]
    [InlineData("バス", "駅前のバスをもっと増やしてほしい", true)]
    [InlineData("ＬＩＮＥ", "市のline公式アカウントが便利です", true)]
    [InlineData("line", "市のＬＩＮＥ公式アカウントが便利です", true)]
    [InlineData("ﾊﾞｽ", "バスの本数", true)]
    [InlineData("図書館", "駅前のバスをもっと増やしてほしい", false)]
    public void Keywords_match_after_NFKC_and_case_folding(string keyword, string text, bool matches) =>
        Assert.Equal(matches, CommentRouter.Matches(Rule(1, 1, 2, keyword: keyword), new CommentOrigin(Text: text)));

    [Fact]
    public void A_rule_whose_consultation_is_hidden_or_closed_is_passed_over_for_the_next()
    {
        var rules = new[] { Rule(10, 1, 4), Rule(11, 2, 5), Rule(12, 3, 3) };
        var decision = Route(rules, new CommentOrigin());
        Assert.Equal(12, decision.Rule!.Id);
        Assert.Equal(3, decision.Consultation.Id);
    }

    [Fact]
    public void Without_a_match_the_form_consultation_catches_it_and_without_a_form_the_default_does()
    {
        var rules = new[] { Rule(10, 1, 2, department: "kyoiku") };

        var fromForm = Route(rules, new CommentOrigin(Goal, "seisaku-kikaku"), fallback: 3);
        Assert.Equal(3, fromForm.Consultation.Id);
        Assert.Null(fromForm.Rule);

        var paper = Route(rules, new CommentOrigin());
        Assert.Equal(1, paper.Consultation.Id);
        Assert.Null(paper.Rule);
    }

    [Fact]
    public void A_rule_without_conditions_catches_everything()
    {
        Assert.Equal(2, Route([Rule(10, 1, 2)], new CommentOrigin(Text: "何でも")).Consultation.Id);
    }
}
