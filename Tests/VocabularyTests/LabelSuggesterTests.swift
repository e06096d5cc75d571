import CatalogueModel
import Testing
@testable import Vocabulary

@Suite struct LabelSuggesterTests {
    let suggester = LabelSuggester(Shipped.vocabulary)

    @Test func aPrefixFindsTheConceptWhoseLabelStartsWithItFirst() {
        let suggestions = suggester.suggestions(for: "lung c", limit: 5)
        #expect(suggestions.first?.concept == Shipped.ct("lung-cancer"))
        #expect(suggestions.first?.label == "Lung cancer" && suggestions.first?.language == "en")
    }

    @Test func labelsOfEveryLanguageAreSuggestedFoldedLikeTheNormaliser() {
        let german = suggester.suggestions(for: "LUNGENK", limit: 5)
        #expect(german.first?.concept == Shipped.ct("lung-cancer"))
        #expect(german.first?.label == "Lungenkrebs" && german.first?.conceptLabel == "Lung cancer")
        #expect(suggester.suggestions(for: "gehi", limit: 3).first?.concept == Shipped.bs("brain"))
    }

    @Test func aWordInsideALabelMatchesAfterLabelsThatStartWithIt() {
        let suggestions = suggester.suggestions(for: "carcinoma", limit: 50)
        let starting = suggestions.prefix { LabelFolding.fold($0.label).hasPrefix("carcinoma") }
        #expect(!suggestions.isEmpty)
        #expect(suggestions.dropFirst(starting.count).allSatisfy { LabelFolding.fold($0.label).contains(" carcinoma") })
    }

    @Test func eachConceptIsSuggestedOnceAndTheLimitHolds() {
        let suggestions = suggester.suggestions(for: "c", limit: 7)
        #expect(suggestions.count == 7)
        #expect(Set(suggestions.map(\.concept)).count == 7)
        #expect(suggestions.allSatisfy { ["cancerType", "modality", "bodySite"].contains($0.field) })
    }

    @Test func nothingToFoldSuggestsNothing() {
        #expect(suggester.suggestions(for: "", limit: 5).isEmpty)
        #expect(suggester.suggestions(for: " /- ", limit: 5).isEmpty)
        #expect(suggester.suggestions(for: "zzzzqq", limit: 5).isEmpty)
    }

    @Test func deprecatedConceptsAreNeverSuggested() throws {
        var concepts = Shipped.vocabulary.allConcepts
        let index = try #require(concepts.firstIndex { $0.iri == Shipped.bs("brain") })
        concepts[index].deprecated = true
        let suggester = LabelSuggester(try Vocabulary(concepts: concepts))
        #expect(!suggester.suggestions(for: "brain", limit: 50).contains { $0.concept == Shipped.bs("brain") })
    }

    @Test func codesAreSuggestedAsFiltersWriteThem() {
        let bare = suggester.suggestions(for: "C4878", limit: 5)
        #expect(bare.contains { $0.label == "ncit:C4878" && $0.concept == Shipped.ct("lung-cancer") }, "\(bare)")
        #expect(suggester.suggestions(for: "NCIT:c4878", limit: 5).first?.concept == Shipped.ct("lung-cancer"))
    }
}
