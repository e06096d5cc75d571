import CatalogueEngine
import CatalogueModel
import CohortCounts
import RDF

/// The documents of this Beacon v2 (GA4GH) — `info`, `configuration`, `map`, `entry_types`,
/// `filtering_terms` and the `individuals` count answer — built to the Beacon v2 framework's
/// JSON schemas (`framework/json/responses/`), which the tests validate them against.
/// One entry type, `individual`, answered at `count` granularity with released values only.
struct BeaconDocuments {
    static let apiVersion = "v2.0.0"
    static let individualSchema: JSONValue = ["entityType": "individual", "schema": "beacon-individual-v2.0.0"]

    let beaconID: String
    /// The URL the Beacon is reached at, without `/beacon/v2`.
    let baseURL: String

    var root: String { baseURL + "/beacon/v2" }

    /// `meta` of the informational answers (info, configuration, map, entry types, terms).
    var informationalMeta: JSONValue {
        ["beaconId": .string(beaconID), "apiVersion": .string(Self.apiVersion), "returnedSchemas": [Self.individualSchema]]
    }

    var info: JSONValue {
        ["meta": informationalMeta, "response": [
            "id": .string(beaconID), "name": "Imaging Catalogue cohort counts",
            "apiVersion": .string(Self.apiVersion), "environment": "prod",
            "description": "Counts of subjects per imaging dataset, released through a disclosure policy: fewer than 10 is shown as <10, other counts are noised by a cell key and rounded to 10.",
            "version": .string(CatalogueVersion.current),
            "organization": ["id": .string(beaconID), "name": "Imaging Catalogue"],
            "welcomeUrl": .string(baseURL + "/"),
            "info": ["disclosurePolicy": Self.policy],
        ]]
    }

    var configuration: JSONValue {
        ["meta": informationalMeta, "response": [
            "$schema": "https://raw.githubusercontent.com/ga4gh-beacon/beacon-v2/main/framework/json/configuration/beaconConfigurationSchema.json",
            "maturityAttributes": ["productionStatus": "PROD"],
            "securityAttributes": ["defaultGranularity": "count", "securityLevels": ["PUBLIC", "REGISTERED"]],
            "entryTypes": entryTypes,
        ]]
    }

    var entryTypesDocument: JSONValue {
        ["meta": informationalMeta, "response": ["entryTypes": entryTypes]]
    }

    var map: JSONValue {
        ["meta": informationalMeta, "response": [
            "$schema": "https://raw.githubusercontent.com/ga4gh-beacon/beacon-v2/main/framework/json/configuration/beaconMapSchema.json",
            "endpointSets": ["individual": [
                "entryType": "individual", "openAPIEndpointsDefinition": .string(baseURL + "/openapi.json"),
                "rootUrl": .string(root + "/individuals"), "filteringTermsUrl": .string(root + "/filtering_terms"),
            ]],
        ]]
    }

    var entryTypes: JSONValue {
        ["individual": [
            "id": "individual", "name": "Individual",
            "description": "A subject of an imaging dataset, counted per dataset and never returned as a record.",
            "ontologyTermForThisType": ["id": "NCIT:C25190", "label": "Person"],
            "partOfSpecification": .string("Beacon \(Self.apiVersion)"),
            "defaultSchema": [
                "id": "beacon-individual-v2.0.0", "name": "Default schema for an individual",
                "referenceToSchemaDefinition": "https://raw.githubusercontent.com/ga4gh-beacon/beacon-v2/main/models/json/beacon-v2-default-model/individuals/defaultSchema.json",
                "schemaVersion": "v2.0.0",
            ],
        ]]
    }

    func filteringTerms(_ terms: [CountFilteringTerm]) -> JSONValue {
        let listed: [JSONValue] = terms.map { term in
            ["type": term.id.hasPrefix("http") ? "custom" : "ontologyTerm", "id": .string(term.id),
             "label": .string(term.label), "scopes": ["individual"], "info": ["countFilter": .string(term.field)]]
        }
        let age: JSONValue = ["type": "alphanumeric", "id": "age", "label": "Age at diagnosis, in years (whole 10-year bands: >= 50 and <= 69, or = 50-69)", "scopes": ["individual"]]
        return ["meta": informationalMeta, "response": ["filteringTerms": .array(listed + [age]), "resources": Self.resources]]
    }

