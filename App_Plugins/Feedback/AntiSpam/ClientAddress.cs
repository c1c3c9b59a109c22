using System.Net;
using System.Net.Sockets;

namespace UedaPublicGoals.Feedback.AntiSpam;

/// <summary>
/// The client as abuse control sees it: an IPv4 address, or the /64 network of an IPv6 address
/// (one household or phone rotates through addresses inside its /64).
/// </summary>
public static class ClientAddress
{
    public static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }
}
