import ExposureAudit
import ExposureLoading
import ExposureModel
import ExposureReports
import ExposureSolver
import Foundation
import RegionGenerator

/// `exposure-benchmark`: generates a seeded region, writes it as an AWS bundle and as a
/// native file, and times each phase of the analysis on both, beside Python's parse of the
/// same files.
enum BenchmarkCommand {
    static let usage = """
        USAGE: exposure-benchmark [--shape NAME] [--scale N] [--seed S] [--runs R] [--folder DIR]
                                  [--all-interfaces] [--flows F] [--no-python]

        Generates a region of scale N (1 is 20 VPCs, 5,000 interfaces, about 27,500 security
        group rules; at most \(Region.maximumScale)) from seed S, writes it under DIR (default: a
        temporary folder) as an AWS bundle (DIR/aws) and as a native file (DIR/region.json),
        and prints the median of R runs (default 5) of each phase: loading each input, solving
        the exposures (of the EMR nodes, or of every interface with --all-interfaces),
        auditing and rendering the JSON report; then tracing F flows (default 10,000; 0 skips
        it) and loading and solving one group of 1,000 and of 2,000 rules. It also prints the
        peak memory of the process and, unless --no-python, the median time Python's json.load
        takes to parse the same files, measured in the same run.

        --shape sizes the region otherwise (at most \(Region.maximumVPCs) VPCs in all):
          quota       the region above (the default)
          wide-group  the same, with groups of 2,000 rules where it has groups of 1,400
          many-rules  20 VPCs per scale of 125 groups of 60-100 rules (about 200,000 rules)
          many-vpcs   100 VPCs per scale of 12 interfaces (1,200) and 20 groups each
        """

    static func run(_ arguments: [String]) -> Int32 {
        do {
            let options = try BenchmarkOptions(arguments)
            if options.help {
                print(usage)
                return 0
            }
            try Benchmark(options: options).run()
            return 0
        } catch let error as BenchmarkOptions.UsageError {
            FileHandle.standardError.write(Data("exposure-benchmark: \(error.message)\n\n\(usage)\n".utf8))
            return 64
        } catch {
            FileHandle.standardError.write(Data("exposure-benchmark: \(error)\n".utf8))
            return 70
        }
    }
}
