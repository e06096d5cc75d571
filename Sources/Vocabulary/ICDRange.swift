/// An ICD-10 category range such as "C00-C14", and the category of a code ("C01.2" → C01).
struct ICDRange: Sendable {
    struct Category: Comparable, Sendable {
        var letter: Character
        var number: Int

        init?(_ code: String) {
            let characters = Array(code.uppercased())
            guard characters.count >= 3, characters[0].isLetter, let number = Int(String(characters[1...2])) else { return nil }
            letter = characters[0]
            self.number = number
        }

        static func < (lhs: Category, rhs: Category) -> Bool {
            (lhs.letter, lhs.number) < (rhs.letter, rhs.number)
        }
    }

    var lower: Category
    var upper: Category

    init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let lower = Category(String(parts[0])), let upper = Category(String(parts[1])), lower <= upper else { return nil }
        self.lower = lower
        self.upper = upper
    }

    func contains(_ category: Category) -> Bool { lower <= category && category <= upper }
}
