import ExposureAudit
import ExposureLoading
import ExposureModel
import ExposureReports
import ExposureSolver
import Foundation
import RegionGenerator

/// One benchmark run: generate, write, then time each phase on each input.
struct Benchmark {
    let options: BenchmarkOptions

    /// A phase's median, and the figures it was taken from.
    struct Timing {
        let name: String
        let seconds: [Double]
        var median: Double {
            let sorted = seconds.sorted()
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
    }

    func run() throws {
        let region = Region(scale: options.scale, seed: options.seed, shape: options.shape)
        let folder = options.folder ?? NSTemporaryDirectory() + "exposure-benchmark-\(options.shape.name)-\(options.scale)-\(options.seed)"
        let bundleFolder = folder + "/aws"
        let nativePath = folder + "/region.json"
        try write(region, to: bundleFolder)
        print("region: \(options.shape.name), scale \(options.scale), seed \(options.seed): " + region.counts.map { "\($0.count) \($0.name)" }.joined(separator: ", "))
        let bundleFiles = try Benchmark.files(below: bundleFolder)
        let bundleBytes = bundleFiles.reduce(0) { $0 + $1.bytes.count }
        let loaded = try InputLoader.load(folder: bundleFolder, files: bundleFiles)
        try Data(loaded.nativeDocument.utf8).write(to: URL(fileURLWithPath: nativePath))
        let nativeBytes = try Benchmark.files(below: nativePath).reduce(0) { $0 + $1.bytes.count }
        print("written: \(bundleFolder) (\(bundleFiles.count) files, \(Benchmark.megabytes(bundleBytes))), \(nativePath) (\(Benchmark.megabytes(nativeBytes)))")
        print("runs: \(options.runs) of each phase, release build assumed; figures are medians in seconds\n")

        var timings: [Timing] = []
        timings.append(try time("load AWS bundle") { _ = try InputLoader.load(folder: bundleFolder, files: Benchmark.files(below: bundleFolder)) })
        var topology = loaded.topology
        timings.append(try time("load native file") {
            let file = try Benchmark.files(below: nativePath)
            topology = try InputLoader.load(file: file[0]).topology
        })
        // Every run starts from a new solver: its stage cache is filled by the run itself.
        var solver = Solver(topology: topology)
        let targets = options.allInterfaces ? topology.networkInterfaces.keys.sorted() : solver.emrNodeInterfaces
        var exposures: [Exposure] = []
        timings.append(try time("solve: compile and exposures of \(targets.count) interfaces") {
            solver = Solver(topology: topology)
            exposures = solver.exposures(of: targets)
        })
        var report = AnalysisReport(input: "region", targetCount: targets.count, exposures: exposures, assumptions: [], warnings: [], topology: topology)
        timings.append(try time("audit (a new solver each run)") {
            let audit = Audit(solver: Solver(topology: topology), exposures: exposures)
            report = AnalysisReport(
                input: "region", scope: options.allInterfaces ? .allInterfaces : .emrNodes, targetCount: targets.count,
                exposures: exposures, findings: audit.findings,
                clusters: ClusterPortSummary.summaries(of: topology, exposures: exposures), assumptions: audit.assumptions, warnings: [],
                topology: topology)
        })
        var rendered = 0
        timings.append(try time("render JSON") { rendered = AnalysisJSONRenderer.render([report]).utf8.count })
        let total = timings.dropFirst().reduce(0) { $0 + $1.median }
        // Not part of the load-to-report total, which stays comparable with earlier figures.
        var page = 0
        timings.append(try time("render HTML (drawing and page)") { page = HTMLRenderer.render(Review([report], gate: .never), version: "benchmark").utf8.count })
        for timing in timings { print(Benchmark.row(timing.name, timing.median)) }
        print(Benchmark.row("native: load to report", total))
        print("")
        let flows = Benchmark.flows(count: options.flows, to: solver.emrNodeInterfaces, in: topology)
        if !flows.isEmpty {
            var verdicts: [Verdict: Int] = [:]
            let traced = try time("trace \(flows.count) flows (after loading)") {
                verdicts = [:]
                for flow in flows { verdicts[(try? solver.trace(flow))?.verdict ?? .blocked, default: 0] += 1 }
            }
            print(Benchmark.row(traced.name, traced.median) + "  (" + [Verdict.reachable, .unknown, .blocked].map { "\(verdicts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ") + ")")
        }
        for rules in [1_000, 2_000] {
            let file = InputFile(path: "big-group.json", relativePath: "big-group.json", bytes: Benchmark.bigGroup(rules: rules))
            let big = try time("one group of \(rules) rules: load to exposures") {
                let topology = try InputLoader.load(file: file).topology
                let solver = Solver(topology: topology)
                _ = solver.exposures(of: topology.networkInterfaces.keys.sorted())
            }
            print(Benchmark.row(big.name, big.median))
        }
        print("\nexposures: \(exposures.count), findings: \(report.findings.count), JSON report: \(Benchmark.megabytes(rendered)), HTML report: \(Benchmark.megabytes(page))")
        print("peak memory: \(Benchmark.megabytes(Benchmark.peakResidentBytes()))")
        if options.python {
            let bundleParse = try pythonParse(bundleFolder)
            let nativeParse = try pythonParse(nativePath)
            print(Benchmark.row("python json.load, AWS bundle", bundleParse))
            print(Benchmark.row("python json.load, native file", nativeParse))
            print(String(format: "ratio, native load to report / python parse of it: %.2fx", total / nativeParse))
        }
    }

