import CatalogueModel

/// The ways real nodes write one concept: its EUCAIM, SNOMED or NCIt IRI, a code, a label in some
/// case, or (rarely) a value no vocabulary knows. The benchmark mixes them as harvests do.
struct ValueForms {
    let concept: ConceptView

    /// One way of writing the concept, as a Turtle object.
    func draw(using generator: inout SeededGenerator) -> String {
        var options: [String] = []
        if let code = concept.codes["eucaim"]?.first { options.append("<https://cancerimage.eu/ontology/EUCAIM#\(code)>") }
        if let code = concept.codes["snomed"]?.first { options.append("<http://snomed.info/id/\(code)>") }
        if let code = concept.codes["ncit"]?.first { options.append("<http://purl.obolibrary.org/obo/NCIT_\(code)>") }
        for system in ["dicom", "icd10", "oncotree"] {
            if let code = concept.codes[system]?.first, !code.contains("-") { options.append(Turtle.literal(code)) }
        }
        options.append(Turtle.literal(concept.label))
        options.append(Turtle.literal(concept.label.lowercased()))
        options.append(Turtle.literal(concept.label.uppercased()))
        return options.randomElement(using: &generator)!
    }
}

/// Turtle escaping for generated literals.
enum Turtle {
    static func literal(_ text: String, language: String? = nil) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return "\"\(escaped)\"" + (language.map { "@\($0)" } ?? "")
    }
}
