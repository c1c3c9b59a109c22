using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Tests.Integration.Backoffice.Admin;
using UedaPublicGoals.Tests.Integration.Infrastructure;
using static UedaPublicGoals.Tests.Integration.Japanese.JapanesePortal;

namespace UedaPublicGoals.Tests.Integration.Japanese;

/// <summary>用語集: the seeded terms, /yogo/, markup of the first occurrence only, and the backoffice list.</summary>
public sealed class GlossaryTests(AdminPortal portal) : IClassFixture<AdminPortal>
{
    private static readonly string[] SeededTerms = ["SDGs", "DX", "EBPM", "PDCA", "ICT", "KPI", "定住自立圏", "スマートシティ", "オープンデータ"];

    [Fact]
    public async Task The_glossary_page_lists_every_seeded_term_with_an_anchor_and_a_definition()
    {
        var page = await PageAsync(CookielessClient(portal), "/yogo/");

        var terms = page.QuerySelectorAll("dl.glossary dt dfn").Select(d => d.TextContent).ToList();
        Assert.Equal(SeededTerms.Order(StringComparer.Ordinal), terms);
        Assert.All(page.QuerySelectorAll(".glossary__entry"), e =>
        {
            Assert.Matches("^yogo-[0-9]+$", e.Id);
            Assert.True(e.QuerySelector("dd")!.TextContent.Length > 20);
        });
        Assert.NotNull(page.QuerySelector("footer a[href='/yogo/']"));
        Assert.Empty(page.QuerySelectorAll("main a.glossary-term"));
    }

    [Fact]
    public async Task Each_term_is_marked_once_at_its_first_occurrence_never_inside_links_controls_or_headings()
    {
        var client = CookielessClient(portal);
        var glossary = await PageAsync(client, "/yogo/");
        var anchors = glossary.QuerySelectorAll(".glossary__entry").ToDictionary(e => e.QuerySelector("dfn")!.TextContent, e => e.Id);

        foreach (var slug in GoalSlugs)
        {
            var html = await client.GetStringAsync(GoalPath(slug));
            var page = HtmlText.Parse(html);
            var marks = page.QuerySelectorAll("a.glossary-term").ToList();
            Assert.All(marks, m =>
            {
                Assert.NotNull(m.Closest("main"));
                Assert.Null(m.ParentElement!.Closest("a"));
                Assert.Null(m.Closest("h1, h2, h3, h4, h5, h6"));
                Assert.Null(m.ParentElement!.Closest("button, summary, label")); // no interactive control inside another
                Assert.Equal($"/yogo/#{anchors[m.TextContent]}", m.GetAttribute("href"));
            });
            Assert.Equal(marks.Count, marks.Select(m => m.TextContent).Distinct().Count());

            // The mark is the first occurrence outside links and headings.
            foreach (var mark in marks)
            {
                var before = TextBefore(page.QuerySelector("main")!, mark);
                Assert.DoesNotContain(mark.TextContent, before);
            }
        }

        var sogo = HtmlText.Parse(await client.GetStringAsync(GoalPath("sogo-keikaku")));
        Assert.Equal(["EBPM", "PDCA", "SDGs", "オープンデータ", "定住自立圏"], sogo.QuerySelectorAll("a.glossary-term").Select(a => a.TextContent).Order(StringComparer.Ordinal));
        Assert.True(sogo.QuerySelector("main")!.TextContent.Split("SDGs").Length > 3, "SDGs occurs several times on the page");
    }

    [Theory]
    [InlineData("", "説明", "Term", "用語を入力してください")]
    [InlineData("  ", "説明", "Term", "用語を入力してください")]
    [InlineData("DX", "別の説明", "Term", "「DX」はすでに用語集にあります")]
    [InlineData("協働", "", "Definition", "説明を入力してください")]
    public async Task An_empty_or_duplicated_term_is_refused_next_to_its_field_keeping_what_was_typed(string term, string definition, string field, string message)
    {
        var before = await portal.QueryAsync(db => db.GlossaryTerms.CountAsync());
        var staff = await portal.SessionAsync(BackofficeRoles.PublicRelations);

        var response = await staff.PostFormAsync("/backoffice/glossary/new", "/backoffice/glossary/new", new() { ["Term"] = term, ["Definition"] = definition, ["Publish"] = "true" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlText.Parse(await response.Content.ReadAsStringAsync());
        var input = page.QuerySelector($"[name='{field}']")!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains(message, page.GetElementById($"{field}-error")!.TextContent);
        Assert.Equal(term, page.QuerySelector("input[name=Term]")!.GetAttribute("value"));
        Assert.Equal(definition, page.QuerySelector("textarea[name=Definition]")!.TextContent.Trim('\n'));
        Assert.Equal(before, await portal.QueryAsync(db => db.GlossaryTerms.CountAsync()));
    }

    [Fact]
    public async Task A_published_term_is_marked_on_the_pages_at_once_and_an_unpublished_one_is_not()
    {
        var client = CookielessClient(portal);
        var path = GoalPath("gakuen-toshi");
        Assert.DoesNotContain("学園都市", (await PageAsync(client, path)).QuerySelectorAll("a.glossary-term").Select(a => a.TextContent));

        var staff = await portal.SessionAsync(BackofficeRoles.PublicRelations);
        var saved = await staff.PostFormAsync("/backoffice/glossary/new", "/backoffice/glossary/new", new() { ["Term"] = "学園都市", ["Definition"] = "大学などの学校を中心にして、学びと研究を生かしたまちづくりを進める都市のことです。", ["Publish"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = await portal.QueryAsync(db => db.GlossaryTerms.Where(t => t.Term == "学園都市").Select(t => t.Id).SingleAsync());

        Assert.DoesNotContain("学園都市", (await PageAsync(client, path)).QuerySelectorAll("a.glossary-term").Select(a => a.TextContent));
        Assert.DoesNotContain("学園都市", (await PageAsync(client, "/yogo/")).QuerySelectorAll("dfn").Select(d => d.TextContent));

        var published = await staff.PostFormAsync($"/backoffice/glossary/{id}", $"/backoffice/glossary/{id}", new() { ["Term"] = "学園都市", ["Definition"] = "大学などの学校を中心にして、学びと研究を生かしたまちづくりを進める都市のことです。", ["Publish"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var mark = Assert.Single((await PageAsync(client, path)).QuerySelectorAll("a.glossary-term"), a => a.TextContent == "学園都市");
        Assert.Equal($"/yogo/#yogo-{id}", mark.GetAttribute("href"));
        Assert.Contains("学園都市", (await PageAsync(client, "/yogo/")).QuerySelectorAll("dfn").Select(d => d.TextContent));

        await staff.PostFormAsync("/backoffice/glossary", $"/backoffice/glossary/{id}/delete", []);
        Assert.DoesNotContain("学園都市", (await PageAsync(client, path)).QuerySelectorAll("a.glossary-term").Select(a => a.TextContent));
    }

    private static string TextBefore(IElement root, IElement mark)
    {
        var text = new System.Text.StringBuilder();
        foreach (var node in root.GetDescendants())
        {
            if (node == mark)
            {
                break;
            }

            if (node is IText t && t.ParentElement!.Closest("a, button, summary, label, h1, h2, h3, h4, h5, h6") is null)
            {
                text.Append(t.Data);
            }
        }

        return text.ToString();
    }
}
