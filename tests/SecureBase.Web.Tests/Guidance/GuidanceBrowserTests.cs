using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using SecureBase.Web.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace SecureBase.Web.Tests.Guidance;

/// <summary>
/// The guidance area in Debian's Chromium on a phone-sized screen, with one clock for the app (FakeTimeProvider) and
/// the page (Playwright's clock): a sleep-training night from the checklist to the logged night, and a desire decision
/// voted by two caregivers in two browsers.
/// </summary>
public sealed class GuidanceBrowserTests
{
    [SkippableFact]
    public async Task One_sleep_training_night_checklist_timer_check_ins_and_the_night_logged()
    {
        DebianChromium.SkipIfMissing();
        // Whole seconds, so the page's clock and the server's agree to the second.
        // A minute ahead of the real time: the page's clock is installed now and paused there, so both read the same.
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 60));
        using var app = new KestrelAppFactory(clock: clock);
        var baseUrl = app.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(BrowserPages.Phone(baseUrl));
        var page = await context.NewPageAsync();
        await page.Clock.InstallAsync(new ClockInstallOptions { TimeDate = DateTime.UtcNow });
        await page.Clock.PauseAtAsync(clock.GetUtcNow().UtcDateTime);

        async Task Advance(TimeSpan span)
        {
            clock.Advance(span);
            await page.Clock.FastForwardAsync((long)span.TotalMilliseconds);
        }

        await Screenshots.WithDiagnosticsAsync("sleep-night", page, async () =>
        {
            await BrowserPages.SetUpFamilyAsync(page, "Camille", "camille@example.org", "Sarah", ageInDays: 200);
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Guidance" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Sleep coach" }).ClickAsync();
            await Expect(page.Locator(".progress-summary")).ToHaveTextAsync("No completed night yet.");
            await Expect(page.GetByLabel("Waits (minutes)")).ToHaveValueAsync("3, 5, 10\n5, 10, 12\n10, 12, 15\n12, 15, 17\n15, 17, 20\n20, 25, 30");

            // Needs first: with one item unticked the coach does not start.
            foreach (var item in new[] { "Fed", "Enough unhurried time together today", "Comforted, close, emotional needs met", "Tired" })
                await page.GetByLabel(item).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Start tonight" }).ClickAsync();
            await Expect(page.Locator(".flash")).ToContainTextAsync("Needs come first");
            await Expect(page.Locator(".flash")).ToContainTextAsync("the bath and bedtime routine");
            foreach (var item in new[] { "Fed", "Enough unhurried time together today", "Comforted, close, emotional needs met", "Tired", "Bath and bedtime routine done" })
                await page.GetByLabel(item).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Start tonight" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Night 1");
            await Expect(page.Locator("#advice")).ToContainTextAsync("drowsy but awake");

            // Crying: night 1 waits 3 minutes before the first check-in; the timer counts down on the page.
            await Advance(TimeSpan.FromMinutes(1));
            await page.GetByRole(AriaRole.Button, new() { Name = "Crying", Exact = true }).ClickAsync();
            var timer = page.Locator("#night-timer");
            await Expect(timer).ToContainTextAsync("3:00 left");
            await Advance(TimeSpan.FromSeconds(100));
            await Expect(timer).ToContainTextAsync("1:20 left");
            await Advance(TimeSpan.FromSeconds(80));
            await Expect(timer).ToHaveTextAsync("Time to go in");
            await Expect(page.Locator("#advice")).ToContainTextAsync("a kiss, back into bed, and leave");

            // The check-in is logged when tapped; the next wait is 5 minutes.
            await page.GetByRole(AriaRole.Button, new() { Name = "I went in and left" }).ClickAsync();
            await Expect(page.Locator("ol.check-ins > li")).ToHaveCountAsync(1);
            await Expect(timer).ToContainTextAsync("5:00 left");
            await Advance(TimeSpan.FromMinutes(2));
            await page.GetByRole(AriaRole.Button, new() { Name = "Asleep" }).ClickAsync();
            await Expect(page.Locator(".fell-asleep")).ToHaveTextAsync("Fell asleep after 6 m.");
            await Expect(page.Locator("#advice")).ToContainTextAsync("Asleep. Well done");

            // Morning: the night is logged in the week's progress.
            await page.GetByRole(AriaRole.Button, new() { Name = "End the night" }).ClickAsync();
            await Expect(page.Locator(".progress-summary")).ToHaveTextAsync("Night 1: asleep after 6 m with 1 check-ins.");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start tonight" })).ToBeVisibleAsync();
        });
    }

    [SkippableFact]
    public async Task Two_caregivers_vote_on_a_desire_and_one_no_means_no_then_agree_to_a_rule_and_mark_an_entry_against_it()
    {
        DebianChromium.SkipIfMissing();
        using var app = new KestrelAppFactory();
        var baseUrl = app.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        await using var parentContext = await browser.NewContextAsync(BrowserPages.Phone(baseUrl));
        await using var tomContext = await browser.NewContextAsync(BrowserPages.Phone(baseUrl));
        var parent = await parentContext.NewPageAsync();
        var tom = await tomContext.NewPageAsync();
        await Screenshots.WithDiagnosticsAsync("desire", parent, async () =>
        {
            await BrowserPages.SetUpFamilyAsync(parent, "Emma", "emma@example.org", "Sarah", ageInDays: 200);
            await parent.GotoAsync("/People");
            await parent.GetByLabel("Their name (optional)").FillAsync("Tom");
            await parent.GetByRole(AriaRole.Button, new() { Name = "Create invitation" }).ClickAsync();
            var code = (await parent.GetByTestId("invitation-code").InnerTextAsync()).Trim();
            await tom.GotoAsync("/Invitations/Accept");
            await tom.GetByLabel("Your invitation code").FillAsync(code);
            await tom.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await tom.GetByLabel("Email", new() { Exact = true }).FillAsync("tom@example.org");
            await tom.GetByLabel("Choose a password").FillAsync("Quiet mornings by the sea");
            await tom.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
            await Expect(tom.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sarah today");

            // Emma opens the question: feasible, calm, no rule bent.
            await parent.GotoAsync("/Guidance/Desires");
            await parent.GetByLabel("The desire").SelectOptionAsync(new SelectOptionValue { Label = "Sleeping in our bed" });
            await parent.GetByLabel("Yes").CheckAsync();
            await parent.GetByRole(AriaRole.Button, new() { Name = "Open the decision" }).ClickAsync();
            await Expect(parent.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sleeping in our bed");
            await Expect(parent.Locator(".costs")).ToContainTextAsync("suffocation");
            await Expect(parent.Locator(".costs")).ToContainTextAsync("jealous");
            await Expect(parent.Locator(".costs")).ToContainTextAsync("private space");
            await parent.GetByRole(AriaRole.Button, new() { Name = "I agree", Exact = true }).ClickAsync();
            await Expect(parent.Locator(".outcome h2")).ToHaveTextAsync("Still deciding");
            await Expect(parent.Locator(".outcome")).ToContainTextAsync("Waiting for one caregiver's vote.");
            var decisionUrl = parent.Url;

            // Tom sees it in his own browser and says no: one no means no, with the date.
            await tom.GotoAsync("/Guidance/Desires");
            await tom.GetByRole(AriaRole.Link, new() { Name = "Sleeping in our bed" }).ClickAsync();
            await Expect(tom.Locator(".votes")).ToContainTextAsync("Emma: yes");
            await tom.GetByRole(AriaRole.Button, new() { Name = "I don't agree" }).ClickAsync();
            await Expect(tom.Locator(".outcome h2")).ToHaveTextAsync("No, not for now");
            await Expect(tom.Locator(".outcome")).ToContainTextAsync("One caregiver said no, and one no means no.");
            await Expect(tom.Locator(".decided-at")).ToContainTextAsync("Decided ");

            // Emma sees the same decision, and both votes.
            await parent.GotoAsync(decisionUrl);
            await Expect(parent.Locator(".outcome h2")).ToHaveTextAsync("No, not for now");
            await Expect(parent.Locator(".votes")).ToContainTextAsync("Tom: no");
            await parent.GotoAsync("/Guidance/Desires");
            await Expect(parent.Locator("ol.decisions")).ToContainTextAsync("No, not for now");

            // The rule book: Emma writes a rule, Tom agrees with his name and the date.
            await parent.GotoAsync("/Guidance/Rules");
            await parent.GetByLabel("A new rule").FillAsync("We don't carry her to sleep");
            await parent.GetByRole(AriaRole.Button, new() { Name = "Add the rule" }).ClickAsync();
            await Expect(parent.Locator("li.rule")).ToContainTextAsync("Waiting for Tom.");
            await tom.GotoAsync("/Guidance/Rules");
            await tom.GetByRole(AriaRole.Button, new() { Name = "I agree" }).ClickAsync();
            await Expect(tom.Locator("li.rule")).ToContainTextAsync("Agreed by Tom on ");
            await Expect(tom.Locator("li.rule")).Not.ToContainTextAsync("Waiting for");

            // A feed carried to sleep, marked against the rule from the journal's edit form, is counted on the rule.
            await parent.GotoAsync("/");
            await parent.Locator("summary").Filter(new() { HasText = "Feed" }).First.ClickAsync();
            await parent.GetByRole(AriaRole.Button, new() { Name = "Formula", Exact = true }).ClickAsync();
            await parent.Locator("ol.timeline > li").First.GetByRole(AriaRole.Link, new() { Name = "edit" }).ClickAsync();
            await parent.GetByLabel("Against a household rule?").SelectOptionAsync(new SelectOptionValue { Label = "We don't carry her to sleep" });
            await parent.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await parent.GotoAsync("/Guidance/Rules");
            await Expect(parent.Locator("li.rule .entries-against")).ToHaveTextAsync("1 entry marked against it.");

            // A second rule, agreed by both, then reworded: the new words need everyone's agreement again.
            await parent.GetByLabel("A new rule").FillAsync("Screens off after supper");
            await parent.GetByRole(AriaRole.Button, new() { Name = "Add the rule" }).ClickAsync();
            await tom.GotoAsync("/Guidance/Rules");
            var tomsScreens = tom.Locator("li.rule").Filter(new() { HasText = "Screens off after supper" });
            await tomsScreens.GetByRole(AriaRole.Button, new() { Name = "I agree" }).ClickAsync();
            await Expect(tom.Locator("li.rule").Filter(new() { HasText = "Screens off after supper" })).ToContainTextAsync("Agreed by Tom on ");
            await parent.GotoAsync("/Guidance/Rules");
            var screens = parent.Locator("li.rule").Filter(new() { HasText = "Screens off after supper" });
            await screens.Locator("summary").ClickAsync();
            await screens.GetByLabel("New words (everyone agrees again)").FillAsync("Screens off after dinner");
            await screens.GetByRole(AriaRole.Button, new() { Name = "Save the new words" }).ClickAsync();
            var reworded = parent.Locator("li.rule").Filter(new() { HasText = "Screens off after dinner" });
            await Expect(reworded).ToContainTextAsync("Agreed by Emma on ");
            await Expect(reworded).ToContainTextAsync("Waiting for Tom.");
            await Expect(parent.Locator("li.rule").Filter(new() { HasText = "Screens off after supper" })).ToHaveCountAsync(0);

            // A parent takes it out of the book; the rule with an entry against it offers no removal.
            await reworded.Locator("summary").ClickAsync();
            await reworded.GetByRole(AriaRole.Button, new() { Name = "Take this rule out of the book" }).ClickAsync();
            await Expect(parent.Locator("li.rule")).ToHaveCountAsync(1);
            await Expect(parent.Locator("li.rule")).ToContainTextAsync("We don't carry her to sleep");
            await parent.Locator("li.rule summary").ClickAsync();
            await Expect(parent.Locator("li.rule").GetByRole(AriaRole.Button, new() { Name = "Take this rule out of the book" })).ToHaveCountAsync(0);
        });
    }
}
