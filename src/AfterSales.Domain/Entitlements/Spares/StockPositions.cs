using System.Runtime.CompilerServices;
using AfterSales.Internal;

namespace AfterSales.Entitlements.Spares;

/// <summary>
/// The input of a replenishment run: for every service centre × part type, the units on hand and the
/// installed base the centre serves, as a dense matrix (centres are rows, part types columns).
/// </summary>
/// <remarks>
/// <para>Built for scale: 200 centres × 5 000 part types is two arrays of a million integers and two
/// id lookups, so <see cref="ReplenishmentPlanner.Plan"/> walks it without allocating per cell.</para>
/// <para>Immutable once built: <see cref="Create"/> copies the arrays it is given, and the
/// <see cref="Builder"/> hands its arrays over on <see cref="Builder.Build"/>. Ids compare ordinally.</para>
/// </remarks>
public sealed class StockPositions
{
    private readonly string[] centreIds;
    private readonly string[] partNumbers;
    private readonly Dictionary<string, int> centreIndex;
    private readonly Dictionary<string, int> partIndex;
    private readonly int[] onHand;
    private readonly int[] installedBase;

    private StockPositions(string[] centreIds, string[] partNumbers, int[] onHand, int[] installedBase)
    {
        this.centreIds = centreIds;
        this.partNumbers = partNumbers;
        centreIndex = Index(centreIds, nameof(centreIds));
        partIndex = Index(partNumbers, nameof(partNumbers));
        this.onHand = onHand;
        this.installedBase = installedBase;
    }

    /// <summary>Creates the positions from row-major arrays (index = centre × part count + part), copying them.</summary>
    /// <param name="centreIds">The service centres, one per row.</param>
    /// <param name="partNumbers">The part types, one per column.</param>
    /// <param name="onHand">Units on hand per cell; none negative.</param>
    /// <param name="installedBase">Units in service per cell; none negative.</param>
    /// <exception cref="ArgumentException">Blank or repeated ids, arrays of the wrong length, or a negative value.</exception>
    public static StockPositions Create(
        IReadOnlyList<string> centreIds, IReadOnlyList<string> partNumbers, ReadOnlySpan<int> onHand, ReadOnlySpan<int> installedBase)
    {
        var centres = Ids(centreIds);
        var parts = Ids(partNumbers);
        var cells = (long)centres.Length * parts.Length;
        CheckCells(onHand, cells);
        CheckCells(installedBase, cells);
        return new StockPositions(centres, parts, onHand.ToArray(), installedBase.ToArray());
    }

    /// <summary>Starts positions with every cell at zero, to fill from ledgers and an installed-base register.</summary>
    /// <exception cref="ArgumentException">Blank or repeated ids.</exception>
    public static Builder CreateBuilder(IReadOnlyList<string> centreIds, IReadOnlyList<string> partNumbers) =>
        new(new StockPositions(Ids(centreIds), Ids(partNumbers), [], []));

    /// <summary>The service centres, in row order.</summary>
    public IReadOnlyList<string> CentreIds => centreIds;

    /// <summary>The part types, in column order.</summary>
    public IReadOnlyList<string> PartNumbers => partNumbers;

    /// <summary>The number of cells (centres × part types).</summary>
    public int CellCount => onHand.Length;

    /// <summary>Units on hand at a centre for a part type.</summary>
    /// <exception cref="ArgumentException">An unknown centre or part.</exception>
    public int OnHand(string centreId, string partNumber) => onHand[CellOf(centreId, partNumber)];

    /// <summary>The installed base a centre serves for a part type.</summary>
    /// <exception cref="ArgumentException">An unknown centre or part.</exception>
    public int InstalledBase(string centreId, string partNumber) => installedBase[CellOf(centreId, partNumber)];

    internal ReadOnlySpan<int> OnHandCells => onHand;

    internal ReadOnlySpan<int> InstalledBaseCells => installedBase;

    internal int PartCount => partNumbers.Length;

    internal string CentreAt(int row) => centreIds[row];

    internal string PartAt(int column) => partNumbers[column];

