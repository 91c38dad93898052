namespace AfterSales;

/// <summary>
/// An aggregate as a store loaded it, with the version it was stored at (带版本的聚合): pass
/// <see cref="Version"/> back as the expected version when saving a changed copy, so a concurrent
/// change is detected (optimistic concurrency).
/// </summary>
/// <typeparam name="T">The aggregate, e.g. a complaint or a device record.</typeparam>
/// <param name="Value">The aggregate.</param>
/// <param name="Version">The number of saves it has had: 1 after the first save.</param>
public sealed record Versioned<T>(T Value, int Version)
    where T : class;
