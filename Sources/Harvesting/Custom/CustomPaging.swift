import Foundation

/// Finds the next page of a custom API from the mapping's paging rule.
struct CustomPaging {
    let rule: NodeAPIMapping.Paging

    init(_ rule: NodeAPIMapping.Paging) { self.rule = rule }

    func next(after pageURL: URL, page: PageCursor, recordCount: Int) throws(CustomMappingError) -> URL? {
        switch rule {
        case .none:
            return nil
        case .nextLink(let path):
            guard let text = page.values(path, in: nil).first?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return URL(string: text, relativeTo: pageURL)?.absoluteURL
        case .pageNumber(let parameter, let first, let lastPage):
            guard recordCount > 0 else { return nil }
            let current = Self.query(pageURL, parameter).flatMap(Int.init) ?? first
            if let lastPage, let last = page.values(lastPage, in: nil).first.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), current >= last {
                return nil
            }
            return Self.setting(pageURL, [(parameter, String(current + 1))])
        case .offset(let offsetParameter, let limitParameter, let limit, let total):
            let offset = Self.query(pageURL, offsetParameter).flatMap(Int.init) ?? 0
            guard recordCount >= limit else { return nil }
            if let total, let count = page.values(total, in: nil).first.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), offset + limit >= count {
                return nil
            }
            return Self.setting(pageURL, [(offsetParameter, String(offset + limit)), (limitParameter, String(limit))])
        }
    }

    private static func query(_ url: URL, _ name: String) -> String? {
        URLComponents(url: url, resolvingAgainstBaseURL: true)?.queryItems?.first { $0.name == name }?.value
    }

    private static func setting(_ url: URL, _ items: [(String, String)]) -> URL? {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: true) else { return nil }
        var query = components.queryItems ?? []
        for (name, value) in items {
            query.removeAll { $0.name == name }
            query.append(URLQueryItem(name: name, value: value))
        }
        components.queryItems = query
        return components.url
    }
}
