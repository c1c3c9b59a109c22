namespace UedaPublicGoals.Feedback.Model;

/// <summary>The Japanese words residents and staff see for each choice.</summary>
public static class FeedbackLabels
{
    public static string Of(CommentChannel channel) => channel switch
    {
        CommentChannel.Web => "WEB（このサイト）",
        CommentChannel.Post => "郵送",
        CommentChannel.Workshop => "ワークショップ",
        CommentChannel.FacilityCorner => "公共施設自由意見コーナー",
        CommentChannel.FieldHearing => "分野別意見聴取",
        CommentChannel.WebSurvey => "WEBアンケート",
        _ => channel.ToString(),
    };

    public static string Of(CommentStatus status) => status switch
    {
        CommentStatus.New => "新着",
        CommentStatus.Reviewed => "確認済",
        CommentStatus.ForwardedToCouncil => "審議会へ回付",
        CommentStatus.Answered => "回答済",
        CommentStatus.Hidden => "非表示",
        _ => status.ToString(),
    };

    public static string Of(AgeGroup age) => age switch
    {
        AgeGroup.JuniorHighOrYounger => "中学生以下",
        AgeGroup.HighSchool => "高校生",
        AgeGroup.CollegeStudent => "大学生・専門学校生",
        AgeGroup.Twenties => "20代",
        AgeGroup.Thirties => "30代",
        AgeGroup.Forties => "40代",
        AgeGroup.Fifties => "50代",
        AgeGroup.Sixties => "60代",
        AgeGroup.SeventiesOrOlder => "70代以上",
        _ => age.ToString(),
    };

    public static string Of(Residence residence) => residence switch
    {
        Residence.InUeda => "上田市内",
        Residence.CommutesIn => "市外から通勤・通学",
        Residence.Other => "その他",
        _ => residence.ToString(),
    };
}
