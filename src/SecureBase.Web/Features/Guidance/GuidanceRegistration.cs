using SecureBase.Guidance.Feeding;
using SecureBase.Storage.Guidance;

namespace SecureBase.Web.Features.Guidance;

/// <summary>The guidance services: rule book, desire decisions, sleep coach, today's guidance and the feed reminders.</summary>
public static class GuidanceRegistration
{
    public static IServiceCollection AddSecureBaseGuidance(this IServiceCollection services)
    {
        services.AddScoped<RuleBook>();
        services.AddScoped<DesireDecisions>();
        services.AddScoped<SleepCoach>();
        services.AddScoped<TodayGuidance>();
        services.AddSingleton(sp => new FeedReminderPlanner(sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<FeedReminderService>();
        return services;
    }
}
