using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.ResultNotice;

/// <summary>
/// What staff write for a consultation's 結果公示 besides the opinions themselves: the categories
/// they sort opinions into, the date the draft was published and what changed in it. One row per
/// consultation, created on first save.
/// </summary>
public sealed class ResultNoticeSettings
{
    public const int CategoryMaxLength = 100;
    public const int ChangesMaxLength = 20000;

    public int ConsultationId { get; set; }

    /// <summary>分類 staff choose from on each opinion, in the order the notice lists them.</summary>
    public List<string> Categories { get; set; } = [];

    /// <summary>案の公表日: the day the draft the opinions were asked on was published.</summary>
    public DateOnly? DraftPublishedOn { get; set; }

    /// <summary>案からの主な変更点, Markdown (rendered without raw HTML).</summary>
    public string ChangesFromDraft { get; set; } = "";

    public DateTime UpdatedUtc { get; set; }
}

/// <summary>
/// One published 結果公示: the whole notice frozen as JSON at the moment staff published it, so the
/// public page keeps saying what was published even when comments change later. Publishing again
/// adds the next number; earlier versions stay readable.
/// </summary>
public sealed class ResultNoticeVersion
{
    public long Id { get; set; }

    public int ConsultationId { get; set; }

    /// <summary>第N版, from 1 per consultation.</summary>
    public int Number { get; set; }

    public DateTime PublishedUtc { get; set; }

    public string PublishedBy { get; set; } = "";

    /// <summary>The <see cref="NoticeDocument"/> as JSON.</summary>
    public string DocumentJson { get; set; } = "";
}

/// <summary>The notice's tables and the opinion columns it adds to comments, in the module's context.</summary>
public static class ResultNoticeModel
{
    public const int GistMaxLength = 1000;

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Comment>(e =>
        {
            e.Property(c => c.OpinionCategory).HasMaxLength(ResultNoticeSettings.CategoryMaxLength);
            e.Property(c => c.Uptake).HasConversion<int?>();
            e.Property(c => c.Gist).HasMaxLength(GistMaxLength);
        });

        modelBuilder.Entity<ResultNoticeSettings>(e =>
        {
            e.ToTable("FeedbackResultNoticeSettings");
            e.HasKey(s => s.ConsultationId);
            e.Property(s => s.ConsultationId).ValueGeneratedNever();
            e.Property(s => s.ChangesFromDraft).HasMaxLength(ResultNoticeSettings.ChangesMaxLength).IsRequired();
            e.HasOne<Consultation>().WithOne().HasForeignKey<ResultNoticeSettings>(s => s.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ResultNoticeVersion>(e =>
        {
            e.ToTable("FeedbackResultNoticeVersions");
            e.Property(v => v.PublishedBy).HasMaxLength(256).IsRequired();
            e.Property(v => v.DocumentJson).IsRequired();
            // Two officers publishing at once cannot both become 第N版.
            e.HasIndex(v => new { v.ConsultationId, v.Number }).IsUnique();
            e.HasOne<Consultation>().WithMany().HasForeignKey(v => v.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
