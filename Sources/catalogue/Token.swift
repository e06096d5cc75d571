import ArgumentParser
import CatalogueEngine
import CatalogueModel
import Foundation

extension APIRole: ExpressibleByArgument {}

extension Catalogue {
    /// `catalogue token create|list|revoke`: the API tokens of `catalogue serve`.
    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create, list and revoke the API's bearer tokens (roles researcher, curator, admin).",
            subcommands: [Create.self, List.self, Revoke.self])

        struct Create: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Create a token and print its secret, once: only its hash is stored.")

            @OptionGroup var homeOptions: HomeOptions

            @Option(help: "The token's role: researcher (cohort counts), curator (vocabulary edits), admin (harvests, tokens).")
            var role: APIRole

            @Option(help: ArgumentHelp("Who holds it; the author of the changes made with it (1–64 of A–Z a–z 0–9 . _ @ -).", valueName: "name"))
            var name: String

            @Option(help: ArgumentHelp("Lifetime: a number and d, h or m (90d, 12h); none: it never expires.", valueName: "duration"))
            var expires: String?

            @Flag(help: "Print the token and its secret as JSON.")
            var json = false

            func validate() throws {
                guard APIRole.grantable.contains(role) else { throw ValidationError("--role must be researcher, curator or admin") }
                if let expires { _ = try TokenLifetime.parse(expires) }
            }

            func run() throws {
                let catalogue = try homeOptions.open()
                let lifetime = try expires.map(TokenLifetime.parse)
                let created = try withUserFacingErrors { try catalogue.createToken(name: name, role: role, expiresIn: lifetime) }
                if json { return try JSONOutput.print(CreatedToken(token: created.token, secret: created.secret)) }
                print(created.secret)
                let expiry = created.token.expiresAt.map { "expires \($0.formatted(.iso8601))" } ?? "never expires"
                printError("Token '\(name)' (\(role)) created; \(expiry). The secret above is shown only now: send it as 'Authorization: Bearer <secret>'.")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the tokens (never their secrets), oldest first.")

            @OptionGroup var homeOptions: HomeOptions

            @Flag(help: "Print the tokens as JSON.")
            var json = false

            func run() throws {
                let tokens = try withUserFacingErrors { try homeOptions.open().tokens() }
                if json { return try JSONOutput.print(tokens) }
                guard !tokens.isEmpty else { return print("No tokens yet; create one with `catalogue token create`.") }
                let now = Date()
                var table = TextTable([("name", 32), ("role", 10), ("created", 20), ("expires", 20), ("state", 7)])
                for token in tokens {
                    let state = token.revokedAt != nil ? "revoked" : token.isValid(at: now) ? "live" : "expired"
                    table.append([token.name, token.role.rawValue, token.createdAt.formatted(.iso8601),
                                  token.expiresAt?.formatted(.iso8601) ?? "never", state])
                }
                print(table.render())
            }
        }

        struct Revoke: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Revoke a live token: requests with it get 401 from now on.")

            @OptionGroup var homeOptions: HomeOptions

            @Argument(help: ArgumentHelp("The token's name.", valueName: "name"))
            var name: String

            func run() throws {
                let catalogue = try homeOptions.open()
                try withUserFacingErrors { try catalogue.revokeToken(named: name) }
                print("Token '\(name)' revoked.")
            }
        }
    }
}

/// `catalogue token create --json`: the only time the secret is printed.
struct CreatedToken: Encodable {
    var token: APIToken
    var secret: String
}

/// A token lifetime as written on the command line: `90d`, `12h`, `30m`.
enum TokenLifetime {
    static func parse(_ text: String) throws -> Duration {
        guard let unit = text.last, let amount = Int(text.dropLast()), amount > 0 else {
            throw ValidationError("--expires must be a positive number and d, h or m (90d, 12h, 30m), got '\(text)'")
        }
        let unitSeconds: Int
        switch unit {
        case "d": unitSeconds = 86_400
        case "h": unitSeconds = 3_600
        case "m": unitSeconds = 60
        default: throw ValidationError("--expires must end in d, h or m (90d, 12h, 30m), got '\(text)'")
        }
        let (seconds, overflow) = amount.multipliedReportingOverflow(by: unitSeconds)
        guard !overflow, seconds <= 3_650 * 86_400 else { throw ValidationError("--expires is at most 3650d, got '\(text)'") }
        return .seconds(seconds)
    }
}
