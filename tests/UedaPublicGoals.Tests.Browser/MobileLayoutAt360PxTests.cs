using Microsoft.Playwright;
using UedaPublicGoals.Tests.Browser.Infrastructure;

namespace UedaPublicGoals.Tests.Browser;

/// <summary>
/// A 360×740 phone screen: nothing scrolls sideways, body text is at least 16px, and every
/// link or control that stands on its own (navigation, breadcrumbs, cards, footer, the
/// skip link) is at least 44px tall so it can be tapped. Links inside running text
/// (paragraphs, prose lists, dd, td) are not held to the 44px height.
/// </summary>
[Collection(BrowserPortalCollection.Name)]
public sealed class MobileLayoutAt360PxTests(BrowserPortal portal)
{
    private const int Width = 360;
    private const int Height = 740;
    private const double MinimumTargetHeight = 44;

    public static TheoryData<string> Pages() =>
    [
        SitePages.Home,
        SitePages.Year,
        SitePages.Goal("sogo-keikaku"),
        SitePages.Goal("smart-city"),
        SitePages.Goal("gakuen-toshi"),
        SitePages.Goal("koho"),
        SitePages.FuriganaGoal("sogo-keikaku"),
        SitePages.FuriganaGoal("smart-city"),
        SitePages.Glossary,
        SitePages.About,
        SitePages.ApiGuide,
        SitePages.OpenData,
        SitePages.NotFound,
    ];

    public static TheoryData<string> GoalPages() => [.. SitePages.GoalSlugs.Select(SitePages.Goal)];

    // Links that stand alone: navigation (site nav, table of contents, footer nav), breadcrumbs,
    // goal cards, the footer; plus any form control. Those inside running text are skipped.
    private const string MeasureScript = """
        () => {
          const doc = document.documentElement;
          const describe = el => {
            const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '';
            const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
            return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls} "${text}"`;
          };
          const isVisible = el => {
            const r = el.getBoundingClientRect();
            const style = getComputedStyle(el);
            return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none'
              && !el.closest('[hidden], .visually-hidden');
          };
          const standAloneLinks = 'nav a, .breadcrumbs a, .card a, .site-footer a';
          const controls = 'button, summary, input:not([type=hidden]), select, textarea';
          const runningText = 'p, dd, td, .prose';

          const targets = [];
          for (const el of document.querySelectorAll(`${standAloneLinks}, ${controls}`)) {
            if (el.matches('.skip-link') || !isVisible(el)) continue;
            const container = el.closest('nav, .breadcrumbs, .card, .site-footer');
            const text = el.closest(runningText);
            if (text && (!container || container.contains(text))) continue;
            const r = el.getBoundingClientRect();
            targets.push({ element: describe(el), height: r.height });
          }

          const overflowing = [];
          if (doc.scrollWidth > window.innerWidth) {
            for (const el of document.body.querySelectorAll('*')) {
              const r = el.getBoundingClientRect();
              if (r.width > 0 && r.right > window.innerWidth + 0.5) {
                overflowing.push(`${describe(el)} right=${Math.round(r.right)}`);
                if (overflowing.length >= 8) break;
              }
            }
          }

          return {
            scrollWidth: doc.scrollWidth,
            innerWidth: window.innerWidth,
            bodyFontSize: parseFloat(getComputedStyle(document.body).fontSize),
            targets,
            overflowing,
          };
        }
        """;

    private const string FocusedScript = """
        () => {
          const el = document.activeElement;
          const r = el.getBoundingClientRect();
          return {
            isSkipLink: el.matches('a.skip-link'),
            text: (el.textContent || '').trim(),
            height: r.height,
            top: r.top,
            bottom: r.bottom,
            left: r.left,
            right: r.right,
          };
        }
        """;

