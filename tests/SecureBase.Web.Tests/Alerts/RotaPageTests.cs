using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using SecureBase.Web.Tests.Api;
using SecureBase.Web.Tests.Infrastructure;

namespace SecureBase.Web.Tests.Alerts;

/// <summary>The parents' settings page for the rota: what it saves is what the API (and so the alert routing) reads.</summary>
public abstract partial class RotaPageTests<TFixture>(TFixture fixture) : ApiTestBase<TFixture>(fixture) where TFixture : AppFixture
{
    [SkippableFact]
    public async Task A_parent_adds_quiet_hours_on_the_page_and_a_bad_time_is_explained_and_saves_nothing()
    {
        var home = await NewHouseholdAsync();

        var added = await PostAsync(home, "AddQuiet", new() { ["caregiverId"] = home.CaregiverId.ToString(), ["from"] = "22:30", ["to"] = "06:00" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var bad = await PostAsync(home, "AddShift", new() { ["caregiverId"] = home.CaregiverId.ToString(), ["from"] = "late", ["to"] = "06:00" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Please give a time like 22:00.", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var rota = await home.Client.GetFromJsonAsync<JsonElement>(home.Url("/rota"));
        Assert.Empty(rota.GetProperty("shifts").EnumerateArray());
        var quiet = Assert.Single(rota.GetProperty("quietHours").EnumerateArray());
        Assert.Equal("22:30", quiet.GetProperty("from").GetString());
        Assert.Equal("06:00", quiet.GetProperty("to").GetString());
        Assert.Contains("22:30–06:00", await home.Client.GetStringAsync("/People/Rota"), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostAsync(TestHousehold home, string handler, Dictionary<string, string> form)
    {
        var page = await home.Client.GetStringAsync("/People/Rota");
        form["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value;
        return await home.Client.PostAsync($"/People/Rota?handler={handler}", new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

public sealed class SqliteRotaPageTests(SqliteFixture fixture) : RotaPageTests<SqliteFixture>(fixture);
