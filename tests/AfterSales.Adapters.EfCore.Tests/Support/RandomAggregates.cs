using AfterSales.Entitlements.Spares;
using AfterSales.Entitlements.Warranty;
using AfterSales.Quality.Complaints;
using FsCheck;
using FsCheck.Fluent;

namespace AfterSales.EntityFrameworkCore.Tests.Support;

/// <summary>Random valid stock ledgers, complaints and device records, built through the domain's own methods.</summary>
public static class RandomAggregates
{
    private static readonly string[] Texts =
    [
        "说明", "quote \" and \\ backslash", "emoji 🚑 and 中文", "line\nbreak\ttab", "{\"json\": [1, 2]}", "'; DROP TABLE x; --", "  padded  ", "x",
    ];

    private static readonly Gen<string> TextGen = Gen.Elements(Texts);

    /// <summary>Ids as awkward as the Identifier rule allows: quotes, SQL, JSON, CJK, emoji, inner spaces.</summary>
    private static readonly Gen<string> IdGen = Gen.Elements("WO-1", "quote \" and ' apostrophe", "emoji 🚑 and 中文", "{\"json\": [1, 2]}", "'; DROP TABLE x; --", "x");

    private static readonly Gen<string?> OptionalIdGen = Gen.Frequency((1, Gen.Constant<string?>(null)), (3, IdGen.Select(static t => (string?)t)));

    private static readonly Gen<string?> OptionalTextGen = Gen.Frequency((1, Gen.Constant<string?>(null)), (3, TextGen.Select(static t => (string?)t)));

    private static readonly Gen<long> AdvanceGen =
        from minutes in Gen.Elements(0L, 1L, 17L, 600L, 1440L, 525_600L)
        from nanos in Gen.Choose(0, 999_999_999)
        select (minutes * 60_000_000_000L) + nanos;

    // ---- Stock ledgers ----

    public sealed record MovementStep(StockMovementKind Kind, int Quantity, string By, long Advance, string? Note, int WorkOrder);

    public sealed record LedgerScript(string Centre, MovementStep[] Steps)
    {
        public override string ToString() => $"{Centre}: {Steps.Length} steps";
    }

    private static readonly Gen<MovementStep> MovementGen =
        from kind in Gen.Frequency(
            (3, Gen.Constant(StockMovementKind.Received)),
            (3, Gen.Constant(StockMovementKind.IssuedToWorkOrder)),
            (1, Gen.Constant(StockMovementKind.LoanerIssued)),
            (2, Gen.Constant(StockMovementKind.Returned)),
            (1, Gen.Constant(StockMovementKind.Scrapped)))
        from quantity in Gen.Frequency((4, Gen.Choose(1, 9)), (1, Gen.Choose(1, 100_000)))
        from who in TextGen
        from advance in AdvanceGen
        from note in OptionalTextGen
        from workOrder in Gen.Choose(-1, 50)
        select new MovementStep(kind, quantity, who, advance, note, workOrder);

    public static Arbitrary<LedgerScript> Ledgers { get; } =
        (from centre in Gen.Elements("SC-01", "服务中心-北京", "centre \"quoted\"")
         from steps in Gen.Sized(size => Gen.Choose(0, Math.Clamp(size, 1, 30)).SelectMany(n => Gen.ArrayOf(MovementGen, n)))
         select new LedgerScript(centre, steps)).ToArbitrary();

    /// <summary>Runs the script; a step the ledger rejects (not enough stock) is skipped.</summary>
    public static StockLedger Build(LedgerScript script, string partNumber, Instant start)
    {
        var ledger = StockLedger.Open(script.Centre, partNumber);
        var at = start;
        foreach (var s in script.Steps)
        {
            at += Duration.FromNanoseconds(s.Advance);
            var workOrder = s.WorkOrder < 0 ? null : "WO-" + s.WorkOrder.ToString(System.Globalization.CultureInfo.InvariantCulture);
            try
            {
                ledger = s.Kind switch
                {
                    StockMovementKind.Received => ledger.Receive(s.Quantity, s.By, at, s.Note),
                    StockMovementKind.IssuedToWorkOrder => ledger.IssueToWorkOrder(s.Quantity, workOrder ?? "WO-x", s.By, at),
                    StockMovementKind.LoanerIssued => ledger.IssueLoaner(s.Quantity, workOrder ?? "WO-y", s.By, at),
                    StockMovementKind.Returned => ledger.Return(s.Quantity, s.By, at, workOrder),
                    _ => ledger.Scrap(s.Quantity, s.By, at, s.Note),
                };
            }
            catch (InsufficientStockException)
            {
                // Not enough on hand: the ledger is unchanged.
            }
        }

        return ledger;
    }

