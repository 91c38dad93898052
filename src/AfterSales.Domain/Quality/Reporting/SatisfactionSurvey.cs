using AfterSales.Internal;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// A customer satisfaction survey of one work order (满意度调查), R-RP-5, with seed 003's items,
/// each answered on its own: the engineer's skill (技术水平满意度), attitude (服务态度) and timeliness
/// (事务处理及时程度), each 1–5 or not answered, and suggestions (改进建议或要求). Immutable.
/// </summary>
/// <remarks>
/// A survey has no overall score of its own: the customer's overall satisfaction is the rating on
/// the signed service report (<see cref="SignOffRating"/>, R-WO-8), and the report never fills one
/// from the other.
/// </remarks>
public sealed class SatisfactionSurvey
{
    /// <summary>Creates a survey.</summary>
    /// <param name="workOrderId">The work order surveyed.</param>
    /// <param name="answeredOn">The day the customer answered.</param>
    /// <param name="skill">The engineer's skill, 1–5, or null when not answered.</param>
    /// <param name="attitude">The engineer's attitude, 1–5, or null.</param>
    /// <param name="timeliness">How timely the work was handled, 1–5, or null.</param>
    /// <param name="suggestions">Suggestions or requests; may be empty.</param>
    /// <exception cref="ArgumentException">A blank id, a score outside 1–5, or nothing answered at all.</exception>
    public SatisfactionSurvey(string workOrderId, LocalDate answeredOn, int? skill, int? attitude, int? timeliness, string suggestions = "")
    {
        WorkOrderId = Guard.NotBlank(workOrderId);
        AnsweredOn = answeredOn;
        Skill = Score(skill);
        Attitude = Score(attitude);
        Timeliness = Score(timeliness);
        Suggestions = Guard.NotNull(suggestions).Trim();
        if (skill is null && attitude is null && timeliness is null && Suggestions.Length == 0)
        {
            throw new ArgumentException("A survey must answer at least one item: skill, attitude, timeliness or suggestions.", nameof(skill));
        }
    }

    /// <summary>The least score that counts as satisfied (满意): 4 of 5.</summary>
    public const int SatisfiedFrom = 4;

    /// <summary>The work order surveyed.</summary>
    public string WorkOrderId { get; }

    /// <summary>The day of the answer; the survey belongs to the period of this day.</summary>
    public LocalDate AnsweredOn { get; }

    /// <summary>The engineer's skill, 1–5; null when not answered.</summary>
    public int? Skill { get; }

    /// <summary>The engineer's attitude, 1–5; null when not answered.</summary>
    public int? Attitude { get; }

    /// <summary>How timely the work was handled, 1–5; null when not answered.</summary>
    public int? Timeliness { get; }

    /// <summary>Suggestions, trimmed; empty when none.</summary>
    public string Suggestions { get; }

    private static int? Score(int? value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null) =>
        value is null or (>= 1 and <= 5) ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be between 1 and 5, was {value}.");
}
