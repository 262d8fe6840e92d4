namespace SecureBase.Cli.Tests.Audio;

/// <summary>
/// The remote options of <c>listen</c> (the streaming itself is tested against a real server in
/// SecureBase.Web.Tests/Live/ListenCommandTests): they are offered, and a missing token or unreachable server fails
/// with a reason instead of silently listening locally.
/// </summary>
public sealed class MonitorListenTests
{
    [Fact]
    public async Task Listen_offers_the_server_options()
    {
        var (exitCode, output, _) = await CliRunner.Run("listen", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("--server", output, StringComparison.Ordinal);
        Assert.Contains("--token", output, StringComparison.Ordinal);
        Assert.Contains("--child", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_without_a_token_is_refused_with_a_reason()
    {
        var saved = Environment.GetEnvironmentVariable("SECUREBASE_TOKEN");
        Environment.SetEnvironmentVariable("SECUREBASE_TOKEN", null);
        try
        {
            var (exitCode, output, error) = await CliRunner.Run("listen", "--server", "http://127.0.0.1:9/");

            Assert.Equal(2, exitCode);
            Assert.Contains("--token", error, StringComparison.Ordinal);
            Assert.Equal("", output);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SECUREBASE_TOKEN", saved);
        }
    }

    [Fact]
    public async Task An_unreachable_server_fails_with_a_reason()
    {
        // Port 9 (discard) on loopback: nothing listens there, the connection is refused at once.
        var (exitCode, _, error) = await CliRunner.Run("listen", "--server", "http://127.0.0.1:9/", "--token", "sb_anything");

        Assert.Equal(1, exitCode);
        Assert.Contains("Could not reach http://127.0.0.1:9/", error, StringComparison.Ordinal);
    }
}
