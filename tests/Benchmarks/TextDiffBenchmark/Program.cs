using System.Diagnostics;
using System.Globalization;
using UedaPublicGoals.Kernel.Diff;

// The kernel's character diff on the sizes a history compare or a draft-plan change list can meet:
// time and allocation per compare (mean of 5 after a warm-up). Prints figures; asserts nothing.
const int Runs = 5;

var tenThousand = Paragraph(1, 10_000);
var twoThousand = Paragraph(4, 2_000);
var twoThousandRewritten = string.Concat(twoThousand.Select((c, i) => i % 7 == 0 ? '改' : c));

Measure("10,000 characters, one insertion in the middle", () => TextDiff.Compare(tenThousand, tenThousand[..5_000] + "若者" + tenThousand[5_000..]));
Measure("10,000 vs 10,000 unrelated characters (above the bound: one replacement)", () => TextDiff.Compare(Paragraph(2, 10_000), Paragraph(3, 10_000)));
Measure($"2,000 characters changed throughout ({TextDiff.MaxCells / 1_000_000}M cells, the bound)", () => TextDiff.Compare(twoThousand, twoThousandRewritten));
Measure("1,000 characters changed throughout (1M cells)", () => TextDiff.Compare(twoThousand[..1_000], twoThousandRewritten[..1_000]));
Measure("a 200-character field with one word changed", () => TextDiff.Compare(twoThousand[..200], twoThousand[..100] + "変更" + twoThousand[102..200]));

static void Measure(string name, Func<IReadOnlyList<TextSegment>> compare)
{
    var segments = compare();
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < Runs; i++)
    {
        compare();
    }

    clock.Stop();
    var megabytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / Runs / 1e6;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {clock.Elapsed.TotalMilliseconds / Runs:F1} ms, {megabytes:F1} MB allocated, {segments.Count} segments"));
}

// Japanese-looking text without long repeats, so nothing lines up by accident.
static string Paragraph(int seed, int length)
{
    var random = new Random(seed);
    return string.Create(length, random, (span, r) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = (char)r.Next(0x4E00, 0x9FA0);
        }
    });
}
