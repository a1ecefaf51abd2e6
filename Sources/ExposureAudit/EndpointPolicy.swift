import ExposureModel

/// An endpoint's IAM policy document, evaluated for one S3 action on one bucket's objects
/// (semantics, section 5: explicit deny wins, then an allow, else the implicit deny).
struct EndpointPolicy: Sendable {
    /// The outcome for one request.
    enum Decision: Hashable, Sendable {
        /// No policy, or a statement allows it and none denies it.
        case allowed(String)
        /// A statement denies it.
        case denied(String)
        /// No statement allows it.
        case implicitlyDenied
        /// It depends on something the analyzer cannot evaluate (a condition, a principal,
        /// some object keys only).
        case undecided(String)
    }

    private enum Match { case yes, no, maybe(String) }

    /// The document; `nil` means full access.
    let document: EndpointPolicyDocument?

    /// The decision for `action` on every object of `bucket`.
    ///
    /// - Complexity: O(*n* × *p*) for *n* statements and *p* patterns, each a linear glob match.
    func decide(action: String, bucket: String) -> Decision {
        guard let document else { return .allowed("no policy (full access)") }
        if let reason = document.unknownBecause { return .undecided(reason) }
        var allow: String?
        var maybeAllow: String?
        var maybeDeny: String?
        for (index, statement) in document.statements.enumerated() {
            let label = "statement \(index + 1)\(statement.sid.map { " \"\($0)\"" } ?? "") (\(statement.effect.rawValue))"
            switch matches(statement, action: action, bucket: bucket) {
            case .no: continue
            case .yes:
                if statement.effect == .deny { return .denied(label) }
                allow = allow ?? label
            case .maybe(let why):
                if statement.effect == .allow { maybeAllow = maybeAllow ?? "\(label) \(why)" } else { maybeDeny = maybeDeny ?? "\(label) \(why)" }
            }
        }
        if let maybeDeny { return .undecided(maybeDeny) }
        if let allow { return .allowed(allow) }
        if let maybeAllow { return .undecided(maybeAllow) }
        return .implicitlyDenied
    }

    private func matches(_ statement: EndpointPolicyDocument.Statement, action: String, bucket: String) -> Match {
        var result = Match.yes
        func combine(_ next: Match) {
            switch (result, next) {
            case (.no, _), (_, .no): result = .no
            case (.maybe, _): break
            case (.yes, let other): result = other
            }
        }
        if statement.restrictsPrincipal { combine(.maybe("applies only to some principals")) }
        let object = "arn:aws:s3:::\(bucket)/"
        switch statement.actions {
        case .only(let actions)?:
            combine(actions.contains { EndpointPolicy.glob($0.lowercased(), matches: action.lowercased()) } ? .yes : .no)
        case .allBut(let actions)?:
            combine(actions.contains { EndpointPolicy.glob($0.lowercased(), matches: action.lowercased()) } ? .no : .yes)
        case nil: break
        }
        switch statement.resources {
        case .only(let resources)?: combine(EndpointPolicy.coverage(of: resources, objectsUnder: object, negated: false))
        case .allBut(let resources)?: combine(EndpointPolicy.coverage(of: resources, objectsUnder: object, negated: true))
        case nil: break
        }
        if !statement.conditions.isEmpty {
            combine(.maybe("has a condition (\(statement.conditions.joined(separator: ", "))) the analyzer cannot evaluate"))
        }
        return result
    }

    /// Whether the patterns cover every object under `prefix`, none, or only some keys.
    private static func coverage(of patterns: [String], objectsUnder prefix: String, negated: Bool) -> Match {
        // Two unlike keys stand for "any key": a pattern matching both matches all of them.
        let samples = [prefix + "repodata/repomd.xml", prefix + "x"]
        var all = false
        var some = false
        for pattern in patterns {
            let hits = samples.filter { glob(pattern, matches: $0) }.count
            // The text before the first wildcard: a pattern naming keys under the bucket
            // (`bucket/core/*`) matches some of its objects even if neither sample.
            let literal = String(pattern.prefix { $0 != "*" && $0 != "?" })
            let namesKeys = literal.hasPrefix(prefix) || (literal.count < pattern.count && prefix.hasPrefix(literal))
            if hits == samples.count { all = true } else if hits > 0 || namesKeys { some = true }
        }
        if negated {
            if all { return .no }
            return some ? .maybe("excludes some object keys of the bucket") : .yes
        }
        if all { return .yes }
        return some ? .maybe("covers only some object keys of the bucket") : .no
    }

    /// IAM wildcard matching: `*` any run of characters (`/` included), `?` one character.
    static func glob(_ pattern: String, matches text: String) -> Bool {
        let p = Array(pattern)
        let t = Array(text)
        var pi = 0
        var ti = 0
        var star = -1
        var mark = 0
        while ti < t.count {
            if pi < p.count && (p[pi] == "?" || p[pi] == t[ti]) {
                pi += 1
                ti += 1
            } else if pi < p.count && p[pi] == "*" {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
