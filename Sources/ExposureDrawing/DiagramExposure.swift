import ExposureModel
import ExposureSolver

/// One exposure as the drawing shows it: the exposure (its zone, target, verdict and
/// path) and the services to show, all of them or, for a diff, only what a change opens.
public struct DiagramExposure: Sendable {
    public let exposure: Exposure
    public let services: ServiceSet

    /// `exposure` with `services` (its own when `nil`).
    public init(_ exposure: Exposure, services: ServiceSet? = nil) {
        self.exposure = exposure
        self.services = services ?? exposure.services
    }
}
