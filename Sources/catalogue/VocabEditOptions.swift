import ArgumentParser
import CatalogueEngine
import CatalogueModel
import Foundation

/// Who makes a vocabulary change and why, and how to report it: shared by every editing verb.
struct VocabEditOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Who makes the change (default $CATALOGUE_AUTHOR, else $USER).", valueName: "name"))
    var author: String?

    @Option(help: ArgumentHelp("Why the change is made; stored in the history.", valueName: "text"))
    var reason: String

    @Flag(help: "Print the change report as JSON.")
    var json = false

    var changeAuthor: CatalogueService.ChangeAuthor { Self.changeAuthor(author, reason: reason) }

    /// The author as given, else `$CATALOGUE_AUTHOR`, else `$USER`.
    static func changeAuthor(_ given: String?, reason: String) -> CatalogueService.ChangeAuthor {
        let environment = ProcessInfo.processInfo.environment
        return .init(name: given ?? environment["CATALOGUE_AUTHOR"] ?? environment["USER"] ?? "", reason: reason)
    }

    /// Prints what a committed change did.
    func report(_ report: VocabularyEditReport) throws {
        if json { return try JSONOutput.print(report) }
        print("#\(report.change) \(report.summary)")
        print("  \(report.datasetsRenormalised) dataset(s) re-normalised, \(report.datasetsChanged) changed, search updated in \(String(format: "%.2f", report.seconds)) s")
        for warning in report.warnings { printError("warning: \(warning)") }
    }

    /// Opens the catalogue, builds the edit from resolved references, applies it and reports.
    func run(_ home: HomeOptions, _ makeEdit: (CatalogueService) throws -> VocabularyEdit) throws {
        let catalogue = try home.open()
        try withUserFacingErrors {
            try report(try catalogue.applyVocabularyEdit(try makeEdit(catalogue), by: changeAuthor))
        }
    }
}

/// A label as typed: `TEXT` or `TEXT@LANG`.
///
/// Whatever follows the last `@` and looks like an attempt at a tag (an ASCII letter, then ASCII
/// letters, digits, '-' or '_') is taken as the language, so a mistyped tag such as `Krebs@de_DE`
/// is refused by the vocabulary's BCP 47 check instead of silently becoming part of an English
/// label. The tag itself is checked there, for every caller alike.
enum LabelArgument {
    static func parse(_ text: String, language: String?) throws -> LangString {
        if let language { return LangString(text, language: language) }
        if let at = text.lastIndex(of: "@"), at != text.startIndex {
            let tag = String(text[text.index(after: at)...])
            if let first = tag.unicodeScalars.first, Self.isASCIILetter(first),
               tag.unicodeScalars.allSatisfy({ Self.isASCIILetter($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }) {
                return LangString(String(text[..<at]), language: tag)
            }
        }
        return LangString(text, language: "en")
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}
