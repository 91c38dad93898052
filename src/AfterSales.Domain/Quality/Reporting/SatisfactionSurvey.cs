using AfterSales.Internal;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// A customer satisfaction survey (满意度调查), R-RP-5: engineer skill (技术水平), attitude
/// (服务态度), timeliness (及时性) and an overall score, each 1–5, and suggestions (意见和建议).
/// Satisfied means an overall score of 4 or 5. Immutable.
/// </summary>
public sealed class SatisfactionSurvey
{
    /// <summary>The least overall score that counts as satisfied.</summary>
    public const int SatisfiedFrom = 4;

    /// <summary>Creates a survey.</summary>
    /// <exception cref="ArgumentException">A blank id or a score outside 1–5.</exception>
    public SatisfactionSurvey(string workOrderId, string customerId, LocalDate answeredOn, int skill, int attitude, int timeliness, int overall, string suggestions = "")
    {
        WorkOrderId = Guard.NotBlank(workOrderId);
        CustomerId = Guard.NotBlank(customerId);
        AnsweredOn = answeredOn;
        Skill = Score(skill);
        Attitude = Score(attitude);
        Timeliness = Score(timeliness);
        Overall = Score(overall);
        Suggestions = Guard.NotNull(suggestions);
    }

    /// <summary>The work order surveyed.</summary>
    public string WorkOrderId { get; }

    /// <summary>The customer.</summary>
    public string CustomerId { get; }

    /// <summary>The day of the answer.</summary>
    public LocalDate AnsweredOn { get; }

    /// <summary>Engineer skill, 1–5.</summary>
    public int Skill { get; }

    /// <summary>Attitude, 1–5.</summary>
    public int Attitude { get; }

    /// <summary>Timeliness, 1–5.</summary>
    public int Timeliness { get; }

    /// <summary>Overall, 1–5.</summary>
    public int Overall { get; }

    /// <summary>Suggestions, possibly empty.</summary>
    public string Suggestions { get; }

    /// <summary>Whether the customer is satisfied: <see cref="Overall"/> ≥ <see cref="SatisfiedFrom"/>.</summary>
    public bool IsSatisfied => Overall >= SatisfiedFrom;

    private static int Score(int value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null) =>
        value is >= 1 and <= 5 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be between 1 and 5, was {value}.");
}
