import CatalogueEngine
import CatalogueModel
import CatalogueServer
import CatalogueTesting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The web pages, read as HTML over a live loopback server (the browser journeys in
/// scripts/browser-tests.sh drive the same pages in Chromium).
@Suite("Web pages")
struct WebPageTests {
    static let ctIRI = "https://w3id.org/imaging-catalogue/vocab/imaging-modality/ct"
    static let lungIRI = "https://w3id.org/imaging-catalogue/vocab/body-site/lung"

    @Test func searchPageShowsTheAPIsResultsCountsAndCheckedFilters() async throws {
        let fixture = try ServerFixture()
        let expected = try fixture.engine().search(SearchQuery(filters: ["modality=dicom:CT"]))
        try await fixture.withServer { client in
            let page = try await client.execute(uri: "/?modality=dicom:CT", method: .get)
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            let html = String(buffer: page.body)
            #expect(html.contains(">\(expected.total) datasets</h1>"))
            for dataset in expected.datasets { #expect(html.contains(">\(dataset.title)</a></h2>")) }
            // The code the URL gave checks the concept's own checkbox, and shows one removable chip.
            #expect(html.contains(#"name="modality" value="\#(Self.ctIRI)" checked"#))
            #expect(html.contains(#"<a class="chip" href="/" data-navigate"#))
            // Every facet value offered carries its exact count from the engine.
            for value in expected.facets.node { #expect(html.contains("\(value.label) <span class=\"count\">\(value.count)</span>")) }
        }
    }

    @Test func cancerTypeFacetIsATreeThatOpensAtASelectedNarrowerConcept() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let html = String(buffer: try await client.execute(uri: "/?cancerType=oncotree:NSCLC", method: .get).body)
            let facet = try #require(html.range(of: #"id="facet-cancerType""#).map { String(html[$0.lowerBound...]) })
            let nsclc = try #require(facet.range(of: "Non-small cell lung cancer"))
            // NSCLC sits inside an opened <details> of a broader concept, its checkbox checked.
            let before = facet[..<nsclc.lowerBound]
            #expect(before.contains("<details open>"))
            #expect(before.suffix(400).contains(" checked>"))
        }
    }

    @Test func chipRemovesEverySpellingOfItsValueAndKeepsTheRest() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let uri = "/?q=lung&modality=dicom:CT&modality=\(Self.ctIRI)&bodySite=\(Self.lungIRI)&sort=subjects"
            let html = String(buffer: try await client.execute(uri: uri, method: .get).body)
            // One chip for CT (two spellings), whose link keeps the text, the body site and the sort.
            #expect(html.components(separatedBy: "<span class=\"chip-field\">Modality:</span>").count == 2)
            #expect(html.contains(#"href="/?q=lung&amp;bodySite=\#(Self.lungIRI)&amp;sort=subjects" data-navigate"#), "\(html)")
        }
    }

    @Test(arguments: [
        ("/?cancerType=icd10:C34x", "cancerType=icd10:C34x"), ("/?colour=red", "unknown query parameter 'colour'"),
        ("/?page=0", "page"), ("/datasets/nl-test/no-such", "no dataset 'no-such' from node 'nl-test'"),
    ])
    func refusedRequestIsAPageWithTheAPIsSentence(uri: String, sentence: String) async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let page = try await client.execute(uri: uri, method: .get)
            #expect(page.status == (uri.hasPrefix("/datasets") ? .notFound : .badRequest))
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            let html = String(buffer: page.body)
            #expect(html.contains(#"<p class="error-detail" role="alert">"#))
            #expect(html.contains(sentence.replacingOccurrences(of: "'", with: "&#39;")), "\(html)")
        }
    }

    @Test func datasetPageShowsEachMappedValueBesideItsRawValueAndTheProvenance() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let page = try await client.execute(uri: "/datasets/nl-test/ds-nsclc?search=q%3Dlung", method: .get)
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("<h1>Lung screening CT</h1>"))
            #expect(html.contains("<td>Cancer type</td><td>Non-small cell lung cancer</td><td>NSCLC</td>"))
            #expect(html.contains(#"<dd class="source">nl.ttl</dd>"#))
            #expect(html.contains(#"href="/?q=lung""#))
            #expect(html.contains(#"href="/catalog/dataset/nl-test/ds-nsclc?format=turtle""#))
        }
    }

    @Test func harvestedMarkupIsShownAsTextNeverRun() async throws {
        let fixture = try ServerFixture()
        let hostile = FixtureDataset(
            id: "ds-hostile", title: "<script>alert(1)</script> CT", description: "<img src=x onerror=alert(2)>",
            modalities: ["\"CT\""])
        _ = try fixture.engine().importFiles([try FixtureDataset.write([hostile], named: "hostile.ttl", in: fixture.folder)], node: "xx-test", format: nil)
        try await fixture.withServer { client in
            for uri in ["/?q=alert", "/datasets/xx-test/ds-hostile"] {
                let page = try await client.execute(uri: uri, method: .get)
                let html = String(buffer: page.body)
                #expect(page.status == .ok)
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(uri)")
                #expect(!html.contains("<script>alert") && !html.contains("<img src=x"))
                #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            }
        }
    }

    @Test func staticAssetsComeFromTheCatalogueWithAnETag() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let script = try await client.execute(uri: "/static/catalogue.js", method: .get)
            #expect(script.status == .ok)
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
            let etag = try #require(script.headers[.eTag])
            let again = try await client.execute(uri: "/static/catalogue.js", method: .get, headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)
            #expect(try await client.execute(uri: "/static/nothing.js", method: .get).status == .notFound)
            // The page links nothing from elsewhere.
            let html = String(buffer: try await client.execute(uri: "/", method: .get).body)
            #expect(html.contains(#"<script src="/static/catalogue.js?v="#) && html.contains(#"<link rel="stylesheet" href="/static/catalogue.css?v="#))
            #expect(!html.contains(#"src="http"#) && !html.contains(#"<link rel="stylesheet" href="http"#))
        }
    }

    @Test func labelsFollowTheChosenLanguageAndLinksKeepIt() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let html = String(buffer: try await client.execute(uri: "/?lang=de&bodySite=\(Self.lungIRI)", method: .get).body)
            #expect(html.contains(#"<span class="chip-field">Body site:</span> Lunge "#), "\(html)")
            #expect(html.contains(#"<input type="hidden" name="lang" value="de">"#))
            #expect(html.contains(#"<a href="/?bodySite=\#(Self.lungIRI)" lang="en" hreflang="en">English</a>"#))
            #expect(html.contains(#"lang="de" hreflang="de" aria-current="true">Deutsch</a>"#))
            let dataset = String(buffer: try await client.execute(uri: "/datasets/nl-test/ds-nsclc?lang=de", method: .get).body)
            #expect(dataset.contains("<td>Lunge</td>"))
            let refused = try await client.execute(uri: "/?lang=xx", method: .get)
            #expect(refused.status == .badRequest)
            #expect(String(buffer: refused.body).contains("query parameter &#39;lang&#39; must be one of en, de, fr, es, it, nl"))
        }
    }

    @Test func suggestionsOfferLabelsInAnyLanguageAndRefuseBadRequests() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let answer = try await client.execute(uri: "/api/v1/vocabularies/suggest?q=lungenk&limit=3", method: .get)
            #expect(answer.status == .ok)
            let suggestions = try answer.decoded([LabelSuggestion].self)
            #expect(suggestions.first?.label == "Lungenkrebs" && suggestions.count <= 3)
            for uri in ["/api/v1/vocabularies/suggest", "/api/v1/vocabularies/suggest?q=", "/api/v1/vocabularies/suggest?q=lu&limit=0",
                        "/api/v1/vocabularies/suggest?q=" + String(repeating: "a", count: 101)] {
                let refused = try await client.execute(uri: uri, method: .get)
                #expect(refused.status == .badRequest, "\(uri)")
                #expect(refused.object["parameter"] as? String != nil)
            }
        }
    }
}
