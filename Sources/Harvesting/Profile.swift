/// A harvesting profile: rows mapping predicates to dataset fields, concatenated from the
/// standards it follows (DCAT-AP 3, then HealthDCAT-AP, then EUCAIM), never subclassed.
/// A field's transform (text, number, date, value as given, nested distribution) is fixed by the field.
public struct Profile: Sendable {
    public enum Field: String, Sendable, CaseIterable {
        case identifier, title, description, keyword, publisher, landingPage, accessRights, issued, modified
        case distribution, subjects, studies, minTypicalAge, maxTypicalAge
        case condition, imageModality, imageBodyPart, interoperabilityLevel
        case contactPoint, temporal, version
    }

    public struct Row: Sendable, Equatable {
        public var predicate: String
        public var field: Field

        public init(_ predicate: String, _ field: Field) {
            self.predicate = predicate
            self.field = field
        }
    }

    public var rows: [Row]

    public init(rows: [Row]) { self.rows = rows }

    /// Every predicate some row reads: the rest of a dataset's properties go to `otherProperties`.
    var mappedPredicates: Set<String> { Set(rows.map(\.predicate)) }

    /// Predicates for a field, in row order.
    func predicates(for field: Field) -> [String] { rows.filter { $0.field == field }.map(\.predicate) }

    /// Fields a EUCAIM dataset must have; their absence is reported.
    public var mandatoryFields: [Field] = []

    public static let dcatAP3Rows: [Row] = [
        Row(Namespaces.dct + "identifier", .identifier),
        Row(Namespaces.dct + "title", .title),
        Row(Namespaces.dct + "description", .description),
        Row(Namespaces.dcat + "keyword", .keyword),
        Row(Namespaces.dct + "publisher", .publisher),
        Row(Namespaces.dcat + "landingPage", .landingPage),
        Row(Namespaces.dct + "accessRights", .accessRights),
        Row(Namespaces.dct + "issued", .issued),
        Row(Namespaces.dct + "modified", .modified),
        Row(Namespaces.dcat + "distribution", .distribution),
        Row(Namespaces.dcat + "contactPoint", .contactPoint),
        Row(Namespaces.dct + "temporal", .temporal),
        Row(Namespaces.dcat + "version", .version),
    ]

    /// DCAT-AP 1.x/2.x patterns still in the wild (reference §1.6): read like their successors.
    public static let legacyRows: [Row] = [
        Row(Namespaces.adms + "contactPoint", .contactPoint),
        Row(Namespaces.owl + "versionInfo", .version),
    ]

    public static let healthDCATAPRows: [Row] =
        [Row(Namespaces.cv + "contactPoint", .contactPoint)]
        + Namespaces.variants(Namespaces.healthDCATAP, "numberOfUniqueIndividuals").map { Row($0, .subjects) }
        + Namespaces.variants(Namespaces.healthDCATAP, "numberOfRecords").map { Row($0, .studies) }
        + Namespaces.variants(Namespaces.healthDCATAP, "minTypicalAge").map { Row($0, .minTypicalAge) }
        + Namespaces.variants(Namespaces.healthDCATAP, "maxTypicalAge").map { Row($0, .maxTypicalAge) }

    public static let eucaimRows: [Row] =
        Namespaces.variants(Namespaces.eucaim, "hasCondition").map { Row($0, .condition) }
        + Namespaces.variants(Namespaces.eucaim, "hasImageModality").map { Row($0, .imageModality) }
        + Namespaces.variants(Namespaces.eucaim, "hasImageBodyPart").map { Row($0, .imageBodyPart) }
        + (Namespaces.variants(Namespaces.eucaim, "interoperabilityLevel") + [Namespaces.adms + "interoperabilityLevel"])
            .map { Row($0, .interoperabilityLevel) }

    /// EUCAIM DCAT-AP v2: DCAT-AP 3 + legacy + HealthDCAT-AP + EUCAIM rows. Every other property
    /// of a dataset is kept verbatim in `otherProperties` (see `docs/harvest-profiles.md`).
    public static let eucaimDCATAP: Profile = {
        var profile = Profile(rows: dcatAP3Rows + legacyRows + healthDCATAPRows + eucaimRows)
        profile.mandatoryFields = [.condition, .imageModality, .imageBodyPart]
        return profile
    }()
}
