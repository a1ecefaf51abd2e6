import ExposureTestSupport
import Testing
@testable import ExposureAudit
@testable import ExposureLoading
@testable import ExposureModel
@testable import ExposureReports
@testable import ExposureSolver

/// Endpoint policy evaluation for s3:GetObject on one bucket's objects.
@Suite("Endpoint policies")
struct EndpointPolicyTests {
    static let bucket = "al2023-repos-us-east-1-de612dc2"

    /// The decision for the policy document `policy` (JSON text), read as the loader reads
    /// it; `nil` is no policy.
    static func decide(_ policy: String?) -> EndpointPolicy.Decision {
        let document = policy.map { text in
            (try? JSONReader.parse(Array(text.utf8))).map(EndpointPolicyDocument.init) ?? EndpointPolicyDocument(statements: [])
        }
        return EndpointPolicy(document: document).decide(action: "s3:GetObject", bucket: bucket)
    }

    @Test("No policy is full access")
    func noPolicy() {
        #expect(EndpointPolicyTests.decide(nil) == .allowed("no policy (full access)"))
    }

    @Test("Wildcards in actions and resources; an explicit deny wins over an allow")
    func denyWins() {
        let policy = #"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:Get*","Resource":"*"},{"Sid":"X","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::al2023-*"}]}"#
        #expect(EndpointPolicyTests.decide(policy) == .denied("statement 2 \"X\" (Deny)"))
    }

    @Test("A statement for other buckets only leaves an implicit deny")
    func implicitDeny() {
        let policy = #"{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket/*"}}"#
        #expect(EndpointPolicyTests.decide(policy) == .implicitlyDenied)
    }

    @Test("Conditions, narrow principals and some object keys are undecided, never allowed")
    func undecided() {
        let condition = #"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalAccount":"1"}}}]}"#
        let principal = #"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:root"},"Action":"s3:GetObject","Resource":"*"}]}"#
        let keys = #"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::al2023-repos-us-east-1-de612dc2/core/*"}]}"#
        for policy in [condition, principal, keys] {
            guard case .undecided = EndpointPolicyTests.decide(policy) else {
                Issue.record("expected undecided for \(policy)")
                continue
            }
        }
    }

    @Test("NotAction and NotResource exclude what they name")
    func negations() {
        let notAction = #"{"Statement":[{"Effect":"Allow","Principal":"*","NotAction":"s3:PutObject","Resource":"*"}]}"#
        #expect(EndpointPolicyTests.decide(notAction) == .allowed("statement 1 (Allow)"))
        let notResource = #"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","NotResource":"arn:aws:s3:::al2023-repos-*"}]}"#
        #expect(EndpointPolicyTests.decide(notResource) == .implicitlyDenied)
    }
}
