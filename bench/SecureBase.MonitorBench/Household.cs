using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

/// <summary>A signed-up household with its children's device tokens and a cookie-signed-in caregiver.</summary>
internal sealed record Household(Guid Id, CookieContainer Cookies, IReadOnlyList<(Guid ChildId, string Token)> Monitors)
{
    public static async Task<Household> SignUpAsync(Uri server, int index, int monitors, string runId)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, UseCookies = true }) { BaseAddress = server, Timeout = TimeSpan.FromMinutes(2) };
        var membership = await PostAsync(http, "/api/account/signup", new
        {
            email = $"bench-{runId}-{index}@example.org", password = "Bench-password-1", displayName = $"Parent {index}",
            householdName = $"Bench household {index}", timeZone = "UTC",
        });
        var householdId = membership.GetProperty("householdId").GetGuid();
        // The session cookie is marked Secure (HTTPS only); the bench talks plain HTTP to localhost, so carry it over unmarked.
        foreach (Cookie cookie in cookies.GetAllCookies())
            cookies.Add(server, new Cookie(cookie.Name, cookie.Value, "/") { HttpOnly = true });
        var list = new List<(Guid, string)>(monitors);
        for (var m = 0; m < monitors; m++)
        {
            var child = await PostAsync(http, $"/api/households/{householdId}/children", new { name = $"Baby {index}-{m}", birthDate = DateTime.UtcNow.AddMonths(-4).ToString("yyyy-MM-dd"), pronoun = "her" });
            var childId = child.GetProperty("id").GetGuid();
            var token = await PostAsync(http, $"/api/households/{householdId}/tokens", new { kind = "device", name = $"Nursery {index}-{m}", childId });
            list.Add((childId, token.GetProperty("secret").GetString()!));
        }
        return new Household(householdId, cookies, list);
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
