import CatalogueModel
import Foundation

/// Writes concepts as the Turtle files of `Vocabularies/`: per scheme one main file (labels,
/// hierarchy, notes, open codes and match links) and one restricted-codes file (ICD-10, ICD-O-3
/// notations and SNOMED CT links), in the concepts' order, one statement per line.
///
/// The shipped files are this writer's output, so loading them and writing them back gives the
/// same bytes; that is what "round-trip exact" means for `catalogue vocab export`.
public enum SKOSWriter {
    typealias T = SKOSTerms

    /// File name → Turtle text, for every scheme that has concepts.
    public static func files(_ concepts: [Concept]) -> [(name: String, text: String)] {
        var result: [(String, String)] = []
        for info in SchemeCatalog.all {
            let inScheme = concepts.filter { $0.scheme == info.scheme }
            guard !inScheme.isEmpty else { continue }
            result.append((info.fileStem + ".ttl", mainFile(inScheme, info)))
            if inScheme.contains(where: hasRestricted) {
                result.append((info.fileStem + ".restricted-codes.ttl", restrictedFile(inScheme, info)))
            }
        }
        return result
    }

    /// Writes `files(_:)` into `folder`, creating it; existing files of the same names are replaced.
    public static func write(_ concepts: [Concept], to folder: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try files(concepts).map { name, text in
            let url = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: url, options: .atomic)
            return url
        }
    }

    static let header = """
        # Written by `catalogue vocab export`. Base IRI https://w3id.org/imaging-catalogue/vocab/ (the project's own).
        # Typed skos:notation literals carry codes from other code systems (datatype = code system), following the
        # pattern of EU Vocabularies authority tables; they say "code to use in that system", not "equivalent concept".
        # Sources and licences: see PROVENANCE.md in this folder.
        """

    static let datatypes = """
        cvdt:ICD10 a rdfs:Datatype ; rdfs:label "ICD-10 (WHO) code"@en .
        cvdt:ICDO3Topography a rdfs:Datatype ; rdfs:label "ICD-O-3 topography code"@en .
        cvdt:ICDO3Morphology a rdfs:Datatype ; rdfs:label "ICD-O-3 morphology code"@en .
        cvdt:OncoTree a rdfs:Datatype ; rdfs:label "OncoTree code"@en .
        cvdt:DICOMModality a rdfs:Datatype ; rdfs:label "DICOM Modality (0008,0060) defined term / DCM code value"@en .
        cvdt:DICOMBodyPartExamined a rdfs:Datatype ; rdfs:label "DICOM Body Part Examined (0018,0015) defined term"@en .
        """

    private static func prefixes(_ info: SchemeInfo) -> String {
        """
        @prefix skos: <\(T.skos)> .
        @prefix dct: <\(T.dct)> .
        @prefix rdfs: <\(T.rdfs)> .
        @prefix owl: <\(T.owl)> .
        @prefix cvdt: <\(NotationType.base)> .
        @prefix \(info.prefix): <\(info.iri)/> .
        """
    }

    private static func mainFile(_ concepts: [Concept], _ info: SchemeInfo) -> String {
        let terms = TurtleTerms(info: info)
        var out = prefixes(info) + "\n\n" + header + "\n\n" + datatypes + "\n\n"
        let tops = concepts.filter(\.topConcept).map { terms.iri($0.iri) }
        out += "<\(info.iri)> a skos:ConceptScheme ;\n"
        out += "  dct:title \(terms.literal(LangString(info.title, language: "en"))) ;\n"
        out += "  dct:description \(terms.literal(LangString(info.about, language: "en")))"
        out += tops.isEmpty ? " .\n" : " ;\n  skos:hasTopConcept \(tops.joined(separator: ", ")) .\n"
        for concept in concepts {
            out += "\n" + statement(terms.iri(concept.iri) + " a skos:Concept", mainLines(concept, terms))
        }
        let narrower = narrowerLines(concepts, terms)
        if !narrower.isEmpty { out += "\n# skos:narrower, the inverse of skos:broader, for consumers that do not infer it.\n" + narrower }
        return out
    }

    private static func mainLines(_ concept: Concept, _ terms: TurtleTerms) -> [String] {
        let scheme = "<\(SchemeCatalog.info(concept.scheme).iri)>"
        var lines = ["skos:inScheme \(scheme)"]
        if concept.topConcept { lines.append("skos:topConceptOf \(scheme)") }
        for language in languages(concept) {
            if let pref = concept.prefLabels[language] { lines.append("skos:prefLabel \(terms.literal(LangString(pref, language: language)))") }
            lines += concept.altLabels.filter { $0.language == language }.map { "skos:altLabel \(terms.literal($0))" }
            lines += concept.hiddenLabels.filter { $0.language == language }.map { "skos:hiddenLabel \(terms.literal($0))" }
        }
        lines += concept.broader.map { "skos:broader \(terms.iri($0))" }
        lines += concept.related.map { "skos:related \(terms.iri($0))" }
        lines += concept.scopeNotes.map { "skos:scopeNote \(terms.literal($0))" }
        lines += concept.editorialNotes.map { "skos:editorialNote \(terms.literal($0))" }
        lines += concept.matchLinks.filter { !$0.isRestricted }.map { "skos:\($0.relation.rawValue) \(terms.iri($0.iri))" }
        lines += concept.notations.filter { !$0.type.isRestricted }.map { "skos:notation \(terms.notation($0))" }
        if concept.deprecated { lines.append("owl:deprecated true") }
        if let replacement = concept.replacedBy { lines.append("dct:isReplacedBy \(terms.iri(replacement))") }
        return lines
    }

    /// English first, then the other tags in alphabetical order.
    private static func languages(_ concept: Concept) -> [String] {
        var tags = Set(concept.prefLabels.keys)
        for label in concept.altLabels + concept.hiddenLabels { tags.insert(label.language ?? "en") }
        return tags.sorted { ($0 == "en" ? "" : $0) < ($1 == "en" ? "" : $1) }
    }

    private static func narrowerLines(_ concepts: [Concept], _ terms: TurtleTerms) -> String {
        var children: [String: [String]] = [:]
        for concept in concepts {
            for parent in concept.broader { children[parent, default: []].append(concept.iri) }
        }
        return concepts.compactMap { parent in
            guard let list = children[parent.iri] else { return nil }
            return "\(terms.iri(parent.iri)) skos:narrower \(list.map(terms.iri).joined(separator: ", ")) .\n"
        }.joined()
    }

    private static func hasRestricted(_ concept: Concept) -> Bool {
        concept.notations.contains { $0.type.isRestricted } || concept.matchLinks.contains { $0.isRestricted }
    }

    private static func restrictedFile(_ concepts: [Concept], _ info: SchemeInfo) -> String {
        let terms = TurtleTerms(info: info)
        var out = prefixes(info) + "\n\n"
        out += "# RESTRICTED CODES: ICD-10 / ICD-O-3 (WHO copyright) and SNOMED CT (DICOM free set) links for the concepts in \(info.fileStem).ttl.\n"
        out += "# Kept apart so they can be dropped without breaking anything; see PROVENANCE.md.\n"
        for concept in concepts where hasRestricted(concept) {
            var lines = concept.notations.filter { $0.type.isRestricted }.map { "skos:notation \(terms.notation($0))" }
            lines += concept.matchLinks.filter(\.isRestricted).map { "skos:\($0.relation.rawValue) \(terms.iri($0.iri))" }
            let subject = terms.iri(concept.iri)
            out += "\n" + statement(subject + " " + lines[0], Array(lines.dropFirst()))
        }
        return out
    }

    /// `head ;\n  line ;\n  line .\n`
    private static func statement(_ head: String, _ lines: [String]) -> String {
        guard !lines.isEmpty else { return head + " .\n" }
        return head + " ;\n" + lines.map { "  " + $0 }.joined(separator: " ;\n") + " .\n"
    }
}

/// How IRIs and literals are spelt in the written Turtle.
struct TurtleTerms {
    let info: SchemeInfo

    func iri(_ iri: String) -> String {
        let base = info.iri + "/"
        if iri.hasPrefix(base) {
            let local = iri.dropFirst(base.count)
            if let first = local.first, first.isLetter || first.isNumber,
               local.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
                return info.prefix + ":" + local
            }
        }
        return "<" + iri.unicodeScalars.map { scalar in
            ">\"{}|^`\\ <".unicodeScalars.contains(scalar) || scalar.value < 0x21
                ? String(format: "\\u%04X", scalar.value) : String(scalar)
        }.joined() + ">"
    }

    func literal(_ string: LangString) -> String {
        "\"\(Self.escaped(string.value))\"" + (string.language.map { "@" + $0 } ?? "")
    }

    func notation(_ notation: Notation) -> String {
        let code = "\"\(Self.escaped(notation.code))\""
        if notation.type.rawValue.isEmpty { return code }
        if notation.type.rawValue.hasPrefix(NotationType.base) { return code + "^^cvdt:" + notation.type.name }
        return code + "^^<\(notation.type.rawValue)>"
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.append(character)
            }
        }
        return out
    }
}
