/// The help texts, kept in one place and snapshot-tested.
enum Usage {
    static let version = "exposure 0.1.0"

    static let main = """
        exposure: which ports of your Amazon EMR clusters can be opened from the internet,
        other tenants and on-premises networks, with the path that proves it.

        USAGE:
          exposure analyze FILE... [--format text|json] [--all-interfaces] [--output FILE]
          exposure trace FILE --from SRC --to DST --protocol P --port N [--format text|json]
          exposure trace FILE --flows FLOWS.jsonl
          exposure help [COMMAND]
          exposure --version

        COMMANDS:
          analyze   Every zone's open protocols and ports on every EMR node, with witnesses.
          trace     One flow's verdict, forward and return path, and every blocking component.

        Run 'exposure help COMMAND' for a command's options.
        """

    static let analyze = """
        USAGE: exposure analyze FILE... [OPTIONS]

        Reads native topology files (see topologies/FORMAT.md) and reports, for every EMR
        node, the exact protocols and ports each zone can open: internet, internet6,
        tenant:NAME, onprem:VPN-ID and vpc:VPC-ID. Each entry has one witness path naming
        the rule that let each hop through.

        OPTIONS:
          --format text|json   Output format (default: text). JSON is described in
                               reports/README.md.
          --all-interfaces     Analyse every network interface, not only EMR nodes.
          -o, --output FILE    Write the report to FILE instead of standard output.
          -h, --help           Show this help.
        """

    static let trace = """
        USAGE: exposure trace FILE --from SRC --to DST --protocol P --port N [OPTIONS]
               exposure trace FILE --flows FLOWS.jsonl

        Decides one flow: reachable, blocked or unknown. Prints the forward and return path
        with the rule at each hop, and when blocked every component that blocks it.

          SRC   internet, internet6, tenant:NAME, onprem:VPN-ID, vpc:VPC-ID, an IP address,
                or a network interface or instance id.
          DST   a network interface or instance id, or an interface's private or public
                address.

        OPTIONS:
          --protocol P         tcp, udp, icmp, icmpv6, or a protocol number 0-255.
          --port N             Destination port (tcp, udp); for icmp/icmpv6 the ICMP type.
          --icmp-code C        ICMP code (default: any code).
          --flows FILE         JSON lines {"from":..,"to":..,"protocol":..,"port":..}; one
                               JSON verdict per line, in order, topology loaded once.
          --format text|json   Output format for a single flow (default: text).
          -h, --help           Show this help.
        """
}
