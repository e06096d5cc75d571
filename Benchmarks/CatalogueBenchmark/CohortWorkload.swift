import CatalogueModel
import Foundation
import Vocabulary

/// The synthetic subjects of the cohort benchmark, drawn from the shipped vocabularies: datasets
/// over a federation of Zipf-sized nodes, each with a main cancer type, body site and one to three
/// modalities; subjects mostly of their dataset's cancer type, half women, ages around 60. The
/// same seed gives the same subjects, so the index and DuckDB's table hold the same rows.
struct CohortWorkload {
    struct DatasetProfile {
        var index: Int
        var key: DatasetKey
        var subjects: Int
        var cancerType: String
        var bodySite: String
        var modalities: [String]
    }

    /// One subject as both sides see it: concept IRIs for the index, integer codes for DuckDB.
    struct Subject {
        var sex: String
        var ageBand: Int
        var cancerType: String
        var bodySite: String
        var modalities: [String]
    }

    let vocabulary: Vocabulary
    let datasets: [DatasetProfile]
    let cancerTypes: ZipfSampler<String>
    let sexes: [String]
    /// A dense integer per concept IRI (every scheme), the codes of DuckDB's columns.
    let codes: [String: Int]

    init(vocabulary: Vocabulary, subjects total: Int, datasets count: Int, nodes: Int, seed: UInt64) {
        self.vocabulary = vocabulary
        var generator = SeededGenerator(seed: seed)
        let cancers = vocabulary.concepts(in: .cancerType).map(\.iri).shuffled(using: &generator)
        let sites = vocabulary.concepts(in: .bodySite).map(\.iri).shuffled(using: &generator)
        let modalities = ["MR", "CT", "PT", "MG", "US", "CR", "DX", "NM"].compactMap {
            try? vocabulary.resolveFilterValue("dicom:\($0)", in: .modality).first?.iri
        }
        sexes = ["female", "male"].compactMap { try? vocabulary.resolveFilterValue("https://w3id.org/imaging-catalogue/vocab/eucaim-sex/\($0)", in: .sex).first?.iri }
        let cancerSampler = ZipfSampler(cancers)
        cancerTypes = cancerSampler
        let siteSampler = ZipfSampler(sites), modalitySampler = ZipfSampler(modalities, exponent: 0.8)
        let weights = (0..<count).map { _ in Double(generator.logNormal(median: 200, sigma: 1.4, range: 1...1_000_000)) }
        let scale = Double(total) / weights.reduce(0, +)
        var sizes = weights.map { max(1, Int(($0 * scale).rounded(.down))) }
        sizes[0] += total - sizes.reduce(0, +)
        let nodeSampler = ZipfSampler((0..<nodes).map { String(format: "node-%02d", $0) })
        datasets = (0..<count).map { index in
            var chosen: [String] = []
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let modality = modalitySampler.draw(using: &generator)
                if !chosen.contains(modality) { chosen.append(modality) }
            }
            return DatasetProfile(
                index: index, key: DatasetKey(node: nodeSampler.draw(using: &generator), id: String(format: "d%06d", index)),
                subjects: max(sizes[index], 1), cancerType: cancerSampler.draw(using: &generator),
                bodySite: siteSampler.draw(using: &generator), modalities: chosen)
        }
        let all = vocabulary.concepts(in: .cancerType) + vocabulary.concepts(in: .bodySite)
            + vocabulary.concepts(in: .modality) + vocabulary.concepts(in: .sex)
        codes = Dictionary(all.enumerated().map { ($0.element.iri, $0.offset + 1) }, uniquingKeysWith: { first, _ in first })
    }

    /// The subjects of one dataset, from a generator seeded by the dataset alone (so both sides
    /// can draw them in any order).
    func subjects(of dataset: DatasetProfile, seed: UInt64) -> [Subject] {
        var generator = SeededGenerator(seed: seed &+ UInt64(dataset.index) &* 0x9E37_79B9)
        return (0..<dataset.subjects).map { _ in
            let age = Int((60 + 13 * Self.normal(&generator)).rounded())
            let cancer = Double.random(in: 0..<1, using: &generator) < 0.75 ? dataset.cancerType : cancerTypes.draw(using: &generator)
            var modalities = dataset.modalities.filter { _ in Double.random(in: 0..<1, using: &generator) < 0.7 }
            if modalities.isEmpty { modalities = [dataset.modalities[0]] }
            return Subject(sex: sexes[Int.random(in: 0..<sexes.count, using: &generator)], ageBand: NormalisedSubject.band(ofAge: min(max(age, 0), 105)),
                           cancerType: cancer, bodySite: dataset.bodySite, modalities: modalities)
        }
    }

    static func normal(_ generator: inout SeededGenerator) -> Double {
        let u1 = Double.random(in: Double.ulpOfOne..<1, using: &generator), u2 = Double.random(in: 0..<1, using: &generator)
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }

    /// The CSV row DuckDB loads: dataset, sex (1 female, 2 male), age band, cancer type, body site, modalities (`;`).
    func csvRow(_ subject: Subject, dataset: Int) -> String {
        let sex = subject.sex == sexes.first ? 1 : 2
        return "\(dataset),\(sex),\(subject.ageBand),\(codes[subject.cancerType]!),\(codes[subject.bodySite]!),"
            + subject.modalities.map { String(codes[$0]!) }.joined(separator: ";") + "\n"
    }
}
