import Foundation
import Testing
@testable import ExposureCLI
@testable import ExposureReports

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The HTML page holds everything the JSON report says, draws it as SVG that parses as XML,
/// and fetches nothing; the DOT graph is well formed.
@Suite("HTML and DOT reports")
struct HTMLReportTests {
    static func html(_ topology: String) -> String {
        CLIHarness.run(["analyze", topology, "--format", "html", "--fail-on", "none"]).standardOutput
    }

    /// The `<svg>…</svg>` parts of a page.
    static func drawings(_ html: String) -> [String] {
        html.components(separatedBy: "<svg xmlns=").dropFirst().compactMap { part in
            part.range(of: "</svg>").map { "<svg xmlns=" + part[..<$0.upperBound] }
        }
    }

    /// Whether `text` parses as XML, with the parser's error when it does not. (On Linux,
    /// `parse()` can return true for a mismatched tag and set the error only.)
    static func parses(_ text: String) -> (Bool, String) {
        let parser = XMLParser(data: Data(text.utf8))
        let parsed = parser.parse()
        return (parsed && parser.parserError == nil, parser.parserError.map { "\($0)" } ?? "")
    }

    @Test("The drawing is SVG that parses as XML", arguments: CLIHarness.exampleTopologies)
    func svgParses(topology: String) {
        let drawings = HTMLReportTests.drawings(HTMLReportTests.html(topology))
        #expect(drawings.count == 1)
        for svg in drawings {
            let (parsed, error) = HTMLReportTests.parses(svg)
            #expect(parsed, "\(error)")
            #expect(svg.contains("<title"))
        }
    }

    @Test("A broken drawing would not parse", arguments: [0])
    func parserRejects(_: Int) {
        #expect(!HTMLReportTests.parses("<svg xmlns=\"http://www.w3.org/2000/svg\"><g><text>a & b</text></g></svg>").0)
        #expect(!HTMLReportTests.parses("<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>").0)
    }

    @Test("Every finding, exposed port, fix and assumption of the JSON report is in the page", arguments: CLIHarness.exampleTopologies)
    func everythingInThePage(topology: String) throws {
        let html = HTMLReportTests.html(topology)
        let json = ReviewFormatTests.object(CLIHarness.run(["analyze", topology, "--format", "json", "--fail-on", "none"]).standardOutput)
        let findings = json["findings"] as? [[String: Any]] ?? []
        for finding in findings {
            let id = finding["id"] as? String ?? "?"
            #expect(html.contains("-f-\(id)\""), "finding \(id) is not in the page")
            #expect(html.contains(HTMLRenderer.escape(finding["fix"] as? String ?? "?")), "the fix of \(id) is not in the page")
            #expect(html.contains(HTMLRenderer.escape(finding["message"] as? String ?? "?")))
        }
        // Each target's exposures are listed under its heading; each JSON exposure's zone,
        // protocol and ports must be in one of them.
        let blocks = html.components(separatedBy: "<div class=\"target\"><h4>").dropFirst()
        for exposure in json["exposures"] as? [[String: Any]] ?? [] {
            let target = (exposure["target"] as? [String: Any])?["id"] as? String ?? "?"
            let zone = exposure["zone"] as? String ?? "?"
            let summaries = blocks.filter { $0.hasPrefix(target) }.flatMap { $0.components(separatedBy: "<summary>").dropFirst() }
                .map { String($0.prefix { $0 != "\n" }) }
            let fromZone = summaries.filter { $0.contains("from \(HTMLRenderer.escape(zone)):") }
            #expect(!fromZone.isEmpty, "\(zone) on \(target) is not in the page")
            let protocolName = exposure["protocol"] as? String ?? ""
            for range in exposure["ports"] as? [[String: Int]] ?? [] {
                let from = range["from"] ?? -1
                let to = range["to"] ?? -1
                let text = from == 1 && to == 65535 ? "all ports" : (from == to ? "\(from)" : "\(from)-\(to)")
                #expect(fromZone.contains { $0.contains(protocolName) && $0.contains(text) }, "\(protocolName) \(text) from \(zone) on \(target) is not in the page")
            }
        }
        for input in json["inputs"] as? [[String: Any]] ?? [] {
            for assumption in input["assumptions"] as? [String] ?? [] {
                #expect(html.contains(HTMLRenderer.escape(assumption)))
            }
        }
    }

