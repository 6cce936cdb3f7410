import DebriefCore
import Foundation

// The panel reliability study's cost as a position grows (issue 16): simulated positions of
// 10k, 100k and 1M ratings (panels of 3 from a pool that grows with the position, 4 competencies),
// each fitted by REML, against a baseline in the same run: one pass over the same ratings that
// works out each candidate's mean.
// Usage: debrief-bench-reliability [RATINGS...]

struct Random {
    var state: UInt64
    mutating func uniform() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 53)
    }
    mutating func normal() -> Double { (-2 * log(max(uniform(), 1e-300))).squareRoot() * cos(2 * .pi * uniform()) }
}

func position(ratings wanted: Int) -> [PanelRating] {
    let competencies = ["fundamentals", "apis-http", "databases", "system-design"]
    let candidates = max(10, wanted / 12)
    let pool = max(10, Int(Double(candidates).squareRoot()))
    var random = Random(state: UInt64(wanted))
    let leniency = (0..<pool).map { _ in 0.3 * random.normal() }
    var ratings: [PanelRating] = []
    ratings.reserveCapacity(candidates * 12)
    for candidate in 0..<candidates {
        let level = 0.5 * random.normal()
        var panel: Set<Int> = []
        while panel.count < 3 { panel.insert(Int(random.uniform() * Double(pool))) }
        for interviewer in panel.sorted() {
            for competency in competencies {
                let value = (2.5 + level + leniency[interviewer] + 0.6 * random.normal()).rounded()
                ratings.append(
                    PanelRating(candidate: Int64(candidate), interviewer: Int64(interviewer), competency: competency, value: min(4, max(1, value))))
            }
        }
    }
    return ratings
}

func seconds(_ work: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func peakMegabytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss / 1024
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains(where: { $0 == "--help" || $0 == "-h" }) || arguments.contains(where: { Int($0) == nil }) {
    print(
        "Usage: debrief-bench-reliability [RATINGS...]\n  Fits the panel reliability study to simulated positions of RATINGS ratings each (10000 100000 1000000 unless told)"
    )
    exit(arguments.allSatisfy { $0 == "--help" || $0 == "-h" } ? 0 : 64)
}
let sizes = arguments.compactMap { Int($0) }
print(
    "| ratings | candidates | interviewers | baseline: one pass of candidate means | REML fit and D-study | fit / baseline | evaluations over the whole position | µs per rating | peak MB |"
)
print("|---|---|---|---|---|---|---|---|---|")
for size in sizes.isEmpty ? [10_000, 100_000, 1_000_000] : sizes {
    let ratings = position(ratings: size)
    var means: [Int64: (Double, Double)] = [:]
    let baseline = seconds {
        for rating in ratings { means[rating.candidate, default: (0, 0)].0 += rating.value; means[rating.candidate, default: (0, 0)].1 += 1 }
    }
    var study: PanelReliability?
    let fit = try seconds { study = try PanelReliability(ratings: ratings) }
    guard let study else { continue }
    let components = study.components
    print(
        "| \(ratings.count) | \(components.candidates) | \(components.interviewers) | \(String(format: "%.3f", baseline)) s | \(String(format: "%.2f", fit)) s | "
            + "\(String(format: "%.0f", fit / baseline))× | \(components.evaluations) | \(String(format: "%.2f", fit * 1e6 / Double(ratings.count))) | \(peakMegabytes()) |"
    )
    FileHandle.standardError.write(
        Data(
            "  \(ratings.count) ratings: components \(components.candidate), \(components.interviewer), \(components.candidateCompetency), \(components.residual) (standard errors \(components.errors.map { [$0.candidate, $0.interviewer, $0.candidateCompetency, $0.residual].map { $0.map { String(format: "%.4f", $0) } ?? "none" }.joined(separator: ", ") } ?? "none")); REML criterion \(components.remlCriterion); G(q,k) \(String(format: "%.3f", study.reliability)), q \(String(format: "%.4f", study.overlap)), 0.8 with \(study.smallestPanel(reaching: 0.8).map(String.init) ?? "more than 8")\n"
                .utf8))
}
