import CatalogueModel
import Foundation
import TOMLKit

/// Turns the text of `nodes.toml` into a ``FederationConfiguration``, checking every key.
struct FederationConfigurationReader {
    let file: URL

    private static let nodeKeys: Set<String> = [
        "id", "name", "country", "endpoint", "protocol", "paging", "credentials", "mapping", "media_type",
        "max_page_bytes", "max_pages", "max_withdraw", "schedule", "counts",
    ]

    func read(_ text: String) throws -> FederationConfiguration {
        let root: TOMLTable
        do {
            try TOMLPreflight.check(text)
        } catch {
            throw FederationConfigurationError(file: file.lastPathComponent, line: error.line, column: error.column, message: error.message)
        }
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw FederationConfigurationError(
                file: file.lastPathComponent, line: error.source.begin.line, column: error.source.begin.column,
                message: error.description)
        }
        for key in root.keys where key != "node" {
            throw problem(key: key, "unknown top-level key; nodes are declared as [[node]] tables")
        }
        guard let entries = root["node"] else { throw Self.declaresNoNode(file) }
        guard let array = entries.array else { throw problem(key: "node", "must be an array of tables: write [[node]]") }
        guard !array.isEmpty else { throw Self.declaresNoNode(file) }
        var nodes: [NodeConfiguration] = []
        for (index, entry) in array.enumerated() {
            guard let table = entry.table else { throw problem(key: "node", "entry \(index + 1) is not a table") }
            let node = try readNode(table, position: index + 1)
            if nodes.contains(where: { $0.id == node.id }) {
                throw problem(node: "node #\(index + 1)", key: "id", "'\(node.id)' is declared twice")
            }
            nodes.append(node)
        }
        return FederationConfiguration(nodes: nodes, file: file)
    }

    private func readNode(_ table: TOMLTable, position: Int) throws -> NodeConfiguration {
        var label = "node #\(position)"
        let id = try requiredString(table, "id", label)
        label += " '\(id)'"
        for key in table.keys where !Self.nodeKeys.contains(key) {
            throw problem(node: label, key: key, "unknown key; known keys: \(Self.nodeKeys.sorted().joined(separator: ", "))")
        }
        guard NodeID.isValid(id) else {
            throw problem(node: label, key: "id", "use 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit")
        }
        let harvestProtocol = try enumValue(table, "protocol", label, default: HarvestProtocol.dcat)
        var node = NodeConfiguration(
            id: id, name: try requiredString(table, "name", label), country: try country(table, label),
            endpoint: try endpoint(table, label), harvestProtocol: harvestProtocol,
            paging: try enumValue(table, "paging", label, default: PagingConvention.hydra),
            credentials: try credentials(table, label))
        node.mapping = try mapping(table, label, harvestProtocol)
        node.mediaType = try optionalString(table, "media_type", label)
        node.maxPageBytes = try positiveInt(table, "max_page_bytes", label) ?? NodeConfiguration.defaultMaxPageBytes
        node.maxPages = try positiveInt(table, "max_pages", label) ?? NodeConfiguration.defaultMaxPages
        node.maxWithdraw = try share(table, "max_withdraw", label) ?? NodeConfiguration.defaultMaxWithdraw
        node.schedule = try schedule(table, label)
        node.counts = try countEndpoint(table, label)
        return node
    }

    /// `schedule = "every 6h"`: a whole number of minutes (m), hours (h) or days (d), from 5
    /// minutes (a node harvested more often is being hammered, not watched) to 30 days.
    private func schedule(_ table: TOMLTable, _ label: String) throws -> Duration? {
        guard let text = try optionalString(table, "schedule", label) else { return nil }
        let pattern = /^every\s+([0-9]{1,6})\s*([mhd])$/
        guard let match = text.trimmingCharacters(in: .whitespaces).wholeMatch(of: pattern), let amount = Int(match.1) else {
            throw problem(node: label, key: "schedule", "'\(text)' is not a schedule: write \"every N\" and m, h or d, as \"every 6h\"")
        }
        let unit = match.2 == "m" ? 60 : match.2 == "h" ? 3_600 : 86_400
        let seconds = amount * unit
        guard (300...30 * 86_400).contains(seconds) else {
            throw problem(node: label, key: "schedule", "'\(text)' is outside 5 minutes to 30 days")
        }
        return .seconds(seconds)
    }

    private func country(_ table: TOMLTable, _ label: String) throws -> String {
        let code = try requiredString(table, "country", label)
        guard code.count == 2, code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
            throw problem(node: label, key: "country", "'\(code)' is not an ISO 3166-1 alpha-2 code such as \"ES\"")
        }
        return code
    }

    /// A harvest that would read nothing is a mistake (an empty or wrong file), not a quiet success.
    private static func declaresNoNode(_ file: URL) -> FederationConfigurationError {
        FederationConfigurationError(
            file: file.lastPathComponent,
            message: "declares no node (\(file.path)); add one [[node]] table per data node with id, name, country and endpoint "
                + "(the comments of Harvesters/nodes.toml list every key)")
    }

    private func endpoint(_ table: TOMLTable, _ label: String) throws -> NodeEndpoint {
        let text = try requiredString(table, "endpoint", label)
        if let scheme = text.range(of: "://").map({ text[..<$0.lowerBound].lowercased() }) {
            // Never echo a secret back: every message shows the URL redacted.
            let shown = URLRedaction.redacted(text)
            guard !URLRedaction.hasUserinfo(text) else {
                throw problem(
                    node: label, key: "endpoint",
                    "'\(shown)' carries credentials in the URL; remove them from the URL and write "
                        + "credentials = { env = \"VAR\", scheme = \"basic\" } with the variable VAR set to user:password "
                        + "in the harvester's environment (or scheme = \"bearer\" for a token)")
            }
            guard scheme == "http" || scheme == "https", let url = URL(string: text), url.host != nil else {
                throw problem(node: label, key: "endpoint", "'\(shown)' is neither an http(s) URL with a host nor a local path")
            }
            return .remote(url)
        }
        return .local(resolve(text))
    }

    /// `credentials = { env = "NODE_TOKEN", scheme = "bearer" }`; `keyPath` is where the table sits
    /// (`credentials`, or `counts.credentials`), for the messages.
    func credentials(_ table: TOMLTable, _ label: String, keyPath path: String = "credentials") throws -> NodeCredentials? {
        guard let value = table["credentials"] else { return nil }
        guard let inner = value.table else {
            throw problem(node: label, key: path, "must be a table such as { env = \"NODE_TOKEN\", scheme = \"bearer\" }")
        }
        for key in inner.keys where key != "env" && key != "scheme" {
            throw problem(node: label, key: "\(path).\(key)", "unknown key; use env and scheme")
        }
        let variable = try requiredString(inner, "env", label, keyPath: "\(path).env")
        guard variable.range(of: "^[A-Za-z_][A-Za-z0-9_]*$", options: .regularExpression) != nil else {
            throw problem(
                node: label, key: "\(path).env",
                "must name an environment variable (letters, digits, '_'); never write the secret itself here")
        }
        let scheme = try enumValue(inner, "scheme", label, default: NodeCredentials.Scheme.bearer, keyPath: "\(path).scheme")
        return NodeCredentials(environmentVariable: variable, scheme: scheme)
    }

    private func mapping(_ table: TOMLTable, _ label: String, _ harvestProtocol: HarvestProtocol) throws -> URL? {
        let path = try optionalString(table, "mapping", label)
        switch (harvestProtocol, path) {
        case (.json, nil), (.xml, nil):
            throw problem(node: label, key: "mapping", "a \(harvestProtocol.rawValue) node needs a mapping file (Harvesters/mappings/…)")
        case (.dcat, .some), (.fdp, .some):
            throw problem(node: label, key: "mapping", "only json and xml nodes use a mapping file")
        case (_, .some(let path)):
            let url = resolve(path)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw problem(node: label, key: "mapping", "\(path) does not exist")
            }
            return url
        default:
            return nil
        }
    }

    /// Relative paths are relative to the configuration file, so the file can move with its data.
    private func resolve(_ path: String) -> URL {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL }
        return file.deletingLastPathComponent().appendingPathComponent(expanded).standardizedFileURL
    }

    // MARK: typed access

    func requiredString(_ table: TOMLTable, _ key: String, _ label: String, keyPath: String? = nil) throws -> String {
        guard let value = try optionalString(table, key, label, keyPath: keyPath) else {
            throw problem(node: label, key: keyPath ?? key, "is required")
        }
        return value
    }

    func optionalString(_ table: TOMLTable, _ key: String, _ label: String, keyPath: String? = nil) throws -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else { throw problem(node: label, key: keyPath ?? key, "must be a string") }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw problem(node: label, key: keyPath ?? key, "must not be empty") }
        return trimmed
    }

    func positiveInt(_ table: TOMLTable, _ key: String, _ label: String) throws -> Int? {
        guard let value = table[key] else { return nil }
        guard let number = value.int, number > 0 else { throw problem(node: label, key: key, "must be a positive whole number") }
        return number
    }

    /// A share written as a percentage string ("50%") or a number between 0 and 1 (0.5).
    private func share(_ table: TOMLTable, _ key: String, _ label: String) throws -> Double? {
        guard let value = table[key] else { return nil }
        let allowed = "must be a share such as \"50%\" or 0.5 (between 0 and 1)"
        if let text = value.string {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasSuffix("%"), let percent = Double(trimmed.dropLast().trimmingCharacters(in: .whitespaces)),
                  (0...100).contains(percent) else { throw problem(node: label, key: key, allowed) }
            return percent / 100
        }
        guard let number = value.double ?? value.int.map(Double.init), (0...1).contains(number) else {
            throw problem(node: label, key: key, allowed)
        }
        return number
    }

    func enumValue<Value: RawRepresentable & CaseIterable>(
        _ table: TOMLTable, _ key: String, _ label: String, default defaultValue: Value, keyPath: String? = nil
    ) throws -> Value where Value.RawValue == String {
        guard let text = try optionalString(table, key, label, keyPath: keyPath) else { return defaultValue }
        guard let value = Value(rawValue: text) else {
            let known = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw problem(node: label, key: keyPath ?? key, "'\(text)' is not one of \(known)")
        }
        return value
    }

    func problem(node: String? = nil, key: String, _ message: String) -> FederationConfigurationError {
        FederationConfigurationError(file: file.lastPathComponent, node: node, key: key, message: message)
    }
}
