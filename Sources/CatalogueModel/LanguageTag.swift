/// Checks that a language tag is *well-formed* BCP 47: the syntax of RFC 5646 §2.1, compared
/// case-insensitively. Whether each subtag is registered (RFC 5646 "valid") is not checked: that
/// needs the IANA registry, and a well-formed tag is what SKOS and RDF literals require.
///
/// ```
/// langtag   = language ["-" script] ["-" region] *("-" variant) *("-" extension) ["-" privateuse]
/// language  = 2*3ALPHA ["-" extlang] / 4ALPHA / 5*8ALPHA      extlang = 3ALPHA *2("-" 3ALPHA)
/// script    = 4ALPHA                                          region  = 2ALPHA / 3DIGIT
/// variant   = 5*8alphanum / (DIGIT 3alphanum)                 extension = singleton 1*("-" 2*8alphanum)
/// privateuse = "x" 1*("-" 1*8alphanum)                        plus the irregular grandfathered tags
/// ```
public enum LanguageTag {
    /// What a person should write, for error messages.
    public static let allowed = "a well-formed BCP 47 language tag (RFC 5646): a 2–3 letter language such as en, de or pt, "
        + "optionally with a script and a region or variant, such as pt-BR, zh-Hant-TW or de-CH-1996"

    public static func isWellFormed(_ tag: String) -> Bool { problem(in: tag) == nil }

    /// Why `tag` is not well-formed, or nil when it is.
    public static func problem(in tag: String) -> String? {
        let lower = tag.lowercased()
        if irregular.contains(lower) { return nil }
        guard !lower.isEmpty else { return "it is empty" }
        let subtags = lower.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        for subtag in subtags {
            guard !subtag.isEmpty else { return "it has an empty subtag (a leading, trailing or doubled '-')" }
            guard subtag.count <= 8 else { return "subtag '\(subtag)' is longer than 8 characters" }
            guard subtag.unicodeScalars.allSatisfy(isAlphanumeric) else {
                return "subtag '\(subtag)' has a character other than ASCII letters and digits"
            }
        }
        var position = 0
        func next(_ accepts: (String) -> Bool) -> Bool {
            guard position < subtags.count, accepts(subtags[position]) else { return false }
            position += 1
            return true
        }
        if subtags[0] == "x" { return privateUse(subtags, from: 0) }
        let language = subtags[0]
        guard isAlpha(language), [2, 3, 4, 5, 6, 7, 8].contains(language.count) else {
            return "the language '\(language)' must be 2–8 letters (usually a 2–3 letter ISO 639 code such as 'en')"
        }
        position = 1
        if language.count <= 3 {
            var extlangs = 0
            while extlangs < 3, next({ $0.count == 3 && isAlpha($0) }) { extlangs += 1 }
        }
        _ = next { $0.count == 4 && isAlpha($0) } // script
        _ = next { ($0.count == 2 && isAlpha($0)) || ($0.count == 3 && isDigits($0)) } // region
        while next(isVariant) {}
        while position < subtags.count, subtags[position].count == 1, subtags[position] != "x" {
            let singleton = subtags[position]
            position += 1
            var values = 0
            while next({ $0.count >= 2 }) { values += 1 }
            guard values > 0 else { return "the extension '\(singleton)' needs at least one subtag of 2–8 characters" }
        }
        if position < subtags.count, subtags[position] == "x" { return privateUse(subtags, from: position) }
        guard position == subtags.count else {
            return "subtag '\(subtags[position])' is not a script (4 letters), region (2 letters or 3 digits) or variant in that place"
        }
        return nil
    }

    private static func privateUse(_ subtags: [String], from start: Int) -> String? {
        subtags.count > start + 1 ? nil : "the private-use marker 'x' needs at least one subtag after it"
    }

    private static func isVariant(_ subtag: String) -> Bool {
        (5...8).contains(subtag.count) || (subtag.count == 4 && subtag.first?.isNumber == true)
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    private static func isAlpha(_ subtag: String) -> Bool { subtag.unicodeScalars.allSatisfy { ("a"..."z").contains($0) } }

    private static func isDigits(_ subtag: String) -> Bool { subtag.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }

    /// The irregular grandfathered tags of RFC 5646 §2.1 (the regular ones match the syntax).
    private static let irregular: Set<String> = [
        "en-gb-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux", "i-mingo", "i-navajo",
        "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-be-fr", "sgn-be-nl", "sgn-ch-de",
    ]
}
