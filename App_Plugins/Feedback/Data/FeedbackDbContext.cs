using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.DraftPlans;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.ResultNotice;
using UedaPublicGoals.Feedback.Routing;
using UedaPublicGoals.Feedback.Surveys;

namespace UedaPublicGoals.Feedback.Data;

/// <summary>
/// The feedback module's tables, in the portal's database but with their own migrations
/// and history table, so the module can be added to or removed from a site on its own.
/// One subclass per provider keeps each provider's migrations separate.
/// </summary>
public abstract class FeedbackDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__FeedbackMigrationsHistory";

    public DbSet<Consultation> Consultations => Set<Consultation>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<CommentNote> CommentNotes => Set<CommentNote>();
    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();
    public DbSet<SpentChallenge> SpentChallenges => Set<SpentChallenge>();
    public DbSet<SubmissionToken> SubmissionTokens => Set<SubmissionToken>();
    public DbSet<RejectionCounter> RejectionCounters => Set<RejectionCounter>();
    public DbSet<ReceiptCounter> ReceiptCounters => Set<ReceiptCounter>();
    public DbSet<StatusLookupFailure> StatusLookupFailures => Set<StatusLookupFailure>();
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<SurveyQuestion> SurveyQuestions => Set<SurveyQuestion>();
    public DbSet<SurveyChoice> SurveyChoices => Set<SurveyChoice>();
    public DbSet<SurveyAnswerSet> SurveyAnswerSets => Set<SurveyAnswerSet>();
    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();
    public DbSet<DraftPlan> DraftPlans => Set<DraftPlan>();
    public DbSet<DraftPlanVersion> DraftPlanVersions => Set<DraftPlanVersion>();
    public DbSet<ResultNoticeSettings> ResultNoticeSettings => Set<ResultNoticeSettings>();
    public DbSet<ResultNoticeVersion> ResultNoticeVersions => Set<ResultNoticeVersion>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Consultation>(e =>
        {
            e.ToTable("FeedbackConsultations");
            e.Property(c => c.Slug).HasMaxLength(80).IsRequired();
            e.Property(c => c.Title).HasMaxLength(200).IsRequired();
            e.Property(c => c.Description).HasMaxLength(8000).IsRequired();
            e.Property(c => c.Notification).HasConversion<int>();
            e.HasIndex(c => c.Slug).IsUnique();
        });

        modelBuilder.Entity<Comment>(e =>
        {
            e.ToTable("FeedbackComments");
            e.Property(c => c.ReceiptNumber).HasMaxLength(20).IsRequired();
            e.Property(c => c.Text).HasMaxLength(2000).IsRequired();
            e.Property(c => c.Channel).HasConversion<int>();
            e.Property(c => c.Status).HasConversion<int>();
            e.Property(c => c.AgeGroup).HasConversion<int?>();
            e.Property(c => c.Residence).HasConversion<int?>();
            e.Property(c => c.Field).HasMaxLength(100);
            e.Property(c => c.DepartmentSlug).HasMaxLength(80);
            e.Property(c => c.GoalTitle).HasMaxLength(Comment.GoalTitleMaxLength);
            e.Property(c => c.InitiativeTitle).HasMaxLength(Comment.GoalTitleMaxLength);
            e.Property(c => c.Nickname).HasMaxLength(50);
            e.Property(c => c.ReplyEmailProtected).HasMaxLength(2000);
            e.Property(c => c.ClientHash).HasMaxLength(64);
            e.Property(c => c.CheckCodeHash).HasMaxLength(64);
            e.Property(c => c.EnteredBy).HasMaxLength(256);
            e.Property(c => c.HiddenReason).HasMaxLength(500);
            e.Property(c => c.AssigneeEmail).HasMaxLength(256);
            e.Property(c => c.CityResponse).HasMaxLength(4000);
            e.Property(c => c.ConcurrencyStamp).IsConcurrencyToken();
            e.HasIndex(c => c.ReceiptNumber).IsUnique();
            e.HasIndex(c => new { c.ConsultationId, c.Status, c.ReceivedUtc });
            e.HasIndex(c => c.ReceivedUtc);

            // The per-client allowance counts a client's recent comments on every node.
            e.HasIndex(c => new { c.ClientHash, c.ReceivedUtc });
            e.HasOne<Consultation>().WithMany().HasForeignKey(c => c.ConsultationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<RoutingRule>().WithMany().HasForeignKey(c => c.RoutingRuleId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(c => c.Notes).WithOne().HasForeignKey(n => n.CommentId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<SurveyAnswerSet>().WithMany().HasForeignKey(c => c.SurveyAnswerSetId).OnDelete(DeleteBehavior.Restrict);
            e.Property(c => c.ParagraphRef).HasMaxLength(ParagraphRef.KeyMaxLength);
            e.HasOne(c => c.DraftVersion).WithMany().HasForeignKey(c => c.DraftVersionId).OnDelete(DeleteBehavior.Restrict);

            // Per-paragraph counts on the draft page and the inbox's paragraph filter.
            e.HasIndex(c => new { c.DraftVersionId, c.ParagraphRef });
        });

        modelBuilder.Entity<DraftPlan>(e =>
        {
            e.ToTable("FeedbackDraftPlans");
            e.Property(d => d.Slug).HasMaxLength(80).IsRequired();
            e.HasIndex(d => d.Slug).IsUnique();
            e.HasOne<Consultation>().WithMany().HasForeignKey(d => d.ConsultationId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DraftPlanId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<DraftPlanVersion>(e =>
        {
            e.ToTable("FeedbackDraftPlanVersions");
            e.Property(v => v.Title).HasMaxLength(DraftPlanVersion.TitleMaxLength).IsRequired();
            e.Property(v => v.Body).HasMaxLength(DraftPlanVersion.BodyMaxLength).IsRequired();
            e.Property(v => v.EditedBy).HasMaxLength(256).IsRequired();
            e.HasIndex(v => new { v.DraftPlanId, v.Number }).IsUnique();
        });

        modelBuilder.Entity<CommentNote>(e =>
        {
            e.ToTable("FeedbackCommentNotes");
            e.Property(n => n.Author).HasMaxLength(256).IsRequired();
            e.Property(n => n.Text).HasMaxLength(2000).IsRequired();
        });

        modelBuilder.Entity<RoutingRule>(e =>
        {
            e.ToTable("FeedbackRoutingRules");
            e.Property(r => r.Name).HasMaxLength(200).IsRequired();
            e.Property(r => r.DepartmentSlug).HasMaxLength(80);
            e.Property(r => r.Field).HasMaxLength(100);
            e.Property(r => r.Keyword).HasMaxLength(100);
            e.HasIndex(r => r.Order);
            e.HasOne<Consultation>().WithMany().HasForeignKey(r => r.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SpentChallenge>(e =>
        {
            e.ToTable("FeedbackSpentChallenges");
            e.HasKey(c => c.ChallengeId);
            e.Property(c => c.ChallengeId).HasMaxLength(64);
            e.HasIndex(c => c.ExpiresUtc);
        });

        modelBuilder.Entity<SubmissionToken>(e =>
        {
            e.ToTable("FeedbackSubmissionTokens");
            e.HasKey(t => t.Token);
            e.Property(t => t.Token).HasMaxLength(64);
            e.HasIndex(t => t.CreatedUtc);
        });

        modelBuilder.Entity<RejectionCounter>(e =>
        {
            e.ToTable("FeedbackRejectionCounters");
            e.HasKey(r => r.MinuteUtc);
        });

        modelBuilder.Entity<ReceiptCounter>(e =>
        {
            e.ToTable("FeedbackReceiptCounters");
            e.HasKey(r => r.FiscalYear);
            e.Property(r => r.FiscalYear).ValueGeneratedNever();
        });

        modelBuilder.Entity<StatusLookupFailure>(e =>
        {
            e.ToTable("FeedbackStatusLookupFailures");
            e.HasKey(f => new { f.ReceiptNumber, f.MinuteUtc });
            e.Property(f => f.ReceiptNumber).HasMaxLength(20);
            e.HasIndex(f => f.MinuteUtc);
        });

        SurveyModel.Configure(modelBuilder);
        ResultNoticeModel.Configure(modelBuilder);
    }
}

public sealed class SqliteFeedbackDbContext(DbContextOptions<SqliteFeedbackDbContext> options) : FeedbackDbContext(options);

public sealed class PostgresFeedbackDbContext(DbContextOptions<PostgresFeedbackDbContext> options) : FeedbackDbContext(options);