    public static string Describe(StockMovement m) => $"{m.Kind} {m.Quantity} by [{m.By}] at {m.At} wo [{m.WorkOrderId}] note [{m.Note}]";

    // ---- Complaints ----

    public sealed record ComplaintStep(int Intent, long Advance, bool Flag);

    public sealed record ComplaintScript(string WorkOrder, string Engineer, string Summary, long Filed, ComplaintStep[] Steps)
    {
        public override string ToString() => $"{Steps.Length} steps";
    }

    private static readonly Gen<ComplaintStep> ComplaintStepGen =
        from intent in Gen.Choose(0, 5)
        from advance in AdvanceGen
        from flag in Gen.Frequency((1, Gen.Constant(false)), (3, Gen.Constant(true)))
        select new ComplaintStep(intent, advance, flag);

    public static Arbitrary<ComplaintScript> Complaints { get; } =
        (from workOrder in IdGen
         from engineer in IdGen
         from summary in TextGen
         from filed in Gen.Choose(0, int.MaxValue).Select(static n => n * 1_000L + 3)
         from steps in Gen.Sized(size => Gen.Choose(0, Math.Clamp(size, 1, 12)).SelectMany(n => Gen.ArrayOf(ComplaintStepGen, n)))
         select new ComplaintScript(workOrder, engineer, summary, filed, steps)).ToArbitrary();

    /// <summary>Files the complaint and fires the script's intents; one the complaint rejects is skipped. Instants may go back (not before the filing).</summary>
    public static Complaint Build(ComplaintScript script, string id, Instant start)
    {
        var filed = start + Duration.FromNanoseconds(script.Filed);
        var complaint = Complaint.File(id, script.WorkOrder, script.Engineer, filed, script.Summary);
        foreach (var s in script.Steps)
        {
            // Even intents move on from the filing, odd ones jump back to just after it: order is free.
            var at = filed + Duration.FromNanoseconds(s.Intent % 2 == 0 ? s.Advance : s.Advance / 7);
            try
            {
                complaint = s.Intent switch
                {
                    0 => complaint.RecordFirstReply(at),
                    1 => complaint.RecordVerification(at, s.Flag),
                    2 => complaint.RecordFormalAnswer(at),
                    3 => complaint.RecordSolved(at),
                    4 => complaint.RecordCustomerVerdict(at, s.Flag),
                    _ => complaint.Close(at),
                };
            }
            catch (ComplaintTransitionException)
            {
                // Not allowed now: unchanged.
            }
        }

        return complaint;
    }

    public static string Describe(Complaint c) =>
        $"{c.Id} wo [{c.WorkOrderId}] eng [{c.EngineerId}] {c.FiledAt} [{c.Summary}] {c.Status} reply {c.FirstRepliedAt} verified {c.VerifiedAt} "
        + $"responsible {c.EngineerResponsible} answered {c.FormallyAnsweredAt} solved {c.SolvedAt} verdict {c.VerdictAt} satisfied {c.CustomerSatisfied} closed {c.ClosedAt}";

    // ---- Device records ----

    public sealed record DeviceScript(
        int Component, int? Accepted, int? HandedOver, int? Completed,
        (int Day, ReplacementScope Scope, string WorkOrder, string? NewSerial)[] Replacements,
        (int Day, int Length)[] Shelf,
        (int Day, string From, string To)[] Relocations)
    {
        public override string ToString() => $"component {Component}, {Replacements.Length} replacements, {Shelf.Length} shelf, {Relocations.Length} relocations";
    }

