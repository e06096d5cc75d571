import CatalogueModel
import Foundation

/// Writes a synthetic federation as Turtle files: `nodes` nodes of Zipf-distributed sizes, files of
/// `perFile` EUCAIM DCAT-AP datasets each, with skewed cancer types, modalities and body sites
/// written in the mixed forms real nodes use, and about 3 % of values no vocabulary knows.
struct SyntheticCatalogue {
    let cancerTypes: ZipfSampler<ValueForms>
    let modalities: ZipfSampler<ValueForms>
    let bodySites: ZipfSampler<ValueForms>
    let words: ZipfSampler<String>
    /// Every `every`-th dataset carries `value` as its condition instead of a drawn one: the
    /// datasets a vocabulary edit is then measured on.
    var markedCondition: (every: Int, value: String)?

    init(cancerTypes: [ConceptView], modalities: [ConceptView], bodySites: [ConceptView]) {
        self.cancerTypes = ZipfSampler(Self.popularFirst(cancerTypes, Self.commonCancers).map(ValueForms.init))
        self.modalities = ZipfSampler(Self.popularFirst(modalities, ["MR", "CT", "PT", "MG", "US", "SEG", "DX", "NM"]).map(ValueForms.init))
        self.bodySites = ZipfSampler(Self.popularFirst(bodySites, ["BREAST", "CHEST", "LUNG", "PROSTATE", "BRAIN", "ABDOMEN", "PELVIS", "LIVER"]).map(ValueForms.init))
        let labelWords = (cancerTypes + modalities + bodySites).flatMap { $0.label.lowercased().split(separator: " ").map(String.init) }
        self.words = ZipfSampler(Self.fillerWords + labelWords, exponent: 0.9)
    }

    static let commonCancers = ["breast", "lung", "prostate", "colorectal", "glioma", "liver", "head and neck", "pancreatic", "kidney", "ovarian"]

    static let fillerWords = """
        imaging cohort retrospective prospective study patients acquired scanner protocol contrast enhanced \
        follow-up baseline treatment response segmentation annotated radiologist multicentre screening diagnosis \
        staging lesion tumour volume slice thickness reconstruction dose clinical outcome survival biopsy \
        pathology confirmed images series studies dataset collection hospital centre trial consortium
        """.split(separator: " ").map(String.init)

    /// Moves the concepts whose label or DICOM code matches a popular term to the front, in the
    /// order of `popular`, so the Zipf head is what real catalogues hold most.
    static func popularFirst(_ concepts: [ConceptView], _ popular: [String]) -> [ConceptView] {
        var head: [ConceptView] = []
        for term in popular {
            if let match = concepts.first(where: { concept in
                !head.contains(concept) && (concept.label.lowercased().hasPrefix(term.lowercased())
                    || concept.codes["dicom"]?.contains(term) == true)
            }) { head.append(match) }
        }
        return head + concepts.filter { !head.contains($0) }
    }

