import ExposureTestSupport
import Foundation
import Testing
@testable import ExposureLoading
@testable import ExposureModel

/// Issue 12: what decides a verdict is read strictly, in every format, and every refusal is
/// located; the reader is RFC 8259's and bounded.
@Suite("Strict reading")
struct StrictReadingTests {
    /// The errors of loading `bytes` as one file, or `[]` when it loads.
    func errors(_ bytes: [UInt8], file: String = "t.json") -> [Diagnostic] {
        do {
            _ = try InputLoader.load(file: InputFile(path: file, relativePath: file, bytes: bytes))
            return []
        } catch {
            return error.errors
        }
    }

    func errors(_ text: String) -> [Diagnostic] { errors(Array(text.utf8)) }

    /// The base scenario's text with `old` replaced by `new` once.
    func native(replacing old: String, with new: String) throws -> String {
        // The scenario is written compactly: `"key":value`.
        let old = old.replacingOccurrences(of: "\": ", with: "\":")
        let new = new.replacingOccurrences(of: "\": ", with: "\":")
        let text = String(decoding: Scenario().json, as: UTF8.self).replacingOccurrences(of: "\\/", with: "/")
        try #require(text.contains(old), "the scenario has \(old)")
        return text.replacingOccurrences(of: old, with: new, options: [], range: text.range(of: old))
    }

    // MARK: The JSON reader

