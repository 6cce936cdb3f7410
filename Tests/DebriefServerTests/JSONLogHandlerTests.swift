import DebriefServer
import Foundation
import Logging
import Synchronization
import Testing

@Suite("JSON log lines")
struct JSONLogHandlerTests {
    @Test("each line is one JSON object with time, level, logger, message and the metadata, quotes and newlines escaped")
    func lines() throws {
        let written = Mutex<[String]>([])
        var logger = Logger(label: "Debrief") { label in JSONLogHandler(label: label, level: .info) { line in written.withLock { $0.append(line) } } }
        logger[metadataKey: "hb.request.id"] = "req-7"
        logger.info("sign-in refused for \"x\"\nnext line", metadata: ["client": "127.0.0.1"])
        logger.debug("below the level")
        let lines = written.withLock { $0 }
        #expect(lines.count == 1 && lines[0].hasSuffix("}\n") && lines[0].filter { $0 == "\n" }.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(object["level"] as? String == "info" && object["logger"] as? String == "Debrief")
        #expect(object["message"] as? String == "sign-in refused for \"x\"\nnext line")
        #expect(object["hb.request.id"] as? String == "req-7" && object["client"] as? String == "127.0.0.1")
        #expect((object["time"] as? String)?.hasSuffix("Z") == true)
    }
}
