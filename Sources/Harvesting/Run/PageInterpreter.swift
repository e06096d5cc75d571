import Foundation
import RDF

/// Chooses how to read a page from the node's protocol.
struct PageInterpreter: Sendable {
    private let dcat: DCATPageInterpreter
    private let fdp: FDPPageInterpreter
    private let harvestProtocol: HarvestProtocol

    init(node: NodeConfiguration, parser: RDFParser, mapper: DatasetMapper) {
        let reader = RDFPageReader(parser: parser, mediaTypeOverride: node.mediaType)
        dcat = DCATPageInterpreter(reader: reader, mapper: mapper)
        fdp = FDPPageInterpreter(reader: reader, mapper: mapper)
        harvestProtocol = node.harvestProtocol
    }

    func interpret(_ page: FetchedPage, as link: PageLink) throws(HarvestError) -> InterpretedPage {
        switch harvestProtocol {
        case .dcat: return try dcat.interpret(page)
        case .fdp: return try fdp.interpret(page, as: link)
        case .json, .xml:
            throw .invalidMapping(file: "-", reason: "custom mappings are not wired in yet")
        }
    }
}
