namespace AfterSales;

/// <summary>
/// The base of the exceptions the domain throws when a rule of the after-sales domain is broken
/// (as opposed to a plain contract violation, which is an <see cref="ArgumentException"/>).
/// Catch this type to map every domain rejection in one place, e.g. to an HTTP problem response.
/// </summary>
public abstract class AfterSalesException : Exception
{
    /// <summary>Creates the exception with a message that says what was rejected and why.</summary>
    protected AfterSalesException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    protected AfterSalesException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
