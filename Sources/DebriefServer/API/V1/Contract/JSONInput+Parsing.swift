import Foundation

/// Why a body is not JSON, and where: the byte (from 1) at which reading stopped.
struct JSONSyntaxError: Error, Equatable, CustomStringConvertible {
    let byte: Int
    let reason: String

    var description: String { "\(reason) at byte \(byte)" }
}

extension JSONInput {
    /// Reads a UTF-8 JSON document, accepting what Foundation's `JSONDecoder` accepted when it read
    /// bodies into this type (a leading byte order mark, a trailing comma in an array or object,
    /// the first of two equal keys, nesting 512 deep), with the same numbers: a whole number that
    /// fits in 64 bits, written as `3`, `3.0` or `3e0`, is an integer. Two differences, both for
    /// bodies no client means: the value of a repeated key must be valid JSON too (JSONDecoder never
    /// looked at it), and a number beyond 2^53 with a point or an exponent is rounded to the nearest
    /// 64-bit float before it is told whole or not (JSONDecoder cut its fraction off).
    ///
    /// One pass over the bytes. Decoding through `JSONDecoder` tried each kind of value in turn, with
    /// an error thrown and caught for each kind a value was not: 18% of the server's time for a
    /// scorecard submission.
    init(parsing data: Data) throws(JSONSyntaxError) {
        let result = data.withUnsafeBytes { raw -> Result<JSONInput, JSONSyntaxError> in
            var reader = JSONReader(bytes: raw.bindMemory(to: UInt8.self))
            do throws(JSONSyntaxError) {
                return .success(try reader.document())
            } catch {
                return .failure(error)
            }
        }
        self = try result.get()
    }
}

