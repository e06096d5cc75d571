import CatalogueModel

/// The schemes the catalogue knows: IRI, the Turtle file each is written to, the prefix its
/// concepts are written with, and its title. Declared once, for the loader and the writer.
public struct SchemeInfo: Sendable {
    public var scheme: ConceptScheme
    public var iri: String
    /// File name without `.ttl`; restricted codes go to `<stem>.restricted-codes.ttl`.
    public var fileStem: String
    public var prefix: String
    public var title: String
    public var about: String
}

public enum SchemeCatalog {
    public static let vocabularyBase = "https://w3id.org/imaging-catalogue/vocab/"

    public static let all: [SchemeInfo] = [
        info(.cancerType, "cancer-type", "cancer-types", "ct", "Cancer types (starter)",
             "Starter SKOS scheme of cancer types for normalising harvested imaging-dataset metadata."),
        info(.modality, "imaging-modality", "imaging-modalities", "mod", "Imaging modalities (starter)",
             "Starter SKOS scheme of imaging modalities and DICOM object types, keyed to DICOM Modality (0008,0060)."),
        info(.bodySite, "body-site", "body-sites", "bs", "Body sites (starter)",
             "Starter SKOS scheme of imaged body regions and organs, keyed to DICOM Body Part Examined (0018,0015) and DICOM anatomic codes."),
        info(.tier, "eucaim-tier", "eucaim-tiers", "tier", "EUCAIM interoperability tiers",
             "The tiers EUCAIM datasets declare in eucaim:interoperabilityLevel, with their hyper-ontology IRIs."),
        info(.datasetType, "eucaim-dataset-type", "eucaim-dataset-types", "dtype", "EUCAIM dataset types",
             "Original, annotated or processed imaging data (dct:type of EUCAIM datasets)."),
        info(.collectionMethod, "eucaim-collection-method", "eucaim-collection-methods", "cm", "EUCAIM collection methods",
             "How the subjects of a EUCAIM dataset were collected (eucaim:collectionMethod)."),
        info(.sex, "eucaim-sex", "eucaim-sex", "sex", "EUCAIM birth sex",
             "Birth sex of the subjects of a EUCAIM dataset (eucaim:hasBirthSex)."),
        info(.accessCondition, "eucaim-access-condition", "eucaim-access-conditions", "acc", "EUCAIM access conditions",
             "How a distribution of a EUCAIM dataset can be accessed: download, in-situ or remote processing."),
    ]

    private static func info(_ scheme: ConceptScheme, _ path: String, _ file: String, _ prefix: String, _ title: String, _ about: String) -> SchemeInfo {
        SchemeInfo(scheme: scheme, iri: vocabularyBase + path, fileStem: file, prefix: prefix, title: title, about: about)
    }

    public static func info(_ scheme: ConceptScheme) -> SchemeInfo {
        guard let found = all.first(where: { $0.scheme == scheme }) else { preconditionFailure("no scheme info for \(scheme)") }
        return found
    }

    public static func scheme(iri: String) -> ConceptScheme? {
        all.first(where: { $0.iri == iri })?.scheme
    }

    /// The IRI a new concept of `scheme` gets from a short id ("neuroblastoma").
    public static func conceptIRI(_ id: String, in scheme: ConceptScheme) -> String {
        info(scheme).iri + "/" + id
    }
}