    @Test("invalid UTF-8 is an error at the string, even inside a member name")
    func invalidUTF8() throws {
        let bytes = Array(#"{"formatVersion": 1, "vpcs"#.utf8) + [0xFF] + Array(#"": []}"#.utf8)
        let error = try #require(errors(bytes).first)
        #expect(error.message == "invalid JSON: string is not valid UTF-8; save the file as UTF-8")
        #expect(error.location == SourceLocation(line: 1, column: 22))
    }

    @Test("a repeated member name is an error naming both places", arguments: [2, 12, 40])
    func duplicateKeys(members: Int) throws {
        let others = (0..<members).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        let error = try #require(errors("{\(others),\n \"k1\": 0}").first)
        #expect(error.message.hasPrefix("invalid JSON: duplicate member name \"k1\" (first at line 1, column "))
        #expect(error.location?.line == 2)
    }

    @Test("a leading byte order mark is skipped")
    func byteOrderMark() throws {
        #expect(errors([0xEF, 0xBB, 0xBF] + Scenario().json).isEmpty)
    }

    @Test("nesting, numbers and strings are bounded")
    func readerLimits() throws {
        let deep = String(repeating: "[", count: InputLimits.depth + 1) + String(repeating: "]", count: InputLimits.depth + 1)
        #expect(throws: JSONReader.SyntaxError.self) { try JSONReader.parse(Array(deep.utf8)) }
        let long = "[" + String(repeating: "1", count: InputLimits.numberLength + 1) + "]"
        #expect(throws: JSONReader.SyntaxError.self) { try JSONReader.parse(Array(long.utf8)) }
        #expect((try? JSONReader.parse(Array(("[" + String(repeating: "1", count: InputLimits.numberLength) + "]").utf8))) != nil)
        let huge = [UInt8(ascii: "\"")] + Array(repeating: UInt8(ascii: "a"), count: InputLimits.stringBytes + 2) + [UInt8(ascii: "\"")]
        #expect(throws: JSONReader.SyntaxError.self) { try JSONReader.parse(huge) }
    }

    // MARK: The native format

    @Test("native values that would change a verdict if read leniently are errors", arguments: [
        (#""cidr": "0.0.0.0/0""#, #""cidr": "0.0.0.0""#, "expected an IPv4 or IPv6 CIDR"),
        (#""cidr": "0.0.0.0/0""#, #""cidr": "054.0.0.0/8""#, "expected an IPv4 or IPv6 CIDR"),
        (#""protocol": "tcp""#, #""protocol": "+6""#, "a protocol number 0-255, found \"+6\""),
        (#""formatVersion": 1"#, #""formatVersion": "1""#, "expected an integer, found a string"),
        (#""formatVersion": 1"#, #""formatVersion": 1.0000000000000001"#, "expected an integer, found 1.0000000000000001"),
        (#""formatVersion": 1"#, #""formatVersion": 1.0"#, "expected an integer, found 1.0"),
        (#""ports": 22"#, #""ports": 22.5"#, "expected an integer, found 22.5"),
        (#""ports": 22"#, #""ports": "+22""#, "expected a port or port range"),
    ])
    func nativeStrictness(old: String, new: String, message: String) throws {
        let text = try native(replacing: old, with: new)
        let error = try #require(errors(text).first)
        #expect(error.message.contains(message))
        #expect(error.location != nil && error.path != nil)
    }

    @Test("a route table must list its routes")
    func routesRequired() throws {
        var scenario = Scenario()
        scenario.update("routeTables", id: "rtb-1") { $0["routes"] = nil }
        let error = try #require(errors(scenario.json).first)
        #expect(error.message == "missing required field \"routes\"")
        #expect(error.path == "$.routeTables[0]")
    }

    @Test("ids must be short and printable")
    func identifiers() throws {
        var scenario = Scenario()
        scenario.update("vpcs", id: "vpc-1") { $0["id"] = "vpc-1\u{1B}[2J\nerror: forged" }
        let forged = try #require(errors(scenario.json).first { $0.path == "$.vpcs[0].id" })
        #expect(forged.message.contains("holds control characters"))
        #expect(!forged.description.contains("\n") && !forged.description.contains("\u{1B}"))
        scenario = Scenario()
        scenario.update("vpcs", id: "vpc-1") { $0["id"] = String(repeating: "v", count: InputLimits.identifierLength + 1) }
        #expect(errors(scenario.json).contains { $0.message.hasPrefix("an id of 2049 bytes") })
    }

    @Test("a peer transit gateway outside the input is a warning; peering with itself is an error")
    func peerTransitGateway() throws {
        var scenario = Scenario.transitPair()
        scenario["transitGatewayAttachments"] += [["id": "att-peer", "transitGateway": "tgw-1", "peerTransitGateway": "tgw-far"]]
        let (_, warnings) = try NativeLoader.load(scenario.json, file: "t.json")
        #expect(warnings.contains { $0.message.hasPrefix("peer transit gateway tgw-far is not in the input") })
        scenario.update("transitGatewayAttachments", id: "att-peer") { $0["peerTransitGateway"] = "tgw-1" }
        #expect(errors(scenario.json).contains { $0.message == "a transit gateway cannot peer with itself (tgw-1)" })
    }

    @Test("suggestions stay bounded for long and numerous unknown names")
    func boundedSuggestions() throws {
        var scenario = Scenario()
        scenario["vpcs"] += (0..<2_000).map { ["id": "vpc-\($0)", "cidrs": ["10.\($0 % 250).0.0/16"]] }
        scenario.update("subnets", id: "subnet-1") { $0["vpc"] = String(repeating: "x", count: 100_000) }
        scenario.document["bogus" + String(repeating: "y", count: 1_000_000)] = 1
        let found = errors(scenario.json)
        let dangling = try #require(found.first { $0.path == "$.subnets[0].vpc" })
        #expect(!dangling.message.contains("did you mean"))
        #expect(dangling.description.count < 400)
        #expect(EditDistance.closest(to: "vpc-19999", among: ["vpc-1999"]) == "vpc-1999")
        #expect(EditDistance.closest(to: "routeTabels", among: ["routeTables", "subnets"]) == "routeTables")
        #expect(EditDistance.between("kitten", "sitting") == 3)
    }

    // MARK: AWS exports

    static let awsMutations: [(String, @Sendable (inout BundleBuilder) -> Void, String)] = [
        ("$.SecurityGroups[0].IpPermissions[0].IpRanges", { $0["SecurityGroups"][0]["IpPermissions"] = [["IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": "x"]] }, "expected an array, found a string"),
        ("$.SecurityGroups[0].IpPermissions", { $0["SecurityGroups"][0]["IpPermissions"] = "x" }, "expected an array, found a string"),
        ("$.SecurityGroups[0].IpPermissions[0].ToPort", { $0["SecurityGroups"][0]["IpPermissions"] = [["IpProtocol": "tcp", "FromPort": 1, "ToPort": "abc", "IpRanges": [["CidrIp": "0.0.0.0/0"]]]] }, "expected an integer from -1 to 65535, found abc"),
        ("$.SecurityGroups[0].IpPermissions[0].FromPort", { $0["SecurityGroups"][0]["IpPermissions"] = [["IpProtocol": "tcp", "FromPort": 1.5, "ToPort": 2, "IpRanges": [["CidrIp": "0.0.0.0/0"]]]] }, "expected an integer from -1 to 65535, found 1.5"),
        ("$.SecurityGroups[0].IpPermissions[0]", { $0["SecurityGroups"][0]["IpPermissions"] = [["IpProtocol": "tcp", "FromPort": 1, "IpRanges": [["CidrIp": "0.0.0.0/0"]]]] }, "a tcp rule needs both \"FromPort\" and \"ToPort\""),
        ("$.SecurityGroups[0].IpPermissions[0].IpRanges[0].CidrIp", { $0["SecurityGroups"][0]["IpPermissions"] = [["IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [["CidrIp": "0.0.0.0"]]]] }, "expected a CIDR"),
        ("$.NetworkAcls[0].Entries", { $0["NetworkAcls"][0]["Entries"] = "x" }, "expected an array, found a string"),
        ("$.NetworkAcls[0].Entries[0].RuleNumber", { $0["NetworkAcls"][0]["Entries"] = [["RuleNumber": 65536, "Protocol": "-1", "RuleAction": "deny", "Egress": false, "CidrBlock": "0.0.0.0/0"]] }, "65536 is out of range; expected 1 to 32768"),
        ("$.NetworkAcls[0].Entries[0].RuleNumber", { $0["NetworkAcls"][0]["Entries"] = [["RuleNumber": 0.5, "Protocol": "-1", "RuleAction": "deny", "Egress": false, "CidrBlock": "0.0.0.0/0"]] }, "expected an integer from 1 to 32768, found 0.5"),
        ("$.NetworkAcls[0].Entries[0].RuleAction", { $0["NetworkAcls"][0]["Entries"] = [["RuleNumber": 1, "Protocol": "-1", "RuleAction": 0, "Egress": false, "CidrBlock": "0.0.0.0/0"]] }, "expected a string, found a number"),
        ("$.NetworkAcls[0].Entries[0]", { $0["NetworkAcls"][0]["Entries"] = [["RuleNumber": 1, "Protocol": "-1", "RuleAction": "deny", "CidrBlock": "0.0.0.0/0"]] }, "missing required field \"Egress\""),
        ("$.SecurityGroups[0].IpPermissions[0].IpProtocol", { $0["SecurityGroups"][0]["IpPermissions"] = [["IpProtocol": 6, "FromPort": 22, "ToPort": 22, "IpRanges": [["CidrIp": "0.0.0.0/0"]]]] }, "expected a protocol string such as \"tcp\" or \"6\", found a number"),
        ("$.NetworkAcls[0].Entries[0].RuleAction", { $0["NetworkAcls"][0]["Entries"] = [["RuleNumber": 1, "Protocol": "-1", "RuleAction": "ALLOW", "Egress": false, "CidrBlock": "0.0.0.0/0"]] }, "expected \"allow\" or \"deny\", found \"ALLOW\""),
        ("$.RouteTables[0].Associations[0].Main", { $0["RouteTables"][0]["Associations"] = [["Main": "true", "RouteTableId": "rtb-a"]] }, "expected true or false, found a string"),
    ]

    @Test("AWS values that would change a verdict if read leniently are located errors", arguments: awsMutations.indices)
    func awsStrictness(index: Int) throws {
        let (path, mutate, message) = Self.awsMutations[index]
        var bundle = BundleBuilder.publicInstance()
        if bundle["NetworkAcls"].isEmpty { bundle["NetworkAcls"] = [["NetworkAclId": "acl-a", "VpcId": "vpc-a", "IsDefault": true, "Entries": []]] }
        mutate(&bundle)
        do {
            _ = try bundle.load()
            Issue.record("the bundle loaded")
        } catch let failure as LoadFailure {
            let error = try #require(failure.errors.first { $0.path == path }, "errors: \(failure.errors)")
            #expect(error.message.contains(message))
            #expect(error.location != nil)
        }
    }

    // MARK: Terraform plans

    @Test("a plan without usable planned values is a located error", arguments: [
        ("null", "no \"planned_values\""), ("\"x\"", "expected an object, found a string"), ("{}", "missing required field \"root_module\""),
    ])
    func plannedValues(value: String, message: String) throws {
        let found = errors(#"{"format_version": "1.2", "terraform_version": "1.5.0", "planned_values": \#(value)}"#)
        #expect(found.contains { $0.message.contains(message) })
    }

    @Test("Terraform ports known only after apply are every port; ports simply missing are an error")
    func terraformPorts() throws {
        func load(unknown: [String]) throws -> [Diagnostic] {
            var plan = PlanBuilder.cluster(ingress: [])
            plan.add(
                "aws_security_group_rule", "ssh", ["type": "ingress", "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]], unknown: unknown,
                references: ["security_group_id": ["aws_security_group.primary"]])
            do {
                return try plan.load().diagnostics
            } catch let failure as LoadFailure {
                return failure.diagnostics
            }
        }
        let unknown = try load(unknown: ["from_port", "to_port"])
        #expect(unknown.contains { $0.severity == .warning && $0.message.hasSuffix("are known only after apply; the rule is read as every port") })
        #expect(try load(unknown: []).contains { $0.severity == .error && $0.message.hasSuffix("needs both from_port and to_port") })
    }

    @Test("Terraform's empty strings for unset CIDRs are not errors")
    func terraformUnsetCIDRs() throws {
        var plan = PlanBuilder.cluster(ingress: [["protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": [""]]])
        plan.add("aws_route_table", "private", ["route": [["cidr_block": "10.9.0.0/16", "ipv6_cidr_block": ""]]], references: ["vpc_id": ["aws_vpc.main"], "route.0.gateway_id": ["aws_internet_gateway.igw"]])
        #expect(try plan.load().diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test("a \\u escape takes exactly four hex digits")
    func unicodeEscapes() {
        #expect(throws: JSONReader.SyntaxError.self) { try JSONReader.parse(Array(#"["\u+041"]"#.utf8)) }
        let parsed = try? JSONReader.parse(Array(#"["\u0041"]"#.utf8))
        guard case .array(let items)? = parsed?.kind, let first = items.first else {
            Issue.record("\\u0041 did not parse")
            return
        }
        #expect(first.stringValue == "A")
    }

    @Test("a malformed resource_changes is an error, not \"nothing is unknown after apply\"", arguments: [
        (#""x""#, "expected an array, found a string"),
        (#"[{"address": "aws_vpc.main", "change": {"after_unknown": "x"}}]"#, "expected true, false or an object, found a string"),
    ])
    func resourceChanges(value: String, message: String) throws {
        let found = errors(#"{"format_version": "1.2", "resource_changes": \#(value), "planned_values": {"root_module": {"resources": [{"address": "aws_vpc.main", "mode": "managed", "type": "aws_vpc", "name": "main", "values": {"cidr_block": "10.0.0.0/16"}}]}}}"#)
        #expect(found.contains { $0.message == message })
    }

    @Test("an empty file in an AWS bundle is a warning")
    func emptyBundleFile() throws {
        var files = BundleBuilder.publicInstance().files
        files.append(InputFile(path: "bundle/us-east-1/Empty.json", relativePath: "us-east-1/Empty.json", bytes: []))
        let loaded = try InputLoader.load(folder: "bundle", files: files)
        #expect(loaded.diagnostics.contains { $0.file == "bundle/us-east-1/Empty.json" && $0.message.hasPrefix("the file is empty") })
    }

    @Test("Terraform values that would change a verdict if read leniently are located errors")
    func terraformStrictness() throws {
        var plan = PlanBuilder()
        plan.add("aws_vpc", "main", ["cidr_block": "10.0.0.0/16"])
        plan.add("aws_security_group", "web", ["ingress": [["from_port": "abc", "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0"]]]])
        do {
            _ = try plan.load()
            Issue.record("the plan loaded")
        } catch let failure as LoadFailure {
            let paths = failure.errors.compactMap(\.path)
            #expect(paths.contains { $0.hasSuffix(".ingress[0].from_port") })
            #expect(paths.contains { $0.hasSuffix(".ingress[0].cidr_blocks[0]") })
        }
    }
}
