using Microsoft.EntityFrameworkCore;
using SecureBase.Care.Households;
using SecureBase.Storage.Alerts;

namespace SecureBase.Storage.Model;

/// <summary>The on-duty rota, quiet hours, and the alerts with their timelines.</summary>
internal static class AlertsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<RotaShiftRecord>(b =>
        {
            b.ToTable("RotaShifts");
            b.Property(r => r.Id).ValueGeneratedNever();
            b.HasOne<Household>().WithMany().HasForeignKey(r => r.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<Caregiver>().WithMany().HasForeignKey(r => r.CaregiverId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(r => r.HouseholdId);
        });
        builder.Entity<QuietHoursRecord>(b =>
        {
            b.ToTable("QuietHours");
            b.Property(q => q.Id).ValueGeneratedNever();
            b.HasOne<Household>().WithMany().HasForeignKey(q => q.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<Caregiver>().WithMany().HasForeignKey(q => q.CaregiverId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(q => q.HouseholdId);
        });
        builder.Entity<AlertRecord>(b =>
        {
            b.ToTable("Alerts");
            b.Property(a => a.Id).ValueGeneratedNever();
            b.Property(a => a.Status).HasConversion<string>().HasMaxLength(32);
            b.HasOne<Household>().WithMany().HasForeignKey(a => a.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            // Unresolved alerts are looked up on every start.
            b.HasIndex(a => new { a.Status, a.Onset });
            b.HasIndex(a => a.HouseholdId);
        });
        builder.Entity<AlertEventRecord>(b =>
        {
            b.ToTable("AlertEvents");
            b.HasKey(e => new { e.AlertId, e.Sequence });
            b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
            b.Property(e => e.Detail).HasMaxLength(200);
            b.HasOne<AlertRecord>().WithMany().HasForeignKey(e => e.AlertId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(e => e.HouseholdId);
        });
    }
}
