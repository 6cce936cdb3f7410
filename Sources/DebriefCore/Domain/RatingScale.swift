/// The range of points a rating may take, such as 1 to 4.
public struct RatingScale: Hashable, Sendable, Codable {
    public let minimum: Int
    public let maximum: Int

    public init(minimum: Int, maximum: Int) throws(FieldError) {
        guard minimum >= 0, maximum > minimum, maximum <= 100 else {
            throw FieldError(field: "scale", "\(minimum)–\(maximum) is not a scale; it needs 0 ≤ minimum < maximum ≤ 100")
        }
        self.minimum = minimum
        self.maximum = maximum
    }

    /// `value` moved onto the scale: an adjusted (calibrated) value never leaves it.
    public func clamp(_ value: Double) -> Double {
        min(Double(maximum), max(Double(minimum), value))
    }

    /// Refuses a point off the scale, naming the scale.
    public func validate(_ value: RatingValue, field: @autoclosure () -> String) throws(FieldError) {
        guard let point = value.point else { return }
        guard (minimum...maximum).contains(point) else {
            throw FieldError(field: field(), "rating \(point) is off the scale; use \(minimum) to \(maximum) or no signal")
        }
    }
}