    /// `count` flows from the internet and from each tenant's first VPC to the EMR nodes,
    /// over the ports the nodes serve, in a fixed order.
    static func flows(count: Int, to nodes: [NetworkInterfaceID], in topology: Topology) -> [TraceQuery] {
        let ports: [UInt16] = [22, 80, 443, 8088, 8443, 8998, 9443, 18080, 50070, 5432]
        let sources: [TraceQuery.Source] = [.zone(.internet)] + Topology.sortedValues(topology.vpcs).prefix(5).map { .zone(.vpc($0.id)) }
        guard !nodes.isEmpty else { return [] }
        return (0..<count).map { index in
            TraceQuery(
                source: sources[index % sources.count], destination: .resource(nodes[index / sources.count % nodes.count].rawValue),
                protocolNumber: 6, keys: ports[index % ports.count]...ports[index % ports.count])
        }
    }

    /// A native topology of one public subnet whose one interface carries one group of
    /// `rules` ingress rules, each a different port from a different address.
    static func bigGroup(rules: Int) -> [UInt8] {
        let ingress = (0..<rules).map { index in
            "{\"protocol\": \"tcp\", \"ports\": \"\(1024 + index)\", \"cidr\": \"198.\(18 + index / 65536 % 2).\(index / 256 % 256).\(index % 256)/32\"}"
        }.joined(separator: ",\n")
        let text = """
            {"formatVersion": 1,
             "vpcs": [{"id": "vpc-1", "cidrs": ["10.0.0.0/16"]}],
             "subnets": [{"id": "subnet-1", "vpc": "vpc-1", "cidrs": ["10.0.1.0/24"], "availabilityZone": "az-a"}],
             "internetGateways": [{"id": "igw-1", "vpc": "vpc-1"}],
             "routeTables": [{"id": "rtb-1", "vpc": "vpc-1", "main": true, "routes": [{"destination": "0.0.0.0/0", "target": "igw-1"}]}],
             "networkAcls": [{"id": "acl-1", "vpc": "vpc-1", "default": true,
               "inbound": [{"rule": 100, "protocol": "all", "action": "allow", "cidr": "0.0.0.0/0"}],
               "outbound": [{"rule": 100, "protocol": "all", "action": "allow", "cidr": "0.0.0.0/0"}]}],
             "securityGroups": [{"id": "sg-big", "vpc": "vpc-1", "ingress": [\(ingress)], "egress": [{"protocol": "all", "cidr": "0.0.0.0/0"}]}],
             "networkInterfaces": [{"id": "eni-1", "subnet": "subnet-1", "privateIps": ["10.0.1.10"], "publicIp": "54.0.0.10", "securityGroups": ["sg-big"]}]}
            """
        return Array(text.utf8)
    }

    private func write(_ region: Region, to folder: String) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: folder) { try manager.removeItem(atPath: folder) }
        for file in region.files {
            let url = URL(fileURLWithPath: folder + "/" + file.path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.document.written()).write(to: url)
        }
    }

    private func time(_ name: String, _ body: () throws -> Void) throws -> Timing {
        var seconds: [Double] = []
        for _ in 0..<options.runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return Timing(name: name, seconds: seconds)
    }

    /// The median time `python3` takes to `json.load` every `.json` file at `path`.
    private func pythonParse(_ path: String) throws -> Double {
        let script = """
            import json, os, sys, time
            root, runs = sys.argv[1], int(sys.argv[2])
            paths = [root] if os.path.isfile(root) else sorted(
                os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith('.json'))
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                for p in paths:
                    with open(p, 'rb') as handle: json.load(handle)
                times.append(time.perf_counter() - start)
            times.sort()
            print(times[len(times) // 2])
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path, String(options.runs)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let seconds = Double(String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchmarkOptions.UsageError(message: "python3 could not parse \(path); run with --no-python")
        }
        return seconds
    }

    static func files(below path: String) throws -> [InputFile] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else {
            return [InputFile(path: path, relativePath: (path as NSString).lastPathComponent, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))]
        }
        return try InputFile.jsonFiles(below: path) { Array(try Data(contentsOf: URL(fileURLWithPath: $0))) }
    }

    static func row(_ name: String, _ seconds: Double) -> String {
        name.padding(toLength: 56, withPad: " ", startingAt: 0) + String(format: "%9.3f s", seconds)
    }

    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }

    /// The process's peak resident set (`ru_maxrss`: kilobytes on Linux, bytes on macOS).
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return usage.ru_maxrss
        #endif
    }
}
