import ArgumentParser
import CatalogueEngine
import Foundation

extension Catalogue {
    /// `catalogue reindex`: rebuilds the search index from the SQLite catalogue, the source of truth.
    struct Reindex: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rebuild the search index (and the cohort index) from the catalogue.")

        @OptionGroup var homeOptions: HomeOptions

        func run() throws {
            let catalogue = try homeOptions.open()
            let clock = ContinuousClock()
            var count = 0
            let elapsed = try clock.measure { count = try withUserFacingErrors { try catalogue.reindex() } }
            print("Reindexed \(count) dataset\(count == 1 ? "" : "s") in \(elapsed.formatted(.units(allowed: [.seconds, .milliseconds], width: .narrow))).")
            let subjects = try withUserFacingErrors { try catalogue.reindexSubjects() }
            if subjects > 0 { print("Rebuilt the cohort index: \(subjects) subject\(subjects == 1 ? "" : "s").") }
        }
    }
}
