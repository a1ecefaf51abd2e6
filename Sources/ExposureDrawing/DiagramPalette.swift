import ExposureAudit

/// The drawing's colours, shared by the HTML and DOT reports: one per severity (each at
/// least 4.5:1 against white), one for exposures no finding rates, one for links.
public enum DiagramPalette {
    /// The colour of a severity; `nil` is the colour of what no finding rates.
    public static func colour(of severity: Severity?) -> String {
        switch severity {
        case .critical: "#b8001f"
        case .high: "#c2410c"
        case .medium: "#8a5a00"
        case .low: "#1d4ed8"
        case .info: "#4b5563"
        case nil: "#6d28d9"
        }
    }

    /// The colour of transit gateway and peering links.
    public static let link = "#9ca3af"
}
