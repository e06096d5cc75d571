import CatalogueModel
import RDF

/// Readers for the nested parts of a dataset: contact points, periods, distribution details, and
/// the verbatim form of properties no row maps.
extension TermReader {
    func contact(_ term: Term) -> RawContact? {
        if case .literal = term { return langString(term).map { RawContact(names: [$0]) } }
        let names = [Namespaces.vcard + "fn", Namespaces.foaf + "name", Namespaces.vcard + "organization-name", Namespaces.rdfs + "label"]
            .flatMap { graph.objects(term, $0) }.compactMap(langString)
        let emails = [Namespaces.vcard + "hasEmail", Namespaces.cv + "email", Namespaces.foaf + "mbox"]
            .flatMap { graph.objects(term, $0) }.compactMap(url).map(Self.strippingMailto)
        let urls = [Namespaces.vcard + "hasURL", Namespaces.cv + "contactPage", Namespaces.foaf + "homepage"]
            .flatMap { graph.objects(term, $0) }.compactMap(url)
        let contact = RawContact(iri: term.iriValue, names: names, emails: emails, urls: urls)
        return contact == RawContact() ? nil : contact
    }

    /// A `dct:PeriodOfTime` written in any of the three forms DCAT-AP versions use.
    func period(_ term: Term) -> RawPeriod? {
        let start = bound(term, [Namespaces.dcat + "startDate", Namespaces.schema + "startDate"], instant: Namespaces.time + "hasBeginning")
        let end = bound(term, [Namespaces.dcat + "endDate", Namespaces.schema + "endDate"], instant: Namespaces.time + "hasEnd")
        guard start != nil || end != nil else { return nil }
        return RawPeriod(start: start, end: end)
    }

    private func bound(_ period: Term, _ predicates: [String], instant: String) -> String? {
        for predicate in predicates {
            if let text = graph.objects(period, predicate).lazy.compactMap(\.literalValue).first { return text }
        }
        let instantProperties = ["inXSDDate", "inXSDDateTimeStamp", "inXSDDateTime"].map { Namespaces.time + $0 }
        for node in graph.objects(period, instant) {
            for property in instantProperties {
                if let text = graph.objects(node, property).lazy.compactMap(\.literalValue).first { return text }
            }
        }
        return nil
    }

    /// A value as given; a blank node as Turtle-like text of what it holds (a few levels deep),
    /// so structure a profile does not map is still kept in the raw record.
    func verbatim(_ term: Term, depth: Int = 0) -> RawValue {
        switch term {
        case .iri(let iri): return .iri(iri)
        case .literal(let value, let language, let datatype): return .literal(value, language: language, datatype: datatype)
        case .blank: return .literal(blankText(term, depth: depth))
        }
    }

    private func blankText(_ term: Term, depth: Int) -> String {
        guard depth < 4 else { return "[]" }
        let parts = graph.predicates(of: term).map { predicate in
            "<\(predicate)> " + graph.objects(term, predicate).map { object in
                object.isBlank ? blankText(object, depth: depth + 1) : object.description
            }.joined(separator: ", ")
        }
        return parts.isEmpty ? "[]" : "[ " + parts.joined(separator: " ; ") + " ]"
    }

    static func strippingMailto(_ text: String) -> String {
        text.lowercased().hasPrefix("mailto:") ? String(text.dropFirst(7)) : text
    }
}
