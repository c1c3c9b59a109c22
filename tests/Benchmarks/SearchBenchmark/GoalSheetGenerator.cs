using System.Text;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Public;
using UedaPublicGoals.Search.Indexing;

namespace UedaPublicGoals.Benchmarks.Search;

/// <summary>
/// Synthetic goal sheets shaped like the real ones: a goal with several 取組項目, some with a
/// progress report, spread over departments and fiscal years, every text made of seed phrases.
/// </summary>
public sealed class GoalSheetGenerator(SeedVocabulary vocabulary, Random random)
{
    private static readonly string[] Departments =
    [
        "政策企画部", "総務部", "財政部", "市民まちづくり推進部", "健康こども未来部", "福祉部",
        "商工観光部", "農林部", "都市建設部", "上下水道局", "消防本部", "教育委員会",
    ];

    private static readonly string[] Periods = ["通年", "年度内", "年度末", "4月～8月", "6月～3月", "3月"];

    public List<SearchSourceItem> Generate(int documentCount)
    {
        var items = new List<SearchSourceItem>();
        var produced = 0;
        for (var sheet = 0; produced < documentCount; sheet++)
        {
            var department = sheet % Departments.Length;
            var year = 2019 + sheet / Departments.Length % 8;
            var slug = $"goal-{sheet:00000}";
            var key = $"bench:{sheet}";
            var url = $"/bu-{department:00}/r{year - 2018}/{slug}/";
            var title = Title();
            var documents = new List<SearchDocument>
            {
                Document(key, "goal", SearchResultTypes.Goal, title, Sentences(random.Next(8, 20)), url, $"重点目標（優先順位 {sheet % 5 + 1}位）", [Departments[department], JapaneseFiscalYear.Label(year)], department, year, sheet * 100),
            };
            var initiatives = random.Next(2, 7);
            for (var n = 1; n <= initiatives && produced + documents.Count < documentCount; n++)
            {
                var measures = string.Join("\n", Enumerable.Range(1, random.Next(1, 5)).Select(m => $"({m}) {Phrase()} {Periods[random.Next(Periods.Length)]} {Phrase()}{Phrase()}"));
                documents.Add(Document(key, $"initiative-{n}", SearchResultTypes.Initiative, Title(), measures, $"{url}#initiative-{n}", $"取組項目 {Numbering.Circled(n)}", [Departments[department], JapaneseFiscalYear.Label(year), title], department, year, sheet * 100 + n * 10));
                if (random.Next(4) == 0 && produced + documents.Count < documentCount)
                {
                    documents.Add(Document(key, $"initiative-{n}-midterm", SearchResultTypes.Report, $"{Title()}（中間報告）", "順調\n" + Sentences(random.Next(2, 6)), $"{url}#initiative-{n}-midterm", $"中間報告 {Numbering.Circled(n)}", [Departments[department], JapaneseFiscalYear.Label(year), title], department, year, sheet * 100 + n * 10 + 1));
                }
            }

            produced += documents.Count;
            items.Add(new SearchSourceItem(key, "1", documents));
        }

        return items;
    }

    private string Phrase() => vocabulary.Phrases[random.Next(vocabulary.Phrases.Count)];

    private string Title() => random.Next(3) == 0 ? vocabulary.Titles[random.Next(vocabulary.Titles.Count)] : Phrase() + "の" + Phrase();

    private string Sentences(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(Phrase()).Append('、').Append(Phrase()).Append(random.Next(2) == 0 ? "を推進する。" : "に取り組む必要がある。");
            if (random.Next(5) == 0)
            {
                text.Append('\n');
            }
        }

        return text.ToString();
    }

    private static SearchDocument Document(string key, string id, string type, string title, string body, string url, string label, IReadOnlyList<string> breadcrumb, int department, int year, int order) => new()
    {
        Id = $"{key}#{id}",
        Type = type,
        Title = title,
        Body = body,
        Url = url,
        Label = label,
        Breadcrumb = breadcrumb,
        Department = $"bu-{department:00}",
        Year = year,
        Order = order,
        UpdatedUtc = new DateTime(year, 4, 1, 0, 0, 0, DateTimeKind.Utc),
    };
}
