import ExposureTestSupport
import Foundation
import Testing
@testable import ExposureAudit
@testable import ExposureLoading
@testable import ExposureModel
@testable import ExposureReports
@testable import ExposureSolver

/// A policy the input does not give readably decides nothing: what crosses the endpoint
/// is `unknown`, never taken as full access.
@Suite("Unknown endpoint policies")
struct UnknownEndpointPolicyTests {
    /// `repo-endpoint-policy.json` with its endpoint's `policy` replaced by `fields`.
    static func endpointPolicyTopology(_ fields: [String: Any]) throws -> [UInt8] {
        let path = "topologies/repo-endpoint-policy.json"
        let data = try Data(contentsOf: RepositoryRoot.url.appendingPathComponent(path))
        var document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var endpoints = try #require(document["vpcEndpoints"] as? [[String: Any]])
        endpoints[0]["policy"] = nil
        endpoints[0].merge(fields) { _, new in new }
        document["vpcEndpoints"] = endpoints
        return Array(try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]))
    }

    @Test("A native policyUnknown makes repository egress unverified, not a gap and not reachable")
    func nativeUnknownPolicy() throws {
        let bytes = try UnknownEndpointPolicyTests.endpointPolicyTopology(["policyUnknown": "the policy is known only after apply"])
        let (topology, _) = try NativeLoader.load(bytes, file: "unknown-policy.json")
        let findings = AnalysisReport.analyse(topology, input: "unknown-policy.json", warnings: []).findings
        #expect(findings.contains { $0.rule == "repo-egress-unverified" && $0.message.contains("the policy is known only after apply") })
        #expect(!findings.contains { $0.rule == "repo-egress-gap" })
    }

    @Test("An endpoint cannot have both a policy and a policyUnknown reason")
    func bothIsAnError() throws {
        let bytes = try UnknownEndpointPolicyTests.endpointPolicyTopology([
            "policy": ["Statement": [] as [Any]], "policyUnknown": "not readable",
        ])
        #expect(throws: LoadFailure.self) { try NativeLoader.load(bytes, file: "both.json") }
    }

    @Test("An AWS PolicyDocument that is not JSON is carried as unknown, with a warning")
    func awsUnreadablePolicy() throws {
        var bundle = BundleBuilder.publicInstance()
        bundle["VpcEndpoints"] = [[
            "VpcEndpointId": "vpce-s3", "VpcId": "vpc-a", "VpcEndpointType": "Gateway",
            "ServiceName": "com.amazonaws.us-east-1.s3", "RouteTableIds": ["rtb-a"], "PolicyDocument": "{not json",
        ]]
        let loaded = try bundle.load()
        let endpoint = try #require(loaded.topology.vpcEndpoints["vpce-s3"])
        #expect(endpoint.policy?.unknownBecause?.hasPrefix("the policy document of vpce-s3 is not valid JSON") == true)
        #expect(loaded.diagnostics.contains { $0.message.contains("what crosses the endpoint is unknown") })
        #expect(EndpointPolicy(document: endpoint.policy).decide(action: "s3:GetObject", bucket: "b")
            == .undecided(endpoint.policy?.unknownBecause ?? ""))
    }
}

extension UnknownEndpointPolicyTests {
    @Test("A Terraform endpoint policy known only after apply is unknown, not full access")
    func terraformPolicyAfterApply() throws {
        var plan = PlanBuilder.cluster(ingress: [])
        plan.add(
            "aws_vpc_endpoint", "s3", ["service_name": "com.amazonaws.us-east-1.s3", "vpc_endpoint_type": "Gateway"],
            unknown: ["policy"], references: ["vpc_id": ["aws_vpc.main"], "policy": ["data.aws_iam_policy_document.s3"]])
        let loaded = try plan.load()
        let endpoint = try #require(loaded.topology.vpcEndpoints.values.first)
        #expect(endpoint.policy?.unknownBecause == "the policy of aws_vpc_endpoint.s3 is known only after apply")
        #expect(loaded.diagnostics.contains { $0.message.contains("what crosses the endpoint is unknown") })
    }
}
