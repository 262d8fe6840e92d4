using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using SecureBase.Web.Features.Alerts;

namespace SecureBase.Web.Tests.Guidance;

/// <summary>The alerts hub as the app sees it, recording what is sent to which users instead of sending it.</summary>
public sealed class RecordingHubContext : IHubContext<AlertsHub>
{
    public sealed record Sending(IReadOnlyList<string> Users, string Method, object?[] Args);

    private readonly ConcurrentQueue<Sending> _sent = new();

    public RecordingHubContext() => Clients = new RecordingClients(this);

    public IReadOnlyList<Sending> Sent => [.. _sent];

    public IHubClients Clients { get; }

    public IGroupManager Groups => throw new NotSupportedException("Groups are not used by SecureBase.");

    private sealed class RecordingClients(RecordingHubContext owner) : IHubClients
    {
        public IClientProxy All => Proxy(["*"]);
        public IClientProxy AllExcept(IReadOnlyList<string> excludedConnectionIds) => Proxy(["*"]);
        public IClientProxy Client(string connectionId) => Proxy([connectionId]);
        public IClientProxy Clients(IReadOnlyList<string> connectionIds) => Proxy(connectionIds);
        public IClientProxy Group(string groupName) => Proxy([groupName]);
        public IClientProxy GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => Proxy([groupName]);
        public IClientProxy Groups(IReadOnlyList<string> groupNames) => Proxy(groupNames);
        public IClientProxy User(string userId) => Proxy([userId]);
        public IClientProxy Users(IReadOnlyList<string> userIds) => Proxy(userIds);

        private Recorder Proxy(IReadOnlyList<string> users) => new(owner, users);
    }

    private sealed class Recorder(RecordingHubContext owner, IReadOnlyList<string> users) : IClientProxy
    {
        public Task SendCoreAsync(string method, object?[] args, CancellationToken cancellationToken = default)
        {
            owner._sent.Enqueue(new Sending([.. users], method, args));
            return Task.CompletedTask;
        }
    }
}
