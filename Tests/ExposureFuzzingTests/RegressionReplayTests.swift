import ExposureFuzzing
import Foundation
import Testing

/// Replays every input the fuzzers found (and the hostile inputs written by hand) through
/// the target that found it: none may trap, and each must be refused or loaded as its file
/// name says (`reject-*` must not load, `accept-*` must).
@Suite("Fuzz regressions")
struct RegressionReplayTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Regressions")

    /// Every saved input, as (target, file name).
    static var inputs: [Input] {
        FuzzTarget.allCases.flatMap { target -> [Input] in
            let directory = folder.appendingPathComponent(target.rawValue)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { Input(target: target, name: $0) }
        }
    }

    struct Input: CustomTestStringConvertible, Sendable {
        let target: FuzzTarget
        let name: String
        var testDescription: String { "\(target.rawValue)/\(name)" }
    }

    @Test("every target has saved inputs")
    func everyTargetHasInputs() {
        let targets = Set(Self.inputs.map(\.target))
        #expect(targets == Set(FuzzTarget.allCases))
    }

    @Test("saved inputs replay as their names say", arguments: inputs)
    func replay(_ input: Input) throws {
        let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(input.target.rawValue).appendingPathComponent(input.name)))
        let loaded = input.target.run(bytes)
        if input.name.hasPrefix("reject-") { #expect(!loaded) }
        if input.name.hasPrefix("accept-") { #expect(loaded) }
    }
}
