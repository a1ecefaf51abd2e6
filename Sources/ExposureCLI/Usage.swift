import ExposureAudit
import ExposureLoading
import ExposureModel
import ExposureReports
import ExposureSolver

/// The help texts, kept in one place and snapshot-tested.
enum Usage {
    /// The version, as SARIF's `semanticVersion` gives it.
    static let versionNumber = "0.1.0"
    static let version = "exposure \(versionNumber)"

    /// The import options that `analyze`, `trace` and `convert` share.
    private static let tenantOptions = """
          --tenant-tag KEY     AWS and Terraform inputs: name tenants after the value of
                               tag KEY on VPCs, subnets, interfaces and instances.
          --tenants FILE       AWS and Terraform inputs: a JSON map of tenant names,
                               {"accounts": {ID: NAME}, "vpcs": {...}, "subnets": {...}}.
                               By default an AWS resource's owning account is its tenant.
        """

    static let main = """
        exposure: which ports of your Amazon EMR clusters can be opened from the internet,
        other tenants and on-premises networks, with the path that proves it.

        USAGE:
          exposure analyze INPUT... [--format FORMAT [-o FILE]]... [--fail-on SEVERITY]
                           [--baseline FILE] [--only-rule ID] [--skip-rule ID] [--all-interfaces]
          exposure diff BEFORE AFTER [--format FORMAT [-o FILE]]... [--fail-on SEVERITY]
                           [--baseline FILE] [--only-rule ID] [--skip-rule ID]
          exposure baseline INPUT... [-o FILE] [--reason TEXT] [--expires YYYY-MM-DD]
          exposure trace INPUT --from SRC --to DST --protocol P --port N [--format text|json]
          exposure trace INPUT --flows FLOWS.jsonl
          exposure convert INPUT [--output FILE]
          exposure help [COMMAND]
          exposure --version

        INPUT is a native topology file (topologies/FORMAT.md), a folder (or file) of AWS
        CLI describe-* outputs, or a Terraform plan from `terraform show -json`. What the
        input names but does not describe is never taken as closed: traffic that depends on
        it is `unknown`, reported with the export that settles it, and fails the gate.

        COMMANDS:
          analyze   The EMR audit (findings with fixes), the cluster port report, and every
                    zone's open protocols and ports on every EMR node, with witnesses.
          diff      What a change opens and closes, and the findings it introduces and
                    resolves; fails only on what is new and serious.
          baseline  Write the current findings' ids to a file of accepted findings.
          trace     One flow's verdict, forward and return path, and every blocking component;
                    to an interface, or from one to any address.
          convert   Write any input as a native topology file.

        Run 'exposure help COMMAND' for a command's options.
        """

    static let analyze = """
        USAGE: exposure analyze INPUT... [OPTIONS]

        Reads each INPUT (a native topology, a folder of AWS CLI outputs or a Terraform plan
        JSON) and reports the EMR audit's findings, worst first, each with its evidence and
        the change that fixes it (block public access, internet, tenant and on-premises
        exposure, Amazon Linux repository egress, launch requirements); the cluster port
        report; and, for every EMR node, the exact protocols and ports each zone can open
        (internet, internet6, tenant:NAME, onprem:VPN-ID, vpc:VPC-ID), each with one
        witness path naming the rule that let each hop through. What may be open from
        networks the input does not describe (outside:ID: a missing peering, transit
        gateway attachment, VGW, appliance or group) is `unknown`, naming what is missing.
        An input with no EMR cluster has every interface analysed; the header says which.

        OPTIONS:
        \(outputOptions)
          --all-interfaces     Analyse every network interface, not only EMR nodes.
        \(gateOptions)
        \(tenantOptions)
          -h, --help           Show this help.

        RULES:
        \(ruleList)
        """

    /// The report options that `analyze` and `diff` share.
    private static let outputOptions = """
          --format FORMAT      text (the default), json, sarif (2.1.0, for GitHub code
                               scanning), markdown (a pull-request comment), junit,
                               html (one self-contained page with the network drawn)
                               or dot (the drawing's graph, for Graphviz). JSON and
                               SARIF are described in reports/README.md.
          -o, --output FILE    Write the report before it to FILE (atomically) instead
                               of standard output. Repeat '--format X -o FILE' to write
                               several reports from one analysis; a FILE without a
                               --format takes the format its name suggests (.json,
                               .sarif, .md, .xml for junit, .html, .dot or .gv, else
                               text).
        """

