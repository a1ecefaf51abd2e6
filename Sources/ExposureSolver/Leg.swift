/// Which packets of a connection a filter sees.
public enum Leg: Hashable, Sendable {
    /// The requests, from client to server.
    case request
    /// The replies, written as (server, client, protocol, client port) and projected back
    /// onto the requests they answer.
    case reply
    /// The replies on a NAT gateway's outside leg, whose client port is the NAT gateway's
    /// own.
    case natReply
}
