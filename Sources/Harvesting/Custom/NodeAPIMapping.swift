import Foundation

/// How one node's own JSON or XML API maps onto the dataset record: where the records are on a
/// page, where each field is in a record, and how to reach the next page. Read from a mapping file
/// in `Harvesters/mappings/` (documented in its README).
public struct NodeAPIMapping: Hashable, Sendable {
    public enum Format: String, Sendable, CaseIterable { case json, xml }

    /// The dataset fields a mapping can fill.
    public enum Field: String, Sendable, CaseIterable {
        case identifier, iri, titles, descriptions, keywords, publisher, landingPages, accessRights, issued, modified
        case subjects, studies, minTypicalAge, maxTypicalAge, conditions, modalities, bodyParts, interoperabilityLevel
    }

    /// Where one value is and how to read it.
    public struct Selector: Hashable, Sendable {
        /// A JSON Pointer (with `*` for every element) or an XPath 1.0 expression, relative to the record.
        public var path: String
        public var asIRI = false
        /// The language of the text values (titles, descriptions, keywords).
        public var language: String?
        /// Splits one text into several values ("CT, PT" → "CT", "PT").
        public var split: String?
        /// Put before each value ("ICD10:" + "C34.9").
        public var prefix: String?

        public init(path: String) { self.path = path }
    }

    public struct Distributions: Hashable, Sendable {
        /// Where the distributions are inside a record.
        public var path: String
        public var fields: [String: [Selector]]
        static let fieldNames: Set<String> = ["iri", "accessURL", "downloadURL", "format", "mediaType", "title"]
    }

    public enum Paging: Hashable, Sendable {
        case none
        /// The next page's URL is on the page.
        case nextLink(String)
        /// `?parameter=N`, from `first`, until a page has no record or N reaches the value at `lastPage`.
        case pageNumber(parameter: String, first: Int, lastPage: String?)
        /// `?offset=…&limit=…` until a page has fewer records than `limit` or the offset reaches `total`.
        case offset(offsetParameter: String, limitParameter: String, limit: Int, total: String?)
    }

    public var format: Format
    /// Selects the record list on a page.
    public var records: String
    /// XML namespace prefixes used by the XPath expressions.
    public var namespaces: [String: String] = [:]
    public var fields: [Field: [Selector]] = [:]
    public var distributions: Distributions?
    public var paging: Paging = .none

    public init(format: Format, records: String) {
        self.format = format
        self.records = records
    }
}
