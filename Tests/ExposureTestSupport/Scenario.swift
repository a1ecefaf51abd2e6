import ExposureLoading
import ExposureModel
import ExposureSolver
import Foundation

/// Small topologies for tests: a base network, with only the fields a test is about changed.
///
/// The base is one VPC 10.0.0.0/16 with an internet gateway, one public subnet 10.0.1.0/24
/// routing 0.0.0.0/0 to it, an allow-all ACL, and a target interface `eni-target`
/// (10.0.1.10, public 54.0.0.1) whose group `sg-target` allows tcp 22 from 0.0.0.0/0.
package struct Scenario {
    package var document: [String: Any]

    package init() {
        document = [
            "formatVersion": 1,
            "vpcs": [["id": "vpc-1", "cidrs": ["10.0.0.0/16"]]],
            "subnets": [["id": "subnet-1", "vpc": "vpc-1", "cidrs": ["10.0.1.0/24"], "availabilityZone": "az-a"]],
            "internetGateways": [["id": "igw-1", "vpc": "vpc-1"]],
            "routeTables": [["id": "rtb-1", "vpc": "vpc-1", "main": true, "routes": [["destination": "0.0.0.0/0", "target": "igw-1"]]]],
            "networkAcls": [Scenario.allowAllACL(id: "acl-1", vpc: "vpc-1", isDefault: true)],
            "securityGroups": [Scenario.group("sg-target", ingress: [["protocol": "tcp", "ports": 22, "cidr": "0.0.0.0/0"]])],
            "networkInterfaces": [["id": "eni-target", "subnet": "subnet-1", "privateIps": ["10.0.1.10"], "publicIp": "54.0.0.1", "securityGroups": ["sg-target"]]],
        ]
    }

    /// The base with a second VPC `vpc-2` (10.2.0.0/16, tenant `b`, interface `eni-b` at
    /// 10.2.1.5) joined to `vpc-1` by transit gateway `tgw-1` (attachments `att-1` with
    /// `firstAttachment`'s members and `att-2`, table `tgw-rtb` propagating both), and
    /// `sg-target` allowing tcp 22 from 10.0.0.0/8.
    package static func transitPair(firstAttachment: [String: Any] = ["subnets": ["subnet-1"]]) -> Scenario {
        var scenario = Scenario()
        scenario.document["tenants"] = [["name": "b"]]
        scenario["vpcs"] += [["id": "vpc-2", "cidrs": ["10.2.0.0/16"], "tenant": "b"]]
        scenario["subnets"] += [["id": "subnet-2", "vpc": "vpc-2", "cidrs": ["10.2.1.0/24"], "availabilityZone": "az-a"]]
        scenario["routeTables"] += [["id": "rtb-2", "vpc": "vpc-2", "main": true, "routes": [["destination": "10.0.0.0/16", "target": "tgw-1"]]]]
        scenario.update("routeTables", id: "rtb-1") { $0["routes"] = [["destination": "0.0.0.0/0", "target": "igw-1"], ["destination": "10.2.0.0/16", "target": "tgw-1"]] }
        scenario.document["transitGateways"] = [["id": "tgw-1"]]
        scenario.document["transitGatewayAttachments"] = [
            ["id": "att-1", "transitGateway": "tgw-1", "vpc": "vpc-1"].merging(firstAttachment) { _, new in new },
            ["id": "att-2", "transitGateway": "tgw-1", "vpc": "vpc-2", "subnets": ["subnet-2"]],
        ]
        scenario.document["transitGatewayRouteTables"] = [
            ["id": "tgw-rtb", "transitGateway": "tgw-1", "associations": ["att-1", "att-2"], "propagations": ["att-1", "att-2"], "routes": [] as [[String: Any]]]
        ]
        scenario["securityGroups"] += [Scenario.group("sg-b", vpc: "vpc-2", ingress: [])]
        scenario["networkInterfaces"] += [["id": "eni-b", "subnet": "subnet-2", "privateIps": ["10.2.1.5"], "securityGroups": ["sg-b"]]]
        scenario.update("securityGroups", id: "sg-target") { $0["ingress"] = [["protocol": "tcp", "ports": 22, "cidr": "10.0.0.0/8"]] }
        return scenario
    }

    package static func allowAllACL(id: String, vpc: String, isDefault: Bool = false) -> [String: Any] {
        let entries: [[String: Any]] = [
            ["rule": 100, "action": "allow", "protocol": "all", "cidr": "0.0.0.0/0"],
            ["rule": 101, "action": "allow", "protocol": "all", "cidr": "::/0"],
        ]
        return ["id": id, "vpc": vpc, "default": isDefault, "inbound": entries, "outbound": entries]
    }

    package static func group(_ id: String, vpc: String = "vpc-1", ingress: [[String: Any]], egress: [[String: Any]]? = nil) -> [String: Any] {
        ["id": id, "vpc": vpc, "ingress": ingress, "egress": egress ?? [["protocol": "all", "cidr": "0.0.0.0/0"]]]
    }

    package subscript(key: String) -> [[String: Any]] {
        get { document[key] as? [[String: Any]] ?? [] }
        set { document[key] = newValue }
    }

    /// Replaces the element with `id` in collection `key`.
    package mutating func update(_ key: String, id: String, _ change: (inout [String: Any]) -> Void) {
        var list = self[key]
        for index in list.indices where list[index]["id"] as? String == id { change(&list[index]) }
        self[key] = list
    }

    package var json: [UInt8] {
        Array((try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])) ?? Data())
    }

    package func topology() throws -> Topology {
        try NativeLoader.load(json, file: "scenario.json").0
    }

    package func solver() throws -> Solver { Solver(topology: try topology()) }

    /// The verdict of one flow.
    package func verdict(from source: TraceQuery.Source, to destination: String = "eni-target", protocol number: UInt8 = 6, port: UInt16 = 22) throws -> TraceResult {
        try solver().trace(TraceQuery(source: source, destination: .resource(destination), protocolNumber: number, keys: port...port))
    }

    /// The services `zone` can open on `eni-target`.
    package func openServices(from zone: Zone, target: String = "eni-target") throws -> ServiceSet {
        try solver().exposures(of: [NetworkInterfaceID(target)])
            .filter { $0.zone == zone && $0.verdict == .reachable }
            .reduce(ServiceSet.empty) { $0.union($1.services) }
    }
}

extension ServiceSet {
    /// The tcp ports of the set.
    package var tcpPorts: [ClosedRange<UInt16>] { value(at: 6).ranges }
}
