import RDF

/// The namespaces and IRIs the DCAT-AP export writes, declared once. The HealthDCAT-AP and
/// EUCAIM namespaces are the first variants `Harvesting`'s `Namespaces` reads (release-8
/// HealthDCAT-AP, the EUCAIM ontology), so our own harvester reads the export back.
enum ExportTerms {
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    static let xsd = "http://www.w3.org/2001/XMLSchema#"
    static let dcat = "http://www.w3.org/ns/dcat#"
    static let dct = "http://purl.org/dc/terms/"
    static let foaf = "http://xmlns.com/foaf/0.1/"
    static let vcard = "http://www.w3.org/2006/vcard/ns#"
    static let skos = "http://www.w3.org/2004/02/skos/core#"
    static let adms = "http://www.w3.org/ns/adms#"
    static let hydra = "http://www.w3.org/ns/hydra/core#"
    static let healthDCATAP = "http://healthdataportal.eu/ns/health#"
    static let eucaim = "https://cancerimage.eu/ontology/EUCAIM#"
    /// Every namespace the harvester reads HealthDCAT-AP and EUCAIM properties under: raw values
    /// harvested under either variant are exported (under the predicate as harvested).
    static let healthAndImagingNamespaces = [
        "http://healthdataportal.eu/ns/health#", "https://w3id.org/healthdcat-ap#",
        "https://cancerimage.eu/ontology/EUCAIM#", "https://hyperontology.eucaim.cancerimage.eu/#",
    ]
    /// The EU Vocabularies access-right authority table: `…/PUBLIC`, `…/RESTRICTED`, `…/NON_PUBLIC`.
    static let accessRightAuthority = "http://publications.europa.eu/resource/authority/access-right/"

    static let type = rdf + "type"

    /// The prefixes every serialisation declares.
    static let prefixes: [RDFPrefix] = [
        RDFPrefix("dcat", dcat), RDFPrefix("dct", dct), RDFPrefix("foaf", foaf), RDFPrefix("vcard", vcard),
        RDFPrefix("xsd", xsd), RDFPrefix("healthdcatap", healthDCATAP), RDFPrefix("eucaim", eucaim),
        RDFPrefix("skos", skos), RDFPrefix("adms", adms), RDFPrefix("rdfs", rdfs), RDFPrefix("hydra", hydra),
    ]
}
