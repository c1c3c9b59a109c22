namespace UedaPublicGoals.OpenData;

/// <summary>
/// The terms this portal states for reusing its data. The licence itself is the city's
/// decision; the portal only states these terms, in the API page, the open-data page and goals.json.
/// </summary>
public static class OpenDataLicence
{
    public const string Name = "クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）に準じた利用条件";

    public const string ShortName = "CC BY 4.0";

    public const string Url = "https://creativecommons.org/licenses/by/4.0/deed.ja";

    /// <summary>The credit line to show when the data is used as it is.</summary>
    public const string Attribution = "出典：上田市「上田市 重点目標ポータル」";

    /// <summary>The credit line when the data has been edited or combined.</summary>
    public const string AttributionWhenEdited = "上田市「上田市 重点目標ポータル」のデータを加工して作成";
}
