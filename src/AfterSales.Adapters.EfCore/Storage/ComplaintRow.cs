using AfterSales.Quality.Complaints;

namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// The row kept per <see cref="Complaint"/> (投诉行): its fields as of the last save and the version
/// (the optimistic-concurrency token, one more per save). Written only by
/// <see cref="EfCoreComplaintStore{TContext}"/>; hosts may read it for reports.
/// </summary>
public sealed class ComplaintRow
{
    /// <summary>The tenant.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The complaint's id.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The work order complained about.</summary>
    public string WorkOrderId { get; set; } = string.Empty;

    /// <summary>The engineer complained about.</summary>
    public string EngineerId { get; set; } = string.Empty;

    /// <summary>When it was filed.</summary>
    public Instant FiledAt { get; set; }

    /// <summary>What the customer complains about.</summary>
    public string Summary { get; set; } = string.Empty;

    /// <summary>Open or closed, stored by name; indexed with the tenant.</summary>
    public ComplaintStatus Status { get; set; }

    /// <summary>When the desk first replied.</summary>
    public Instant? FirstRepliedAt { get; set; }

    /// <summary>When it was verified with the engineer.</summary>
    public Instant? VerifiedAt { get; set; }

    /// <summary>Whether the engineer was found responsible.</summary>
    public bool? EngineerResponsible { get; set; }

    /// <summary>When the formal answer was given.</summary>
    public Instant? FormallyAnsweredAt { get; set; }

    /// <summary>When the problem was solved.</summary>
    public Instant? SolvedAt { get; set; }

    /// <summary>When the customer last gave a verdict.</summary>
    public Instant? VerdictAt { get; set; }

    /// <summary>The customer's last verdict.</summary>
    public bool? CustomerSatisfied { get; set; }

    /// <summary>When it was closed.</summary>
    public Instant? ClosedAt { get; set; }

    /// <summary>The number of saves: the optimistic-concurrency token.</summary>
    public int Version { get; set; }
}
