using System.Security.Cryptography;
using System.Text;

namespace DataPrepWorkflows.Aws.EventBridge.Deployment;

/// <summary>
/// Deterministic rule names: <c>dataprep-&lt;workflowId&gt;-&lt;n&gt;</c> for the n-th trigger (1-based), so a redeploy
/// updates the same rule. EventBridge allows 64 characters of <c>[.-_A-Za-z0-9]</c>: other characters become <c>-</c>,
/// and a longer name keeps its start and gets an 8-character hash of the full name, so names stay distinct.
/// </summary>
public static class RuleNames
{
    /// <summary>EventBridge's limit on rule names.</summary>
    public const int MaxLength = 64;

    /// <summary>The prefix of every rule the product manages.</summary>
    public const string Prefix = "dataprep-";

    /// <summary>The rule name for trigger <paramref name="triggerNumber"/> (1-based) of a workflow.</summary>
    public static string For(string workflowId, int triggerNumber)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflowId);
        ArgumentOutOfRangeException.ThrowIfLessThan(triggerNumber, 1);
        var id = new string([.. workflowId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-')]);
        var suffix = "-" + triggerNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var name = Prefix + id + suffix;
        if (name.Length <= MaxLength && id == workflowId)
        {
            return name;
        }

        // Hash the original id: two ids that differ only in characters we replaced still get different names.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(workflowId)))[..8];
        var room = MaxLength - Prefix.Length - suffix.Length - hash.Length - 1;
        return Prefix + id[..Math.Min(id.Length, room)] + "-" + hash + suffix;
    }
}
