namespace Slipway.Engine.Cli;

/// <summary>Lays out rows as indented, left-aligned columns separated by two spaces.</summary>
internal static class TextTable
{
    public static IEnumerable<string> Render(IReadOnlyList<string[]> rows)
    {
        var columns = rows.Max(row => row.Length);
        var widths = Enumerable.Range(0, columns)
            .Select(column => rows.Where(row => column < row.Length).Max(row => row[column].Length))
            .ToArray();
        return rows.Select(row =>
            ("  " + string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column])))).TrimEnd());
    }
}
