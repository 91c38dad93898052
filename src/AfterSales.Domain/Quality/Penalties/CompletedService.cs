using AfterSales.Internal;

namespace AfterSales.Quality.Penalties;

/// <summary>
/// A service call an engineer completed (完成的售后服务), with the state of its feedback form
/// (售后服务信息反馈单): pay per service is due only with a complete, signed form (R-CP-3). Immutable.
/// </summary>
public sealed class CompletedService
{
    /// <summary>Creates the input.</summary>
    /// <exception cref="ArgumentException">An id is blank.</exception>
    public CompletedService(string workOrderId, string engineerId, LocalDate completedOn, bool feedbackFormComplete, bool feedbackFormSigned)
    {
        WorkOrderId = Guard.NotBlank(workOrderId);
        EngineerId = Guard.NotBlank(engineerId);
        CompletedOn = completedOn;
        FeedbackFormComplete = feedbackFormComplete;
        FeedbackFormSigned = feedbackFormSigned;
    }

    /// <summary>The work order served.</summary>
    public string WorkOrderId { get; }

    /// <summary>The engineer who served it.</summary>
    public string EngineerId { get; }

    /// <summary>The day the service was completed.</summary>
    public LocalDate CompletedOn { get; }

    /// <summary>Whether the feedback form is filled in completely.</summary>
    public bool FeedbackFormComplete { get; }

    /// <summary>Whether the customer signed the feedback form.</summary>
    public bool FeedbackFormSigned { get; }

    /// <summary>Whether the service counts for pay: complete and signed form (没有反馈单和反馈单不完整的不计算次数).</summary>
    public bool CountsForPay => FeedbackFormComplete && FeedbackFormSigned;
}
