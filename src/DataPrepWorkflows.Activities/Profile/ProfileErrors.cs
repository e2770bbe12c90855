namespace DataPrepWorkflows.Activities.Profile;

/// <summary>Error names the <see cref="ProfileActivity"/> faults with, for <c>retry</c> and <c>catch</c>.</summary>
public static class ProfileErrors
{
    /// <summary>An input is missing or malformed, or the configuration is invalid; the message names the field.</summary>
    public const string InvalidInput = "Profile.InvalidInput";

    /// <summary>The data cannot be read; the message names it.</summary>
    public const string DataUnreadable = "Profile.DataUnreadable";
}
