using Markdig.Syntax;
using UedaPublicGoals.Kernel.Markdown;

namespace UedaPublicGoals.Feedback.DraftPlans;

/// <summary>A piece of a draft in reading order: a heading or a numbered paragraph.</summary>
public abstract record DraftBlock;

/// <summary># (level 1, a chapter), ## (level 2, a section) or a deeper heading, which only titles what follows.</summary>
public sealed record DraftHeading(int Level, int Chapter, int Section, string Text) : DraftBlock
{
    /// <summary>Element id of chapter and section headings (c2, c2-1); deeper headings have none.</summary>
    public string? Anchor => Level switch
    {
        1 => $"c{Chapter}",
        2 => $"c{Chapter}-{Section}",
        _ => null,
    };
}

/// <summary>A numbered paragraph: one top-level Markdown block (a paragraph, a list, a table, a quote…).</summary>
public sealed record DraftParagraph(ParagraphRef Ref, string Markdown) : DraftBlock;

/// <summary>
/// A draft's Markdown split into chapters, sections and numbered paragraphs. Each top-level block
/// that is not a heading is one paragraph (so a list is cited as one ¶, as in printed plans);
/// numbering restarts in every section.
/// </summary>
public sealed class DraftOutline
{
    private DraftOutline(IReadOnlyList<DraftBlock> blocks) => Blocks = blocks;

    public IReadOnlyList<DraftBlock> Blocks { get; }

    public IEnumerable<DraftParagraph> Paragraphs => Blocks.OfType<DraftParagraph>();

    public DraftParagraph? Find(ParagraphRef reference) => Paragraphs.FirstOrDefault(p => p.Ref == reference);

    public static DraftOutline Split(string markdown, MarkdownRenderer markdownRules)
    {
        var source = markdown.ReplaceLineEndings("\n");
        var blocks = new List<DraftBlock>();
        int chapter = 0, section = 0, number = 0;
        foreach (var block in markdownRules.Parse(source))
        {
            var text = source.Substring(block.Span.Start, block.Span.Length).Trim();
            switch (block)
            {
                case HeadingBlock { Level: 1 } heading:
                    (chapter, section, number) = (chapter + 1, 0, 0);
                    blocks.Add(new DraftHeading(1, chapter, section, HeadingText(heading, text)));
                    break;
                case HeadingBlock { Level: 2 } heading:
                    (section, number) = (section + 1, 0);
                    blocks.Add(new DraftHeading(2, chapter, section, HeadingText(heading, text)));
                    break;
                case HeadingBlock heading:
                    blocks.Add(new DraftHeading(heading.Level, chapter, section, HeadingText(heading, text)));
                    break;
                case ThematicBreakBlock or LinkReferenceDefinitionGroup or BlankLineBlock:
                    // Layout only: nothing anyone would cite.
                    break;
                default:
                    if (text.Length > 0)
                    {
                        blocks.Add(new DraftParagraph(new ParagraphRef(chapter, section, ++number), text));
                    }

                    break;
            }
        }

        return new DraftOutline(blocks);
    }

    /// <summary>The heading's words without the # marks (ATX) or the underline (setext).</summary>
    private static string HeadingText(HeadingBlock heading, string source)
    {
        if (heading.IsSetext)
        {
            return source.Split('\n')[0].Trim();
        }

        return source.TrimStart('#').TrimEnd().TrimEnd('#').Trim();
    }
}
