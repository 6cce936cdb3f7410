/// Sums that do not depend on the order the values arrive in. Floating-point addition is not
/// associative, and values often come out of dictionaries, whose order changes from run to run;
/// adding them smallest first makes the same values give the same total, to the last digit.
enum StableSum {
    static func sum(_ values: [Double]) -> Double {
        values.sorted().reduce(0, +)
    }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : sum(values) / Double(values.count)
    }
}