    @Test("The page fetches nothing: no scripts, styles, fonts or images from elsewhere", arguments: CLIHarness.exampleTopologies)
    func selfContained(topology: String) {
        let html = HTMLReportTests.html(topology)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for reference in ["<link", "src=", "@import", "@font-face", "<img", "<iframe", "fetch(", "XMLHttpRequest"] {
            #expect(!html.contains(reference), "the page uses \(reference)")
        }
        let urls = html.components(separatedBy: "url(").dropFirst()
        #expect(urls.allSatisfy { $0.hasPrefix("#") }, "a url() that is not a fragment")
        let addresses = html.components(separatedBy: "http").dropFirst().filter { !$0.hasPrefix("://www.w3.org/2000/svg\"") }
        #expect(addresses.isEmpty, "the page names \(addresses.count) addresses besides the SVG namespace")
    }

    @Test("Each finding row names the lines it highlights, and each of those lines exists", arguments: CLIHarness.exampleTopologies)
    func rowsHighlightLines(topology: String) {
        let html = HTMLReportTests.html(topology)
        let referenced = html.components(separatedBy: "data-lines=\"").dropFirst().flatMap { $0.prefix { $0 != "\"" }.split(separator: " ").map(String.init) }
        for id in Set(referenced) {
            #expect(html.contains("<g class=\"line") && html.contains("id=\"\(id)\""), "row points at \(id), which is not drawn")
        }
        if topology.hasSuffix("emr-public-subnet.json") { #expect(!referenced.isEmpty) }
    }

    @Test("Names with markup, quotes and control characters are escaped in HTML and DOT")
    func hostileNames() {
        #expect(HTMLRenderer.escape("<script>\"x\"&'y'\u{1b}") == "&lt;script&gt;&quot;x&quot;&amp;&apos;y&apos;\\u{1b}")
        #expect(DOTRenderer.quoted("a\"b\\c\nd\u{7}") == "\"a\\\"b\\\\c\\nd\"")
    }

    @Test("The DOT graph is well formed: balanced braces, and every edge joins declared nodes", arguments: CLIHarness.exampleTopologies)
    func dotWellFormed(topology: String) {
        let dot = CLIHarness.run(["analyze", topology, "--format", "dot", "--fail-on", "none"]).standardOutput
        #expect(dot.hasPrefix("digraph exposure {"))
        var depth = 0
        var inString = false
        var escaped = false
        for character in dot {
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                continue
            }
            if character == "\"" { inString = true } else if character == "{" { depth += 1 } else if character == "}" { depth -= 1 }
            #expect(depth >= 0)
        }
        #expect(depth == 0 && !inString)
        let lines = dot.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let nodes = Set(lines.filter { $0.hasPrefix("\"") && !$0.contains(" -> ") }.map { String($0.dropFirst().prefix { $0 != "\"" }) })
        for edge in lines where edge.contains("\" -> \"") {
            let ends = edge.components(separatedBy: "\" -> \"")
            let from = String(ends[0].dropFirst())
            let to = String(ends[1].prefix { $0 != "\"" })
            #expect(nodes.contains(from) && nodes.contains(to), "\(edge)")
        }
    }

    @Test("diff --format html draws what the change opens, and its drawing parses")
    func diffPage() throws {
        let folder = try ReviewCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try ReviewCommandTests.evasion(in: folder, named: "before.json") { _ in }
        let after = try ReviewCommandTests.evasion(in: folder, named: "after.json") { rules in
            rules.append(["protocol": "tcp", "ports": 8890, "cidr": "0.0.0.0/1"])
        }
        let page = CLIHarness.run(["diff", before, after, "--format", "html"]).standardOutput
        #expect(page.contains("This change opens 1 and closes 0 exposures"))
        #expect(page.contains("tcp 8890"))
        let drawings = HTMLReportTests.drawings(page)
        #expect(drawings.count == 1)
        #expect(drawings.allSatisfy { HTMLReportTests.parses($0).0 })
        #expect(drawings.first?.contains("class=\"line open") == true)
        let dot = CLIHarness.run(["diff", before, after, "--format", "dot"]).standardOutput
        #expect(dot.contains("8890"))
    }

    @Test("-o report.html and -o graph.dot take their formats from the names")
    func formatsFromNames() {
        #expect(ReportFormat(suggestedBy: "out/report.html") == .html)
        #expect(ReportFormat(suggestedBy: "report.HTM") == .html)
        #expect(ReportFormat(suggestedBy: "graph.dot") == .dot)
        #expect(ReportFormat(suggestedBy: "graph.gv") == .dot)
    }
}
