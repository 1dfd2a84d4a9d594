/// A `Range: bytes=…` request header, for one range (a request for several is answered with
/// the whole file, which RFC 9110 allows).
enum ByteRange: Equatable {
    /// `first...last`, already clipped to the file.
    case satisfiable(ClosedRange<Int>)
    /// No byte of the file is in the range (416).
    case unsatisfiable
    /// Not a single byte range this server answers: send the whole file.
    case ignored

    /// Reads `header` for a file of `length` bytes.
    static func parse(_ header: String, length: Int) -> ByteRange {
        let trimmed = header.trimmingSpaces
        guard trimmed.lowercased().hasPrefix("bytes=") else { return .ignored }
        let spec = trimmed.dropFirst("bytes=".count).trimmingSpaces
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return .ignored }
        let start = spec[..<dash].trimmingSpaces, end = spec[spec.index(after: dash)...].trimmingSpaces
        if start.isEmpty {
            // A suffix: the last `end` bytes.
            guard let suffix = Int(end), suffix >= 0 else { return .ignored }
            guard suffix > 0, length > 0 else { return .unsatisfiable }
            return .satisfiable(max(0, length - suffix)...(length - 1))
        }
        guard let first = Int(start), first >= 0 else { return .ignored }
        let last: Int
        if end.isEmpty {
            last = length - 1
        } else {
            guard let value = Int(end), value >= first else { return .ignored }
            last = min(value, length - 1)
        }
        guard first < length else { return .unsatisfiable }
        return .satisfiable(first...last)
    }
}

extension StringProtocol {
    /// Without spaces and tabs at either end.
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
