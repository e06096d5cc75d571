import CatalogueModel
import Foundation
import RDF

/// The nested parts of a dataset: publisher, distributions, contact points, periods. Each is the
/// node it was harvested as when that was an IRI, else a blank node.
extension CatalogueExport {
    /// `foaf:Agent` needs a `foaf:name`: a publisher given only by IRI is named by what the
    /// normaliser showed for it.
    func addPublisher(_ publisher: RawAgent, fallbackName: String?, of dataset: Term, _ graph: inout ExportGraph) {
        var names = publisher.names.compactMap(ExportGraph.text)
        if names.isEmpty, let fallback = (fallbackName ?? publisher.iri).flatMap({ ExportGraph.text($0) }) { names = [fallback] }
        guard !names.isEmpty else { return }
        let agent = publisher.iri.flatMap(ExportGraph.iri) ?? graph.blank()
        graph.add(dataset, ExportTerms.dct + "publisher", agent)
        graph.type(agent, ExportTerms.foaf + "Agent")
        for name in names { graph.add(agent, ExportTerms.foaf + "name", name) }
    }

    /// DCAT-AP requires `dcat:accessURL`: without one, the download URL, the dataset's landing
    /// page or, last, the dataset itself is where access is asked for.
    func addDistribution(
        _ distribution: RawDistribution, of dataset: Term, name: DatasetName, landingPage: Term?, _ graph: inout ExportGraph
    ) {
        let dcat = ExportTerms.dcat
        let dct = ExportTerms.dct
        // A dataset renamed because its IRI was shared may share its distributions' IRIs too.
        let node = (name.minted ? nil : distribution.iri.flatMap(ExportGraph.iri)) ?? graph.blank()
        graph.add(dataset, dcat + "distribution", node)
        graph.type(node, dcat + "Distribution")
        let accessURLs = distribution.accessURLs.compactMap(ExportGraph.iri)
        let downloadURLs = distribution.downloadURLs.compactMap(ExportGraph.iri)
        for url in accessURLs.isEmpty ? [downloadURLs.first ?? landingPage ?? dataset] : accessURLs {
            graph.add(node, dcat + "accessURL", url)
        }
        for url in downloadURLs { graph.add(node, dcat + "downloadURL", url) }
        for title in distribution.titles { graph.add(node, dct + "title", ExportGraph.text(title)) }
        if let format = distribution.format { addDescribed(format, dct + "MediaTypeOrExtent", node, dct + "format", &graph) }
        if let mediaType = distribution.mediaType { addDescribed(mediaType, dct + "MediaType", node, dcat + "mediaType", &graph) }
        if let license = distribution.license { addDescribed(license, dct + "LicenseDocument", node, dct + "license", &graph) }
        graph.add(node, dcat + "byteSize", distribution.byteSize.flatMap(ExportLexical.byteSize))
    }

    /// A value whose range is a class: an IRI typed with it, or a literal as the `rdfs:label` of
    /// a blank node of that class (which our harvester reads back as the literal).
    private func addDescribed(_ value: RawValue, _ type: String, _ subject: Term, _ predicate: String, _ graph: inout ExportGraph) {
        let object: Term
        if value.isIRI, let iri = ExportGraph.iri(value.text) {
            object = iri
        } else if let label = ExportGraph.text(value.text) {
            object = graph.blank()
            graph.add(object, ExportTerms.rdfs + "label", label)
        } else {
            return
        }
        graph.add(subject, predicate, object)
        graph.type(object, type)
    }

    func addContact(_ contact: RawContact, of dataset: Term, _ graph: inout ExportGraph) {
        let vcard = ExportTerms.vcard
        let names = contact.names.compactMap(ExportGraph.text)
        let emails = contact.emails.compactMap { ExportGraph.iri("mailto:" + $0) }
        let urls = contact.urls.compactMap(ExportGraph.iri)
        guard !names.isEmpty || !emails.isEmpty || !urls.isEmpty || contact.iri != nil else { return }
        let node = contact.iri.flatMap(ExportGraph.iri) ?? graph.blank()
        graph.add(dataset, ExportTerms.dcat + "contactPoint", node)
        graph.type(node, vcard + "Kind")
        for name in names { graph.add(node, vcard + "fn", name) }
        for email in emails { graph.add(node, vcard + "hasEmail", email) }
        for url in urls { graph.add(node, vcard + "hasURL", url) }
    }

    /// `dct:PeriodOfTime` with DCAT 3's `dcat:startDate`/`dcat:endDate`, bounds that are valid dates only.
    func addPeriod(_ period: RawPeriod, of dataset: Term, _ graph: inout ExportGraph) {
        let start = period.start.flatMap(ExportLexical.date)
        let end = period.end.flatMap(ExportLexical.date)
        guard start != nil || end != nil else { return }
        let node = graph.blank()
        graph.add(dataset, ExportTerms.dct + "temporal", node)
        graph.type(node, ExportTerms.dct + "PeriodOfTime")
        graph.add(node, ExportTerms.dcat + "startDate", start)
        graph.add(node, ExportTerms.dcat + "endDate", end)
    }
}
