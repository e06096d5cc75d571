import Foundation
import Hummingbird
import HTTPTypes
import NIOCore

/// The pages' stylesheet and script, read once from the target's resources and served from
/// memory with an ETag: no CDN, no font service, nothing fetched from elsewhere.
struct StaticAssets: Sendable {
    struct Asset: Sendable {
        var bytes: ByteBuffer
        var contentType: String
        var etag: String
    }

    private let assets: [String: Asset]
    /// Changes whenever an asset changes: pages link `?v=VERSION` so a browser never mixes versions.
    let version: String

    init(directory: URL) throws {
        let types = ["css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml"]
        var assets: [String: Asset] = [:]
        var combined = FNV1a()
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        for name in names {
            guard let type = types[(name as NSString).pathExtension] else { continue }
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            var hash = FNV1a()
            hash.add(data)
            combined.add(data)
            assets[name] = Asset(bytes: ByteBuffer(bytes: data), contentType: type, etag: "\"\(hash.hex)\"")
        }
        guard !assets.isEmpty else { throw WebPagesError.missingResources("no stylesheet or script in \(directory.lastPathComponent)") }
        self.assets = assets
        version = String(combined.hex.prefix(10))
    }

    /// The asset, 304 when the browser's copy is current, 404 for any other name.
    func response(named name: String, ifNoneMatch: String?) throws -> Response {
        guard let asset = assets[name] else {
            throw HTTPError(.notFound, message: "no static file '\(name)'")
        }
        var headers: HTTPFields = [.contentType: asset.contentType, .eTag: asset.etag]
        // Versioned links (`?v=`) make a long lifetime safe; the ETag covers unversioned ones.
        headers[.cacheControl] = "public, max-age=86400"
        if ifNoneMatch == asset.etag { return Response(status: .notModified, headers: headers) }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: asset.bytes))
    }
}

/// 64-bit FNV-1a: a content fingerprint for ETags, not a security hash.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ data: Data) {
        for byte in data {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
    }

    var hex: String { String(value, radix: 16) }
}
