using SecureBase.Insights;

namespace SecureBase.Web.Features.Insights;

internal static class InsightsRegistration
{
    public static IServiceCollection AddSecureBaseInsights(this IServiceCollection services)
    {
        services.AddOptions<InsightsWebOptions>().BindConfiguration(InsightsWebOptions.Section)
            .Validate(o => o.HistoryDays is >= 1 and <= 3660, "SecureBase:Insights:HistoryDays must be between 1 and 3660.")
            .Validate(o => o.MaxPeriodDays is >= 1 and <= 3660, "SecureBase:Insights:MaxPeriodDays must be between 1 and 3660.")
            .ValidateOnStart();
        // The default thresholds (docs/insights.md); the calculator is stateless apart from the clock.
        services.AddSingleton(sp => new InsightsCalculator(new InsightsOptions(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<InsightsService>();
        return services;
    }
}
