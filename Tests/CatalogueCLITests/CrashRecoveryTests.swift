import CatalogueModel
import CatalogueTesting
import Foundation
import Testing

/// Kills a child `catalogue` with SIGKILL at random moments of an import, a harvest, a reindex and
/// a vocabulary edit, and checks after each kill — with no manual step — that the store holds the
/// old or the new state of what was being written, and that search agrees with the store.
///
/// `CRASH_TRIALS` sets the number of kills (20 here, 100 in `scripts/crash-test.sh`);
/// `CRASH_SEED` replays a run (the seed is printed on failure).
@Suite(.serialized)
struct CrashRecoveryTests {
    @Test func searchAgreesWithTheStoreAfterEveryKill() throws {
        let trials = Int(ProcessInfo.processInfo.environment["CRASH_TRIALS"] ?? "") ?? 20
        let seed = UInt64(ProcessInfo.processInfo.environment["CRASH_SEED"] ?? "") ?? UInt64.random(in: 1...UInt64.max)
        var random = SplitMix64(seed: seed)
        let scenario = try CrashScenario("crash")
        try scenario.writeHarvestPages(version: 1)
        // One uninterrupted run of each command: its state change, and how long a kill may wait.
        var durations: [Operation: Double] = [:]
        var harvestVersion = 1
        durations[.harvest] = try scenario.timed(["harvest", "--node", "crash-h"])
        durations[.importFile] = try scenario.timed(["import", scenario.importFile.path, "--node", "crash-i-0"])
        durations[.reindex] = try scenario.timed(["reindex"])
        durations[.vocabularyEdit] = try scenario.timed(Self.mapEdit)
        var mapped = true
        var killedMidway = 0
        for trial in 1...trials {
            let operation = Operation.allCases[trial % Operation.allCases.count]
            let arguments: [String]
            switch operation {
            case .importFile: arguments = ["import", scenario.importFile.path, "--node", "crash-i-\(trial)"]
            case .harvest:
                harvestVersion = 3 - harvestVersion
                try scenario.writeHarvestPages(version: harvestVersion)
                arguments = ["harvest", "--node", "crash-h", "--no-progress"]
            case .reindex: arguments = ["reindex"]
            case .vocabularyEdit: arguments = mapped ? ["vocab", "undo", "--reason", "crash trial"] : Self.mapEdit
            }
            let delay = Double.random(in: 0.02...max(0.05, durations[operation] ?? 1), using: &random)
            let finished = try scenario.runKilled(arguments, after: delay)
            if !finished { killedMidway += 1 }
            let state = try CatalogueState.read(scenario)
            let context = "trial \(trial) (\(operation), killed after \(String(format: "%.2f", delay)) s, seed \(seed))"
            try state.expectConsistent(scenario, harvestVersions: [1, 2], context: context)
            if operation == .vocabularyEdit { mapped = state.baseMappedToLung }
            if operation == .importFile {
                let imported = state.count(node: "crash-i-\(trial)")
                #expect(imported == 0 || imported == CrashScenario.importDatasets, "\(context): \(imported) datasets imported")
            }
        }
        // Kills that always came after the command ended would prove nothing.
        #expect(killedMidway >= trials / 2, "only \(killedMidway) of \(trials) kills landed while the command ran (seed \(seed))")
    }

    enum Operation: CaseIterable { case importFile, harvest, reindex, vocabularyEdit }

    static let mapEdit = ["vocab", "map", "Crashoma", "ct:lung-cancer", "--reason", "crash trial"]
}

/// What the store and the search index say after a trial, read through the CLI as a user would
/// (opening the catalogue is what repairs it; nothing else is run first).
struct CatalogueState {
    var datasets: [DatasetView]
    var run: (_ arguments: [String]) throws -> SearchResponse

    static func read(_ scenario: CrashScenario) throws -> CatalogueState {
        // `search` first: the first command after a crash must already answer consistently.
        let decoder = JSONDecoder()
        let search: ([String]) throws -> SearchResponse = { arguments in
            let result = try scenario.run(["search"] + arguments + ["--per-page", "1", "--json"])
            guard result.status == 0 else { throw CrashTrialError.unreadable("search \(arguments): \(result.standardError)") }
            return try decoder.decode(SearchResponse.self, from: Data(result.standardOutput.utf8))
        }
        let first = try search([])
        let listing = try scenario.run(["datasets", "--json"])
        guard listing.status == 0 else { throw CrashTrialError.unreadable("datasets: \(listing.standardError)") }
        let datasets = try decoder.decode([DatasetView].self, from: Data(listing.standardOutput.utf8))
        #expect(first.total == datasets.count, "the first search after the kill found \(first.total) of \(datasets.count) datasets")
        return CatalogueState(datasets: datasets, run: search)
    }

    func count(node: String) -> Int { datasets.count { $0.node == node } }

    var baseMappedToLung: Bool {
        datasets.contains { $0.node == "crash-a" && $0.cancerTypes.contains { $0.concept == CrashScenario.lungIRI } }
    }

    /// Store: each node whole at one version. Search: the same counts per node, per version tag
    /// and per mapped concept.
    func expectConsistent(_ scenario: CrashScenario, harvestVersions: [Int], context: String) throws {
        let total = try run([]).total
        #expect(total == datasets.count, "\(context): search finds \(total), the store holds \(datasets.count)")
        let harvested = datasets.filter { $0.node == "crash-h" }
        let tags = Set(harvested.compactMap { $0.title.split(separator: " ").last.map(String.init) })
        #expect(tags.count == 1, "\(context): the harvested node mixes versions \(tags.sorted())")
        if let tag = tags.first, let version = Int(tag.dropFirst(4)) {
            #expect(harvested.count == CrashScenario.harvestCount(version: version), "\(context): \(harvested.count) datasets at \(tag)")
            let found = try run([tag]).total
            #expect(found == harvested.count, "\(context): search for \(tag) finds \(found) of \(harvested.count)")
        }
        for node in Set(datasets.map(\.node)) {
            let found = try run(["--filter", "node=\(node)"]).total
            #expect(found == count(node: node), "\(context): search finds \(found) datasets of \(node), the store \(count(node: node))")
        }
        let lungInStore = datasets.count { $0.node == "crash-a" && $0.cancerTypes.contains { $0.concept == CrashScenario.lungIRI } }
        #expect(lungInStore == 0 || lungInStore == CrashScenario.baseDatasets, "\(context): \(lungInStore) base datasets mapped")
        let lungInIndex = try run(["--filter", "node=crash-a", "--filter", "cancerType=icd10:C34"]).total
        #expect(lungInIndex == lungInStore, "\(context): search finds \(lungInIndex) base datasets as lung cancer, the store \(lungInStore)")
    }
}

/// A small seeded generator, so a failing run can be replayed with its seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
