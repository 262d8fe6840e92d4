using System.Text.Json;
using System.Text.Json.Serialization;
using SecureBase.Alerts;
using SecureBase.Web.Features.Alerts;

namespace SecureBase.Web.Features.Monitor;

/// <summary>The live side of the app: nursery monitors, cry alerts and their hub.</summary>
public static class MonitoringRegistration
{
    public static IServiceCollection AddSecureBaseMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlertOptions>()
            .Bind(configuration.GetSection("SecureBase:Alerts"))
            .Validate(o => { o.Validate(); return true; })
            .ValidateOnStart();
        // Enums travel as the camelCase names alerts.js reads ("open", "fussing", "holdSoothe"), not as numbers.
        services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddSingleton<MonitorRegistry>();
        services.AddSingleton<AlertCenter>();
        services.AddScoped<SecureBase.Storage.Alerts.AlertStore>();
        services.AddSingleton<SecureBase.Web.Features.Rota.HouseholdRota>();
        services.AddScoped<CryEpisodeRecorder>();
        services.AddHostedService<AlertTicker>();
        services.AddSingleton<MonitorEventWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<MonitorEventWriter>());
        services.AddHostedService<MonitorSweeper>();
        services.AddHostedService<MonitorWarmUp>();
        return services;
    }

    public static WebApplication MapSecureBaseLive(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(15) });
        app.MapHub<AlertsHub>(AlertsHub.Path);
        app.MapDeviceApi();
        return app;
    }
}
