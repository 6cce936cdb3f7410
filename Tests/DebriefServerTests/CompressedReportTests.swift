import CompressNIO
import DebriefCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import DebriefServer
@testable import DebriefService

@Suite("Reports sent gzip-compressed")
struct CompressedReportTests {
    @Test("a client that accepts gzip gets the cached report compressed, with its own tag, and the same text once inflated")
    func gzipReport() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            for format in ["json", "csv", "md", "html"] {
                let uri = "/api/v1/positions/\(fixture.positionID)/report?format=\(format)"
                let plain = try await client.execute(uri: uri, method: .get, headers: Headers.bearer(fixture.recruiter)) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentEncoding] == nil, "\(format): compressed for a client that did not ask")
                    #expect(response.headers[.vary] == "Accept-Encoding")
                    return (text: response.body.text, tag: response.headers[.eTag] ?? "")
                }
                var accepting = Headers.bearer(fixture.recruiter)
                accepting[.acceptEncoding] = "br;q=1.0, gzip;q=0.8, *;q=0.1"
                let compressedTag = try await client.execute(uri: uri, method: .get, headers: accepting) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentEncoding] == "gzip")
                    #expect(response.headers[.vary] == "Accept-Encoding")
                    var body = response.body
                    let inflated = try body.decompress(with: .gzip())
                    #expect(String(buffer: inflated) == plain.text, "\(format): the gzip body is not the report")
                    #expect(response.body.readableBytes < plain.text.utf8.count, "\(format): gzip made it no smaller")
                    return response.headers[.eTag] ?? ""
                }
                #expect(compressedTag != plain.tag && compressedTag == String(plain.tag.dropLast()) + "-gzip\"")
                // Each tag answers 304 only for its own representation.
                accepting[.ifNoneMatch] = compressedTag
                try await client.execute(uri: uri, method: .get, headers: accepting) { #expect($0.status == .notModified) }
                var identity = Headers.bearer(fixture.recruiter)
                identity[.ifNoneMatch] = compressedTag
                try await client.execute(uri: uri, method: .get, headers: identity) { response in
                    #expect(response.status == .ok && response.body.text == plain.text)
                }
                var refusing = Headers.bearer(fixture.recruiter)
                refusing[.acceptEncoding] = "gzip;q=0, identity"
                try await client.execute(uri: uri, method: .get, headers: refusing) { response in
                    #expect(response.headers[.contentEncoding] == nil && response.body.text == plain.text)
                }
            }
        }
    }

    @Test(
        "Accept-Encoding is read with its weights",
        arguments: [
            ("gzip", true), ("GZIP", true), ("deflate, gzip;q=0.5", true), ("x-gzip", true), ("*", true), ("br, *;q=0.2", true),
            (nil, false), ("", false), ("identity", false), ("br", false), ("gzip;q=0", false), ("gzip;q=0.0, *", false),
            ("*;q=0", false), ("*, gzip;q=0", false), ("gzip ; q=0.001", true), ("gzip;Q=0", false), ("\tgzip\t", true),
            ("gzip;level=1;q=0.5", true), ("gzip;q=many", true), (";gzip", true), ("gzipper", false), ("gzip;q=", true),
        ] as [(String?, Bool)])
    func acceptEncoding(field: String?, accepts: Bool) {
        #expect(AcceptEncoding.acceptsGzip(field) == accepts)
    }

    @Test("kept bodies are bounded, and a body is the text it is kept for")
    func boundedMemo() throws {
        let memo = RenderedBodies(capacity: 3)
        let renderings = (1...10).map { RenderedReport(text: "report \($0) " + String(repeating: "é", count: $0 * 100)) }
        for rendering in renderings {
            #expect(String(buffer: memo.identity(of: rendering)) == rendering.text)
            var compressed = try memo.gzip(of: rendering)
            #expect(String(buffer: try compressed.decompress(with: .gzip())) == rendering.text)
        }
        #expect(memo.keptCount == 3)
    }
}
