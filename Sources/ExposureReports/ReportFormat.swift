/// The formats `analyze` and `diff` write, each by one renderer.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, sarif, markdown, junit, html, dot

    /// The format a file name suggests, for `-o FILE` given without `--format`: `.json`,
    /// `.sarif`, `.md`, `.xml`, `.html`, `.dot` (or `.gv`); anything else is text.
    public init(suggestedBy file: String) {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let suffix = name.split(separator: ".").count > 1 ? name.split(separator: ".").last.map { $0.lowercased() } : nil
        switch suffix {
        case "json": self = .json
        case "sarif": self = .sarif
        case "md", "markdown": self = .markdown
        case "xml": self = .junit
        case "html", "htm": self = .html
        case "dot", "gv": self = .dot
        default: self = .text
        }
    }

    /// An `analyze` report in this format; `layout` applies to text.
    public func render(_ review: Review, layout: TextLayout = .plain, version: String) -> String {
        switch self {
        case .text: AnalysisTextRenderer.render(review, layout: layout)
        case .json: AnalysisJSONRenderer.render(review)
        case .sarif: SARIFRenderer.render(review, version: version)
        case .markdown: MarkdownRenderer.render(review)
        case .junit: JUnitRenderer.render(review)
        case .html: HTMLRenderer.render(review, version: version)
        case .dot: DOTRenderer.render(review)
        }
    }

    /// An `exposure diff` report in this format.
    public func render(_ diff: DiffReview, layout: TextLayout = .plain, version: String) -> String {
        switch self {
        case .text: AnalysisTextRenderer.render(diff, layout: layout)
        case .json: AnalysisJSONRenderer.render(diff)
        case .sarif: SARIFRenderer.render(diff, version: version)
        case .markdown: MarkdownRenderer.render(diff)
        case .junit: JUnitRenderer.render(diff)
        case .html: HTMLRenderer.render(diff, version: version)
        case .dot: DOTRenderer.render(diff)
        }
    }
}
