import Foundation
import PlaybookCore

/// A JSON value that keeps the order of object keys, so that output is stable and readable.
enum JSONValue {
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// A number, or `null` when it is not finite (JSON has no NaN).
    static func finite(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }

    /// A string, or `null` when there is none.
    static func optional(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }

    /// Pretty-printed text with two-space indentation and a final newline.
    var text: String {
        var out = ""
        write(into: &out, indent: "")
        return out + "\n"
    }

    private func write(into out: inout String, indent: String) {
        switch self {
        case .string(let text): out += Self.quoted(text)
        case .number(let value):
            out += Self.number(value)
        case .integer(let value): out += String(value)
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += indent + "  "
                item.write(into: &out, indent: indent + "  ")
                out += index + 1 < items.count ? ",\n" : "\n"
            }
            out += indent + "]"
        case .object(let fields):
            guard !fields.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (index, (key, value)) in fields.enumerated() {
                out += indent + "  " + Self.quoted(key) + ": "
                value.write(into: &out, indent: indent + "  ")
                out += index + 1 < fields.count ? ",\n" : "\n"
            }
            out += indent + "}"
        }
    }

    /// A number with at most 15 significant digits, so that 2.9% prints as 0.029 rather than
    /// the binary 0.028999999999999998.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        // Swift's shortest form is what %.15g prints whenever it needs at most 15 significant
        // digits and no exponent; only the other values pay for String(format:).
        let shortest = value.description
        if abs(value) >= 1e-4, abs(value) < 1e15, !shortest.contains("e"),
           shortest.utf8.lazy.filter({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }).count - Self.leadingZeros(shortest) <= 15 {
            return shortest
        }
        var text = String(format: "%.15g", value)
        if text.contains("e") { return text }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// The zeros before the first significant digit (`0.00012` has four).
    private static func leadingZeros(_ text: String) -> Int {
        var count = 0
        for byte in text.utf8 where byte != UInt8(ascii: "-") && byte != UInt8(ascii: ".") {
            guard byte == UInt8(ascii: "0") else { break }
            count += 1
        }
        return count
    }

    static func quoted(_ text: String) -> String {
        JSONEscaping.quoted(text)
    }
}
