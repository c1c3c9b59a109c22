using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.Surveys;

/// <summary>The survey tables of <see cref="Data.FeedbackDbContext"/>.</summary>
public static class SurveyModel
{
    public const int SlugMaximum = 80;
    public const int TitleMaximum = 200;
    public const int AudienceMaximum = 50;
    public const int DescriptionMaximum = 4000;
    public const int QuestionMaximum = 500;
    public const int ChoiceMaximum = 200;

    /// <summary>Comment.Text holds 2,000 characters: the free-text answer plus a short heading saying where it came from.</summary>
    public const int LongTextMaximum = 1800;
    public const int ShortTextMaximum = 200;

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Survey>(e =>
        {
            e.ToTable("FeedbackSurveys");
            e.Property(s => s.Slug).HasMaxLength(SlugMaximum).IsRequired();
            e.Property(s => s.Title).HasMaxLength(TitleMaximum).IsRequired();
            e.Property(s => s.AudienceLabel).HasMaxLength(AudienceMaximum).IsRequired();
            e.Property(s => s.Description).HasMaxLength(DescriptionMaximum).IsRequired();
            e.Property(s => s.State).HasConversion<int>();
            e.HasIndex(s => s.Slug).IsUnique();
            e.HasOne<Consultation>().WithMany().HasForeignKey(s => s.ConsultationId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SurveyQuestion>(e =>
        {
            e.ToTable("FeedbackSurveyQuestions");
            e.Property(q => q.Text).HasMaxLength(QuestionMaximum).IsRequired();
            e.Property(q => q.Kind).HasConversion<int>();
            e.HasIndex(q => new { q.SurveyId, q.Number }).IsUnique();
            e.HasMany(q => q.Choices).WithOne().HasForeignKey(c => c.QuestionId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SurveyChoice>(e =>
        {
            e.ToTable("FeedbackSurveyChoices");
            e.Property(c => c.Label).HasMaxLength(ChoiceMaximum).IsRequired();
            e.Property(c => c.AgeGroup).HasConversion<int?>();
            e.HasIndex(c => new { c.QuestionId, c.Number }).IsUnique();
        });

        modelBuilder.Entity<SurveyAnswerSet>(e =>
        {
            e.ToTable("FeedbackSurveyAnswerSets");
            e.Property(a => a.Channel).HasConversion<int>();
            e.Property(a => a.AgeGroup).HasConversion<int?>();
            e.Property(a => a.EnteredBy).HasMaxLength(256);
            e.Property(a => a.SubmissionId).HasMaxLength(64);
            e.Property(a => a.ClientHash).HasMaxLength(64);
            e.HasIndex(a => a.SubmissionId).IsUnique();
            e.HasIndex(a => new { a.SurveyId, a.ReceivedUtc });
            e.HasOne<Survey>().WithMany().HasForeignKey(a => a.SurveyId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(a => a.Answers).WithOne().HasForeignKey(a => a.AnswerSetId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SurveyAnswer>(e =>
        {
            e.ToTable("FeedbackSurveyAnswers");
            e.Property(a => a.Text).HasMaxLength(LongTextMaximum);
            e.HasIndex(a => new { a.QuestionId, a.ChoiceId });
            e.HasOne<SurveyQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<SurveyChoice>().WithMany().HasForeignKey(a => a.ChoiceId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
