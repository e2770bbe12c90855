using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Labeling.Consolidation;

/// <summary>
/// An object's label as the output manifest holds it: the value under <c>&lt;attr&gt;</c> and the task-specific part of
/// <c>&lt;attr&gt;-metadata</c> (class-name or class-map, confidence or confidence-map, objects). The common metadata
/// (type, job-name, human-annotated, creation-date) is added when the label is recorded.
/// </summary>
/// <param name="Value">The label value.</param>
/// <param name="Metadata">Task-specific metadata, in Ground Truth's key order.</param>
internal sealed record ConsolidatedLabel(JsonNode Value, JsonObject Metadata);
