namespace UedaPublicGoals.Feedback.ResultNotice;

/// <summary>How an opinion was taken into the plan, as the 結果公示 states it for each opinion.</summary>
public enum OpinionUptake
{
    /// <summary>反映</summary>
    Reflected = 0,
    /// <summary>一部反映</summary>
    PartlyReflected = 1,
    /// <summary>原案どおり</summary>
    AsDrafted = 2,
    /// <summary>参考</summary>
    ForReference = 3,
}

public static class OpinionUptakeLabels
{
    public static string Of(OpinionUptake uptake) => uptake switch
    {
        OpinionUptake.Reflected => "反映",
        OpinionUptake.PartlyReflected => "一部反映",
        OpinionUptake.AsDrafted => "原案どおり",
        OpinionUptake.ForReference => "参考",
        _ => uptake.ToString(),
    };

    /// <summary>What each word means, for staff choosing it and residents reading the notice.</summary>
    public static string Explain(OpinionUptake uptake) => uptake switch
    {
        OpinionUptake.Reflected => "意見を受けて案を修正しました",
        OpinionUptake.PartlyReflected => "意見の一部を受けて案を修正しました",
        OpinionUptake.AsDrafted => "案のとおりとし、修正していません",
        OpinionUptake.ForReference => "今後の取組の参考にします",
        _ => "",
    };
}
