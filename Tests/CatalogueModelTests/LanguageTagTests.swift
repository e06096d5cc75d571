import Testing
@testable import CatalogueModel

/// Language tags are checked against the syntax of RFC 5646 (well-formed BCP 47), ignoring case,
/// so a typo such as `en_GB` or `eng-lish-tag` is refused while every real tag is kept.
@Suite struct LanguageTagTests {
    @Test(arguments: [
        "en", "EN", "de", "pt-BR", "pt-br", "zh-Hant-TW", "sr-Latn-RS", "de-CH-1996", "es-419", "sl-rozaj-biske",
        "zh-min-nan", "zh-yue-HK", "hy-Latn-IT-arevela", "en-US-u-islamcal", "de-DE-u-co-phonebk", "en-a-bbb-x-a-ccc",
        "x-whatever", "qaa-Qaaa-QM-x-southern", "en-GB-oed", "i-klingon", "sgn-CH-DE", "art-lojban", "cel-gaulish",
        "tlh", "haw", "abcd", "abcdefgh",
    ])
    func acceptsAWellFormedTag(tag: String) {
        #expect(LanguageTag.problem(in: tag) == nil, "\(tag): \(LanguageTag.problem(in: tag) ?? "")")
    }

    @Test(arguments: [
        ("", "empty"),
        ("e", "2–8 letters"),
        ("abcdefghi", "longer than 8"),
        ("en_GB", "other than ASCII letters and digits"),
        ("en-", "empty subtag"),
        ("-en", "empty subtag"),
        ("en--GB", "empty subtag"),
        ("123", "2–8 letters"),
        ("x", "private-use"),
        ("en-x", "private-use"),
        ("en-a", "extension 'a'"),
        ("en-a-b", "extension 'a'"),
        ("en-GB-tag", "subtag 'tag'"),
        ("en-US-GB", "subtag 'gb'"),
        ("de-Latn-Latn", "subtag 'latn'"),
        ("fr-ç", "other than ASCII"),
        ("en gb", "other than ASCII"),
    ])
    func refusesAMalformedTagSayingWhy(tag: String, reason: String) {
        let problem = LanguageTag.problem(in: tag)
        #expect(problem?.contains(reason) == true, "\(tag): \(problem ?? "accepted")")
        #expect(!LanguageTag.isWellFormed(tag))
    }
}
