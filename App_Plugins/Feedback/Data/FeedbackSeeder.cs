using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Routing;

namespace UedaPublicGoals.Feedback.Data;

/// <summary>
/// Seeds the consultation the sheets plan for (goal 1 ①(3): 市民アンケート調査等市民意見聴取 for the
/// 第三次上田市総合計画) and its routing rule, once. Idempotent: existing rows are left alone.
/// </summary>
public sealed class FeedbackSeeder(FeedbackDbContext db, TimeProvider clock)
{
    public const string ComprehensivePlanSlug = "dai3ji-sogo-keikaku";

    /// <summary>
    /// 分野 taken from the plan areas the seed sheets name (第二次上田市総合計画's 編 as cited in the
    /// 総合計画における位置付け cells), plus 全体・その他 for comments that fit none.
    /// </summary>
    public static readonly IReadOnlyList<string> ComprehensivePlanFields =
    [
        "市民が主役のまちづくり（自治・協働・行政）",
        "生涯を通じて学び豊かな心を育むまちづくり（教育・大学・文化）",
        "スマートシティ・DX",
        "SDGs・環境",
        "土地利用・都市づくり",
        "情報発信・広報",
        "全体・その他",
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.Consultations.AnyAsync(ct))
        {
            return;
        }

        var consultation = new Consultation
        {
            Slug = ComprehensivePlanSlug,
            Title = "第三次上田市総合計画への意見",
            Description =
                "上田市は、令和8年度から始まる「第三次上田市総合計画」をつくっています。" +
                "計画づくりでは、若い世代を中心に幅広い世代から意見を聞くことにしています（郵送・WEBアンケート・ワークショップ、分野別の意見聴取、公共施設の自由意見コーナーなど）。\n\n" +
                "このページは、その意見をWEBで受け付ける窓口です。各部局の重点目標を読んで思ったこと、これからの上田市に望むことを、気軽に送ってください。" +
                "いただいた意見は総合計画の担当が読み、計画を話し合う「総合計画審議会」の資料にします。" +
                "一部の意見は、市の考え方と合わせて「寄せられた意見と市の考え方」として公開することがあります（名前やメールアドレスは公開しません）。",
            Fields = [.. ComprehensivePlanFields],
            OpensUtc = clock.GetUtcNow().UtcDateTime.Date,
            ClosesUtc = null,
            StaffEmails = [],
            Notification = NotificationMode.PerComment,
            IsPublic = true,
            IsDefault = true,
        };
        db.Consultations.Add(consultation);
        await db.SaveChangesAsync(ct);

        db.RoutingRules.Add(new RoutingRule
        {
            Order = 1,
            Name = "政策企画部の重点目標への意見は総合計画の意見聴取へ",
            DepartmentSlug = "seisaku-kikaku",
            ConsultationId = consultation.Id,
        });
        await db.SaveChangesAsync(ct);
    }
}
