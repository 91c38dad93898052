using AfterSales.Internal;

namespace AfterSales.Severity;

/// <summary>
/// A contract's ordered scale of fault severity levels (故障分级), most severe first
/// (R-SEV-1 … R-SEV-5). Scales are contract data: every plan names and counts its levels
/// differently, so nothing in the library assumes four levels or particular codes.
/// </summary>
/// <remarks>Immutable and thread-safe. Build one with the constructor or take a preset from
/// <see cref="SeverityScales"/>.</remarks>
public sealed class SeverityScale
{
    private readonly SeverityLevel[] levels;

    /// <summary>Creates a scale from its levels.</summary>
    /// <param name="code">A stable code for the scale, e.g. <c>"cn-003-levels"</c>.</param>
    /// <param name="name">A readable name of the scale.</param>
    /// <param name="levels">The levels; ranks must be 1, 2, … without gaps and codes unique.</param>
    /// <exception cref="ArgumentException">No levels, a repeated code, or ranks that are not 1…n.</exception>
    public SeverityScale(string code, string name, IEnumerable<SeverityLevel> levels)
    {
        Code = Guard.NotBlank(code);
        Name = Guard.NotBlank(name);
        this.levels = [.. Guard.NotNull(levels).OrderBy(l => l?.Rank ?? 0)];
        if (this.levels.Length == 0)
        {
            throw new ArgumentException("levels must hold at least one severity level.", nameof(levels));
        }

        for (var i = 0; i < this.levels.Length; i++)
        {
            var level = this.levels[i] ?? throw new ArgumentException($"levels[{i}] must not be null.", nameof(levels));
            if (level.Rank != i + 1)
            {
                throw new ArgumentException(
                    $"levels must have ranks 1…{this.levels.Length} without gaps or repeats; level '{level.Code}' has rank {level.Rank} where {i + 1} was expected.",
                    nameof(levels));
            }

            for (var j = 0; j < i; j++)
            {
                if (string.Equals(this.levels[j].Code, level.Code, StringComparison.Ordinal))
                {
                    throw new ArgumentException($"levels must have unique codes; '{level.Code}' appears twice.", nameof(levels));
                }
            }
        }
    }

    /// <summary>The stable code of the scale.</summary>
    public string Code { get; }

    /// <summary>A readable name of the scale.</summary>
    public string Name { get; }

    /// <summary>The levels, most severe (rank 1) first.</summary>
    public IReadOnlyList<SeverityLevel> Levels => levels;

    /// <summary>The most severe level of the scale.</summary>
    public SeverityLevel MostSevere => levels[0];

    /// <summary>The level with the given code.</summary>
    /// <exception cref="ArgumentException">The scale has no level with that code; the message lists the codes it has.</exception>
    public SeverityLevel this[string code] =>
        TryFind(code, out var level)
            ? level
            : throw new ArgumentException(
                $"code '{code}' is not a level of severity scale '{Code}'; its levels are {string.Join(", ", levels.Select(l => l.Code))}.",
                nameof(code));

    /// <summary>Whether the scale has a level with the given code.</summary>
    public bool Contains(string code) => TryFind(code, out _);

    /// <summary>Finds the level with the given code.</summary>
    public bool TryFind(string code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SeverityLevel? level)
    {
        foreach (var candidate in levels)
        {
            if (string.Equals(candidate.Code, code, StringComparison.Ordinal))
            {
                level = candidate;
                return true;
            }
        }

        level = null;
        return false;
    }

    /// <summary>
    /// The next more severe level, used when remote diagnosis cannot remove a low-level problem
    /// and the contract re-classifies it upward (归为高级问题级别, R-SEV-2); <see langword="null"/>
    /// when <paramref name="level"/> is already the most severe.
    /// </summary>
    public SeverityLevel? OneLevelUp(SeverityLevel level)
    {
        var rank = this[Guard.NotNull(level).Code].Rank;
        return rank == 1 ? null : levels[rank - 2];
    }

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {string.Join(" > ", levels.Select(l => l.Code))}";
}
