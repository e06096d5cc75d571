/// The RDF serialisations `catalogue import` accepts.
public enum ImportFormat: String, Codable, CaseIterable, Sendable {
    case turtle
    case rdfxml
    case ntriples
    case jsonld
}
