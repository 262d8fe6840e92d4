using Microsoft.EntityFrameworkCore;
using SecureBase.Care.Households;
using SecureBase.Storage.Access;

namespace SecureBase.Storage.Model;

internal static class AccessModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<ApiToken>(b =>
        {
            b.ToTable("ApiTokens");
            b.Property(t => t.Id).ValueGeneratedNever();
            b.Property(t => t.Name).HasMaxLength(200);
            b.Property(t => t.SecretHash).HasMaxLength(64);
            b.Property(t => t.Prefix).HasMaxLength(16);
            b.Property(t => t.UserId).HasMaxLength(450);
            b.HasOne<Household>().WithMany().HasForeignKey(t => t.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(t => t.HouseholdId);
            b.HasIndex(t => t.SecretHash).IsUnique();
        });
        builder.Entity<Invitation>(b =>
        {
            b.ToTable("Invitations");
            b.Property(i => i.Id).ValueGeneratedNever();
            b.Property(i => i.Name).HasMaxLength(200);
            b.Property(i => i.LinkHash).HasMaxLength(64);
            b.Property(i => i.CodeHash).HasMaxLength(64);
            b.Property(i => i.AcceptedByUserId).HasMaxLength(450);
            b.HasOne<Household>().WithMany().HasForeignKey(i => i.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(i => i.HouseholdId);
            b.HasIndex(i => i.LinkHash).IsUnique();
            b.HasIndex(i => i.CodeHash).IsUnique();
        });
    }
}
