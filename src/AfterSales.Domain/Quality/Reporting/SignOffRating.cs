using AfterSales.Internal;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// The customer's satisfaction rating on a signed service report (服务报告满意度评价), R-WO-8: the
/// overall score the satisfaction rate (服务满意率, R-RP-3) counts. One per sign-off. Immutable.
/// </summary>
public sealed class SignOffRating
{
    /// <summary>Creates a rating.</summary>
    /// <exception cref="ArgumentException">A blank id or a score outside 1–5.</exception>
    public SignOffRating(string workOrderId, LocalDate ratedOn, int score, string comment = "")
    {
        WorkOrderId = Guard.NotBlank(workOrderId);
        RatedOn = ratedOn;
        Score = score is >= 1 and <= 5 ? score : throw new ArgumentOutOfRangeException(nameof(score), score, $"score must be between 1 and 5, was {score}.");
        Comment = Guard.NotNull(comment).Trim();
    }

    /// <summary>The work order signed off.</summary>
    public string WorkOrderId { get; }

    /// <summary>The day of the sign-off; the rating belongs to the period of this day.</summary>
    public LocalDate RatedOn { get; }

    /// <summary>The rating, 1 (very dissatisfied) to 5 (very satisfied).</summary>
    public int Score { get; }

    /// <summary>The customer's comment (客户意见), trimmed; empty when none.</summary>
    public string Comment { get; }

    /// <summary>Whether the customer is satisfied: a score of <see cref="SatisfactionSurvey.SatisfiedFrom"/> or more.</summary>
    public bool IsSatisfied => Score >= SatisfactionSurvey.SatisfiedFrom;
}
