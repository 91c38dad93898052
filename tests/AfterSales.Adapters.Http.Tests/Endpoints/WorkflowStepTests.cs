using System.Net;
using AfterSales.Http.Tests.Support;

namespace AfterSales.Http.Tests.Endpoints;

/// <summary>
/// The workflow's 0.2 steps over HTTP: back-dated facts (occurredAt), one sign-off per cycle (R-WO-8),
/// return-for-repair (R-WO-9), legacy-issue reviews (R-WO-6), the data backup before on-site changes (R-WO-7).
/// </summary>
public sealed class WorkflowStepTests
{
    [Fact]
    public Task Steps_Sqlite() => Steps(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Steps_PostgreSql() => Steps(TestDatabase.PostgreSql);

    private static async Task Steps(TestDatabase database)
    {
        using var factory = new ServiceFactory(database);
        using var client = factory.ClientFor("acme");

        // R-WO-7: the device's contract (seed 002) asks for a data backup before changes on site.
        (await client.PostAsync("/after-sales/devices", Api.Json("""{"serialNumber":"SN-0001","component":"hardware","acceptedOn":"2025-07-01","warrantyPolicy":"cn-002-integration"}""")))
            .EnsureSuccessStatusCode();
        var reported = await (await client.ReportAsync("WO-1")).JsonAsync(HttpStatusCode.Created);
        Assert.True((bool)reported["dataBackupRequired"]!);
        foreach (var (command, body) in new[] { ("acknowledge", (string?)null), ("start-remote-diagnosis", null), ("dispatch", """{"engineer":"李工"}""") })
        {
            (await client.CommandAsync("WO-1", command, body)).EnsureSuccessStatusCode();
        }

        // Back-dated: arrived 10:05 Beijing (02:05Z), entered 35 minutes later.
        factory.Clock.Reset(Instant.FromUtc(2026, 3, 2, 2, 40));
        var arrived = await (await client.CommandAsync("WO-1", "arrive-on-site", """{"occurredAt":"2026-03-02T02:05:00Z"}""")).JsonAsync(HttpStatusCode.OK);
        var arrival = arrived["events"]!.AsArray()[^1]!;
        Assert.Equal(("2026-03-02T02:05:00Z", "2026-03-02T02:40:00Z"), ((string)arrival["at"]!, (string)arrival["recordedAt"]!));
        var clocks = await (await client.GetAsync("/after-sales/tickets/WO-1/clocks")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("2026-03-02T02:05:00Z", (string)Api.Clock(clocks, "on-site-arrival")["stoppedAt"]!);
        foreach (var occurredAt in new[] { "2026-03-02T03:00:00Z", "2026-03-02T02:00:00Z", "2026-02-27T00:00:00Z", "9999-01-01T00:00:00Z" })
        {
            var refused = await (await client.CommandAsync("WO-1", "deliver-repair-plan", $$"""{"occurredAt":"{{occurredAt}}"}""")).JsonAsync(HttpStatusCode.BadRequest);
            Assert.NotNull(refused["errors"]!["occurredAt"]);
        }

        var noBackup = await (await client.CommandAsync("WO-1", "resolve", """{"resolution":"更换硬盘"}""")).JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains(noBackup["unmetGuards"]!.AsArray(), g => ((string)g!).Contains("R-WO-7", StringComparison.Ordinal));
        (await client.CommandAsync("WO-1", "confirm-data-backup", """{"confirmedBy":"客户信息科 赵","note":"全量备份"}""")).EnsureSuccessStatusCode();

        // R-WO-9: a faulty part out for repair keeps the order open until it comes back.
        (await client.CommandAsync("WO-1", "send-for-rma", """{"rmaNumber":"RMA-1","partNumber":"HDD-2T","serialNumber":"WD-77"}""")).EnsureSuccessStatusCode();
        (await client.CommandAsync("WO-1", "resolve", """{"resolution":"更换硬盘"}""")).EnsureSuccessStatusCode();
        (await client.CommandAsync("WO-1", "start-observation")).EnsureSuccessStatusCode();
        (await client.CommandAsync("WO-1", "sign-off", """{"signer":"王主任","satisfaction":5}""")).EnsureSuccessStatusCode();

        // R-WO-8: a second sign-off in the same cycle is refused with the reason, and nothing is recorded.
        var again = await (await client.CommandAsync("WO-1", "sign-off", """{"signer":"王主任","satisfaction":3}""")).JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("R-WO-8", (string)again["unmetGuards"]![0]!, StringComparison.Ordinal);

        factory.Clock.Advance(Duration.FromDays(8));
        var open = await (await client.CommandAsync("WO-1", "close")).JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("R-WO-9", (string)open["unmetGuards"]![0]!, StringComparison.Ordinal);
        var badOutcome = await (await client.CommandAsync("WO-1", "receive-rma-return", """{"rmaNumber":"RMA-1","outcome":"Lost"}""")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(badOutcome["errors"]!["outcome"]);
        var back = await (await client.CommandAsync("WO-1", "receive-rma-return", """{"rmaNumber":"RMA-1","outcome":"Repaired"}""")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Repaired", (string)back["rmas"]![0]!["outcome"]!);
        var closed = await (await client.CommandAsync("WO-1", "close")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Closed", (string)closed["state"]!);
        Assert.Equal(1, closed["events"]!.AsArray().Count(static e => (string)e!["kind"]! == "SignedOff"));
    }

    [Fact]
    public Task LegacyIssues_ListedAndReviewed_Sqlite() => LegacyIssues(TestDatabase.Sqlite);

    [PostgresFact]
    public Task LegacyIssues_ListedAndReviewed_PostgreSql() => LegacyIssues(TestDatabase.PostgreSql);

    private static async Task LegacyIssues(TestDatabase database)
    {
        using var factory = new ServiceFactory(database);
        using var client = factory.ClientFor("acme");
        (await client.ReportAsync("WO-1")).EnsureSuccessStatusCode();
        (await client.ReportAsync("WO-2")).EnsureSuccessStatusCode();
        // WO-2 meets every clock it has, so neither a save nor the watcher (which refreshes flags at
        // deadlines, in the background) can make it a legacy issue: the list below is exact.
        foreach (var (command, body) in new[] { ("acknowledge", (string?)null), ("start-remote-diagnosis", null), ("restore-service", null), ("resolve", """{"resolution":"远程恢复"}""") })
        {
            (await client.CommandAsync("WO-2", command, body)).EnsureSuccessStatusCode();
        }

        Assert.Empty((await (await client.GetAsync("/after-sales/tickets/legacy-issues")).JsonAsync(HttpStatusCode.OK))["items"]!.AsArray());
        var early = await (await client.CommandAsync("WO-1", "review-legacy-issue", """{"reviewer":"质量部 孙","note":"x"}""")).JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("R-WO-6", (string)early["unmetGuards"]![0]!, StringComparison.Ordinal);

        // Three days later WO-1 has breached its response clock; a save records it (the watcher would too).
        factory.Clock.Advance(Duration.FromDays(3));
        (await client.CommandAsync("WO-1", "deliver-repair-plan")).EnsureSuccessStatusCode();
        var list = await (await client.GetAsync("/after-sales/tickets/legacy-issues")).JsonAsync(HttpStatusCode.OK);
        var item = Assert.Single(list["items"]!.AsArray())!;
        Assert.Equal(("WO-1", true), ((string)item["id"]!, (bool)item["isLegacyIssue"]!));
        Assert.Null(item["lastLegacyReviewAt"]);

        var reviewed = await (await client.CommandAsync("WO-1", "review-legacy-issue", """{"reviewer":"质量部 孙","note":"备件已订, 书面说明已发客户"}""")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("质量部 孙", (string)reviewed["lastLegacyReview"]!["reviewer"]!);
        var after = await (await client.GetAsync("/after-sales/tickets/legacy-issues")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((string)reviewed["lastLegacyReviewAt"]!, (string)after["items"]![0]!["lastLegacyReviewAt"]!);
    }
}
