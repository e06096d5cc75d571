/// The namespaces the profiles read, declared once. Where a vocabulary is published under more
/// than one namespace (HealthDCAT-AP, EUCAIM), every variant is listed and read alike.
enum Namespaces {
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    static let dcat = "http://www.w3.org/ns/dcat#"
    static let dct = "http://purl.org/dc/terms/"
    static let foaf = "http://xmlns.com/foaf/0.1/"
    static let skos = "http://www.w3.org/2004/02/skos/core#"
    static let adms = "http://www.w3.org/ns/adms#"
    static let vcard = "http://www.w3.org/2006/vcard/ns#"
    static let owl = "http://www.w3.org/2002/07/owl#"
    static let schema = "http://schema.org/"
    static let time = "http://www.w3.org/2006/time#"
    static let spdx = "http://spdx.org/rdf/terms#"
    /// Core Vocabularies (`cv:ContactPoint` in HealthDCAT-AP release 8).
    static let cv = "http://data.europa.eu/m8g/"
    /// HealthDCAT-AP: the release-8 namespace and the one in EUCAIM's examples.
    static let healthDCATAP = ["http://healthdataportal.eu/ns/health#", "https://w3id.org/healthdcat-ap#"]
    /// EUCAIM DCAT-AP: the ontology namespace and the hyper-ontology service's.
    static let eucaim = ["https://cancerimage.eu/ontology/EUCAIM#", "https://hyperontology.eucaim.cancerimage.eu/#"]

    /// One predicate in each namespace variant.
    static func variants(_ namespaces: [String], _ localName: String) -> [String] {
        namespaces.map { $0 + localName }
    }
}
