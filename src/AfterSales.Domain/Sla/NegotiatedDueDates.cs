namespace AfterSales.Sla;

/// <summary>Whether a due date agreed with the customer (协商时限) may be earlier than the policy's own deadline.</summary>
public enum NegotiatedDueDates
{
    /// <summary>Never earlier (the default): an agreed date before the policy's deadline is refused, and the policy's deadline stands if it later moves past the agreed one.</summary>
    NeverEarlierThanPolicy = 0,

    /// <summary>May be earlier: the customer and the vendor may agree a stricter date, and the explanation says the policy allows it.</summary>
    MayBeEarlier = 1,
}
