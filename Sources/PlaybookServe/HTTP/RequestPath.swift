/// A request target made safe to look up under the preview folder: percent-decoded once,
/// split into path segments, with every way out of the folder refused.
///
/// Refused (``Refusal``): targets that are not origin-form or absolute-form, bad percent
/// escapes, bytes that are not UTF-8 (the overlong `%c0%ae` among them), NUL and other control
/// characters, backslashes, and `.` or `..` segments. Segments starting with a dot (dotfiles
/// such as the output marker) are refused as not found. Empty segments (`//`) are dropped, so
/// the segments always name something inside the folder.
struct RequestPath: Equatable, Sendable {
    /// The decoded segments, none empty, none starting with a dot.
    var segments: [String]
    /// Whether the target ended with `/` (a folder was asked for).
    var endsWithSlash: Bool

    /// Why a target was refused.
    enum Refusal: Error, Equatable {
        /// Not a path this server can serve at all (400).
        case malformed(String)
        /// A hidden file or folder (404: its existence is not confirmed).
        case hidden
    }

    /// The path the segments name, from the root, with `/` separators and percent-encoding
    /// where a URL needs it (for `Location` headers).
    var encoded: String {
        "/" + segments.map(Self.encode).joined(separator: "/") + (endsWithSlash && !segments.isEmpty ? "/" : "")
    }

    /// Parses a raw request target such as `/book/chapter.html?x=1`.
    static func parse(_ target: String) -> Result<RequestPath, Refusal> {
        var path = Substring(target)
        // Absolute-form (`http://host/path`), which proxies send: keep the path part.
        for scheme in ["http://", "https://"] where path.lowercased().hasPrefix(scheme) {
            let rest = path.dropFirst(scheme.count)
            path = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        guard path.first == "/" else { return .failure(.malformed("the request target must start with /")) }
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        let bytes: [UInt8]
        switch percentDecode(Array(path.utf8)) {
        case .some(let decoded): bytes = decoded
        case .none: return .failure(.malformed("bad percent-encoding"))
        }
        for byte in bytes where byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\\") {
            return .failure(.malformed(byte == UInt8(ascii: "\\") ? "backslash in path" : "control character in path"))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(.malformed("the path is not UTF-8"))
        }
        var segments: [String] = []
        for segment in text.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." || segment == ".." { return .failure(.malformed("dot segment in path")) }
            if segment.hasPrefix(".") { return .failure(.hidden) }
            segments.append(String(segment))
        }
        return .success(RequestPath(segments: segments, endsWithSlash: text.hasSuffix("/")))
    }

    /// Decodes `%XX` escapes; `nil` when an escape is malformed.
    private static func percentDecode(_ bytes: [UInt8]) -> [UInt8]? {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) else {
                    return nil
                }
                result.append(high << 4 | low)
                index += 3
            } else {
                result.append(byte)
                index += 1
            }
        }
        return result
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// Percent-encodes everything in a segment but unreserved characters and a few safe ones.
    private static func encode(_ segment: String) -> String {
        var result = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                 UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: "@"), UInt8(ascii: "!"), UInt8(ascii: "$"),
                 UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }
}

extension String {
    /// The string with zeros in front, up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: Swift.max(0, width - count)) + self
    }
}
