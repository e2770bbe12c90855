using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace DataPrepWorkflows.Events.Patterns;

/// <summary>
/// An inclusive range of IPv4 or IPv6 addresses. As in EventBridge, a CIDR's range starts at the address written
/// (not at the network address) and ends at that address with all host bits set.
/// </summary>
internal sealed partial record CidrRange(bool IsV6, UInt128 Low, UInt128 High)
{
    /// <summary>Parses <c>address/bits</c>; rejections carry EventBridge's reason text.</summary>
    public static CidrRange Parse(string cidr)
    {
        var parts = cidr.Split('/');
        var count = parts.Length;
        while (count > 0 && parts[count - 1].Length == 0)
        {
            count--; // Java's String.split drops trailing empty strings.
        }

        if (count != 2)
        {
            throw new PatternSyntaxException("Malformed CIDR, one '/' required");
        }

        if (!int.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var bits))
        {
            throw new PatternSyntaxException("Malformed CIDR, mask bits must be an integer");
        }

        if (bits < 0)
        {
            throw new PatternSyntaxException("Malformed CIDR, mask bits must not be negative");
        }

        var (isV6, address) = ParseAddress(parts[0]);
        if (!isV6 && bits > 31)
        {
            throw new PatternSyntaxException("IPv4 mask bits must be < 32");
        }

        if (isV6 && bits > 127)
        {
            throw new PatternSyntaxException("IPv6 mask bits must be < 128");
        }

        var hostBits = (isV6 ? 128 : 32) - bits;
        var hostMask = hostBits >= 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
        return new CidrRange(isV6, address, address | hostMask);
    }

    /// <summary>The single-address range for a pattern string that is an IP literal, if it is one.</summary>
    public static CidrRange? ForLiteral(string text)
    {
        if (!TryParseAddress(text, out var isV6, out var address))
        {
            return null;
        }

        return new CidrRange(isV6, address, address);
    }

    /// <summary>Whether the string value is an address inside this range.</summary>
    public bool Contains(string value) =>
        TryParseAddress(value, out var isV6, out var address) && isV6 == IsV6 && address >= Low && address <= High;

    /// <summary>Parses an address the way EventBridge recognises one: dotted quad or hex-and-colons.</summary>
    public static bool TryParseAddress(string text, out bool isV6, out UInt128 address)
    {
        isV6 = false;
        address = UInt128.Zero;
        if (Ipv4Shape().IsMatch(text))
        {
            var octets = text.Split('.');
            foreach (var octet in octets)
            {
                if (!int.TryParse(octet, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > 255)
                {
                    return false;
                }

                address = (address << 8) | (UInt128)(uint)value;
            }

            return true;
        }

        if (Ipv6Shape().IsMatch(text) && IPAddress.TryParse(text, out var parsed) && parsed.AddressFamily == AddressFamily.InterNetworkV6)
        {
            isV6 = true;
            foreach (var b in parsed.GetAddressBytes())
            {
                address = (address << 8) | b;
            }

            return true;
        }

        return false;
    }

    private static (bool IsV6, UInt128 Address) ParseAddress(string text)
    {
        if (TryParseAddress(text, out var isV6, out var address))
        {
            return (isV6, address);
        }

        if (Ipv4Shape().IsMatch(text) || Ipv6Shape().IsMatch(text))
        {
            throw new PatternSyntaxException("Invalid IP address: " + text);
        }

        throw new PatternSyntaxException("Nonstandard IP address: " + text);
    }

    [GeneratedRegex("^[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+$")]
    private static partial Regex Ipv4Shape();

    [GeneratedRegex("^[0-9a-fA-F:]*:[0-9a-fA-F:]*$")]
    private static partial Regex Ipv6Shape();
}
