using Microsoft.EntityFrameworkCore;
using SecureBase.Care.Households;

namespace SecureBase.Storage.Model;

internal static class HouseholdModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Household>(b =>
        {
            b.ToTable("Households");
            b.Property(h => h.Id).ValueGeneratedNever();
            b.Property(h => h.Name).HasMaxLength(200);
            b.Property(h => h.TimeZone).HasMaxLength(64);
        });
        builder.Entity<Caregiver>(b =>
        {
            b.ToTable("Caregivers");
            b.Property(c => c.Id).ValueGeneratedNever();
            b.Property(c => c.Name).HasMaxLength(200);
            b.Property(c => c.UserId).HasMaxLength(450);
            b.HasOne<Household>().WithMany().HasForeignKey(c => c.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(c => c.HouseholdId);
            // Membership checks look a user up in a household on every request.
            b.HasIndex(c => new { c.HouseholdId, c.UserId });
            b.HasIndex(c => c.UserId);
        });
        builder.Entity<Child>(b =>
        {
            b.ToTable("Children");
            b.Property(c => c.Id).ValueGeneratedNever();
            b.Property(c => c.Name).HasMaxLength(200);
            b.Property(c => c.Pronoun).HasMaxLength(16);
            b.HasOne<Household>().WithMany().HasForeignKey(c => c.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(c => c.HouseholdId);
        });
    }
}
