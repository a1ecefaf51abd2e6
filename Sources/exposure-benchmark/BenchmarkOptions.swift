import ExposureAudit
import ExposureLoading
import ExposureModel
import ExposureReports
import ExposureSolver
import RegionGenerator

/// The benchmark's command line.
struct BenchmarkOptions {
    /// A command line the benchmark cannot run.
    struct UsageError: Error {
        let message: String
    }

    var scale = 1
    var shape = RegionShape.quota
    var seed: UInt64 = 1
    var runs = 5
    var folder: String?
    var allInterfaces = false
    var python = true
    var flows = 10_000
    var help = false

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        func value(_ name: String) throws -> String {
            guard let next = rest.popFirst() else { throw UsageError(message: "\(name) needs a value") }
            return next
        }
        func number<Value: FixedWidthInteger>(_ name: String, in range: ClosedRange<Value>) throws -> Value {
            let text = try value(name)
            guard let parsed = Value(text), range.contains(parsed) else {
                throw UsageError(message: "\(name) takes a whole number in \(range.lowerBound)...\(range.upperBound), not '\(text)'")
            }
            return parsed
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--scale": scale = try number(argument, in: 1...Region.maximumScale)
            case "--shape":
                let name = try value(argument)
                guard let chosen = RegionShape.all.first(where: { $0.name == name }) else {
                    throw UsageError(message: "--shape takes \(RegionShape.all.map(\.name).joined(separator: ", ")), not '\(name)'")
                }
                shape = chosen
            case "--seed": seed = try number(argument, in: 0...UInt64.max)
            case "--runs": runs = try number(argument, in: 1...100)
            case "--folder": folder = try value(argument)
            case "--flows": flows = try number(argument, in: 0...1_000_000)
            case "--all-interfaces": allInterfaces = true
            case "--no-python": python = false
            case "-h", "--help": help = true
            default: throw UsageError(message: "unknown argument '\(argument)'")
            }
        }
        guard shape.vpcsPerScale * scale <= Region.maximumVPCs else {
            throw UsageError(message: "--shape \(shape.name) at --scale \(scale) would need \(shape.vpcsPerScale * scale) VPCs; at most \(Region.maximumVPCs)")
        }
    }
}