    static let resources: JSONValue = [
        ["id": "ncit", "name": "NCI Thesaurus", "nameSpacePrefix": "NCIT", "iriPrefix": "http://purl.obolibrary.org/obo/NCIT_", "url": "https://ncithesaurus.nci.nih.gov"],
        ["id": "uberon", "name": "Uberon multi-species anatomy ontology", "nameSpacePrefix": "UBERON", "iriPrefix": "http://purl.obolibrary.org/obo/UBERON_", "url": "http://uberon.org"],
        ["id": "snomed", "name": "SNOMED CT (DICOM subset)", "nameSpacePrefix": "SNOMED", "iriPrefix": "http://snomed.info/id/", "url": "https://www.snomed.org"],
        ["id": "icd10", "name": "ICD-10 (WHO)", "nameSpacePrefix": "ICD10", "url": "https://icd.who.int/browse10"],
        ["id": "icdo3", "name": "ICD-O-3 (WHO)", "nameSpacePrefix": "ICDO3", "url": "https://www.who.int/standards/classifications/other-classifications/international-classification-of-diseases-for-oncology"],
        ["id": "dicom", "name": "DICOM defined terms (Modality, Body Part Examined)", "nameSpacePrefix": "DICOM", "url": "https://dicom.nema.org/medical/dicom/current/output/chtml/part16/chapter_D.html"],
        ["id": "oncotree", "name": "OncoTree", "nameSpacePrefix": "ONCOTREE", "url": "https://oncotree.mskcc.org"],
        ["id": "eucaim", "name": "EUCAIM hyper-ontology", "nameSpacePrefix": "EUCAIM", "iriPrefix": "https://cancerimage.eu/ontology/EUCAIM#", "url": "https://cancerimage.eu"],
    ]

    static var policy: JSONValue {
        let policy = CohortAnswer.Policy.current
        return ["k": .number(Double(policy.k)), "rounding": .number(Double(policy.rounding)),
                "noise": .string(policy.noise), "version": .string(policy.version)]
    }

    /// The `individuals` answer: one result set per dataset whose count was released (a dataset
    /// answered "<10" is not listed, only counted in `info.suppressedDatasets`), the total of the
    /// released values, `exists` true only when some value was released.
    func countResponse(_ answer: CohortAnswer, request: BeaconRequest) -> JSONValue {
        let released = answer.datasets.compactMap { dataset in dataset.subjects.releasedValue.map { (dataset, $0) } }
        let resultSets: [JSONValue] = released.map { dataset, value in
            ["id": .string(dataset.dataset.description), "setType": "dataset", "exists": true,
             "resultsCount": .number(Double(value)), "countPrecision": "rounded", "results": [],
             "info": ["holder": .string(dataset.holder)]]
        }
        let meta: JSONValue = [
            "beaconId": .string(beaconID), "apiVersion": .string(Self.apiVersion),
            "returnedGranularity": "count", "returnedSchemas": [Self.individualSchema],
            "receivedRequestSummary": [
                "apiVersion": .string(request.apiVersion), "requestedSchemas": .array(request.requestedSchemas),
                "filters": .array(request.receivedFilters.map { .string($0) }),
                "pagination": ["skip": 0, "limit": 0], "requestedGranularity": .string(request.requestedGranularity),
            ],
        ]
        return [
            "meta": meta,
            "responseSummary": ["exists": .bool(answer.total.subjects > 0), "numTotalResults": .number(Double(answer.total.subjects)), "countPrecision": "rounded"],
            "response": ["resultSets": .array(resultSets)],
            "info": .object(info(answer)),
        ]
    }

    /// The count's context: the canonical query, the suppressed datasets (never listed), the
    /// policy, and at a hub each node's part — a missing node is named, never counted as zero.
    private func info(_ answer: CohortAnswer) -> [String: JSONValue] {
        var info: [String: JSONValue] = [
            "query": .string(answer.query), "suppressedDatasets": .number(Double(answer.total.suppressedDatasets)),
            "datasetsCounted": .number(Double(answer.datasets.count)), "disclosurePolicy": Self.policy,
        ]
        if let nodes = answer.nodes {
            info["missingNodes"] = .number(Double(answer.total.missingNodes ?? 0))
            info["nodes"] = .array(nodes.map { node in
                var entry: [String: JSONValue] = ["node": .string(node.node), "status": .string(node.status.rawValue)]
                if let reason = node.reason { entry["reason"] = .string(reason) }
                return .object(entry)
            })
        }
        return info
    }
}