/// The reader behind `JSONInput(parsing:)`.
private struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var depth = 0
    static let maximumDepth = 512

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func document() throws(JSONSyntaxError) -> JSONInput {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        let value = try self.value()
        skipSpace()
        guard index == bytes.count else { throw fail("text after the JSON value") }
        return value
    }

    private mutating func value() throws(JSONSyntaxError) -> JSONInput {
        skipSpace()
        guard index < bytes.count else { throw fail("the JSON ends where a value should be") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try word("true", .bool(true))
        case UInt8(ascii: "f"): return try word("false", .bool(false))
        case UInt8(ascii: "n"): return try word("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw fail("unexpected character where a value should be")
        }
    }

    private mutating func object() throws(JSONSyntaxError) -> JSONInput {
        try enter()
        var members: [String: JSONInput] = [:]
        index += 1
        skipSpace()
        if peek(UInt8(ascii: "}")) { return leave(.object(members)) }
        while true {
            skipSpace()
            guard peek(UInt8(ascii: "\"")) else { throw fail("expected a member name in quotes") }
            let key = try string()
            skipSpace()
            guard peek(UInt8(ascii: ":")) else { throw fail("expected ':' after a member name") }
            index += 1
            let member = try value()
            if members[key] == nil { members[key] = member }
            skipSpace()
            if peek(UInt8(ascii: "}")) { return leave(.object(members)) }
            guard peek(UInt8(ascii: ",")) else { throw fail("expected ',' or '}' in an object") }
            index += 1
            skipSpace()
            if peek(UInt8(ascii: "}")) { return leave(.object(members)) }
        }
    }

    private mutating func array() throws(JSONSyntaxError) -> JSONInput {
        try enter()
        var elements: [JSONInput] = []
        index += 1
        skipSpace()
        if peek(UInt8(ascii: "]")) { return leave(.array(elements)) }
        while true {
            elements.append(try value())
            skipSpace()
            if peek(UInt8(ascii: "]")) { return leave(.array(elements)) }
            guard peek(UInt8(ascii: ",")) else { throw fail("expected ',' or ']' in an array") }
            index += 1
            skipSpace()
            if peek(UInt8(ascii: "]")) { return leave(.array(elements)) }
        }
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw fail("arrays and objects nested more than \(Self.maximumDepth) deep") }
    }

    /// Steps past the closing bracket at `index`.
    private mutating func leave(_ value: JSONInput) -> JSONInput {
        index += 1
        depth -= 1
        return value
    }

    /// A string, from its opening quote at `index`.
    private mutating func string() throws(JSONSyntaxError) -> String {
        index += 1
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"), bytes[index] >= 0x20 { index += 1 }
        guard index < bytes.count else { throw fail("a string is not closed") }
        if bytes[index] == UInt8(ascii: "\"") {
            let text = try text(UnsafeBufferPointer(rebasing: bytes[start..<index]), from: start)
            index += 1
            return text
        }
        var unescaped = Array(bytes[start..<index])
        while true {
            guard index < bytes.count else { throw fail("a string is not closed") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            guard byte >= 0x20 else { throw fail("a control character in a string must be escaped") }
            if byte == UInt8(ascii: "\\") {
                try escape(into: &unescaped)
            } else {
                unescaped.append(byte)
                index += 1
            }
        }
        let text = try unescaped.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in try self.text(buffer, from: start) }
        index += 1
        return text
    }

    private func text(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int) throws(JSONSyntaxError) -> String {
        guard let text = String(validating: utf8, as: UTF8.self) else {
            throw JSONSyntaxError(byte: start + 1, reason: "a string that is not valid UTF-8")
        }
        return text
    }

    /// One escape, from its backslash at `index`, appended as UTF-8.
    private mutating func escape(into output: inout [UInt8]) throws(JSONSyntaxError) {
        guard index + 1 < bytes.count else { throw fail("a string is not closed") }
        let letter = bytes[index + 1]
        index += 2
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(letter)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = UInt32(try hexQuad())
            if (0xD800...0xDBFF).contains(scalar) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw fail("a \\u escape of half a surrogate pair")
                }
                index += 2
                let low = UInt32(try hexQuad())
                guard (0xDC00...0xDFFF).contains(low) else { throw fail("a \\u escape of half a surrogate pair") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw fail("a \\u escape of half a surrogate pair")
            }
            guard let character = Unicode.Scalar(scalar) else { throw fail("a \\u escape that is not a character") }
            output.append(contentsOf: UTF8.encode(character)!)
        default:
            index -= 1
            throw fail("an unknown escape in a string")
        }
    }

    private mutating func hexQuad() throws(JSONSyntaxError) -> UInt16 {
        guard index + 4 <= bytes.count else { throw fail("a \\u escape needs four hex digits") }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail("a \\u escape needs four hex digits")
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    /// A number: a whole one that fits in 64 bits is an integer, however it is written.
    private mutating func number() throws(JSONSyntaxError) -> JSONInput {
        let start = index
        if peek(UInt8(ascii: "-")) { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw fail("a number needs a digit") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw fail("a number cannot start with 0") }
        } else {
            skipDigits()
        }
        var whole = true
        if peek(UInt8(ascii: ".")) {
            whole = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw fail("a number needs a digit after its point") }
            skipDigits()
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            whole = false
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw fail("a number needs a digit in its exponent") }
            skipDigits()
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if whole, let integer = Int64(text) { return .integer(integer) }
        guard let number = Double(text), number.isFinite else {
            throw JSONSyntaxError(byte: start + 1, reason: "a number too large for a 64-bit float")
        }
        // Digits alone that overflow 64 bits stay a float; with a point or an exponent, a whole value is an integer.
        if !whole, let integer = Int64(exactly: number) { return .integer(integer) }
        return .number(number)
    }

    private mutating func word(_ word: StaticString, _ value: JSONInput) throws(JSONSyntaxError) -> JSONInput {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count,
            UnsafeBufferPointer(start: word.utf8Start, count: count).elementsEqual(bytes[index..<index + count])
        else { throw fail("unexpected character where a value should be") }
        index += count
        return value
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func skipDigits() {
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }

    private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private func fail(_ reason: String) -> JSONSyntaxError {
        JSONSyntaxError(byte: index + 1, reason: reason)
    }
}
