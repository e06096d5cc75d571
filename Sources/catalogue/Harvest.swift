import ArgumentParser
import CatalogueEngine
import CatalogueModel
import Foundation
import Harvesting

extension Catalogue {
    /// `catalogue harvest [--node ID]...` and `catalogue harvest runs`.
    struct Harvest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Harvest the federation's nodes, or list past harvest runs.",
            subcommands: [HarvestNodes.self, HarvestRuns.self],
            defaultSubcommand: HarvestNodes.self
        )
    }
}

/// Where the federation is declared: shared by the harvest verbs.
struct FederationOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The federation file declaring the nodes.",
        discussion: "Defaults to $CATALOGUE_NODES, else the project's Harvesters/nodes.toml.", valueName: "file"))
    var nodes: String?

    func load() throws -> FederationConfiguration {
        try FederationConfiguration.load(from: try file())
    }

    /// The federation file: --nodes, else $CATALOGUE_NODES, else the project's Harvesters/nodes.toml.
    func file() throws -> URL {
        try nodes.map { URL(fileURLWithPath: $0) }
            ?? ProcessInfo.processInfo.environment["CATALOGUE_NODES"].map { URL(fileURLWithPath: $0) }
            ?? FederationLocator.defaultFile()
    }
}

extension Catalogue {
    /// Harvests the configured nodes, several at a time; one failing node never stops the others.
    struct HarvestNodes: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Harvest the nodes of the federation (all of them, or those named with --node).",
            discussion: """
            A complete run stores new and changed records, skips unchanged ones (same content hash, or \
            pages answering 304 Not Modified) and withdraws records the node no longer lists. A run that \
            fails or stops on a paging guard changes none of the node's records; it is recorded with its \
            reason. A run whose pages all read but that lists no dataset of a node that had some, or that \
            would withdraw more than the node's max_withdraw share (default 50 %), is held: it changes \
            nothing until accepted with --node ID --accept-withdrawals RUN. Exits with status 1 when any \
            node's run did not complete.
            """
        )

        @OptionGroup var homeOptions: HomeOptions
        @OptionGroup var federationOptions: FederationOptions

        @Option(name: .customLong("node"), help: ArgumentHelp("Harvest only this node (repeatable).", valueName: "id"))
        var nodeIDs: [String] = []

        @Option(name: .customLong("accept-withdrawals"), help: ArgumentHelp(
            "Apply the withdrawals that held run RUN was held for (with exactly one --node).", valueName: "run"))
        var acceptWithdrawals: Int64?

        @Option(help: "How many nodes to read at the same time (1–32).")
        var parallel = 4

        @Flag(help: "Print the reports as JSON (an array, one per node).")
        var json = false

        @Flag(help: "Never draw a progress bar, even on a terminal.")
        var noProgress = false

        func validate() throws {
            for id in nodeIDs where !NodeID.isValid(id) {
                throw ValidationError("--node '\(id)' is not a valid node id: use 1–64 letters, digits, '.', '_' or '-'")
            }
            guard (1...32).contains(parallel) else { throw ValidationError("--parallel must be between 1 and 32, got \(parallel)") }
            if let acceptWithdrawals {
                guard nodeIDs.count == 1 else { throw ValidationError("--accept-withdrawals needs exactly one --node: the node of the held run") }
                guard acceptWithdrawals > 0 else { throw ValidationError("--accept-withdrawals takes a run number, got \(acceptWithdrawals)") }
            }
        }

        func run() async throws {
            let nodes = try withUserFacingErrors { try federationOptions.load().select(nodeIDs) }
            let catalogue = try homeOptions.open(creating: true)
            var reports: [HarvestReport] = []
            if nodes.count == 1, let node = nodes.first {
                let bar = ProgressBar(label: node.id, enabled: !noProgress && ProgressBar.standardErrorIsTerminal)
                let report = try await withUserFacingErrorsAsync {
                    try await catalogue.harvest(node, acceptWithdrawals: acceptWithdrawals, progress: { bar.update($0) })
                }
                bar.finish()
                reports = [report]
                if !json { HarvestReportPrinter.print(report) }
            } else {
                // Several nodes are read side by side; a report is printed as each run is stored.
                reports = try await withUserFacingErrorsAsync {
                    try await catalogue.harvest(nodes, concurrency: parallel, report: { report in
                        if !json { HarvestReportPrinter.print(report) }
                    })
                }
            }
            if json { try JSONOutput.print(reports) }
            if reports.contains(where: { $0.run.status != .complete }) { throw ExitCode.failure }
        }
    }

    /// Lists past runs, newest first.
    struct HarvestRuns: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "runs",
            abstract: "List past harvest runs, newest first."
        )

        @OptionGroup var homeOptions: HomeOptions

        @Option(help: ArgumentHelp("Only this node's runs.", valueName: "id"))
        var node: String?

        @Option(help: "How many runs to list (1–10000).")
        var limit = 20

        @Flag(help: "Also print each run's warnings.")
        var warnings = false

        @Flag(help: "Print the runs as JSON.")
        var json = false

        func validate() throws {
            guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be between 1 and 10000") }
            if let node, !NodeID.isValid(node) {
                throw ValidationError("--node '\(node)' is not a valid node id: use 1–64 letters, digits, '.', '_' or '-'")
            }
        }

        func run() throws {
            let catalogue = try homeOptions.open()
            let runs = try withUserFacingErrors { try catalogue.harvestRuns(node: node, limit: limit) }
            if json { return try JSONOutput.print(runs) }
            guard !runs.isEmpty else { return print(node.map { "No harvest runs of node \($0) yet." } ?? "No harvest runs yet.") }
            print(HarvestRunTable.render(runs))
            guard warnings else { return }
            for run in runs where run.warningCount > 0 {
                print("\nRun \(run.id) (\(run.node)):")
                for warning in try withUserFacingErrors({ try catalogue.harvestWarnings(run: run.id) }) {
                    print("  \(warning)")
                }
            }
        }
    }
}
