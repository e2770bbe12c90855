namespace DataPrepWorkflows.Activities.GlueJob;

/// <summary>A problem with the job's script or arguments that ends the run FAILED with this message.</summary>
internal sealed class JobScriptException(string message, Exception? inner = null) : Exception(message, inner);
