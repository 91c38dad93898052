using AfterSales.EntityFrameworkCore.Tests.Support;
using AfterSales.Entitlements.Warranty;
using AfterSales.Quality.Complaints;
using AfterSales.Quality.Inspections;
using AfterSales.Quality.Penalties;
using AfterSales.Quality.Reporting;
using AfterSales.Quality.Terms;
using AfterSales.Sla;
using AfterSales.WorkOrders;
using NodaTime.Testing;

namespace AfterSales.EntityFrameworkCore.Tests;

/// <summary>The quality stores (schema 0008) and the snapshot source against a real database, on both providers.</summary>
public sealed class QualityStoreTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 1, 0);
    private readonly string tenant = "t-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public Task Records_AddAndList_SecondSurveyOrRepeatedIdConflicts_Sqlite() => Records(Provider.Sqlite);

    [PostgresFact]
    public Task Records_AddAndList_SecondSurveyOrRepeatedIdConflicts_PostgreSql() => Records(Provider.PostgreSql);

    [Fact]
    public Task Inspections_PlansAndRecordsRoundTrip_StalePlanConflicts_Sqlite() => Inspections(Provider.Sqlite);

    [PostgresFact]
    public Task Inspections_PlansAndRecordsRoundTrip_StalePlanConflicts_PostgreSql() => Inspections(Provider.PostgreSql);

    [Fact]
    public Task Terms_VersionsAdoptedInOrder_InForceByInstant_Sqlite() => Terms(Provider.Sqlite);

    [PostgresFact]
    public Task Terms_VersionsAdoptedInOrder_InForceByInstant_PostgreSql() => Terms(Provider.PostgreSql);

    [Fact]
    public Task Snapshot_SavesWhileOpen_NeitherSeenNorBlocked_Sqlite() => SnapshotIsolation(Provider.Sqlite);

    [PostgresFact]
    public Task Snapshot_SavesWhileOpen_NeitherSeenNorBlocked_PostgreSql() => SnapshotIsolation(Provider.PostgreSql);

    [Fact]
    public Task Snapshot_ReadsTheRecordsDevicesAndComplaintsOfItsWindow_Sqlite() => SnapshotReads(Provider.Sqlite);

    [PostgresFact]
    public Task Snapshot_ReadsTheRecordsDevicesAndComplaintsOfItsWindow_PostgreSql() => SnapshotReads(Provider.PostgreSql);

    private async Task Records(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var store = new EfCoreQualityRecordStore<HostDbContext>(db.HostFactory());
        var day = new LocalDate(2026, 3, 3);
        await store.AddSurveyAsync(tenant, new SatisfactionSurvey("WO-1", day, 5, null, 3, "请提前电话"));
        await store.AddCallbackAsync(tenant, new CustomerCallback("CB-2", "WO-1", Start + Duration.FromHours(2), "客服小李", reached: true, "已回访"));
        await store.AddCallbackAsync(tenant, new CustomerCallback("CB-1", "WO-1", Start + Duration.FromHours(1), "客服小李", reached: false));
        await store.AddShipmentAsync(tenant, new PartsShipment("S-1", "WO-1", day, "PH-20", 1, "PH-10", 1));
        await store.AddShipmentAsync("other-tenant", new PartsShipment("S-1", "WO-1", day, "PH-20", 1, "PH-20", 1));

        var records = await store.ListForWorkOrderAsync(tenant, "WO-1");

        Assert.Equal((5, (int?)null, 3, "请提前电话"), (records.Survey!.Skill!.Value, records.Survey.Attitude, records.Survey.Timeliness!.Value, records.Survey.Suggestions));
        Assert.Equal(["CB-1", "CB-2"], records.Callbacks.Select(c => c.Id));
        Assert.False(Assert.Single(records.Shipments).Correct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.AddSurveyAsync(tenant, new SatisfactionSurvey("WO-1", day, 1, 1, 1)));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.AddCallbackAsync(tenant, new CustomerCallback("CB-1", "WO-2", Start, "x", true)));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.AddShipmentAsync(tenant, new PartsShipment("S-1", "WO-2", day, "A", 1, "A", 1)));
        Assert.Null((await store.ListForWorkOrderAsync(tenant, "WO-2")).Survey);
    }

    private async Task Inspections(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var store = new EfCoreInspectionStore<HostDbContext>(db.HostFactory());
        var custom = new Checklist("ups", "UPS 巡检", "UPS inspection", [new("battery", "电池", "battery"), new("load", "负载", "load")]);
        var recurring = InspectionPlan.Recurring("ups-half-yearly", custom, InspectionRecurrence.HalfYearly, new LocalDate(2026, 1, 1))
            .WithSubjects([InspectionSubject.Site("机房A"), InspectionSubject.Device("UPS-1")]);
        var preExpiry = InspectionPlan.PreExpiry("cctv-pre-expiry", Checklists.Cctv004, 3, "cn-004-cctv").WithSubjects([InspectionSubject.Device("CAM-1")]);

        Assert.Equal(1, await store.SavePlanAsync(tenant, recurring, 0));
        Assert.Equal(1, await store.SavePlanAsync(tenant, preExpiry, 0));
        Assert.Equal(2, await store.SavePlanAsync(tenant, recurring.WithSubjects([InspectionSubject.Site("机房A")]), 1));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SavePlanAsync(tenant, recurring, 1));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SavePlanAsync(tenant, preExpiry, 0));

        var loaded = (await store.GetPlanAsync(tenant, "ups-half-yearly"))!;
        Assert.Equal(2, loaded.Version);
        Assert.Equal((6, new LocalDate(2026, 1, 1), "UPS 巡检"), (loaded.Value.Recurrence!.Months, loaded.Value.StartsOn, loaded.Value.Checklist.NameZh));
        Assert.Equal([InspectionSubject.Site("机房A")], loaded.Value.Subjects);
        var pre = (await store.GetPlanAsync(tenant, "cctv-pre-expiry"))!.Value;
        Assert.Equal((true, 3, "cn-004-cctv", 8), (pre.IsPreExpiry, pre.PreExpiryMonths, pre.WarrantyPolicyCode, pre.Checklist.Items.Count));
        Assert.Equal(["cctv-pre-expiry", "ups-half-yearly"], (await store.ListPlansAsync(tenant)).Select(p => p.Value.Code));

        var record = InspectionRecord.Create("R-1", InspectionSubject.Site("机房A"), custom, new LocalDate(2026, 3, 5), "eng-li",
            [new InspectionItemResult("battery", InspectionOutcome.FixedOnSite, "更换1节电池")], new CustomerSignature("王经理", new LocalDate(2026, 3, 5)));
        await store.AddRecordAsync(tenant, record);
        await store.AddRecordAsync(tenant, InspectionRecord.Create("R-2", InspectionSubject.Device("UPS-1"), custom, new LocalDate(2026, 3, 4), "eng-li", [], null));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.AddRecordAsync(tenant, record));

        var site = Assert.Single(await store.ListRecordsAsync(tenant, InspectionSubject.Site("机房A")));
        Assert.Equal(("R-1", "更换1节电池", "王经理", false), (site.Id, site.Results[0].Note, site.Signature!.SignedBy, site.CountsAsDone));
        Assert.Equal(["load"], site.MissingItems.Select(i => i.Code));
        Assert.Equal(["R-2", "R-1"], (await store.ListRecordsAsync(tenant)).Select(r => r.Id));
    }

    private async Task Terms(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var catalog = new EfCoreQualityTermsCatalog<HostDbContext>(db.HostFactory());
        var first = new QualityTerms("某银行 2026", "某银行省分行", PenaltyPolicy.Seed000, QualityTargets.Seed001, null);
        var credits = new ServiceCreditTerms(ServiceCreditPolicy.Example, [new("cn-000-kiosk", 30_000m)]);
        var second = new QualityTerms(
            "某银行 2026 (修订)",
            "",
            PenaltyPolicy.Create("CNY", 300m, 3, PenaltyWindow.Rolling(Period.FromMonths(6))).WithBonus(MonthlyBonusRule.DeductAndForfeitAt(1000m, 200m, 3)).WithServicePay(50m),
            QualityTargets.Seed001.With(0.95m, 0.99m),
            credits);

        Assert.Null(await catalog.GetLatestAsync(tenant));
        Assert.Equal(0, (await catalog.InForceAtAsync(tenant, Start)).Version);
        Assert.Equal(1, (await catalog.AdoptAsync(tenant, first, 0, Start)).Version);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => catalog.AdoptAsync(tenant, second, 0, Start + Duration.FromDays(1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => catalog.AdoptAsync(tenant, second, 1, Start - Duration.FromDays(1)));
        Assert.Equal(2, (await catalog.AdoptAsync(tenant, second, 1, Start + Duration.FromDays(10))).Version);

        Assert.Equal(0, (await catalog.InForceAtAsync(tenant, Start - Duration.Epsilon)).Version);
        Assert.Equal(1, (await catalog.InForceAtAsync(tenant, Start + Duration.FromDays(9))).Version);
        var latest = (await catalog.GetLatestAsync(tenant))!;
        Assert.Equal(2, latest.Version);
        var p = latest.Terms.Penalties;
        Assert.Equal((300m, 3, "rolling P6M", 1000m, 200m, 3, 50m), (p.FinePerConfirmedComplaint, p.DismissalAtCount, p.DismissalWindow.ToString(), p.Bonus!.Amount, p.Bonus.DeductionPerComplaint, p.Bonus.ForfeitAtCount!.Value, p.PayPerService));
        Assert.Equal((0.95m, 0.99m, 0.98m), (latest.Terms.Targets.OnTimeRate!.Value, latest.Terms.Targets.Availability!.Value, latest.Terms.Targets.SatisfactionRate!.Value));
        Assert.Equal(30_000m, latest.Terms.ServiceCredits!.MonthlyFees["cn-000-kiosk"]);
        Assert.Equal(ServiceCreditPolicy.Example.Tiers.Select(t => (t.MinimumOverdue, t.PercentOfMonthlyFee)), latest.Terms.ServiceCredits.Policy.Tiers.Select(t => (t.MinimumOverdue, t.PercentOfMonthlyFee)));
        Assert.Equal("某银行省分行", (await catalog.GetAsync(tenant, 1))!.Terms.Customer);
        Assert.Null(await catalog.GetAsync(tenant, 3));
    }

    /// <summary>
    /// The snapshot pins the tables at its opening: a ticket saved while it is open (on another connection)
    /// completes — the snapshot blocks no writer — and is not among the tickets it streams.
    /// </summary>
    private async Task SnapshotIsolation(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var clock = new FakeClock(Start);
        var catalog = new InMemorySlaPolicyCatalog(SlaPresets.All);
        var tickets = new EfCoreTicketStore<HostDbContext>(db.HostFactory(), catalog, clock);
        var source = new EfCoreQualitySnapshotSource<HostDbContext>(db.HostFactory(), catalog, clock);
        for (var i = 0; i < 5; i++)
        {
            await tickets.SaveAsync(Ticket.Report(Report($"WO-{i}"), SlaPresets.SystemIntegration002, clock), 0);
        }

        var seen = await source.ReadAsync(tenant, async (snapshot, ct) =>
        {
            var save = tickets.SaveAsync(Ticket.Report(Report("WO-late"), SlaPresets.SystemIntegration002, clock), 0, ct);
            Assert.Same(save, await Task.WhenAny(save, Task.Delay(TimeSpan.FromSeconds(20), ct)));
            await save;
            var ids = new List<string>();
            await foreach (var ticket in snapshot.TicketsAsync(Start - Duration.FromDays(1), Start + Duration.FromDays(1), ct))
            {
                ids.Add(ticket.Id.Value);
            }

            return ids;
        });

        Assert.Equal(["WO-0", "WO-1", "WO-2", "WO-3", "WO-4"], seen);
        Assert.NotNull(await tickets.LoadAsync(tenant, TicketId.From("WO-late")));
    }

    private async Task SnapshotReads(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var clock = new FakeClock(Start);
        var catalog = new InMemorySlaPolicyCatalog(SlaPresets.All);
        var tickets = new EfCoreTicketStore<HostDbContext>(db.HostFactory(), catalog, clock);
        var records = new EfCoreQualityRecordStore<HostDbContext>(db.HostFactory());
        var devices = new EfCoreDeviceRegistry<HostDbContext>(db.HostFactory());
        var complaints = new EfCoreComplaintStore<HostDbContext>(db.HostFactory());
        var source = new EfCoreQualitySnapshotSource<HostDbContext>(db.HostFactory(), catalog, clock);

        // Closed before the window, closed inside it, still open from before it, reported after it.
        var closedBefore = Ticket.Report(Report("WO-old"), SlaPresets.SystemIntegration002, clock);
        closedBefore.Cancel("重复报障");
        await tickets.SaveAsync(closedBefore, 0);
        clock.AdvanceDays(1);
        var open = Ticket.Report(Report("WO-open"), SlaPresets.SystemIntegration002, clock);
        await tickets.SaveAsync(open, 0);
        clock.AdvanceDays(9);
        var windowStart = clock.GetCurrentInstant();
        var inside = Ticket.Report(Report("WO-in"), SlaPresets.SystemIntegration002, clock);
        clock.AdvanceHours(1);
        inside.Cancel("误报");
        await tickets.SaveAsync(inside, 0);
        clock.AdvanceDays(5);
        var windowEnd = clock.GetCurrentInstant();
        clock.AdvanceHours(1);
        await tickets.SaveAsync(Ticket.Report(Report("WO-after"), SlaPresets.SystemIntegration002, clock), 0);

        var day = windowStart.InUtc().Date;
        await records.AddSurveyAsync(tenant, new SatisfactionSurvey("WO-old", day, 4, 4, 4));
        await records.AddShipmentAsync(tenant, new PartsShipment("S-9", "WO-in", day.PlusDays(20), "A", 1, "A", 1));
        await records.AddCallbackAsync(tenant, new CustomerCallback("CB-1", "WO-in", windowStart + Duration.FromHours(3), "客服", true));
        await devices.SaveAsync(tenant, DeviceRecord.Create("SN-0001", ComponentClass.Hardware, new LocalDate(2025, 1, 1), null, null), 0);
        var complaint = Complaint.File("C-1", "WO-in", "eng-7", windowStart, "迟到").RecordVerification(windowStart + Duration.FromDays(1), engineerResponsible: true);
        await complaints.SaveAsync(tenant, complaint, 0);

        var (ids, surveys, shipments, callbacks, serials, verified) = await source.ReadAsync(tenant, async (snapshot, ct) =>
        {
            var list = new List<string>();
            await foreach (var ticket in snapshot.TicketsAsync(windowStart, windowEnd, ct))
            {
                list.Add(ticket.Id.Value);
            }

            return (
                list,
                await snapshot.SurveysAsync(day, day, ct),
                await snapshot.ShipmentsAsync(day, day.PlusDays(5), ct),
                await snapshot.CallbacksAsync(windowStart, windowEnd, ct),
                await snapshot.DeviceSerialsAsync(ct),
                await snapshot.ComplaintsVerifiedAsync(windowStart, windowEnd, ct));
        });

        Assert.Equal(["WO-in", "WO-open"], ids);
        Assert.Equal("WO-old", Assert.Single(surveys).WorkOrderId);
        Assert.Empty(shipments);
        Assert.Equal("CB-1", Assert.Single(callbacks).Id);
        Assert.Equal(["SN-0001"], serials);
        Assert.True(Assert.Single(verified).IsConfirmed);
    }

    private TicketReport Report(string id) => new()
    {
        Id = TicketId.From(id),
        TenantId = tenant,
        Reporter = new TicketReporter { Name = "张伟", Organization = "某医院", Contact = "138" },
        Channel = ReportChannel.Phone,
        Site = new TicketSite { Location = ServiceSite.Local, Name = "门诊楼", Address = "某路1号" },
        DeviceSerialNumber = "SN-0001",
        Symptom = "无法打印",
        SeverityCode = "A",
    };
}
