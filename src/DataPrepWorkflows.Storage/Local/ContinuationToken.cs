using System.Buffers.Text;
using System.Text;

namespace DataPrepWorkflows.Storage.Local;

/// <summary>Opaque page tokens: the last key or common prefix returned, base64url-encoded.</summary>
internal static class ContinuationToken
{
    public static string Encode(string lastEntry) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastEntry));

    public static string Decode(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException ex)
        {
            throw new StorageException(
                StorageErrorCodes.InvalidContinuationToken,
                "The continuation token is not one this store produced; start the listing again without a token.",
                ex);
        }
    }
}
