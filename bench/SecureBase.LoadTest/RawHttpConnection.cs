using System.Buffers.Text;
using System.Net.Sockets;
using System.Text;

/// <summary>
/// One keep-alive HTTP/1.1 connection that sends ready-made requests and reads each response to its end.
/// </summary>
/// <remarks>
/// The load generator shares the machine's two cores with the server it measures. HttpClient spent 150-390 µs of CPU
/// per create here (headers, content objects, its connection pool), about as much as the server's own work, so the
/// generator's CPU became part of the latency it reported. Real phones bring their own CPU; this connection writes
/// the bytes of a request built before the clock starts and reads only the status line, the framing headers and
/// the body's length, which leaves the cores to the server. It handles what Kestrel sends: Content-Length or
/// chunked bodies.
/// </remarks>
internal sealed class RawHttpConnection : IDisposable
{
    private readonly Socket socket;
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();
    private readonly byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;

    private RawHttpConnection(Socket socket) => this.socket = socket;

    public static async Task<RawHttpConnection> OpenAsync(Uri server)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(server.Host, server.Port);
        return new RawHttpConnection(socket);
    }

    /// <summary>A POST with a JSON body and a bearer token, as bytes ready to send.</summary>
    public static byte[] JsonPost(Uri server, string path, string bearer, ReadOnlySpan<byte> json)
    {
        var head = Encoding.ASCII.GetBytes(
            $"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\nAuthorization: Bearer {bearer}\r\n" +
            $"Content-Type: application/json\r\nContent-Length: {json.Length}\r\n\r\n");
        var request = new byte[head.Length + json.Length];
        head.CopyTo(request, 0);
        json.CopyTo(request.AsSpan(head.Length));
        return request;
    }

    /// <summary>Sends one request and reads its whole response; returns the status code.</summary>
    public async Task<int> SendAsync(byte[] request)
    {
        for (var sent = 0; sent < request.Length;)
            sent += await socket.SendAsync(request.AsMemory(sent), SocketFlags.None);

        var headerEnd = await FillUntilAsync(HeaderEnd);
        var head = buffer.AsSpan(start, headerEnd - start);
        var status = ParseStatus(head);
        var contentLength = -1;
        var chunked = false;
        foreach (var range in head.Split("\r\n"u8))
        {
            var line = head[range];
            if (StartsWithIgnoreCase(line, "Content-Length:"u8) && !Utf8Parser.TryParse(line["Content-Length:".Length..].Trim((byte)' '), out contentLength, out _))
                throw new InvalidOperationException("A Content-Length that is not a number.");
            else if (StartsWithIgnoreCase(line, "Transfer-Encoding:"u8) && line.IndexOf("chunked"u8) >= 0)
                chunked = true;
        }
        start = headerEnd + 4;

        if (chunked)
        {
            while (true)
            {
                var lineEnd = await FillUntilAsync(LineEnd);
                var size = Convert.ToInt32(Encoding.ASCII.GetString(buffer, start, lineEnd - start).Split(';')[0], 16);
                start = lineEnd + 2;
                await SkipAsync(size + 2); // the chunk and its CRLF; the last chunk (0) is followed by an empty line
                if (size == 0) break;
            }
        }
        else if (contentLength > 0)
        {
            await SkipAsync(contentLength);
        }
        return status;
    }

    public void Dispose() => socket.Dispose();

    /// <summary>Reads until <paramref name="marker"/> is in the buffer; returns its position.</summary>
    private async Task<int> FillUntilAsync(byte[] marker)
    {
        while (true)
        {
            var at = buffer.AsSpan(start, end - start).IndexOf(marker);
            if (at >= 0) return start + at;
            await ReadMoreAsync();
        }
    }

    private async Task SkipAsync(int count)
    {
        while (end - start < count)
        {
            count -= end - start;
            start = end;
            await ReadMoreAsync();
        }
        start += count;
    }

    private async Task ReadMoreAsync()
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }
        if (end == buffer.Length) throw new InvalidOperationException("A response header is larger than the buffer.");
        var read = await socket.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None);
        if (read == 0) throw new IOException("The server closed the connection.");
        end += read;
    }

    private static int ParseStatus(ReadOnlySpan<byte> head)
    {
        // "HTTP/1.1 201 Created"
        var space = head.IndexOf((byte)' ');
        if (space < 0 || !Utf8Parser.TryParse(head[(space + 1)..], out int status, out _))
            throw new InvalidOperationException("Not an HTTP response: " + Encoding.ASCII.GetString(head[..Math.Min(head.Length, 40)]));
        return status;
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> line, ReadOnlySpan<byte> prefix) =>
        line.Length >= prefix.Length && Ascii.EqualsIgnoreCase(line[..prefix.Length], prefix);
}
