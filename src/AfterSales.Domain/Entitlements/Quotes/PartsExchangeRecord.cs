using AfterSales.Internal;

namespace AfterSales.Entitlements.Quotes;

/// <summary>
/// The old and the new part of a replacement, signed for by the customer (新旧部件均须客户签收),
/// R-WO-7: part numbers, serial numbers, who signed and when. Immutable.
/// </summary>
public sealed class PartsExchangeRecord
{
    private PartsExchangeRecord(
        string workOrderId, string oldPartNumber, string? oldSerialNumber, string newPartNumber, string? newSerialNumber,
        string signedBy, Instant signedAt, string? quoteId)
    {
        WorkOrderId = workOrderId;
        OldPartNumber = oldPartNumber;
        OldSerialNumber = oldSerialNumber;
        NewPartNumber = newPartNumber;
        NewSerialNumber = newSerialNumber;
        SignedBy = signedBy;
        SignedAt = signedAt;
        QuoteId = quoteId;
    }

    /// <summary>Records an exchange the customer signed for.</summary>
    /// <param name="workOrderId">The work order.</param>
    /// <param name="oldPartNumber">The part number removed.</param>
    /// <param name="oldSerialNumber">The serial number removed, if it has one.</param>
    /// <param name="newPartNumber">The part number installed (a new original part, R-SP-4).</param>
    /// <param name="newSerialNumber">The serial number installed, if it has one.</param>
    /// <param name="signedBy">The customer's representative who signed.</param>
    /// <param name="signedAt">When.</param>
    /// <param name="quoteId">The accepted quote, for paid work.</param>
    /// <exception cref="ArgumentException">A blank work order, part number or signatory.</exception>
    public static PartsExchangeRecord Create(
        string workOrderId, string oldPartNumber, string? oldSerialNumber, string newPartNumber, string? newSerialNumber,
        string signedBy, Instant signedAt, string? quoteId = null) =>
        new(Guard.NotBlank(workOrderId), Guard.NotBlank(oldPartNumber), oldSerialNumber, Guard.NotBlank(newPartNumber), newSerialNumber,
            Guard.NotBlank(signedBy), signedAt, quoteId);

    /// <summary>The work order.</summary>
    public string WorkOrderId { get; }

    /// <summary>The part number removed.</summary>
    public string OldPartNumber { get; }

    /// <summary>The serial number removed, if any.</summary>
    public string? OldSerialNumber { get; }

    /// <summary>The part number installed.</summary>
    public string NewPartNumber { get; }

    /// <summary>The serial number installed, if any.</summary>
    public string? NewSerialNumber { get; }

    /// <summary>Who signed for both parts.</summary>
    public string SignedBy { get; }

    /// <summary>When.</summary>
    public Instant SignedAt { get; }

    /// <summary>The accepted quote, for paid work.</summary>
    public string? QuoteId { get; }
}
