import ExposureLoading
import ExposureModel
import ExposureSolver
import Foundation

/// A bundle of AWS CLI `describe-*` outputs built in a test: one file per call, each a
/// top-level key with its list, as the README's capture script writes them.
package struct BundleBuilder {
    /// The outputs by top-level key (`Vpcs`, `Subnets`, ...).
    package var outputs: [String: [[String: Any]]] = [:]

    package subscript(key: String) -> [[String: Any]] {
        get { outputs[key] ?? [] }
        set { outputs[key] = newValue }
    }

    /// The bundle without the output of one call.
    package func removing(key: String) -> BundleBuilder {
        var copy = self
        copy.outputs[key] = nil
        return copy
    }

    /// The bundle without the records of `key` whose `field` is `id`.
    package func removing(_ key: String, where field: String, is id: String) -> BundleBuilder {
        var copy = self
        copy.outputs[key] = self[key].filter { $0[field] as? String != id }
        return copy
    }

    package var files: [InputFile] {
        outputs.keys.sorted().map { key in
            let name = "bundle/us-east-1/\(key).json"
            let data = (try? JSONSerialization.data(withJSONObject: [key: outputs[key] ?? []], options: [.sortedKeys])) ?? Data()
            return InputFile(path: name, relativePath: "us-east-1/\(key).json", bytes: Array(data))
        }
    }

    package func load(tenants: TenantOptions = TenantOptions()) throws -> InputLoader.Loaded {
        try InputLoader.load(folder: "bundle", files: files, tenants: tenants)
    }

    // MARK: A small network

    static var allowAll: [[String: Any]] {
        [
            ["RuleNumber": 100, "Protocol": "-1", "RuleAction": "allow", "Egress": false, "CidrBlock": "0.0.0.0/0"],
            ["RuleNumber": 100, "Protocol": "-1", "RuleAction": "allow", "Egress": true, "CidrBlock": "0.0.0.0/0"],
        ]
    }

    package static func route(_ destination: String, _ field: String, _ target: String) -> [String: Any] {
        ["DestinationCidrBlock": destination, field: target, "State": "active"]
    }

    package static func rule(_ port: Int, _ peers: [String: Any]) -> [String: Any] {
        ["IpProtocol": "tcp", "FromPort": port, "ToPort": port].merging(peers) { first, _ in first }
    }

    /// One VPC `vpc-a` (10.1.0.0/16) in account 111111111111 with a public subnet routing to
    /// `igw-a`, and an instance `i-web` (`eni-web`, 10.1.1.10, public 54.0.0.10) whose group
    /// `sg-web` allows tcp 8088 from 0.0.0.0/0.
    package static func publicInstance() -> BundleBuilder {
        var bundle = BundleBuilder()
        bundle["Vpcs"] = [["VpcId": "vpc-a", "CidrBlock": "10.1.0.0/16", "OwnerId": "111111111111"]]
        bundle["Subnets"] = [["SubnetId": "subnet-a1", "VpcId": "vpc-a", "CidrBlock": "10.1.1.0/24", "AvailabilityZone": "us-east-1a", "OwnerId": "111111111111"]]
        bundle["InternetGateways"] = [["InternetGatewayId": "igw-a", "Attachments": [["State": "available", "VpcId": "vpc-a"]]]]
        bundle["RouteTables"] = [[
            "RouteTableId": "rtb-a", "VpcId": "vpc-a", "OwnerId": "111111111111", "Associations": [["Main": true, "RouteTableId": "rtb-a"]],
            "Routes": [route("10.1.0.0/16", "GatewayId", "local"), route("0.0.0.0/0", "GatewayId", "igw-a")],
        ]]
        bundle["NetworkAcls"] = [["NetworkAclId": "acl-a", "VpcId": "vpc-a", "IsDefault": true, "Entries": allowAll]]
        bundle["SecurityGroups"] = [[
            "GroupId": "sg-web", "VpcId": "vpc-a", "GroupName": "web",
            "IpPermissions": [rule(8088, ["IpRanges": [["CidrIp": "0.0.0.0/0"]]])],
            "IpPermissionsEgress": [["IpProtocol": "-1", "IpRanges": [["CidrIp": "0.0.0.0/0"]]]],
        ]]
        let eni: [String: Any] = [
            "NetworkInterfaceId": "eni-web", "SubnetId": "subnet-a1", "VpcId": "vpc-a", "AvailabilityZone": "us-east-1a",
            "PrivateIpAddress": "10.1.1.10", "PrivateIpAddresses": [["PrivateIpAddress": "10.1.1.10", "Association": ["PublicIp": "54.0.0.10"]]],
            "Groups": [["GroupId": "sg-web"]], "Attachment": ["InstanceId": "i-web"], "OwnerId": "111111111111",
        ]
        bundle["NetworkInterfaces"] = [eni]
        bundle["Reservations"] = [[
            "OwnerId": "111111111111",
            "Instances": [["InstanceId": "i-web", "State": ["Name": "running"], "SubnetId": "subnet-a1", "VpcId": "vpc-a", "Placement": ["AvailabilityZone": "us-east-1a"], "NetworkInterfaces": [eni]]],
        ]]
        return bundle
    }
}
