using Microsoft.EntityFrameworkCore;
using SecureBase.Care.Households;
using SecureBase.Storage.Guidance;

namespace SecureBase.Storage.Model;

/// <summary>Rules, desire decisions and sleep training. Votes, agreements and night events are read and written with their owner: one JSON column each.</summary>
internal static class GuidanceModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<RuleRecord>(b =>
        {
            b.ToTable("HouseholdRules");
            b.Property(r => r.Id).ValueGeneratedNever();
            b.Property(r => r.Text).HasMaxLength(500);
            b.ComplexCollection(r => r.Agreements, c => c.ToJson());
            b.HasOne<Household>().WithMany().HasForeignKey(r => r.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(r => r.HouseholdId);
        });
        builder.Entity<DesireDecisionRecord>(b =>
        {
            b.ToTable("DesireDecisions");
            b.Property(d => d.Id).ValueGeneratedNever();
            b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
            b.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(32);
            b.Property(d => d.Description).HasMaxLength(500);
            b.ComplexCollection(d => d.Votes, c => c.ToJson());
            b.HasOne<Household>().WithMany().HasForeignKey(d => d.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<Child>().WithMany().HasForeignKey(d => d.ChildId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(d => new { d.HouseholdId, d.OpenedAt });
        });
        builder.Entity<SleepPlanRecord>(b =>
        {
            b.ToTable("SleepTrainingPlans");
            b.Property(p => p.Id).ValueGeneratedNever();
            b.Property(p => p.Schedule).HasMaxLength(2000);
            b.HasOne<Household>().WithMany().HasForeignKey(p => p.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<Child>().WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(p => new { p.HouseholdId, p.ChildId });
        });
        builder.Entity<SleepNightRecord>(b =>
        {
            b.ToTable("SleepTrainingNights");
            b.Property(n => n.Id).ValueGeneratedNever();
            b.ComplexCollection(n => n.Events, c =>
            {
                c.ToJson();
                // By name, like every enum the database holds.
                c.Property(e => e.Kind).HasConversion<string>();
            });
            b.HasOne<Household>().WithMany().HasForeignKey(n => n.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<SleepPlanRecord>().WithMany().HasForeignKey(n => n.PlanId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(n => new { n.HouseholdId, n.PlanId, n.NightNumber }).IsUnique();
        });
    }
}