    private const string TablesScript = """
        () => [...document.querySelectorAll('table.responsive-table')].map(table => {
          const head = table.tHead ? table.tHead.getBoundingClientRect() : null;
          const box = table.getBoundingClientRect();
          return {
            caption: table.caption ? table.caption.textContent.trim() : '',
            headWidth: head ? head.width : 0,
            headHeight: head ? head.height : 0,
            right: box.right,
            cells: [...table.querySelectorAll('tbody td')].map(td => ({
              label: td.dataset.label || '',
              display: getComputedStyle(td).display,
              before: getComputedStyle(td, '::before').content,
            })),
          };
        })
        """;

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_fits_a_360px_screen_with_16px_text_and_44px_tap_targets(string path)
    {
        await using var context = await portal.NewContextAsync(Width, Height);
        var page = await context.NewPageAsync();
        await page.OpenAsync(path);

        var layout = await page.EvaluateJsonAsync<Layout>(MeasureScript);

        Assert.True(
            layout.ScrollWidth <= layout.InnerWidth,
            $"{path} scrolls sideways at {Width}px: scrollWidth {layout.ScrollWidth} > innerWidth {layout.InnerWidth}. Wider than the screen: {string.Join("; ", layout.Overflowing)}");
        Assert.True(layout.BodyFontSize >= 16, $"{path}: body font-size is {layout.BodyFontSize}px, expected at least 16px.");

        Assert.NotEmpty(layout.Targets); // at least the site navigation and footer links
        var small = layout.Targets.Where(t => t.Height < MinimumTargetHeight - 0.01).ToList();
        Assert.True(
            small.Count == 0,
            $"{path}: {small.Count} of {layout.Targets.Count} stand-alone links/controls are lower than {MinimumTargetHeight}px:\n"
                + string.Join("\n", small.Select(t => $"  {t.Height:0.#}px {t.Element}")));

        // The skip link is off screen until focused; focused, it is on screen and tall enough.
        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateJsonAsync<FocusedElement>(FocusedScript);
        Assert.True(focused.IsSkipLink, $"{path}: the first Tab focused \"{focused.Text}\", not the skip link.");
        Assert.True(focused.Height >= MinimumTargetHeight - 0.01, $"{path}: the focused skip link is {focused.Height}px tall, expected at least {MinimumTargetHeight}px.");
        Assert.True(
            focused.Top >= 0 && focused.Left >= 0 && focused.Right <= Width && focused.Bottom <= Height,
            $"{path}: the focused skip link is not fully on screen (top {focused.Top}, left {focused.Left}, right {focused.Right}, bottom {focused.Bottom}).");
    }

    [Theory]
    [MemberData(nameof(GoalPages))]
    public async Task Responsive_tables_turn_into_stacked_cards_with_a_label_in_every_cell(string path)
    {
        await using var context = await portal.NewContextAsync(Width, Height);
        var page = await context.NewPageAsync();
        await page.OpenAsync(path);

        var tables = await page.EvaluateJsonAsync<TableLayout[]>(TablesScript);

        Assert.NotEmpty(tables);
        foreach (var table in tables)
        {
            Assert.True(
                table.HeadWidth <= 1 && table.HeadHeight <= 1,
                $"{path} \"{table.Caption}\": the header row shows ({table.HeadWidth}×{table.HeadHeight}px); on a phone it is hidden visually and each cell carries its label.");
            Assert.True(table.Right <= Width, $"{path} \"{table.Caption}\": the table reaches {table.Right}px, wider than the {Width}px screen.");
            Assert.NotEmpty(table.Cells);
            foreach (var cell in table.Cells)
            {
                Assert.False(string.IsNullOrEmpty(cell.Label), $"{path} \"{table.Caption}\": a cell has no data-label.");

                // Stacked: a block box. The site uses display:flow-root (a block box that also
                // contains the floated label), which getComputedStyle reports as "flow-root".
                Assert.True(
                    cell.Display is "block" or "flow-root",
                    $"{path} \"{table.Caption}\" [{cell.Label}]: td display is \"{cell.Display}\", expected a block box (block or flow-root).");
                Assert.True(
                    cell.Before.Contains(cell.Label, StringComparison.Ordinal),
                    $"{path} \"{table.Caption}\": td::before content is {cell.Before}, expected it to show \"{cell.Label}\".");
            }
        }
    }

    private sealed class Layout
    {
        public double ScrollWidth { get; set; }
        public double InnerWidth { get; set; }
        public double BodyFontSize { get; set; }
        public List<Target> Targets { get; set; } = [];
        public List<string> Overflowing { get; set; } = [];
    }

    private sealed class Target
    {
        public string Element { get; set; } = "";
        public double Height { get; set; }
    }

    private sealed class FocusedElement
    {
        public bool IsSkipLink { get; set; }
        public string Text { get; set; } = "";
        public double Height { get; set; }
        public double Top { get; set; }
        public double Bottom { get; set; }
        public double Left { get; set; }
        public double Right { get; set; }
    }

    private sealed class TableLayout
    {
        public string Caption { get; set; } = "";
        public double HeadWidth { get; set; }
        public double HeadHeight { get; set; }
        public double Right { get; set; }
        public List<Cell> Cells { get; set; } = [];
    }

    private sealed class Cell
    {
        public string Label { get; set; } = "";
        public string Display { get; set; } = "";
        public string Before { get; set; } = "";
    }
}
