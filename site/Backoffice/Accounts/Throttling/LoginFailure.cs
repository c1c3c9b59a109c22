using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace UedaPublicGoals.Backoffice.Accounts.Throttling;

/// <summary>
/// One failed credential check (password, authenticator or recovery code, current password),
/// recorded twice: under the client's address key and under the account key. Keys are keyed
/// hashes, so the table holds no address or e-mail in clear. Kept in the database so every
/// node counts the same failures.
/// </summary>
public sealed class LoginFailure
{
    public long Id { get; set; }

    public string Key { get; set; } = "";

    public DateTime AtUtc { get; set; }
}

public sealed class LoginFailureConfiguration : IEntityTypeConfiguration<LoginFailure>
{
    public void Configure(EntityTypeBuilder<LoginFailure> e)
    {
        e.ToTable("LoginFailures");
        e.Property(f => f.Key).HasMaxLength(64).IsRequired();
        e.HasIndex(f => new { f.Key, f.AtUtc });
    }
}
