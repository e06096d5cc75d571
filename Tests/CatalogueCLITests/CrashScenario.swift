import CatalogueTesting
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A catalogue home for crash trials: generated DCAT pages, a federation with one local-folder
/// node, and the commands a trial kills. Everything runs the real `catalogue` executable.
struct CrashScenario {
    let home: CLIHome
    let nodesFile: URL
    let pagesFolder: URL
    /// Datasets of the base node `crash-a`, whose raw cancer type a vocabulary edit maps.
    static let baseDatasets = 300
    static let importDatasets = 800
    static let lungIRI = "https://w3id.org/imaging-catalogue/vocab/cancer-type/lung-cancer"

    init(_ label: String) throws {
        home = try CLIHome(label)
        pagesFolder = home.folder.appendingPathComponent("node-pages")
        try FileManager.default.createDirectory(at: pagesFolder, withIntermediateDirectories: true)
        nodesFile = home.folder.appendingPathComponent("nodes.toml")
        try """
            [[node]]
            id = "crash-h"
            name = "Crash harvest node"
            country = "ES"
            endpoint = "node-pages"
            protocol = "dcat"
            max_withdraw = "100%"
            """.write(to: nodesFile, atomically: true, encoding: .utf8)
        let base = home.folder.appendingPathComponent("base.ttl")
        try Self.turtle(prefix: "base", count: Self.baseDatasets, tag: "tagbase", condition: "Crashoma").write(to: base, atomically: true, encoding: .utf8)
        try Self.turtle(prefix: "imp", count: Self.importDatasets, tag: "tagimport", condition: "Breast cancer")
            .write(to: importFile, atomically: true, encoding: .utf8)
        try expectSuccess(home.run(["import", base.path, "--node", "crash-a"]), "base import")
    }

    var importFile: URL { home.folder.appendingPathComponent("import.ttl") }

    /// Writes version `version` of the harvested node's pages: version 2 retitles every dataset
    /// (a new tag word) and adds 100, so each version is recognisable in store and index.
    func writeHarvestPages(version: Int) throws {
        for file in try FileManager.default.contentsOfDirectory(at: pagesFolder, includingPropertiesForKeys: nil) {
            try FileManager.default.removeItem(at: file)
        }
        let count = version == 1 ? 600 : 700
        for page in 0..<4 {
            let slice = stride(from: page, to: count, by: 4).map { $0 }
            try Self.turtle(prefix: "h", indices: slice, tag: "tagv\(version)", condition: "Prostate cancer")
                .write(to: pagesFolder.appendingPathComponent("page-\(page).ttl"), atomically: true, encoding: .utf8)
        }
    }

    static func harvestCount(version: Int) -> Int { version == 1 ? 600 : 700 }

    static func turtle(prefix: String, count: Int, tag: String, condition: String) -> String {
        turtle(prefix: prefix, indices: Array(0..<count), tag: tag, condition: condition)
    }

    static func turtle(prefix: String, indices: [Int], tag: String, condition: String) -> String {
        var text = """
            @prefix dcat: <http://www.w3.org/ns/dcat#> .
            @prefix dct: <http://purl.org/dc/terms/> .
            @prefix eucaim: <https://cancerimage.eu/ontology/EUCAIM#> .

            """
        for index in indices {
            text += """
                <https://crash.example.org/\(prefix)/\(index)> a dcat:Dataset ;
                    dct:identifier "\(prefix)-\(index)" ;
                    dct:title "Synthetic record \(index) \(tag)"@en ;
                    dct:description "Generated for the crash trials, number \(index)."@en ;
                    eucaim:hasCondition "\(condition)" ;
                    eucaim:hasImageModality "CT" .

                """
        }
        return text
    }

    /// Starts `catalogue ARGUMENTS`, kills it with SIGKILL after `delay`, and waits for it.
    /// - Returns: whether the command had already finished (the kill came too late).
    func runKilled(_ arguments: [String], after delay: Double) throws -> Bool {
        let process = Process()
        process.executableURL = CatalogueBinary.url
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        let finished = !process.isRunning
        if !finished { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return finished
    }

    /// Runs a command to the end and returns its wall time in seconds.
    func timed(_ arguments: [String]) throws -> Double {
        let start = Date()
        try expectSuccess(run(arguments), arguments.joined(separator: " "))
        return Date().timeIntervalSince(start)
    }

    var environment: [String: String] {
        home.environment.merging(["CATALOGUE_NODES": nodesFile.path, "CATALOGUE_AUTHOR": "crash-test"]) { $1 }
    }

    func run(_ arguments: [String]) throws -> CatalogueBinary.Run {
        try CatalogueBinary.run(arguments, environment: environment)
    }

    func expectSuccess(_ run: CatalogueBinary.Run, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard run.status == 0 else {
            Issue.record("\(what) exited \(run.status): \(run.standardError)", sourceLocation: sourceLocation)
            throw CrashTrialError.commandFailed(what)
        }
    }
}

enum CrashTrialError: Error {
    case commandFailed(String)
    case unreadable(String)
}
