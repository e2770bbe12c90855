using System.Globalization;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Labeling.Jobs;

namespace DataPrepWorkflows.Labeling.Consolidation;

/// <summary>
/// Bounding-box consolidation by IoU clustering, in the spirit of Ground Truth's (boxes matched by their Jaccard index):
/// answers are taken in submission order and each box joins the cluster of the same label whose first box it overlaps
/// most, when that IoU is at least <see cref="MatchIoU"/> and the cluster holds no box from the same worker; otherwise
/// it starts a cluster. A cluster is kept when more than half the workers drew it; its box is the mean of its members
/// (rounded to whole pixels) and its confidence the share of workers in it. Boxes are ordered by class id, then
/// top-left corner.
/// </summary>
internal static class BoundingBoxConsolidation
{
    public const double MatchIoU = 0.5;

    public static ConsolidatedLabel Consolidate(LabelingJobDefinition job, IReadOnlyList<LabelAnswer> answers, int workers)
    {
        var clusters = new List<Cluster>();
        for (var worker = 0; worker < answers.Count; worker++)
        {
            foreach (var box in answers[worker].Boxes ?? [])
            {
                var best = clusters
                    .Where(c => c.Label == box.Label && !c.Workers.Contains(worker))
                    .Select(c => (Cluster: c, IoU: IoU(c.Boxes[0], box)))
                    .Where(m => m.IoU >= MatchIoU)
                    .OrderByDescending(m => m.IoU)
                    .Select(m => m.Cluster)
                    .FirstOrDefault();
                if (best is null)
                {
                    best = new Cluster(box.Label);
                    clusters.Add(best);
                }

                best.Boxes.Add(box);
                best.Workers.Add(worker);
            }
        }

        var kept = clusters
            .Where(c => c.Workers.Count * 2 > answers.Count)
            .Select(c => (ClassId: job.Categories.ClassId(c.Label), Box: Mean(c.Boxes), Confidence: Confidence.Share(c.Workers.Count, workers)))
            .OrderBy(k => k.ClassId).ThenBy(k => k.Box.Left).ThenBy(k => k.Box.Top)
            .ToList();
        var size = answers.Select(a => a.ImageSize).FirstOrDefault(s => s is not null) ?? new ImageSize(0, 0);
        return Build(job, size, kept);
    }

    public static ConsolidatedLabel Build(LabelingJobDefinition job, ImageSize size, IReadOnlyList<(int ClassId, BoundingBox Box, double Confidence)> boxes)
    {
        var annotations = new JsonArray();
        var objects = new JsonArray();
        var classMap = new JsonObject();
        foreach (var (classId, box, confidence) in boxes)
        {
            annotations.Add(new JsonObject
            {
                ["class_id"] = classId,
                ["left"] = (int)Math.Round(box.Left, MidpointRounding.AwayFromZero),
                ["top"] = (int)Math.Round(box.Top, MidpointRounding.AwayFromZero),
                ["width"] = (int)Math.Round(box.Width, MidpointRounding.AwayFromZero),
                ["height"] = (int)Math.Round(box.Height, MidpointRounding.AwayFromZero),
            });
            objects.Add(new JsonObject { ["confidence"] = confidence });
            classMap[classId.ToString(CultureInfo.InvariantCulture)] = job.Categories.Labels[classId];
        }

        var value = new JsonObject
        {
            ["image_size"] = new JsonArray(new JsonObject { ["width"] = size.Width, ["height"] = size.Height, ["depth"] = size.Depth }),
            ["annotations"] = annotations,
        };
        return new ConsolidatedLabel(value, new JsonObject { ["objects"] = objects, ["class-map"] = classMap });
    }

    /// <summary>Intersection over union (Jaccard index) of two boxes.</summary>
    public static double IoU(BoundingBox a, BoundingBox b)
    {
        var width = Math.Min(a.Left + a.Width, b.Left + b.Width) - Math.Max(a.Left, b.Left);
        var height = Math.Min(a.Top + a.Height, b.Top + b.Height) - Math.Max(a.Top, b.Top);
        if (width <= 0 || height <= 0)
        {
            return 0;
        }

        var intersection = width * height;
        return intersection / ((a.Width * a.Height) + (b.Width * b.Height) - intersection);
    }

    private static BoundingBox Mean(List<BoundingBox> boxes) => new(
        boxes[0].Label,
        boxes.Average(b => b.Left),
        boxes.Average(b => b.Top),
        boxes.Average(b => b.Width),
        boxes.Average(b => b.Height));

    private sealed class Cluster(string label)
    {
        public string Label { get; } = label;

        public List<BoundingBox> Boxes { get; } = [];

        public HashSet<int> Workers { get; } = [];
    }
}