    internal int TryCellOf(string centreId, string partNumber) =>
        centreIndex.TryGetValue(centreId, out var c) && partIndex.TryGetValue(partNumber, out var p) ? c * partNumbers.Length + p : -1;

    private int CellOf(string centreId, string partNumber)
    {
        if (!centreIndex.TryGetValue(Guard.NotBlank(centreId), out var c))
        {
            throw new ArgumentException($"centreId '{centreId}' is not one of the positions' centres.", nameof(centreId));
        }

        if (!partIndex.TryGetValue(Guard.NotBlank(partNumber), out var p))
        {
            throw new ArgumentException($"partNumber '{partNumber}' is not one of the positions' part types.", nameof(partNumber));
        }

        return c * partNumbers.Length + p;
    }

    private static string[] Ids(IReadOnlyList<string> ids, [CallerArgumentExpression(nameof(ids))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(ids, name);
        var copy = new string[ids.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = string.IsNullOrWhiteSpace(ids[i])
                ? throw new ArgumentException($"{name}[{i}] must not be blank.", name)
                : ids[i];
        }

        return copy;
    }

    private static Dictionary<string, int> Index(string[] ids, string name)
    {
        var index = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            if (!index.TryAdd(ids[i], i))
            {
                throw new ArgumentException($"{name} holds '{ids[i]}' twice.", name);
            }
        }

        return index;
    }

    private static void CheckCells(ReadOnlySpan<int> values, long cells, [CallerArgumentExpression(nameof(values))] string? name = null)
    {
        if (values.Length != cells)
        {
            throw new ArgumentException($"{name} must hold one value per centre × part type ({cells}), held {values.Length}.", name);
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] < 0)
            {
                throw new ArgumentOutOfRangeException(name, values[i], $"{name}[{i}] must not be negative, was {values[i]}.");
            }
        }
    }

    /// <summary>Fills <see cref="StockPositions"/> cell by cell. Not thread-safe; single use.</summary>
    public sealed class Builder
    {
        private readonly StockPositions shape;
        private int[]? onHand;
        private int[]? installedBase;

        internal Builder(StockPositions shape)
        {
            this.shape = shape;
            var cells = checked(shape.centreIds.Length * shape.partNumbers.Length);
            onHand = new int[cells];
            installedBase = new int[cells];
        }

        /// <summary>Sets the units on hand of a cell.</summary>
        /// <exception cref="ArgumentException">An unknown centre or part, or a negative quantity.</exception>
        public Builder SetOnHand(string centreId, string partNumber, int quantity)
        {
            Live(onHand)[shape.CellOf(centreId, partNumber)] = EntitlementGuard.NotNegative(quantity);
            return this;
        }

        /// <summary>Sets a cell's units on hand to the ledger's balance just before <paramref name="asOf"/>.</summary>
        /// <exception cref="ArgumentException">The ledger's centre or part is not in the positions.</exception>
        public Builder SetOnHand(StockLedger ledger, Instant asOf)
        {
            Guard.NotNull(ledger);
            return SetOnHand(ledger.CentreId, ledger.PartNumber, ledger.BalanceBefore(asOf));
        }

        /// <summary>Sets the installed base a centre serves for a part type.</summary>
        /// <exception cref="ArgumentException">An unknown centre or part, or a negative count.</exception>
        public Builder SetInstalledBase(string centreId, string partNumber, int units)
        {
            Live(installedBase)[shape.CellOf(centreId, partNumber)] = EntitlementGuard.NotNegative(units);
            return this;
        }

        /// <summary>Builds the positions; the builder cannot be used afterwards.</summary>
        /// <exception cref="InvalidOperationException">Already built.</exception>
        public StockPositions Build()
        {
            var result = new StockPositions(shape.centreIds, shape.partNumbers, Live(onHand), Live(installedBase));
            onHand = null;
            installedBase = null;
            return result;
        }

        private static int[] Live(int[]? cells) =>
            cells ?? throw new InvalidOperationException("The positions were already built; start a new builder.");
    }
}
