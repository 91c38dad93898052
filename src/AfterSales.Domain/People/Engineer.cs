using AfterSales.Internal;

namespace AfterSales.People;

/// <summary>
/// A field engineer of a service centre (工程师, R-ORG-1): who can be dispatched (派工) to a work order.
/// Immutable; built by <see cref="Create"/>, changed by <see cref="With"/>. Value equality.
/// </summary>
/// <remarks>
/// R-ORG-1 places engineers under provincial centres, which report to regional centres; the centre
/// is the <see cref="CentreId"/> the duty rota (<see cref="DutyRota"/>) of which says when the engineer is on duty.
/// </remarks>
public sealed class Engineer : IEquatable<Engineer>
{
    /// <summary>The most skills an engineer may list.</summary>
    public const int MaxSkills = 50;

    /// <summary>The most characters of <see cref="Name"/> and <see cref="Contact"/>.</summary>
    public const int MaxTextLength = 200;

    private Engineer(string id, string name, string centreId, string contact, IReadOnlyList<string> skills)
    {
        Id = id;
        Name = name;
        CentreId = centreId;
        Contact = contact;
        Skills = skills;
    }

    /// <summary>The engineer's id (工号), an <see cref="Identifier"/>; what a dispatch names.</summary>
    public string Id { get; }

    /// <summary>The engineer's name (姓名).</summary>
    public string Name { get; }

    /// <summary>The service centre the engineer belongs to (所属服务中心), an <see cref="Identifier"/>.</summary>
    public string CentreId { get; }

    /// <summary>A phone number or e-mail address (联系方式).</summary>
    public string Contact { get; }

    /// <summary>What the engineer is qualified for (技能), e.g. <c>cctv</c>, <c>kiosk</c>; distinct, in the order given.</summary>
    public IReadOnlyList<string> Skills { get; }

    /// <summary>Creates an engineer.</summary>
    /// <param name="id">The id; the <see cref="Identifier"/> rule.</param>
    /// <param name="name">The name; 1 to <see cref="MaxTextLength"/> characters, not blank.</param>
    /// <param name="centreId">The service centre; the <see cref="Identifier"/> rule.</param>
    /// <param name="contact">A phone number or e-mail address; 1 to <see cref="MaxTextLength"/> characters, not blank.</param>
    /// <param name="skills">The skills, each an <see cref="Identifier"/>, at most <see cref="MaxSkills"/>; duplicates are dropped.</param>
    /// <returns>The engineer.</returns>
    /// <exception cref="ArgumentException">A field breaks its rule; the message names it (<c>id</c>, <c>name</c>, <c>centreId</c>, <c>contact</c>, <c>skills[i]</c>).</exception>
    public static Engineer Create(string id, string name, string centreId, string contact, IEnumerable<string>? skills = null)
    {
        Identifier.Check(id, "id");
        Text(name, "name");
        Identifier.Check(centreId, "centreId");
        Text(contact, "contact");
        var list = new List<string>();
        var i = 0;
        foreach (var skill in skills ?? [])
        {
            Identifier.Check(skill, $"skills[{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}]");
            if (!list.Contains(skill, StringComparer.Ordinal))
            {
                list.Add(skill);
            }

            i++;
        }

        if (i > MaxSkills)
        {
            throw new ArgumentException($"skills must hold at most {MaxSkills} items, was {i}.", nameof(skills));
        }

        return new Engineer(id, name, centreId, contact, list.AsReadOnly());
    }

    /// <summary>A copy with the given fields replaced; the id stays.</summary>
    /// <exception cref="ArgumentException">A field breaks its rule (see <see cref="Create"/>).</exception>
    public Engineer With(string? name = null, string? centreId = null, string? contact = null, IEnumerable<string>? skills = null) =>
        Create(Id, name ?? Name, centreId ?? CentreId, contact ?? Contact, skills ?? Skills);

    /// <summary>Whether the engineer lists <paramref name="skill"/> (ordinal).</summary>
    public bool HasSkill(string skill) => Skills.Contains(skill, StringComparer.Ordinal);

    /// <inheritdoc />
    public bool Equals(Engineer? other) =>
        other is not null && Id == other.Id && Name == other.Name && CentreId == other.CentreId && Contact == other.Contact && Skills.SequenceEqual(other.Skills, StringComparer.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Engineer);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, CentreId, Contact, Skills.Count);

    /// <summary>For example <c>E-7 Li Lei (SH-01)</c>.</summary>
    public override string ToString() => $"{Id} {Name} ({CentreId})";

    private static void Text(string? value, string name)
    {
        Guard.NotBlank(value, name);
        if (value.Length > MaxTextLength)
        {
            throw new ArgumentException($"{name} must be at most {MaxTextLength} characters, was {value.Length}.", name);
        }
    }
}
