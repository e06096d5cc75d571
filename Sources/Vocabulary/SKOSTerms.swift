/// The RDF terms the SKOS loader and writer use, spelt once.
enum SKOSTerms {
    static let skos = "http://www.w3.org/2004/02/skos/core#"
    static let owl = "http://www.w3.org/2002/07/owl#"
    static let dct = "http://purl.org/dc/terms/"
    static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    static let xsd = "http://www.w3.org/2001/XMLSchema#"

    static let concept = skos + "Concept"
    static let inScheme = skos + "inScheme"
    static let prefLabel = skos + "prefLabel"
    static let altLabel = skos + "altLabel"
    static let hiddenLabel = skos + "hiddenLabel"
    static let broader = skos + "broader"
    static let narrower = skos + "narrower"
    static let related = skos + "related"
    static let scopeNote = skos + "scopeNote"
    static let editorialNote = skos + "editorialNote"
    static let notation = skos + "notation"
    static let topConceptOf = skos + "topConceptOf"
    static let deprecated = owl + "deprecated"
    static let isReplacedBy = dct + "isReplacedBy"
}
