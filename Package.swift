// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "exposure",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "exposure", targets: ["exposure"]),
        .executable(name: "exposure-benchmark", targets: ["exposure-benchmark"]),
    ],
    targets: [
        // The layers, each using only those before it (each target's README says what it
        // holds and what it may use).
        // Pure values: ids, addresses, the set algebra, the topology.
        .target(name: "ExposureModel", exclude: ["README.md"]),
        // The JSON reader and one loader per input format, each building the model.
        .target(name: "ExposureLoading", dependencies: ["ExposureModel"], exclude: ["README.md"]),
        // The compiled topology and the query API: exposures, egress, trace.
        .target(name: "ExposureSolver", dependencies: ["ExposureModel"], exclude: ["README.md"]),
        // One rule per file, asking the solver's questions.
        .target(name: "ExposureAudit", dependencies: ["ExposureModel", "ExposureSolver"], exclude: ["README.md"]),
        // The network as the HTML and DOT reports draw it: what is drawn, and where.
        .target(name: "ExposureDrawing", dependencies: ["ExposureModel", "ExposureSolver", "ExposureAudit"], exclude: ["README.md"]),
        // One renderer per format.
        .target(name: "ExposureReports", dependencies: ["ExposureModel", "ExposureSolver", "ExposureAudit", "ExposureDrawing"], exclude: ["README.md"]),
        // Argument parsing, exit codes and diagnostics, testable in-process.
        .target(name: "ExposureCLI", dependencies: ["ExposureModel", "ExposureLoading", "ExposureSolver", "ExposureAudit", "ExposureReports"], exclude: ["README.md"]),
        // The thin entry point.
        .executableTarget(name: "exposure", dependencies: ["ExposureCLI"], exclude: ["README.md"]),
        // What the libFuzzer drivers (Drivers/, built by .ci/fuzz) and the regression
        // replay feed bytes to: the JSON reader and each loader, then the analysis.
        .target(name: "ExposureFuzzing", dependencies: ["ExposureModel", "ExposureLoading", "ExposureReports"], exclude: ["README.md", "Drivers"]),
        // A seeded generator of quota-sized regions as AWS CLI outputs.
        .target(name: "RegionGenerator", exclude: ["README.md"]),
        // Times each phase on a generated region, beside Python's parse of the same files.
        .executableTarget(
            name: "exposure-benchmark",
            dependencies: ["ExposureModel", "ExposureLoading", "ExposureSolver", "ExposureAudit", "ExposureReports", "RegionGenerator"],
            exclude: ["README.md"]),
        // Test helpers shared by the layers' tests: scenario and bundle builders, seeded
        // random inputs, the repository's folder.
        .target(
            name: "ExposureTestSupport",
            dependencies: ["ExposureModel", "ExposureLoading", "ExposureSolver", "RegionGenerator"],
            path: "Tests/ExposureTestSupport",
            exclude: ["README.md"]),
        // One test target per layer, mirroring Sources/; fixtures are read from the source
        // tree by path, not bundled as resources.
        .testTarget(name: "ExposureModelTests", dependencies: ["ExposureModel", "ExposureLoading", "ExposureSolver", "ExposureAudit", "ExposureReports", "ExposureTestSupport"]),
        .testTarget(name: "ExposureLoadingTests", dependencies: ["ExposureModel", "ExposureLoading", "ExposureSolver", "ExposureAudit", "ExposureReports", "ExposureTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "ExposureSolverTests", dependencies: ["ExposureModel", "ExposureLoading", "ExposureSolver", "ExposureAudit", "ExposureReports", "ExposureTestSupport"]),
        .testTarget(
            name: "ExposureDrawingTests",
            dependencies: ["ExposureDrawing", "ExposureModel", "ExposureLoading", "ExposureSolver", "ExposureAudit", "ExposureReports", "ExposureTestSupport", "RegionGenerator"],
            exclude: ["Fixtures"]),
        .testTarget(name: "ExposureAuditTests", dependencies: ["ExposureModel", "ExposureLoading", "ExposureSolver", "ExposureAudit", "ExposureReports", "ExposureTestSupport"]),
        .testTarget(name: "ExposureCLITests", dependencies: ["ExposureCLI", "ExposureModel", "ExposureLoading", "ExposureSolver", "ExposureAudit", "ExposureReports"], exclude: ["Fixtures"]),
        .testTarget(name: "ExposureFuzzingTests", dependencies: ["ExposureFuzzing"], exclude: ["Regressions"]),
        .testTarget(name: "RegionGeneratorTests", dependencies: ["RegionGenerator", "ExposureModel", "ExposureLoading"]),
    ],
    swiftLanguageModes: [.v6]
)