    /// Writes the files and returns, per node, the files written for it.
    func write(count: Int, nodes: Int, perFile: Int, to folder: URL, seed: UInt64) throws -> [(node: String, files: [URL])] {
        var generator = SeededGenerator(seed: seed)
        let nodeIDs = (1...nodes).map { String(format: "node-%02d", $0) }
        let nodeSampler = ZipfSampler(nodeIDs, exponent: 0.8)
        var perNode: [String: [String]] = [:]
        for index in 0..<count {
            let node = nodeSampler.draw(using: &generator)
            perNode[node, default: []].append(dataset(index, node: node, using: &generator))
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try nodeIDs.compactMap { node in
            guard let datasets = perNode[node] else { return nil }
            let files = try stride(from: 0, to: datasets.count, by: perFile).map { start in
                let url = folder.appendingPathComponent("\(node)-\(start / perFile).ttl")
                let body = datasets[start..<min(start + perFile, datasets.count)].joined(separator: "\n")
                try (Self.prefixes + body).write(to: url, atomically: true, encoding: .utf8)
                return url
            }
            return (node, files)
        }
    }

    static let prefixes = """
        @prefix dcat: <http://www.w3.org/ns/dcat#> .
        @prefix dct: <http://purl.org/dc/terms/> .
        @prefix foaf: <http://xmlns.com/foaf/0.1/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        @prefix healthdcatap: <http://healthdataportal.eu/ns/health#> .
        @prefix eucaim: <https://cancerimage.eu/ontology/EUCAIM#> .

        """

    private func dataset(_ index: Int, node: String, using generator: inout SeededGenerator) -> String {
        let id = "syn-\(index)"
        let subjects = generator.logNormal(median: 180, sigma: 1.4, range: 5...60_000)
        let studies = subjects + Int.random(in: 0...subjects * 2, using: &generator)
        let cancer = cancerTypes.draw(using: &generator)
        let modalityValues = (0..<Int.random(in: 1...3, using: &generator)).map { _ in modalities.draw(using: &generator) }
        let site = bodySites.draw(using: &generator)
        let title = "\(cancer.concept.label) \(modalityValues[0].concept.label) \(words.draw(using: &generator)) collection \(index)"
        let description = (0..<Int.random(in: 20...60, using: &generator)).map { _ in words.draw(using: &generator) }.joined(separator: " ")
        var objects: [String] = []
        objects.append("dct:identifier \(Turtle.literal(id))")
        objects.append("dct:title \(Turtle.literal(title, language: "en"))")
        objects.append("dct:description \(Turtle.literal(description, language: "en"))")
        objects.append("dcat:keyword \(Turtle.literal(words.draw(using: &generator), language: "en")), \(Turtle.literal(cancer.concept.label.lowercased(), language: "en"))")
        objects.append("dct:publisher [ a foaf:Agent ; foaf:name \(Turtle.literal("Hospital of \(node)")) ]")
        objects.append("dct:accessRights <http://publications.europa.eu/resource/authority/access-right/\(["PUBLIC", "RESTRICTED", "RESTRICTED", "NON_PUBLIC"].randomElement(using: &generator)!)>")
        objects.append("dct:modified \"20\(Int.random(in: 18...26, using: &generator))-\(String(format: "%02d", Int.random(in: 1...12, using: &generator)))-15\"^^xsd:date")
        objects.append("healthdcatap:numberOfUniqueIndividuals \"\(subjects)\"^^xsd:nonNegativeInteger")
        objects.append("healthdcatap:numberOfRecords \"\(studies)\"^^xsd:nonNegativeInteger")
        objects.append("healthdcatap:minTypicalAge \(Int.random(in: 0...50, using: &generator))")
        objects.append("healthdcatap:maxTypicalAge \(Int.random(in: 51...95, using: &generator))")
        let condition = Int.random(in: 0..<100, using: &generator) < 3 ? Turtle.literal("Other") : cancer.draw(using: &generator)
        if let marked = markedCondition, index % marked.every == 0 {
            objects.append("eucaim:hasCondition \(Turtle.literal(marked.value))")
        } else {
            objects.append("eucaim:hasCondition \(condition)")
        }
        objects.append("eucaim:hasImageModality " + modalityValues.map { $0.draw(using: &generator) }.joined(separator: ", "))
        objects.append("eucaim:hasImageBodyPart \(site.draw(using: &generator))")
        objects.append("eucaim:interoperabilityLevel eucaim:\(["SPEC1000009", "SPEC1000011", "SPEC1000010"].randomElement(using: &generator)!)")
        objects.append("dcat:distribution [ a dcat:Distribution ; dcat:accessURL <https://negotiator.example.org/\(node)/\(id)> ]")
        return "<https://\(node).example.org/dataset/\(id)> a dcat:Dataset ;\n    " + objects.joined(separator: " ;\n    ") + " .\n"
    }
}
