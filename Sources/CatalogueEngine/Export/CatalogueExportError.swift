import RDF

/// Why the catalogue's DCAT-AP export could not be written. Cases carry what was asked, never
/// record values; the text is the one place these become words.
public enum CatalogueExportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The base URL is not an absolute http(s) IRI without a fragment (the catalogue's IRI is it).
    case invalidBaseURL(String, reason: String)
    /// Pages are numbered from 1.
    case invalidPage(Int)
    case invalidPageSize(Int, allowed: ClosedRange<Int>)
    /// The graph could not be serialised; the RDF layer's error says which term and why.
    case serialization(RDFError)

    public var description: String {
        switch self {
        case .invalidBaseURL(let url, let reason):
            "export base URL '\(url)' refused: \(reason)"
        case .invalidPage(let page):
            "export page must be 1 or more, got \(page)"
        case .invalidPageSize(let size, let allowed):
            "export page size must be between \(allowed.lowerBound) and \(allowed.upperBound), got \(size)"
        case .serialization(let error):
            "the DCAT-AP export could not be written: \(error)"
        }
    }
}
