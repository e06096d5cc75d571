import Foundation
import RDF

/// Chooses how to read a page from the node's protocol.
struct PageInterpreter: Sendable {
    private let dcat: DCATPageInterpreter
    private let fdp: FDPPageInterpreter
    private let custom: CustomPageMapper?
    private let harvestProtocol: HarvestProtocol
    private let mediaTypeOverride: String?
    private let paging: PagingConvention

    /// - Throws: ``HarvestError/invalidMapping(file:reason:)`` when a json/xml node's mapping
    ///   file cannot be used (checked before the first request).
    init(node: NodeConfiguration, parser: RDFParser, mapper: DatasetMapper) throws(HarvestError) {
        let reader = RDFPageReader(parser: parser, mediaTypeOverride: node.mediaType)
        dcat = DCATPageInterpreter(reader: reader, mapper: mapper)
        fdp = FDPPageInterpreter(reader: reader, mapper: mapper)
        harvestProtocol = node.harvestProtocol
        mediaTypeOverride = node.mediaType
        paging = node.paging
        switch node.harvestProtocol {
        case .json, .xml:
            guard let file = node.mapping else { throw .invalidMapping(file: "-", reason: "a \(node.harvestProtocol.rawValue) node needs a mapping file") }
            let mapping: NodeAPIMapping
            do {
                mapping = try NodeAPIMapping.load(from: file)
            } catch {
                throw .invalidMapping(file: file.lastPathComponent, reason: error.description)
            }
            guard mapping.format.rawValue == node.harvestProtocol.rawValue else {
                throw .invalidMapping(file: file.lastPathComponent, reason: "it maps \(mapping.format.rawValue) but the node's protocol is \(node.harvestProtocol.rawValue)")
            }
            custom = CustomPageMapper(mapping: mapping)
        case .dcat, .fdp:
            custom = nil
        }
    }

    func interpret(_ page: FetchedPage, as link: PageLink) throws(HarvestError) -> InterpretedPage {
        switch harvestProtocol {
        case .dcat: return try dcat.interpret(page, endsPaging: paging == .pageParameter && link.isNextPage)
        case .fdp: return try fdp.interpret(page, as: link)
        case .json, .xml: return try interpretCustom(page)
        }
    }

    private func interpretCustom(_ page: FetchedPage) throws(HarvestError) -> InterpretedPage {
        guard let custom else { return InterpretedPage() }
        let source = page.finalURL.isFileURL ? page.finalURL.lastPathComponent : page.finalURL.absoluteString
        if let reason = PageContentCheck.htmlReason(page, mediaTypeOverride: mediaTypeOverride) {
            throw .unreadablePage(url: source, reason: reason)
        }
        do {
            let mapped = try custom.map(page.body, pageURL: page.finalURL, source: source)
            var interpreted = InterpretedPage(result: mapped.result)
            // A local file is one page: a query-string rule (?page=N) cannot select another part of it.
            let queryPaging = page.finalURL.isFileURL && mapped.next?.query != nil
            if let next = mapped.next, !queryPaging {
                interpreted.links = [PageLink(url: next.absoluteString, role: .catalogue, isNextPage: true)]
            }
            return interpreted
        } catch {
            throw .unreadablePage(url: source, reason: error.description)
        }
    }
}
