using AfterSales.Internal;

namespace AfterSales.Workflow;

/// <summary>
/// A condition a guarded transition requires, with the reason shown when it is not met
/// (for example <c>"customer has signed off"</c>). Pass several to
/// <see cref="StateConfiguration{TState, TTrigger, TContext}.PermitIf(TTrigger, TState, GuardCondition{TContext}[])"/>
/// when a transition needs them all.
/// </summary>
/// <remarks>
/// Use a <see langword="static"/> lambda for <see cref="Predicate"/> so that evaluating it never
/// allocates; the predicate should be pure, because <c>CanFire</c>, <c>Check</c> and <c>Fire</c>
/// each evaluate it. Immutable and thread-safe.
/// </remarks>
/// <typeparam name="TContext">The object the predicate reads (typically the aggregate).</typeparam>
public sealed class GuardCondition<TContext>
{
    /// <summary>Creates a guard condition.</summary>
    /// <param name="predicate">Returns <see langword="true"/> when the condition holds.</param>
    /// <param name="description">What must hold, phrased as a condition ("customer has signed off").</param>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> or <paramref name="description"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="description"/> is empty or white space.</exception>
    public GuardCondition(Func<TContext, bool> predicate, string description)
    {
        Predicate = Guard.NotNull(predicate);
        Description = Guard.NotBlank(description);
    }

    /// <summary>Returns <see langword="true"/> when the condition holds.</summary>
    public Func<TContext, bool> Predicate { get; }

    /// <summary>What must hold, as shown in rejections and diagrams.</summary>
    public string Description { get; }

    /// <inheritdoc />
    public override string ToString() => Description;
}
