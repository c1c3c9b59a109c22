namespace UedaPublicGoals.Feedback.Model;

/// <summary>A comment from a resident, from any channel. Counted the same wherever it came from.</summary>
public sealed class Comment
{
    public const int GoalTitleMaxLength = 400;

    public long Id { get; set; }

    /// <summary>受付番号 shown to the resident, e.g. R6-000123; unique.</summary>
    public string ReceiptNumber { get; set; } = "";

    public int ConsultationId { get; set; }

    /// <summary>The routing rule that sent it to the consultation; null when the default caught it.</summary>
    public int? RoutingRuleId { get; set; }

    public CommentChannel Channel { get; set; }

    /// <summary>When it was received: submission time for web, the date on the letter or workshop for others.</summary>
    public DateTime ReceivedUtc { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Who typed in a paper comment (staff e-mail); null for web submissions.</summary>
    public string? EnteredBy { get; set; }

    // Origin: which page the resident came from (all optional for the general form); set through AboutGoal.
    public Guid? GoalDocumentId { get; set; }
    public string? DepartmentSlug { get; set; }
    public string? GoalTitle { get; set; }

    /// <summary>The 取組 of that goal the comment is about (its title as it was then), when sent from a 取組 row.</summary>
    public string? InitiativeTitle { get; set; }

    /// <summary>
    /// Records the goal the comment is about (the page a resident sent it from, or the goal staff
    /// chose for a letter), with its title as it is now so the comment still reads right if the
    /// goal is unpublished later.
    /// </summary>
    /// <param name="initiativeNumber">The 取組 number the form was opened from ("3"); ignored unless the goal has it.</param>
    public Comment AboutGoal(FeedbackGoal? goal, string? initiativeNumber = null)
    {
        GoalDocumentId = goal?.DocumentId;
        DepartmentSlug = goal?.DepartmentSlug;
        GoalTitle = Clip(goal?.Title);
        InitiativeTitle = Clip(goal?.InitiativeTitle(initiativeNumber));
        return this;
    }

    private static string? Clip(string? title) => title is null || title.Length <= GoalTitleMaxLength ? title : title[..GoalTitleMaxLength];

    /// <summary>The draft plan version a paragraph comment was sent on (see DraftPlans); null for other comments.</summary>
    public int? DraftVersionId { get; set; }

    public DraftPlans.DraftPlanVersion? DraftVersion { get; set; }

    /// <summary>The paragraph it is about in that version, as a <see cref="DraftPlans.ParagraphRef"/> key (2-1-3 = 第2章 第1節 ¶3).</summary>
    public string? ParagraphRef { get; set; }

    /// <summary>意見: stored as typed, always shown escaped.</summary>
    public string Text { get; set; } = "";

    public string? Field { get; set; }
    public AgeGroup? AgeGroup { get; set; }
    public Residence? Residence { get; set; }

    // Personal data: purged after the consultation's retention period.
    public string? Nickname { get; set; }

    /// <summary>返信用メール, encrypted at rest with ASP.NET Core Data Protection.</summary>
    public string? ReplyEmailProtected { get; set; }

    /// <summary>Salted hash of the client IP, for abuse control only.</summary>
    public string? ClientHash { get; set; }

    /// <summary>
    /// Hash of the check code the thanks page gave the resident with the 受付番号 (see
    /// Status/CheckCodes); the code itself is never stored. Null for comments staff typed in.
    /// </summary>
    public string? CheckCodeHash { get; set; }

    public DateTime? PersonalDataPurgedUtc { get; set; }

    // Handling by the 総合計画 officers.
    public CommentStatus Status { get; set; } = CommentStatus.New;
    public string? HiddenReason { get; set; }
    public string? AssigneeEmail { get; set; }

    /// <summary>市の考え方: the city's response, published with the comment when chosen.</summary>
    public string? CityResponse { get; set; }

    /// <summary>結果公示: the 分類 staff put it under (one of the consultation's notice categories).</summary>
    public string? OpinionCategory { get; set; }

    /// <summary>結果公示: how it was taken (反映 / 一部反映 / 原案どおり / 参考).</summary>
    public ResultNotice.OpinionUptake? Uptake { get; set; }

    /// <summary>結果公示: 意見の要旨 staff wrote; the notice shows it instead of the full text when set.</summary>
    public string? Gist { get; set; }

    /// <summary>Staff chose to list it on the public results page (text, 分野, 年代 only).</summary>
    public bool IsPublished { get; set; }

    /// <summary>Set by the notification sender once staff were told about it.</summary>
    public DateTime? NotifiedUtc { get; set; }

    /// <summary>Set once the resident was e-mailed that the city's response is published (one e-mail, ever).</summary>
    public DateTime? ResponseMailedUtc { get; set; }

    /// <summary>Optimistic concurrency for staff edits.</summary>
    public Guid ConcurrencyStamp { get; set; }

    /// <summary>The survey answer set this free-text answer belongs to (channel WEBアンケート, or 郵送 for a paper questionnaire).</summary>
    public long? SurveyAnswerSetId { get; set; }

    public List<CommentNote> Notes { get; set; } = [];
}

/// <summary>An internal note on a comment; never public.</summary>
public sealed class CommentNote
{
    public long Id { get; set; }
    public long CommentId { get; set; }
    public string Author { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public string Text { get; set; } = "";
}

public enum CommentChannel
{
    /// <summary>WEB（このサイト）</summary>
    Web = 0,
    /// <summary>郵送</summary>
    Post = 1,
    /// <summary>ワークショップ</summary>
    Workshop = 2,
    /// <summary>公共施設自由意見コーナー</summary>
    FacilityCorner = 3,
    /// <summary>分野別意見聴取</summary>
    FieldHearing = 4,
    /// <summary>WEBアンケート: a free-text answer to a survey, linked to its answer set.</summary>
    WebSurvey = 5,
}

public static class CommentChannels
{
    /// <summary>Channels staff type comments in from (not the web form, not survey answers, which arrive by themselves).</summary>
    public static bool IsTypedInByStaff(CommentChannel channel) =>
        Enum.IsDefined(channel) && channel is not (CommentChannel.Web or CommentChannel.WebSurvey);
}

public enum CommentStatus
{
    /// <summary>新着</summary>
    New = 0,
    /// <summary>確認済</summary>
    Reviewed = 1,
    /// <summary>審議会へ回付</summary>
    ForwardedToCouncil = 2,
    /// <summary>回答済</summary>
    Answered = 3,
    /// <summary>非表示 (spam / abuse, with a reason)</summary>
    Hidden = 4,
}

public enum AgeGroup
{
    /// <summary>中学生以下</summary>
    JuniorHighOrYounger = 0,
    /// <summary>高校生</summary>
    HighSchool = 1,
    /// <summary>大学生・専門学校生</summary>
    CollegeStudent = 2,
    /// <summary>20代</summary>
    Twenties = 3,
    Thirties = 4,
    Forties = 5,
    Fifties = 6,
    Sixties = 7,
    /// <summary>70代以上</summary>
    SeventiesOrOlder = 8,
}

public enum Residence
{
    /// <summary>上田市内</summary>
    InUeda = 0,
    /// <summary>市外から通勤・通学</summary>
    CommutesIn = 1,
    /// <summary>その他</summary>
    Other = 2,
}
