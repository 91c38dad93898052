using AfterSales.Internal;

namespace AfterSales.Quality.Inspections;

/// <summary>
/// The record of inspecting one device (巡检记录), identified by its serial number, or one site,
/// against a checklist, signed by the customer (R-IN-3). Immutable.
/// </summary>
/// <remarks>
/// Results for items that are not on the checklist, or two results for one item, are mistakes of
/// the caller and are rejected with an <see cref="ArgumentException"/>. A record with items left
/// unchecked or without the customer's signature is accepted but flagged (<see cref="Issues"/>) and
/// does not count as done (<see cref="CountsAsDone"/>): the paper form exists, but the inspection
/// must be completed or signed before it satisfies a plan.
/// </remarks>
public sealed class InspectionRecord
{
    private InspectionRecord(
        string id,
        InspectionSubject subject,
        Checklist checklist,
        LocalDate inspectedOn,
        string engineerId,
        IReadOnlyList<InspectionItemResult> results,
        CustomerSignature? signature,
        IReadOnlyList<ChecklistItem> missing)
    {
        Id = id;
        Subject = subject;
        Checklist = checklist;
        InspectedOn = inspectedOn;
        EngineerId = engineerId;
        Results = results;
        Signature = signature;
        MissingItems = missing;
    }

    /// <summary>Creates a record.</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="subject">The device (设备序列号) or site inspected.</param>
    /// <param name="checklist">The checklist used.</param>
    /// <param name="inspectedOn">The day of the inspection.</param>
    /// <param name="engineerId">The engineer who inspected.</param>
    /// <param name="results">One result per checked item.</param>
    /// <param name="signature">The customer's signature, if signed.</param>
    /// <exception cref="ArgumentException">A blank id, an unknown item, an item given twice, or a signature dated before the inspection.</exception>
    public static InspectionRecord Create(
        string id,
        InspectionSubject subject,
        Checklist checklist,
        LocalDate inspectedOn,
        string engineerId,
        IEnumerable<InspectionItemResult> results,
        CustomerSignature? signature)
    {
        Guard.NotBlank(id);
        Guard.NotNull(subject);
        Guard.NotNull(checklist);
        Guard.NotBlank(engineerId);
        var list = Guard.NotNull(results).ToList();
        foreach (var result in list)
        {
            if (!checklist.Contains(result.ItemCode))
            {
                throw new ArgumentException(
                    $"results: item '{result.ItemCode}' is not on the checklist '{checklist.DeviceType}'; its items are {string.Join(", ", checklist.Items.Select(i => i.Code))}.",
                    nameof(results));
            }
        }

        var duplicate = list.GroupBy(r => r.ItemCode, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"results: item '{duplicate.Key}' is given {duplicate.Count()} times.", nameof(results));
        }

        if (signature is not null && signature.SignedOn < inspectedOn)
        {
            throw new ArgumentException($"signature: signed on {signature.SignedOn:uuuu-MM-dd}, before the inspection on {inspectedOn:uuuu-MM-dd}.", nameof(signature));
        }

        var missing = checklist.Items.Where(i => !list.Exists(r => string.Equals(r.ItemCode, i.Code, StringComparison.Ordinal))).ToList();
        return new InspectionRecord(id, subject, checklist, inspectedOn, engineerId, list, signature, missing);
    }

    /// <summary>The record's id.</summary>
    public string Id { get; }

    /// <summary>The device or site inspected.</summary>
    public InspectionSubject Subject { get; }

    /// <summary>The checklist used.</summary>
    public Checklist Checklist { get; }

    /// <summary>The day of the inspection.</summary>
    public LocalDate InspectedOn { get; }

    /// <summary>The engineer.</summary>
    public string EngineerId { get; }

    /// <summary>The results, as given.</summary>
    public IReadOnlyList<InspectionItemResult> Results { get; }

    /// <summary>The customer's signature, if any.</summary>
    public CustomerSignature? Signature { get; }

    /// <summary>Checklist items without a result.</summary>
    public IReadOnlyList<ChecklistItem> MissingItems { get; }

    /// <summary>Whether every checklist item has a result.</summary>
    public bool IsComplete => MissingItems.Count == 0;

    /// <summary>Whether the customer signed.</summary>
    public bool IsSigned => Signature is not null;

    /// <summary>Whether the record satisfies a plan: complete and signed.</summary>
    public bool CountsAsDone => IsComplete && IsSigned;

    /// <summary>Results with a fault found.</summary>
    public IEnumerable<InspectionItemResult> Faults => Results.Where(r => r.Outcome == InspectionOutcome.Fault);

    /// <summary>What keeps the record from counting, one line each; empty when it counts.</summary>
    public IReadOnlyList<string> Issues
    {
        get
        {
            var issues = new List<string>();
            if (!IsComplete)
            {
                issues.Add("未完成 items not checked: " + string.Join(", ", MissingItems.Select(i => i.Code)));
            }

            if (!IsSigned)
            {
                issues.Add("未签字 not signed by the customer");
            }

            return issues;
        }
    }
}
