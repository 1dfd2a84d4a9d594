/// Names derived from text: heading anchors and file-name checks.
public enum Slug {
    /// Whether a file or folder name can be used as-is in URLs and EPUB paths: ASCII letters,
    /// digits, `-`, `_` and `.`, not starting with `.` or `-`.
    public static func isValidFileName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first != ".", first != "-" else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "-" || scalar == "_" || scalar == "."
        }
    }

    /// The anchor for a heading's text, GitHub style: lower case, punctuation removed, spaces
    /// to hyphens (`"ROI: the 3-year view"` → `roi-the-3-year-view`). An anchor must be an XML
    /// name for EPUB, so one that would start with a digit, a hyphen or nothing gets `h-` in front.
    public static func anchor(for text: String) -> String {
        if let ascii = asciiAnchor(for: text) { return ascii }
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
                || properties.generalCategory == .spacingMark {
                if properties.numericType != nil, !properties.isAlphabetic, !("0"..."9").contains(scalar) {
                    continue  // superscripts and fractions are not XML name characters everywhere
                }
                out.unicodeScalars.append(scalar)
            } else if scalar == " " || scalar == "-" || scalar == "\t" {
                out += "-"
            } else if scalar == "_" {
                out += "_"
            }
        }
        guard let first = out.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else {
            return "h-" + out
        }
        return out
    }

    /// The same anchor, worked out byte by byte for ASCII text (nearly every heading).
    private static func asciiAnchor(for text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): bytes.append(byte)
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "-"))
            case 0x80...: return nil
            default: continue
            }
        }
        let anchor = String(decoding: bytes, as: UTF8.self)
        guard let first = bytes.first, (first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z")) || first == UInt8(ascii: "_") else {
            return "h-" + anchor
        }
        return anchor
    }

    /// Whether `id` is usable as an anchor in HTML and XHTML alike: an XML name without colons.
    public static func isValidAnchor(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return id.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == "."
                || scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .spacingMark
        }
    }
}
