import Foundation
import Testing

@testable import DebriefImport

@Suite("Importing a mapped page file")
struct MappedPageFileTests {
    /// A page of `count` questions with prose answers, several megabytes long, so the parser lets
    /// go of the mapping behind it more than once; `tail` goes just before the end.
    static func page(questions count: Int, tail: String = "") -> Data {
        var html = "<html><head><title>Long page</title></head><body><article>"
        let prose = String(repeating: "Measure the tail latency rather than the mean, because the slowest requests matter. ", count: 40)
        for number in 1...count {
            html += "<h3>Q\(number). How would you shard table \(number)?</h3><p>\(prose)<code>shards = \(number)</code></p>"
        }
        html += "<p>\(tail)</p></article></body></html>"
        return Data(html.utf8)
    }

    static func writeTemporary(_ data: Data) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mapped-\(UUID().uuidString).html")
        try data.write(to: url)
        return url
    }

    @Test("a mapped page imports exactly as the same page read into memory, though the parser let go of it")
    func sameQuestions() throws {
        let bytes = Self.page(questions: 3_000)
        #expect(bytes.count > 8 << 20)
        let url = try Self.writeTemporary(bytes)
        defer { try? FileManager.default.removeItem(at: url) }
        let mapped = try #require(MappedPageFile.data(atPath: url.path))
        #expect(mapped.withUnsafeBytes(MappedPageFile.releasesBehind))
        let fromMapping = try QuestionSetImporter().extract(mapped, source: "page.html")
        let fromMemory = try QuestionSetImporter().extract(bytes, source: "page.html")
        #expect(ImportFixtures.questions(fromMapping).count == 3_000)
        #expect(ImportFixtures.questions(fromMapping) == ImportFixtures.questions(fromMemory))
        #expect(fromMapping.warnings == fromMemory.warnings)
        // What the parser let go of reads back from the file.
        #expect(mapped == bytes)
    }

    @Test("ordinary memory is never let go of, and a page's released bytes read back from the file")
    func onlyMappingsRelease() throws {
        let bytes = Data(repeating: UInt8(ascii: "a"), count: 3 << 20)
        #expect(!bytes.withUnsafeBytes(MappedPageFile.releasesBehind))
        let url = try Self.writeTemporary(bytes)
        defer { try? FileManager.default.removeItem(at: url) }
        let mapped = try #require(MappedPageFile.data(atPath: url.path))
        mapped.withUnsafeBytes { MappedPageFile.release($0, below: $0.count) }
        #expect(mapped == bytes)
        #expect(MappedPageFile.data(atPath: FileManager.default.temporaryDirectory.path) == nil, "a folder is not a page")
        #expect(MappedPageFile.data(atPath: url.path + ".missing") == nil)
    }

    @Test("a page without a charset is checked for non-ASCII bytes to its end, not only where it starts")
    func nonASCIIFarIn() throws {
        let ascii = try QuestionSetImporter().extract(Self.page(questions: 1_500), source: "page.html")
        #expect(!ascii.warnings.contains { $0.contains("read as UTF-8") })
        let accented = Self.page(questions: 1_500, tail: "Café")
        let url = try Self.writeTemporary(accented)
        defer { try? FileManager.default.removeItem(at: url) }
        for data in [accented, try #require(MappedPageFile.data(atPath: url.path))] {
            let set = try QuestionSetImporter().extract(data, source: "page.html")
            #expect(set.warnings.contains { $0.contains("declares no charset; it was read as UTF-8") })
        }
    }

    @Test("non-ASCII bytes are found at any offset, in the eight-byte words and the tail")
    func scanFindsEveryOffset() {
        for length in [0, 1, 7, 8, 9, 63, 64, 65] {
            let plain = [UInt8](repeating: 0x41, count: length)
            #expect(!plain.withUnsafeBytes(TextScan.hasNonASCII))
            for offset in 0..<length {
                var marked = plain
                marked[offset] = 0xC3
                #expect(marked.withUnsafeBytes(TextScan.hasNonASCII), "length \(length), offset \(offset)")
            }
        }
    }
}
