using AfterSales.Sla;
using AfterSales.WorkOrders;
using FsCheck;
using FsCheck.Fluent;
using NodaTime.Testing;

namespace AfterSales.EntityFrameworkCore.Tests.Support;

/// <summary>Tickets built by random valid command sequences, with awkward text and nanosecond instants.</summary>
public static class RandomTickets
{
    public static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 1, 0);

    public static InMemorySlaPolicyCatalog Catalog { get; } = new(SlaPresets.All);

    private static readonly string[] Texts =
    [
        "说明", "quote \" and \\ backslash", "emoji 🚑 and 中文", "line\nbreak\ttab", "{\"json\": [1, 2]}", "'; DROP TABLE x; --", "  padded  ", "x",
    ];

    /// <summary>A tendered price list with every part the steps quote, at 1000.</summary>
    private static readonly Entitlements.Quotes.TenderedPriceList Prices = Enumerable.Range(0, Texts.Length)
        .Aggregate(Entitlements.Quotes.TenderedPriceList.Empty(), static (l, i) => l.With("P-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Entitlements.Quotes.Money.Cny(1000m)))
        .WithId("CT-随机").WithVersion(2);

    public sealed record Step(int Pick, long AdvanceNanoseconds, int Text, int Satisfaction, int Severity);

    public sealed record Script(
        int Policy, string Tenant, string Id, ReportChannel Channel, SiteLocality Locality, int Distance, int Text,
        long? FaultBeforeNanoseconds, Step[] Steps)
    {
        public override string ToString() => $"{Tenant}/{Id} policy {Policy}, {Steps.Length} steps";
    }

    private static readonly Gen<Step> StepGen =
        from pick in Gen.Choose(0, 1000)
        from minutes in Gen.Elements(0L, 1L, 17L, 60L, 600L, 1440L)
        from nanos in Gen.Choose(0, 999_999_999)
        from text in Gen.Choose(0, Texts.Length - 1)
        from satisfaction in Gen.Choose(1, 5)
        from severity in Gen.Choose(0, 10)
        select new Step(pick, (minutes * 60_000_000_000L) + nanos, text, satisfaction, severity);

    public static Gen<Script> ScriptGen { get; } =
        from policy in Gen.Choose(0, SlaPresets.All.Count - 1)
        from tenant in Gen.Elements("t1", "t2", "租户-3")
        from id in Gen.Choose(0, int.MaxValue)
        from channel in Gen.Elements(Enum.GetValues<ReportChannel>())
        from locality in Gen.Elements(Enum.GetValues<SiteLocality>())
        from distance in Gen.Choose(0, 900)
        from text in Gen.Choose(0, Texts.Length - 1)
        from fault in Gen.Frequency((1, Gen.Constant<long?>(null)), (2, Gen.Choose(0, int.MaxValue).Select(static n => (long?)n * 1_000L + 7)))
        from steps in Gen.Sized(size => Gen.Choose(0, Math.Clamp(size, 1, 40)).SelectMany(n => Gen.ArrayOf(StepGen, n)))
        select new Script(policy, tenant, "WO-" + id.ToString(System.Globalization.CultureInfo.InvariantCulture), channel, locality, distance, text, fault, steps);

    public static Arbitrary<Script> Scripts { get; } = ScriptGen.ToArbitrary();

    /// <summary>Runs the script: report, then per step advance the clock and fire one permitted trigger.</summary>
    public static Ticket Build(Script script, FakeClock clock, string idSuffix = "")
    {
        var policy = SlaPresets.All[script.Policy];
        var now = clock.GetCurrentInstant();
        var ticket = Ticket.Report(
            new TicketReport
            {
                Id = TicketId.From(script.Id + idSuffix),
                TenantId = script.Tenant,
                Reporter = new TicketReporter { Name = Texts[script.Text], Organization = "某市人民医院 信息科", Contact = "138-0000-0000" },
                Channel = script.Channel,
                Site = new TicketSite
                {
                    Location = script.Locality == SiteLocality.Travel ? ServiceSite.Travel(script.Distance) : new ServiceSite(script.Locality),
                    Name = "门诊楼",
                    Address = Texts[(script.Text + 1) % Texts.Length],
                },
                DeviceSerialNumber = "SN-" + script.Id,
                Symptom = Texts[(script.Text + 2) % Texts.Length],
                SeverityCode = policy.SeverityScale.Levels[script.Distance % policy.SeverityScale.Levels.Count].Code,
                FaultOccurredAt = script.FaultBeforeNanoseconds is { } f ? now - Duration.FromNanoseconds(f) : null,
                IsBillable = script.Distance % 3 == 0,
                Entitlement = Entitlement(script),
            },
            policy,
            clock);
        foreach (var step in script.Steps)
        {
            clock.Advance(Duration.FromNanoseconds(step.AdvanceNanoseconds));
            var current = clock.GetCurrentInstant();
            if (step.Pick % 4 == 0 && ticket.LastEventAt < current)
            {
                // A back-dated fact: halfway between the previous fact and now, within a day.
                var occurred = ticket.LastEventAt + ((current - ticket.LastEventAt) / 2);
                occurred = occurred < current - Duration.FromHours(23) ? current - Duration.FromHours(23) : occurred;
                ticket.Backdate(occurred, Duration.FromHours(24), t => Fire(t, step, includeFinishing: true));
            }
            else
            {
                Fire(ticket, step, includeFinishing: true);
            }
        }

        return ticket;
    }

    /// <summary>An entitlement check result of every shape: none, unknown device, not assessed, assessed with every field.</summary>
    private static Entitlements.TicketEntitlement? Entitlement(Script script) => (script.Distance % 4) switch
    {
        0 => null,
        1 => new() { Status = Entitlements.EntitlementStatus.UnknownDevice, Reasons = [Texts[script.Text]] },
        2 => new() { Status = Entitlements.EntitlementStatus.NotAssessed, ServiceCentreId = "BJ", Reasons = [] },
        _ => new()
        {
            Status = script.Distance % 8 == 3 ? Entitlements.EntitlementStatus.Billable : Entitlements.EntitlementStatus.Covered,
            WarrantyPolicyCode = "cn-002-integration",
            WarrantyStatus = Entitlements.Warranty.WarrantyStatus.LatentDefectPeriod,
            AssessedOn = new LocalDate(2026, 3, 2),
            LastCoveredDay = SupportedDates.MinDate.PlusDays(script.Distance),
            ContractId = "CT-" + script.Id,
            ServiceCentreId = "上海 中心",
            Model = "KIOSK-3",
            Grade = script.Distance,
            DataBackupRequired = script.Distance % 2 == 1,
            Reasons = [Texts[script.Text], Texts[(script.Text + 3) % Texts.Length], "R-WAR-10"],
        },
    };

    /// <summary>Fires one permitted trigger picked by the step; returns whether an event was appended.</summary>
    public static bool Fire(Ticket ticket, Step step, bool includeFinishing)
    {
        var permitted = ticket.PermittedTriggers()
            .Where(t => includeFinishing || t is not (TicketTrigger.Close or TicketTrigger.Cancel))
            .ToList();
        if (permitted.Count == 0)
        {
            return false;
        }

        var text = Texts[step.Text];
        var levels = ticket.Policy.SeverityScale.Levels;
        var before = ticket.Version;
        try
        {
            switch (permitted[step.Pick % permitted.Count])
            {
                case TicketTrigger.Acknowledge: ticket.Acknowledge(); break;
                case TicketTrigger.StartRemoteDiagnosis: ticket.StartRemoteDiagnosis(); break;
                case TicketTrigger.ResolveRemotely: ticket.ResolveRemotely(text, step.Text % 2 == 0 ? null : "P-" + step.Text, step.Text % 3 == 0); break;
                case TicketTrigger.Dispatch: ticket.Dispatch(text); break;
                case TicketTrigger.ArriveOnSite: ticket.ArriveOnSite(); break;
                case TicketTrigger.EscalateToVendor: ticket.EscalateToVendor(text); break;
                case TicketTrigger.RestoreService: ticket.RestoreService(); break;
                case TicketTrigger.Resolve: ticket.Resolve(text, step.Text % 3 == 0 ? null : "P-" + step.Text); break;
                case TicketTrigger.StartObservation: ticket.StartObservation(); break;
                case TicketTrigger.SignOff: ticket.SignOff(text, step.Satisfaction, step.Text % 2 == 0 ? null : text); break;
                case TicketTrigger.Close: ticket.Close(); break;
                case TicketTrigger.Reopen: ticket.Reopen(text); break;
                case TicketTrigger.WaitForCustomer when step.Text % 2 == 0: ticket.WaitForCustomer(text); break;
                case TicketTrigger.WaitForCustomer: ticket.Pause(PauseReason.WellKnown[step.Text % PauseReason.WellKnown.Count], text); break;
                case TicketTrigger.ReceiveCustomerMessage: ticket.ReceiveCustomerMessage(step.Text % 2 == 0 ? null : text); break;
                case TicketTrigger.AnswerCustomer: ticket.AnswerCustomer(step.Text % 2 == 0 ? null : text); break;
                case TicketTrigger.NegotiateDueDate:
                    var metrics = ticket.Policy.Metrics.ToArray();
                    ticket.NegotiateDueDate(metrics[step.Severity % metrics.Length], ticket.LastEventAt + Duration.FromDays(20 + step.Text) + Duration.FromTicks(7), text, text);
                    break;
                case TicketTrigger.Resume: ticket.Resume(); break;
                case TicketTrigger.Reclassify: ticket.Reclassify(levels[step.Severity % levels.Count].Code, text); break;
                case TicketTrigger.DeliverRepairPlan: ticket.DeliverRepairPlan(step.Text % 2 == 0 ? null : text); break;
                case TicketTrigger.ProvideLoaner when step.Text % 3 == 0:
                    ticket.ProvideLoaner(new TicketLoaner { UnitSerialNumber = "LN-" + step.Pick, PartNumber = "LOANER-" + step.Text, CentreId = step.Text % 2 == 0 ? null : "BJ-01", Grade = step.Satisfaction }, text);
                    break;
                case TicketTrigger.ProvideLoaner: ticket.ProvideLoaner(step.Text % 2 == 0 ? null : text); break;
                case TicketTrigger.ReturnLoaner: ticket.ReturnLoaner(ticket.Loaners.First(static l => l.IsOut).Loaner.UnitSerialNumber, step.Text % 2 == 0 ? null : text); break;
                case TicketTrigger.Cancel: ticket.Cancel(text); break;
                case TicketTrigger.SubmitQuote:
                    ticket.SubmitQuote(Entitlements.Quotes.Quote.CreateBuilder("Q-" + step.Pick, ticket.Id.Value, ticket.DeviceSerialNumber, Prices, new LocalDate(2026, 3, 2))
                        .AddPart("P-" + step.Text, text, step.Satisfaction, Entitlements.Quotes.Money.Cny(step.Satisfaction * 123.45m))
                        .AddTravel(Entitlements.Quotes.Money.Cny(50.05m), text)
                        .AddPhoneSupport()
                        .Build());
                    break;
                case TicketTrigger.AcceptQuote: ticket.AcceptQuote(ticket.Quote!.QuoteId, text); break;
                case TicketTrigger.ReplaceParts:
                    ticket.ReplaceParts(new TicketPartsExchange { OldPartNumber = "P-" + step.Text, OldSerialNumber = step.Text % 2 == 0 ? null : "S-" + step.Text, NewPartNumber = "P-" + step.Text, SignedBy = text });
                    break;
                case TicketTrigger.SendForRma: ticket.SendForRma("RMA-" + step.Pick, "P-" + step.Text, step.Text % 2 == 0 ? null : "S-" + step.Text, step.Text % 3 == 0 ? null : text); break;
                case TicketTrigger.ReceiveRmaReturn: ticket.ReceiveRmaReturn(ticket.Rmas.First(static r => r.IsOut).RmaNumber, (RmaOutcome)(step.Satisfaction % 3), step.Text % 2 == 0 ? null : text); break;
                case TicketTrigger.ReviewLegacyIssue: ticket.ReviewLegacyIssue(text, text); break;
                case TicketTrigger.ConfirmDataBackup: ticket.ConfirmDataBackup(text, step.Text % 2 == 0 ? null : text); break;
            }
        }
        catch (ArgumentException)
        {
            // e.g. reclassifying to the current severity: the domain refuses, nothing appended.
        }
        catch (InvalidTransitionException)
        {
        }

        return ticket.Version != before;
    }
}
