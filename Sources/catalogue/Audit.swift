import ArgumentParser
import CatalogueEngine
import Foundation

extension Catalogue {
    /// `catalogue audit verify`: checks the hash chain of the cohort-count audit log.
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The audit log of cohort counts (docs/counts.md).", subcommands: [VerifyAudit.self])
    }

    struct VerifyAudit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check that no row of the count audit log was changed, removed or inserted; exit 1 naming the first broken row.")

        @OptionGroup var homeOptions: HomeOptions
        @Flag(help: "Print the result as JSON.") var json = false

        struct Result: Encodable {
            var rows: Int
            var sound: Bool
            var firstBrokenRow: Int64?
        }

        func run() throws {
            let catalogue = try homeOptions.open()
            let verification = try withUserFacingErrors { try catalogue.verifyCountAudit() }
            let result = Result(rows: verification.rows, sound: verification.firstBrokenRow == nil, firstBrokenRow: verification.firstBrokenRow)
            if json {
                try JSONOutput.print(result)
            } else if let broken = verification.firstBrokenRow {
                printError("Error: the count audit log is broken at row \(broken): its hash does not follow from the rows before it (\(verification.rows) rows read)")
            } else {
                print("The count audit log is sound: \(verification.rows) row\(verification.rows == 1 ? "" : "s"), each chained to the one before.")
            }
            if verification.firstBrokenRow != nil { throw ExitCode(1) }
        }
    }
}