    /// The gate options that `analyze` and `diff` share.
    private static let gateOptions = """
          --fail-on SEVERITY   Exit with status 1 when a finding is at or above SEVERITY
                               (critical, high, medium, low, info, or none to never
                               fail; any case; default: low). The report is written
                               either way. An unknown port is a finding
                               (possible-exposure, never below low), so the default
                               gate fails on what it cannot see; info findings (HTTPS
                               open to the world, SSH from on-premises) pass it.
          --baseline FILE      Findings FILE accepts (see 'exposure help baseline') are
                               reported as accepted and do not fail; an expired
                               acceptance fails again; entries matching nothing are
                               reported as stale.
          --only-rule ID       Report (and gate on) only these rules; repeat the option
                               or separate ids with commas (the rules are listed
                               below and in the README's "Audit rules").
          --skip-rule ID       Leave these rules out; applied after --only-rule.
        """

    static let diff = """
        USAGE: exposure diff BEFORE AFTER [OPTIONS]

        Analyses BEFORE and AFTER (any two inputs: two Terraform plans, a live AWS export and
        a plan, two native topologies) and reports what the change does: the exposures it
        opens and closes, with their paths, and the findings it introduces and resolves
        (matched by their stable ids). Exits with status 1 when an introduced finding is at
        or above --fail-on; findings BEFORE has too never fail a diff.

        OPTIONS:
        \(outputOptions)
          --all-interfaces     Analyse every network interface, not only EMR nodes.
        \(gateOptions)
        \(tenantOptions)
          -h, --help           Show this help.

        RULES:
        \(ruleList)
        """

    static let baseline = """
        USAGE: exposure baseline INPUT... [OPTIONS]

        Writes the ids of INPUT's current findings as a baseline: a JSON file listing each
        finding's id, rule, resource and message, a "reason" to fill in and an optional
        "expires" (the last day the acceptance holds, YYYY-MM-DD, judged in UTC). Give it to
        'analyze --baseline FILE' or 'diff --baseline FILE'. Writing over an existing
        baseline keeps the reasons and expiries of the findings still there and drops the
        rest.

        OPTIONS:
          -o, --output FILE    Write the baseline to FILE (atomically) instead of
                               standard output.
          --reason TEXT        The reason to give every new entry (default: empty, to
                               fill in by hand; an entry without one is warned about).
          --expires DATE       The expiry to give every new entry (YYYY-MM-DD).
          --only-rule ID       Accept only these rules' findings (as for analyze).
          --skip-rule ID       Leave these rules' findings out.
          --all-interfaces     Analyse every network interface, not only EMR nodes.
        \(tenantOptions)
          -h, --help           Show this help.
        """

    /// The audit's rule ids, a few to a line, for `--only-rule` and `--skip-rule`.
    static var ruleList: String {
        let ids = Audit.ruleTable.map(\.id)
        return stride(from: 0, to: ids.count, by: 4).map { start in
            "  " + ids[start..<min(start + 4, ids.count)].joined(separator: ", ")
        }.joined(separator: "\n")
    }

    static let trace = """
        USAGE: exposure trace INPUT --from SRC --to DST --protocol P --port N [OPTIONS]
               exposure trace INPUT --flows FLOWS.jsonl

        Decides one flow: reachable, blocked or unknown. Prints the forward and return path
        with the rule at each hop, when blocked every component that blocks it, and when
        unknown what the input lacks and the command that exports it.

          SRC   internet, internet6, tenant:NAME, onprem:VPN-ID, vpc:VPC-ID, outside:ID, an
                IP address (judged in every zone that holds it), or a network interface or
                instance id.
          DST   a network interface or instance id, an interface's private or public
                address, or any other address: from an interface (or a tenant's or VPC's),
                every way out its route table gives is followed.

        OPTIONS:
          --protocol P         tcp, udp, icmp, icmpv6, or a protocol number 0-255.
          --port N             Destination port (tcp, udp); for icmp/icmpv6 the ICMP type.
          --icmp-code C        ICMP code (default: any code).
          --flows FILE         JSON lines {"from":..,"to":..,"protocol":..,"port":..}; one
                               JSON verdict per line, in order, topology loaded once. A
                               line that is not a valid flow gets {"line","error"} and
                               the status is 64 at the end.
          --format text|json   Output format for a single flow (default: text).
        \(tenantOptions)
          -h, --help           Show this help.
        """

    static let convert = """
        USAGE: exposure convert INPUT [OPTIONS]

        Writes INPUT (a folder or file of AWS CLI describe-* outputs, a Terraform plan JSON,
        or a native topology) as a native topology file. Analysing the result gives the same
        report as analysing INPUT; edit it to try a change before making it.

        OPTIONS:
          -o, --output FILE    Write the topology to FILE instead of standard output.
        \(tenantOptions)
          -h, --help           Show this help.
        """
}
