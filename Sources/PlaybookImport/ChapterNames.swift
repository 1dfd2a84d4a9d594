import PlaybookCore

/// File names for imported chapters: the order, zero-padded, then a name from the source file
/// (`src/format/config.md` → `07-config.md`; a folder's `README.md` or `index.md` takes the
/// folder's name), or from the title when there is no file. Names are unique in the book.
struct ChapterNames {
    private var used: Set<String> = []
    private let width: Int

    /// Names for a book of `count` chapters.
    init(count: Int) {
        width = max(2, String(count).count)
    }

    /// The file name for chapter `order` from `sourcePath` (relative, `/`-separated) or `title`.
    mutating func name(order: Int, sourcePath: String?, title: String) -> String {
        var base = title
        if let sourcePath {
            var parts = sourcePath.split(separator: "/").map(String.init)
            var last = parts.popLast() ?? title
            if let dot = last.lastIndex(of: ".") { last = String(last[..<dot]) }
            if ["readme", "index"].contains(last.lowercased()) {
                // A folder's introduction takes the folder's name; the book's own, its title.
                base = parts.last ?? title
            } else {
                base = last
            }
        }
        var stem = Self.stem(base)
        // The order is the new prefix: an old one (`2-setup`, `10_usage`) goes.
        let unnumbered = stem.drop { $0.isNumber }.drop { $0 == "-" || $0 == "_" }
        if unnumbered.count < stem.count, let first = unnumbered.first, first.isLetter { stem = String(unnumbered) }
        if stem.isEmpty { stem = "chapter" }
        let number = String(order)
        let prefix = String(repeating: "0", count: max(0, width - number.count)) + number
        var name = "\(prefix)-\(stem).md"
        var suffix = 2
        while used.contains(name) {
            name = "\(prefix)-\(stem)-\(suffix).md"
            suffix += 1
        }
        used.insert(name)
        return name
    }

    /// Lower-case ASCII letters and digits, other runs made one `-`.
    static func stem(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash, !out.isEmpty { out += "-" }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else if scalar == "_" || scalar == "." {
                if pendingDash, !out.isEmpty { out += "-" }
                pendingDash = false
                out += "_"
            } else {
                pendingDash = true
            }
        }
        return String(out.prefix(60))
    }

    /// The book's folder name from a title or folder name: lower case, `-` between words.
    static func bookSlug(_ text: String) -> String {
        let stem = stem(text).replacingOccurrences(of: "_", with: "-")
        guard let first = stem.unicodeScalars.first, first.properties.isAlphabetic else { return "book" + (stem.isEmpty ? "" : "-" + stem) }
        return stem
    }
}
