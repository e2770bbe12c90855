namespace DataPrepWorkflows.Labeling.Jobs;

/// <summary>A box a worker drew, in pixels from the image's top-left corner.</summary>
/// <param name="Label">The box's label category.</param>
/// <param name="Left">Distance from the left edge.</param>
/// <param name="Top">Distance from the top edge.</param>
/// <param name="Width">Width (positive).</param>
/// <param name="Height">Height (positive).</param>
public sealed record BoundingBox(string Label, double Left, double Top, double Width, double Height);

/// <summary>An image's size as Ground Truth's <c>image_size</c> records it.</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Depth">Colour channels. <value>3</value></param>
public sealed record ImageSize(int Width, int Height, int Depth = 3);

/// <summary>What one worker answered for one object.</summary>
/// <param name="Labels">The chosen label(s): exactly one for single-label tasks; any number for multi-label tasks; unused for boxes.</param>
/// <param name="Boxes">The boxes drawn (bounding box tasks).</param>
/// <param name="ImageSize">The image's size as the worker's page saw it (bounding box tasks).</param>
public sealed record LabelAnswer(IReadOnlyList<string> Labels, IReadOnlyList<BoundingBox>? Boxes = null, ImageSize? ImageSize = null);

/// <summary>An answer as stored: who gave it, for which object, and when the task was accepted and submitted.</summary>
/// <param name="ObjectIndex">The object's <c>datasetObjectId</c>.</param>
/// <param name="WorkerId">The worker.</param>
/// <param name="Answer">The answer.</param>
/// <param name="AcceptedAt">When the worker claimed the task.</param>
/// <param name="SubmittedAt">When the worker submitted it.</param>
public sealed record WorkerAnswer(int ObjectIndex, string WorkerId, LabelAnswer Answer, DateTimeOffset AcceptedAt, DateTimeOffset SubmittedAt);
