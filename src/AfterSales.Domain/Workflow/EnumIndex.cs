using System.Globalization;
using System.Runtime.CompilerServices;

namespace AfterSales.Workflow;

/// <summary>
/// Converts enum values to array indexes without boxing. The size test is a JIT-time constant
/// for each enum, so only one branch survives in the compiled code.
/// </summary>
internal static class EnumIndex
{
    /// <summary>The value as an index, or a negative/huge number that fails a <c>(uint)</c> bounds check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Of<T>(T value)
        where T : struct, Enum
    {
        if (Unsafe.SizeOf<T>() == sizeof(int))
        {
            return Unsafe.As<T, int>(ref value);
        }

        if (Unsafe.SizeOf<T>() == sizeof(byte))
        {
            return Unsafe.As<T, byte>(ref value);
        }

        if (Unsafe.SizeOf<T>() == sizeof(ushort))
        {
            return Unsafe.As<T, ushort>(ref value);
        }

        ulong wide = Unsafe.As<T, ulong>(ref value);
        return wide <= int.MaxValue ? (int)wide : -1;
    }

    /// <summary>
    /// The values of <typeparamref name="T"/> ordered by index, after checking they are exactly
    /// 0..n-1 (the engine indexes arrays with them).
    /// </summary>
    /// <param name="role">"state" or "trigger", for the error message.</param>
    /// <exception cref="InvalidOperationException">The enum is empty or its values are not dense from 0.</exception>
    public static T[] DenseValues<T>(string role)
        where T : struct, Enum
    {
        T[] declared = Enum.GetValues<T>();
        if (declared.Length == 0)
        {
            throw new InvalidOperationException(
                $"The {role} enum '{typeof(T).Name}' declares no values; a state machine needs at least one.");
        }

        // Aliases (two names for one value) are the same state; the first name is kept.
        var distinct = new List<T>(declared.Length);
        var indexes = new HashSet<long>();
        foreach (T value in declared)
        {
            if (indexes.Add(Convert.ToInt64(value, CultureInfo.InvariantCulture)))
            {
                distinct.Add(value);
            }
        }

        var byIndex = new T[distinct.Count];
        var problems = new List<string>();
        foreach (T value in distinct)
        {
            int index = Of(value);
            if ((uint)index >= (uint)byIndex.Length)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"'{value}' = {Convert.ToInt64(value, CultureInfo.InvariantCulture)}"));
            }
            else
            {
                byIndex[index] = value;
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"The {role} enum '{typeof(T).Name}' must have dense values 0..{byIndex.Length - 1} (the engine indexes tables with them); "
                + $"out of range: {string.Join(", ", problems)}. Number the members 0, 1, 2, … without gaps."));
        }

        return byIndex;
    }
}
