import CatalogueTesting
import Foundation
import Testing

@Suite("catalogue serve, token and --version")
struct ServeCommandTests {
    @Test func versionIsPrinted() throws {
        let run = try CatalogueBinary.run(["--version"])
        #expect(run.status == 0)
        #expect(run.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    @Test func serveOnAHomeWithoutACatalogueIsAnErrorNotAnEmptyServer() throws {
        let home = try CLIHome("serve-missing")
        defer { try? FileManager.default.removeItem(at: home.folder) }
        let run = try home.run(["serve", "--port", "0"])
        #expect(run.status == 1)
        #expect(run.standardError.contains("no catalogue at"))
    }

    @Test func incompleteOrUnusableOIDCSettingsAreRefusedNamingTheOption() throws {
        let home = try CLIHome("serve-oidc")
        defer { try? FileManager.default.removeItem(at: home.folder) }
        #expect(try home.run(["import", ProjectPaths.project("Harvesters/demo/nl-erasmus/catalogue.ttl").path, "--node", "nl-erasmus"]).status == 0)
        let partial = try home.run(["serve", "--port", "0", "--oidc-issuer", "https://login.example.org/"])
        #expect(partial.status != 0 && partial.standardError.contains("give all three or none"))
        let oidc = ["--oidc-issuer", "https://login.example.org/", "--oidc-audience", "catalogue"]
        let badRole = try home.run(["serve", "--port", "0"] + oidc + ["--oidc-jwks", "jwks.json", "--oidc-role", "owner=x"])
        #expect(badRole.status != 0 && badRole.standardError.contains("--oidc-role 'owner=x'"))
        let plainHTTP = try home.run(["serve", "--port", "0", "--oidc-issuer", "http://login.example.org/", "--oidc-audience", "c", "--oidc-jwks", "j"])
        #expect(plainHTTP.status != 0 && plainHTTP.standardError.contains("is not an https URL"))
        let missing = try home.run(["serve", "--port", "0"] + oidc + ["--oidc-jwks", home.folder.appendingPathComponent("absent.json").path])
        #expect(missing.status == 1 && missing.standardError.contains("OIDC key set absent.json: cannot be read"))
    }

    @Test func anUnknownLogLevelIsRefusedNamingTheLevels() throws {
        let run = try CatalogueBinary.run(["serve", "--port", "0", "--log-level", "loud"])
        #expect(run.status != 0 && run.standardError.contains("--log-level 'loud' is not one of trace, debug, info"))
    }

    @Test func serveAnswersThenStopsCleanlyOnSIGTERM() throws {
        let home = try CLIHome("serve-sigterm")
        defer { try? FileManager.default.removeItem(at: home.folder) }
        #expect(try home.run(["import", ProjectPaths.project("Harvesters/demo/nl-erasmus/catalogue.ttl").path, "--node", "nl-erasmus"]).status == 0)
        let process = Process()
        process.executableURL = CatalogueBinary.url
        process.arguments = ["serve", "--port", "0"]
        process.environment = ProcessInfo.processInfo.environment.merging(home.environment) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = try #require(Self.firstLine(of: output.fileHandleForReading))
        let port = try #require(line.firstMatch(of: /127\.0\.0\.1:(\d+)\//).flatMap { Int($0.1) })
        #expect(try Self.get("http://127.0.0.1:\(port)/healthz").contains(#""status":"ok""#))
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    }

    @Test func tokenCreatePrintsTheSecretOnceAndListNeverShowsIt() throws {
        let home = try CLIHome("tokens")
        defer { try? FileManager.default.removeItem(at: home.folder) }
        #expect(try home.run(["import", ProjectPaths.project("Harvesters/demo/nl-erasmus/catalogue.ttl").path, "--node", "nl-erasmus"]).status == 0)
        let created = try home.run(["token", "create", "--role", "curator", "--name", "maria", "--expires", "90d"])
        #expect(created.status == 0)
        let secret = created.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(secret.hasPrefix("ict_") && secret.count == 47)
        let list = try home.run(["token", "list"])
        #expect(list.standardOutput.contains("maria") && list.standardOutput.contains("curator"))
        #expect(!list.standardOutput.contains(secret))
        #expect(try home.run(["token", "create", "--role", "admin", "--name", "maria"]).status == 1)
        #expect(try home.run(["token", "create", "--role", "admin", "--name", "x", "--expires", "99999999999999d"]).status != 0)
        #expect(try home.run(["token", "revoke", "maria"]).status == 0)
        #expect(try home.run(["token", "list"]).standardOutput.contains("revoked"))
    }

    /// A GET with curl (Foundation's Linux networking is not needed for one request).
    static func get(_ url: String) throws -> String {
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = ["-s", "--max-time", "10", url]
        let output = Pipe()
        curl.standardOutput = output
        try curl.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        curl.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads up to the first newline (the server's ready line), waiting at most 30 s.
    static func firstLine(of handle: FileHandle) -> String? {
        var data = Data()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { return nil }
            data.append(chunk)
            if let newline = data.firstIndex(of: 0x0A) { return String(decoding: data[..<newline], as: UTF8.self) }
        }
        return nil
    }
}
