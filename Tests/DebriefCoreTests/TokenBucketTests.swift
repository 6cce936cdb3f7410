import DebriefCore
import Foundation
import Testing

@Suite("Token bucket")
struct TokenBucketTests {
    @Test("a burst up to the capacity passes, the next waits for the refill, and time refills it")
    func bucket() {
        let start = Date(timeIntervalSince1970: 1_000)
        var bucket = TokenBucket(capacity: 3, perSecond: 0.5, now: start)
        #expect((0..<3).map { _ in bucket.take(now: start) } == [nil, nil, nil])
        #expect(bucket.take(now: start) == 2, "one token takes two seconds at 0.5 a second")
        #expect(bucket.take(now: start.addingTimeInterval(1)) == 1)
        #expect(bucket.take(now: start.addingTimeInterval(2)) == nil)
        #expect(!bucket.isFull(at: start.addingTimeInterval(2)) && bucket.isFull(at: start.addingTimeInterval(8)))
        #expect(bucket.take(now: start.addingTimeInterval(1_000)) == nil && bucket.tokens == 2, "never more than the capacity")
    }
}
