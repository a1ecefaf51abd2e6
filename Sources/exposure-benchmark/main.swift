import ExposureAudit
import ExposureLoading
import ExposureModel
import ExposureReports
import ExposureSolver
import Foundation

exit(BenchmarkCommand.run(Array(CommandLine.arguments.dropFirst())))