    private static readonly ComponentClass[] Components =
    [
        ComponentClass.Hardware, ComponentClass.Software, ComponentClass.System, ComponentClass.MainUnit, ComponentClass.PipesAndElectrics,
        new("custom-\"x\"", "特殊部件 🚑", "special\npart"),
    ];

    // Day numbers around today, and now and then the ends of the supported range (SupportedDates).
    private static readonly Gen<int> DayGen = Gen.Frequency(
        (12, Gen.Choose(18_000, 24_000)),
        (1, Gen.Elements(DayNumber(SupportedDates.MinDate), DayNumber(SupportedDates.MaxDate), 0, -1)));

    private static int DayNumber(LocalDate date) => Period.DaysBetween(new LocalDate(1970, 1, 1), date);

    private static readonly Gen<int?> OptionalDayGen = Gen.Frequency((1, Gen.Constant<int?>(null)), (2, DayGen.Select(static d => (int?)d)));

    public static Arbitrary<DeviceScript> Devices { get; } =
        (from component in Gen.Choose(0, Components.Length - 1)
         from accepted in OptionalDayGen
         from handed in OptionalDayGen
         from completed in OptionalDayGen
         from replacementCount in Gen.Choose(0, 3)
         from replacements in Gen.ArrayOf(
             from day in DayGen
             from scope in Gen.Elements(Enum.GetValues<ReplacementScope>())
             from wo in IdGen
             from serial in OptionalIdGen
             select (day, scope, wo, serial),
             replacementCount)
         from shelfCount in Gen.Choose(0, 3)
         from shelf in Gen.ArrayOf(
             from day in Gen.Choose(18_000, 24_000)
             from length in Gen.Choose(0, 400)
             select (day, length),
             shelfCount)
         from relocationCount in Gen.Choose(0, 3)
         from relocations in Gen.ArrayOf(
             from day in DayGen
             from a in TextGen
             from b in TextGen
             select (day, a, b),
             relocationCount)
         select new DeviceScript(component, accepted, handed, completed ?? (accepted is null && handed is null ? 20_000 : null), replacements, shelf, relocations))
        .ToArbitrary();

    public static DeviceRecord Build(DeviceScript script, string serial)
    {
        static LocalDate? Day(int? n) => n is { } d ? new LocalDate(1970, 1, 1).PlusDays(d) : null;
        var record = DeviceRecord.Create(serial, Components[script.Component], Day(script.Accepted), Day(script.HandedOver), Day(script.Completed));
        if (script.Component % 2 == 0)
        {
            record = record.WithContract("cn-002-integration", "CT-" + serial).WithServiceCentre("北京 BJ").WithModel("KIOSK-3", script.Component);
        }

        foreach (var (day, scope, wo, newSerial) in script.Replacements)
        {
            record = record.WithReplacement(new DeviceReplacement(Day(day)!.Value, scope, wo, newSerial));
        }

        foreach (var (day, length) in script.Shelf)
        {
            var start = Day(day)!.Value;
            try
            {
                record = record.WithShelfPeriod(new DateInterval(start, start.PlusDays(length)));
            }
            catch (ArgumentException)
            {
                // Overlaps one already recorded: skipped.
            }
        }

        foreach (var (day, from, to) in script.Relocations)
        {
            record = record.WithRelocation(new DeviceRelocation(Day(day)!.Value, from, to));
        }

        return record;
    }

    public static string Describe(DeviceRecord d) =>
        $"[{d.WarrantyPolicyCode}] [{d.ContractId}] [{d.ServiceCentreId}] [{d.Model}] [{d.Grade}] " +
        $"{d.SerialNumber} {d.Component.Code}|{d.Component.NameZh}|{d.Component.NameEn} acc {d.AcceptedOn} hand {d.HandedOverOn} done {d.CompletedOn}; "
        + string.Join("; ", d.Replacements.Select(static r => $"repl {r.On} {r.Scope} [{r.WorkOrderId}] [{r.NewSerialNumber}]"))
        + " / " + string.Join("; ", d.ShelfPeriods.Select(static p => $"shelf {p.Start}..{p.End}"))
        + " / " + string.Join("; ", d.Relocations.Select(static r => $"moved {r.On} [{r.From}] -> [{r.To}]"));
}
