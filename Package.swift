// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "exposure",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "exposure", targets: ["exposure"]),
        .executable(name: "exposure-benchmark", targets: ["exposure-benchmark"]),
        .library(name: "ExposureKit", targets: ["ExposureKit"]),
    ],
    targets: [
        // Everything of substance: model, loading, solver, reports.
        .target(name: "ExposureKit"),
        // Argument parsing, exit codes and diagnostics, testable in-process.
        .target(name: "ExposureCLI", dependencies: ["ExposureKit"]),
        // The thin entry point.
        .executableTarget(name: "exposure", dependencies: ["ExposureCLI"]),
        // A seeded generator of quota-sized regions as AWS CLI outputs.
        .target(name: "RegionGenerator"),
        // Times each phase on a generated region, beside Python's parse of the same files.
        .executableTarget(name: "exposure-benchmark", dependencies: ["ExposureKit", "RegionGenerator"]),
        // Fixtures are read from the source tree by path, not bundled as resources.
        .testTarget(
            name: "ExposureKitTests",
            dependencies: ["ExposureKit"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "RegionGeneratorTests", dependencies: ["RegionGenerator", "ExposureKit"]),
        .testTarget(
            name: "ExposureCLITests",
            dependencies: ["ExposureCLI", "ExposureKit"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
