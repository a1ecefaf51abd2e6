import Testing
@testable import ExposureModel

/// The strict integer reader, and what makes input text safe to print.
@Suite("Reading and printing input text")
struct TextReadingTests {
    @Test("integers are an optional minus and digits that fit an Int", arguments: [
        ("0", 0), ("22", 22), ("-1", -1), ("9223372036854775807", Int.max), ("-9223372036854775808", Int.min),
    ])
    func integers(text: String, value: Int) {
        #expect(IntegerText.parse(text) == value)
    }

    @Test("anything else is not an integer", arguments: [
        "", "-", "+6", " 6", "6 ", "1.0", "1e2", "0x10", "9223372036854775808", "-9223372036854775809",
        "١٢", String(repeating: "1", count: 21), "007", "-0", "00",
    ])
    func notIntegers(text: String) {
        #expect(IntegerText.parse(text) == nil)
    }

    @Test("control characters are escaped and long values cut")
    func printable() {
        #expect(DiagnosticText.escaped("a\u{1B}[2J\nb\u{202E}c") == "a\\u{1b}[2J\\u{a}b\\u{202e}c")
        #expect(DiagnosticText.escaped("plain é") == "plain é")
        let long = String(repeating: "x", count: 500)
        let cut = DiagnosticText.shortened(long)
        #expect(cut.count < 100 && cut.hasSuffix("… (500 characters)"))
        let marks = "a" + String(repeating: "\u{301}", count: 10_000)
        #expect(DiagnosticText.shortened(marks).unicodeScalars.count < 100)
        let diagnostic = Diagnostic(severity: .error, file: "f\n.json", path: "$." + long, message: "bad \u{7}" + long + long + long)
        #expect(!diagnostic.description.contains("\n") && !diagnostic.description.contains("\u{7}"))
        #expect(diagnostic.description.count < DiagnosticText.messageLength + DiagnosticText.pathLength + 40)
    }
}
