/// The languages the pages can show concept labels in (`?lang=`), where the vocabularies have
/// them; English otherwise. The pages' own words are English (one message catalogue).
enum WebLanguage: String, CaseIterable, Sendable {
    case en, de, fr, es, it, nl

    /// The language's name in itself, as a language switch shows it.
    var name: String {
        switch self {
        case .en: "English"
        case .de: "Deutsch"
        case .fr: "Français"
        case .es: "Español"
        case .it: "Italiano"
        case .nl: "Nederlands"
        }
    }

    /// The switch's entries: each language's link (from `url`) and whether it is the current one.
    static func switcher(current: WebLanguage, url: (WebLanguage) -> String) -> [[String: Any]] {
        allCases.map { language in
            ["code": language.rawValue, "name": language.name, "url": url(language), "current": language == current]
        }
    }
}
