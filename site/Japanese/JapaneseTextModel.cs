using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Japanese.Glossary;
using UedaPublicGoals.Japanese.Readings;
using UedaPublicGoals.Japanese.Search;

namespace UedaPublicGoals.Japanese;

/// <summary>The Japanese feature's tables: glossary, reading list, search synonyms.</summary>
public static class JapaneseTextModel
{
    public const int TermLength = 60;
    public const int DefinitionLength = 600;
    public const int ReadingLength = 120;

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<GlossaryTerm>(e =>
        {
            e.ToTable("GlossaryTerms");
            e.Property(t => t.Term).HasMaxLength(TermLength).IsRequired();
            e.Property(t => t.Definition).HasMaxLength(DefinitionLength).IsRequired();
            e.Property(t => t.UpdatedBy).HasMaxLength(256).IsRequired();
            e.HasIndex(t => t.Term).IsUnique();
        });

        modelBuilder.Entity<ReadingListEntry>(e =>
        {
            e.ToTable("ReadingList");
            e.Property(r => r.Word).HasMaxLength(TermLength).IsRequired();
            e.Property(r => r.Reading).HasMaxLength(ReadingLength).IsRequired();
            e.HasIndex(r => r.Word).IsUnique();
        });

        modelBuilder.Entity<SearchSynonym>(e =>
        {
            e.ToTable("SearchSynonyms");
            e.Property(s => s.Term).HasMaxLength(TermLength).IsRequired();
            e.Property(s => s.Replacement).HasMaxLength(TermLength).IsRequired();
            e.HasIndex(s => s.Term).IsUnique();
        });
    }
}
